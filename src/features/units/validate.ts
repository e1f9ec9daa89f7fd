// Input rules for units: every error names the field and the rule.
import { Invalid } from '../../core/errors.ts';
import { validateUscc } from '../../core/identity/uscc.ts';
import { isUnitKind, UNIT_KIND_LABELS, UNIT_KINDS, type OfficeContact, type UnitKind } from './model.ts';

export interface UnitInput {
  readonly name?: unknown;
  readonly kind?: unknown;
  readonly uscc?: unknown;
  readonly regionCode?: unknown;
  readonly contact?: { readonly [K in keyof OfficeContact]?: unknown };
}

export interface ValidUnit {
  readonly name: string;
  readonly kind: UnitKind;
  readonly uscc: string | null;
  readonly regionCode: string | null;
  readonly contact: OfficeContact;
}

function optionalText(value: unknown, field: string, label: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Invalid(field, `“${label}”应为文本`);
  const text = value.trim();
  if (text === '') return null;
  if (text.length > max) throw new Invalid(field, `“${label}”不能超过 ${max} 个字`);
  return text;
}

function matching(value: string | null, pattern: RegExp, field: string, rule: string): string | null {
  if (value !== null && !pattern.test(value)) throw new Invalid(field, rule);
  return value;
}

export function validateUnitInput(input: UnitInput): ValidUnit {
  const name = optionalText(input.name, 'name', '单位名称', 100);
  if (name === null || name.length < 2) throw new Invalid('name', '“单位名称”必填，至少 2 个字');
  const kind = typeof input.kind === 'string' ? input.kind.trim() : '';
  if (!isUnitKind(kind)) {
    const allowed = UNIT_KINDS.map((k) => `${k}（${UNIT_KIND_LABELS[k]}）`).join('、');
    throw new Invalid('kind', `“单位类型”应为以下之一：${allowed}`);
  }
  const usccText = optionalText(input.uscc, 'uscc', '统一社会信用代码', 40);
  let uscc: string | null = null;
  if (usccText !== null) {
    const checked = validateUscc(usccText);
    if (!checked.ok) throw new Invalid('uscc', checked.message);
    uscc = checked.code;
  }
  const regionCode = matching(
    optionalText(input.regionCode, 'regionCode', '行政区划代码', 12),
    /^(\d{6}|\d{9}|\d{12})$/,
    'regionCode',
    '“行政区划代码”应为 6 位（GB/T 2260）、9 位或 12 位（统计用区划代码）数字',
  );
  const c = input.contact ?? {};
  const contact: OfficeContact = {
    officeName: optionalText(c.officeName, 'contact.officeName', '政府信息公开工作机构名称', 100),
    address: optionalText(c.address, 'contact.address', '办公地址', 200),
    hours: optionalText(c.hours, 'contact.hours', '办公时间', 200),
    phone: matching(
      optionalText(c.phone, 'contact.phone', '联系电话', 50),
      /^[\d\s()（）+\-－转、,，]{5,50}$/u,
      'contact.phone',
      '“联系电话”只能包含数字、区号括号、连字符和“转”',
    ),
    fax: matching(
      optionalText(c.fax, 'contact.fax', '传真', 50),
      /^[\d\s()（）+\-－]{5,50}$/u,
      'contact.fax',
      '“传真”只能包含数字、括号和连字符',
    ),
    email: matching(
      optionalText(c.email, 'contact.email', '电子邮箱', 100),
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/u,
      'contact.email',
      '“电子邮箱”格式不正确',
    ),
    postcode: matching(
      optionalText(c.postcode, 'contact.postcode', '邮政编码', 6),
      /^\d{6}$/,
      'contact.postcode',
      '“邮政编码”应为 6 位数字',
    ),
  };
  return { name, kind, uscc, regionCode, contact };
}
