// Input rules for accounts: every error names the field and the rule.
import { isRole, ROLE_LABELS, ROLES } from '../../core/access/roles.ts';
import { Invalid } from '../../core/errors.ts';
import { toHalfWidth } from '../../core/identity/normalize-code.ts';
import { validateResidentId } from '../../core/identity/resident-id.ts';
import type { GrantInput } from './model.ts';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;

/** User names are compared in lower case: "ZhangSan" and "zhangsan" are one account. */
export function normaliseUsername(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

export function validateUsername(value: unknown): string {
  const username = normaliseUsername(value);
  if (!USERNAME_PATTERN.test(username)) {
    throw new Invalid(
      'username',
      '“用户名”应为 3–32 位，只能包含小写字母、数字、点（.）、下划线（_）和连字符（-）',
    );
  }
  return username;
}

export function validateDisplayName(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new Invalid('displayName', '“姓名”必填');
  if (Array.from(text).length > 50) throw new Invalid('displayName', '“姓名”不能超过 50 个字');
  if (/[\p{Cc}<>]/u.test(text)) throw new Invalid('displayName', '“姓名”不能包含控制字符或尖括号');
  return text;
}

export function validatePasswordPresent(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new Invalid(field, '密码必填');
  return value;
}

export function validateRole(value: unknown, field = 'role'): GrantInput['role'] {
  if (typeof value !== 'string' || !isRole(value)) {
    const allowed = ROLES.map((role) => `${role}（${ROLE_LABELS[role]}）`).join('、');
    throw new Invalid(field, `“角色”应为以下之一：${allowed}`);
  }
  return value;
}

export function validateUnitId(value: unknown, field = 'unitId'): number {
  const id = typeof value === 'string' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new Invalid(field, '“单位”应为单位编号');
  }
  return id;
}

/** At least one role; duplicates are merged. */
export function validateGrants(value: unknown): GrantInput[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Invalid('grants', '至少要授予一个角色（单位和角色）');
  }
  const seen = new Set<string>();
  const grants: GrantInput[] = [];
  for (const [index, item] of (value as unknown[]).entries()) {
    const entry = (item ?? {}) as { unitId?: unknown; role?: unknown };
    const grant = {
      unitId: validateUnitId(entry.unitId, `grants[${index}].unitId`),
      role: validateRole(entry.role, `grants[${index}].role`),
    };
    const key = `${grant.unitId}:${grant.role}`;
    if (!seen.has(key)) grants.push(grant);
    seen.add(key);
  }
  return grants;
}

// ---- real-name data (实名): optional; an empty value means "not given" ----

function optionalText(field: string, label: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Invalid(field, `“${label}”应为文字`);
  const text = toHalfWidth(value).trim();
  return text === '' ? null : text;
}

/** A resident identity number (GB 11643-1999), stored in its normalised form (half-width, upper-case X). */
export function validateIdNumber(value: unknown, field = 'idNumber'): string | null {
  const text = optionalText(field, '居民身份证号码', value);
  if (text === null) return null;
  const result = validateResidentId(text);
  if (!result.ok) throw new Invalid(field, `“居民身份证号码”不正确：${result.message}`);
  return result.id;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code (010, 02x: three digits; others four) and a local number of 7–8 digits. */
const LANDLINE = /^(0[12]\d|0[3-9]\d{2})(\d{7,8})$/;

/** A mainland mobile number (11 digits) or a landline with its area code, e.g. 010-12345678. */
export function validatePhone(value: unknown, field = 'phone'): string | null {
  const text = optionalText(field, '联系电话', value);
  if (text === null) return null;
  let digits = text.replace(/[\s()（）-]/g, '');
  if (/^(\+86|0086)/.test(digits)) digits = digits.replace(/^(\+86|0086)/, '');
  if (MOBILE.test(digits)) return digits;
  const landline = LANDLINE.exec(digits);
  if (landline) return `${landline[1] ?? ''}-${landline[2] ?? ''}`;
  throw new Invalid(
    field,
    '“联系电话”应为 11 位手机号码（以 13–19 开头）或带区号的固定电话（如 010-12345678）',
  );
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/u;

export function validateEmail(value: unknown, field = 'email'): string | null {
  const text = optionalText(field, '电子邮箱', value);
  if (text === null) return null;
  if (text.length > 254 || !EMAIL.test(text)) {
    throw new Invalid(field, '“电子邮箱”格式不正确，应如 name@example.gov.cn');
  }
  return text;
}

/** The text of a reason given for an audited action, e.g. revealing personal data. */
export function validateReason(value: unknown, field = 'reason'): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (Array.from(text).length < 2) throw new Invalid(field, '“查看原因”必填（至少 2 个字）');
  if (Array.from(text).length > 200) throw new Invalid(field, '“查看原因”不能超过 200 个字');
  if (/\p{Cc}/u.test(text)) throw new Invalid(field, '“查看原因”不能包含控制字符');
  return text;
}
