// The item form as the service takes it: field by field, each rule named in zh-CN. The publication date,
// index number and version are never read from a form: the system sets them.
import { compareDates, isPlainDate, type PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid } from '../../core/errors.ts';
import { categoriesForKind, isSubColumn, SUB_COLUMN_LABELS } from '../../core/publishing/categories.ts';
import {
  DEFAULT_DISCLOSURE_METHOD,
  DEFAULT_DISCLOSURE_PERIOD,
  DEFAULT_FORMAT,
  isValidity,
  METADATA_LABELS,
} from '../../core/publishing/metadata.ts';
import type { ItemContent, Subcategory } from './model.ts';
import { sanitizeBody, textOfHtml } from './rich-text.ts';

export type ItemForm = Readonly<Record<string, unknown>>;

const LIMITS = { title: 200, summary: 1000, body: 200_000, short: 100, keywords: 200 } as const;

function textOf(form: ItemForm, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

function required(form: ItemForm, name: string, label: string, max: number): string {
  const value = textOf(form, name);
  if (value === '') throw new Invalid(name, `请填写${label}`);
  if (Array.from(value).length > max) throw new Invalid(name, `${label}不能超过 ${max} 个字`);
  return value;
}

function optional(form: ItemForm, name: string, label: string, max: number): string | null {
  const value = textOf(form, name);
  if (value === '') return null;
  if (Array.from(value).length > max) throw new Invalid(name, `${label}不能超过 ${max} 个字`);
  return value;
}

function optionalDate(form: ItemForm, name: string, label: string): PlainDate | null {
  const value = textOf(form, name);
  if (value === '') return null;
  if (!isPlainDate(value)) throw new Invalid(name, `${label}须为“YYYY-MM-DD”格式的日期`);
  return value;
}

export interface FormContext {
  readonly unitKind: string;
  readonly subcategories: readonly Subcategory[];
  readonly today: PlainDate;
  /** The addresses of the item's own image attachments: the only images a rich-text body may show. */
  readonly imageSources?: ReadonlySet<string>;
}

/**
 * The body as plain text (one paragraph a line) or, with `bodyFormat=html`, as HTML cut down to the
 * allowlist; the checks then read its text content.
 */
function bodyOf(form: ItemForm, context: FormContext): { body: string; bodyHtml: string | null } {
  const format = textOf(form, 'bodyFormat') || 'text';
  if (format !== 'text' && format !== 'html') throw new Invalid('bodyFormat', '正文格式须为纯文本或 HTML');
  const written = required(form, 'body', '正文', LIMITS.body);
  if (format === 'text') return { body: written, bodyHtml: null };
  const bodyHtml = sanitizeBody(written, context.imageSources);
  const body = textOfHtml(bodyHtml);
  if (body === '') throw new Invalid('body', '正文去除不允许的标签后没有文字内容');
  return { body, bodyHtml };
}

/** The item's content from a submitted form, or Invalid naming the first field that breaks a rule. */
export function parseItemForm(form: ItemForm, context: FormContext): ItemContent {
  const subColumn = textOf(form, 'subColumn') || 'statutory';
  if (!isSubColumn(subColumn)) {
    throw new Invalid('subColumn', `所属栏目须为：${Object.values(SUB_COLUMN_LABELS).join('、')}`);
  }
  let categoryCode: string | null = null;
  let subcategoryId: number | null = null;
  if (subColumn === 'statutory') {
    categoryCode = textOf(form, 'categoryCode');
    if (categoryCode === '')
      throw new Invalid('categoryCode', `法定主动公开内容须选择${METADATA_LABELS.category}`);
    if (!categoriesForKind(context.unitKind).some((category) => category.code === categoryCode)) {
      throw new Invalid('categoryCode', `${METADATA_LABELS.category}不是本单位可用的法定主动公开类别`);
    }
    const sub = textOf(form, 'subcategoryId');
    if (sub !== '') {
      const found = context.subcategories.find((candidate) => String(candidate.id) === sub);
      if (found === undefined || found.parentCode !== categoryCode) {
        throw new Invalid('subcategoryId', '子类别须是本单位在所选主题分类下设置的子类别');
      }
      subcategoryId = found.id;
    }
  }
  const title = required(form, 'title', METADATA_LABELS.title, LIMITS.title);
  const summary = required(form, 'summary', METADATA_LABELS.summary, LIMITS.summary);
  const { body, bodyHtml } = bodyOf(form, context);
  const writtenOn = optionalDate(form, 'writtenOn', METADATA_LABELS.writtenOn);
  if (writtenOn !== null && compareDates(writtenOn, context.today) > 0) {
    throw new Invalid('writtenOn', `${METADATA_LABELS.writtenOn}不能晚于今天（${context.today}）`);
  }
  const validityText = textOf(form, 'validity');
  const validity = validityText === '' ? null : validityText;
  if (validity !== null && !isValidity(validity)) {
    throw new Invalid('validity', `${METADATA_LABELS.validity}须为有效、失效或废止`);
  }
  const effectiveOn = optionalDate(form, 'effectiveOn', '生效日期');
  const invalidOn = optionalDate(form, 'invalidOn', '失效或废止日期');
  if (validity === null && (effectiveOn !== null || invalidOn !== null)) {
    throw new Invalid('validity', '填写生效或失效日期时须同时选择有效性（仅规范性文件填写）');
  }
  if ((validity === 'expired' || validity === 'repealed') && invalidOn === null) {
    throw new Invalid('invalidOn', '失效或废止的文件须填写失效或废止日期');
  }
  if (validity === 'valid' && invalidOn !== null) {
    throw new Invalid('invalidOn', '有效的文件不填写失效或废止日期');
  }
  if (effectiveOn !== null && invalidOn !== null && compareDates(invalidOn, effectiveOn) < 0) {
    throw new Invalid('invalidOn', '失效或废止日期不能早于生效日期');
  }
  return {
    subColumn,
    categoryCode,
    subcategoryId,
    title,
    summary,
    body,
    bodyHtml,
    documentNumber: optional(form, 'documentNumber', METADATA_LABELS.documentNumber, LIMITS.short),
    writtenOn,
    genre: optional(form, 'genre', METADATA_LABELS.genre, LIMITS.short),
    keywords: optional(form, 'keywords', METADATA_LABELS.keywords, LIMITS.keywords),
    validity,
    effectiveOn,
    invalidOn,
    disclosureMethod:
      optional(form, 'disclosureMethod', METADATA_LABELS.disclosureMethod, LIMITS.short) ??
      DEFAULT_DISCLOSURE_METHOD,
    disclosurePeriod:
      optional(form, 'disclosurePeriod', METADATA_LABELS.disclosurePeriod, LIMITS.short) ??
      DEFAULT_DISCLOSURE_PERIOD,
    format: optional(form, 'format', METADATA_LABELS.format, LIMITS.short) ?? DEFAULT_FORMAT,
  };
}
