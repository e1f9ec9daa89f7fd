// Input rules for the calendar: every error names the field and the rule.
import { dayNumberOf, type PlainDate } from '../../core/calendar/plain-date.ts';
import type { DayKind } from '../../core/calendar/working-days.ts';
import { Invalid } from '../../core/errors.ts';
import { isDayKind } from './model.ts';

export const NOTICE_MAX = 200;
export const NAME_MAX = 50;
/** Years the calendar takes input for: the shipped data starts in 2004; a typo like 0226 is refused. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

export interface DayOverrideInput {
  readonly date?: unknown;
  readonly kind?: unknown;
  readonly name?: unknown;
  readonly notice?: unknown;
}

export interface ValidDayOverride {
  readonly date: PlainDate;
  readonly kind: DayKind;
  readonly name: string | null;
  readonly notice: string;
}

export interface CompleteYearInput {
  readonly year?: unknown;
  readonly notice?: unknown;
}

function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function plainText(text: string, field: string, label: string, max: number): string {
  if (Array.from(text).length > max) throw new Invalid(field, `“${label}”不能超过 ${max} 个字`);
  if (/\p{Cc}/u.test(text)) throw new Invalid(field, `“${label}”不能包含控制字符（如换行）`);
  return text;
}

export function validateDate(value: unknown, field = 'date'): PlainDate {
  const text = trimmed(value);
  if (text === '') throw new Invalid(field, '“日期”必填，格式为 YYYY-MM-DD（如 2027-02-05）');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new Invalid(field, `“日期”应为 YYYY-MM-DD 格式（如 2027-02-05），收到：${text.slice(0, 20)}`);
  }
  try {
    dayNumberOf(text, field);
  } catch {
    throw new Invalid(field, `“日期”不是存在的日期：${text}`);
  }
  const year = Number(text.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Invalid(field, `“日期”应在 ${FIRST_YEAR}—${LAST_YEAR} 年之间，收到：${text}`);
  }
  return text;
}

export function validateYear(value: unknown, field = 'year'): number {
  const text = typeof value === 'number' ? String(value) : trimmed(value);
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new Invalid(field, `“年份”应为 ${FIRST_YEAR}—${LAST_YEAR} 之间的四位年份`);
  }
  return year;
}

export function validateNotice(value: unknown, field = 'notice'): string {
  const text = trimmed(value);
  if (text === '') {
    throw new Invalid(field, '“依据”必填：写明所依据的通知及文号（如 国办发明电〔2020〕1号）');
  }
  return plainText(text, field, '依据', NOTICE_MAX);
}

export function validateDayOverride(input: DayOverrideInput): ValidDayOverride {
  const date = validateDate(input.date);
  const kind = trimmed(input.kind);
  if (!isDayKind(kind)) throw new Invalid('kind', '“类型”应为 workday（工作日）或 holiday（休息日）');
  const name = trimmed(input.name);
  return {
    date,
    kind,
    name: name === '' ? null : plainText(name, 'name', '名称', NAME_MAX),
    notice: validateNotice(input.notice),
  };
}

export function validateCompleteYear(input: CompleteYearInput): { year: number; notice: string } {
  return { year: validateYear(input.year), notice: validateNotice(input.notice) };
}
