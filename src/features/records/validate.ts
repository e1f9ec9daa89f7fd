// Form and import rows of the three registers, checked field by field: an error names the field.
import { assertPlainDate, type PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid } from '../../core/errors.ts';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_RESULT_LABELS,
  CASE_RESULTS,
  type CaseKind,
  type CaseResult,
} from '../../core/records/cases.ts';
import { NORMATIVE_KIND_LABELS, NORMATIVE_KINDS, type NormativeKind } from '../../core/records/normative.ts';
import {
  parseStatisticValue,
  statisticKindOf,
  STATISTIC_KIND_LABELS,
} from '../../core/records/statistics.ts';
import type { NewStatisticRow } from './repo.ts';

export type Input = Readonly<Record<string, string | undefined>>;

/** Field names as the forms and the import report show them. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: '类别',
  title: '文件名称',
  documentNumber: '文号',
  issuingUnit: '制发机关',
  issuedOn: '制发日期',
  repealedOn: '废止日期',
  invalidOn: '失效日期',
  year: '年度',
  value: '数值',
  caseNumber: '案号',
  filedOn: '立案日期',
  decidedOn: '审结日期',
  result: '结果',
  application: '关联申请',
};

function required(input: Input, field: string, max = 300): string {
  const value = (input[field] ?? '').trim();
  if (value === '') throw new Invalid(field, `请填写${FIELD_LABELS[field] ?? field}`);
  if (value.length > max) throw new Invalid(field, `${FIELD_LABELS[field] ?? field}不能超过 ${max} 个字`);
  return value;
}

function date(input: Input, field: string): PlainDate {
  const value = required(input, field);
  try {
    return assertPlainDate(value, field);
  } catch {
    throw new Invalid(field, `${FIELD_LABELS[field] ?? field}须为“YYYY-MM-DD”格式的日期，收到：“${value}”`);
  }
}

function optionalDate(input: Input, field: string): PlainDate | null {
  return (input[field] ?? '').trim() === '' ? null : date(input, field);
}

/** A choice given by its code or by its label. */
function choice<T extends string>(
  input: Input,
  field: string,
  codes: readonly T[],
  labels: Readonly<Record<T, string>>,
): T {
  const value = required(input, field);
  const found = codes.find((code) => code === value || labels[code] === value);
  if (found === undefined) {
    throw new Invalid(
      field,
      `${FIELD_LABELS[field] ?? field}须为${codes.map((code) => `“${labels[code]}”`).join('、')}之一，收到：“${value}”`,
    );
  }
  return found;
}

function notBefore(later: PlainDate | null, earlier: PlainDate, field: string, earlierField: string): void {
  if (later !== null && later < earlier) {
    throw new Invalid(field, `${FIELD_LABELS[field]}不能早于${FIELD_LABELS[earlierField]}（${earlier}）`);
  }
}

export interface DocumentInput {
  readonly kind: NormativeKind;
  readonly title: string;
  readonly documentNumber: string;
  readonly issuingUnit: string;
  readonly issuedOn: PlainDate;
  readonly repealedOn: PlainDate | null;
  readonly invalidOn: PlainDate | null;
}

export function validateDocument(input: Input): DocumentInput {
  const issuedOn = date(input, 'issuedOn');
  const repealedOn = optionalDate(input, 'repealedOn');
  const invalidOn = optionalDate(input, 'invalidOn');
  notBefore(repealedOn, issuedOn, 'repealedOn', 'issuedOn');
  notBefore(invalidOn, issuedOn, 'invalidOn', 'issuedOn');
  return {
    kind: choice(input, 'kind', NORMATIVE_KINDS, NORMATIVE_KIND_LABELS),
    title: required(input, 'title'),
    documentNumber: required(input, 'documentNumber', 100),
    issuingUnit: required(input, 'issuingUnit', 200),
    issuedOn,
    repealedOn,
    invalidOn,
  };
}

export function validateYear(text: string | undefined, field = 'year'): number {
  const value = (text ?? '').trim();
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= 2008 && year <= 2100)) {
    throw new Invalid(field, `年度须为 2008 至 2100 之间的四位年份，收到：“${value}”`);
  }
  return year;
}

export function validateStatistic(input: Input): NewStatisticRow {
  const year = validateYear(input.year);
  const kindText = required(input, 'kind');
  const kind = statisticKindOf(kindText);
  if (kind === null) {
    throw new Invalid(
      'kind',
      `类别须为${Object.values(STATISTIC_KIND_LABELS)
        .map((label) => `“${label}”`)
        .join('、')}之一，收到：“${kindText}”`,
    );
  }
  return { year, kind, value: parseStatisticValue(kind, required(input, 'value', 40)) };
}

export interface CaseInput {
  readonly kind: CaseKind;
  readonly caseNumber: string;
  readonly filedOn: PlainDate;
  readonly decidedOn: PlainDate | null;
  readonly result: CaseResult;
  /** The application named in the form: its id, or its query code; null when none is named. */
  readonly application: { readonly id: number } | { readonly queryCode: string } | null;
}

export function validateCase(input: Input): CaseInput {
  const filedOn = date(input, 'filedOn');
  const decidedOn = optionalDate(input, 'decidedOn');
  notBefore(decidedOn, filedOn, 'decidedOn', 'filedOn');
  const result = choice(input, 'result', CASE_RESULTS, CASE_RESULT_LABELS);
  if (decidedOn === null && result !== 'pending') {
    throw new Invalid('decidedOn', `结果为“${CASE_RESULT_LABELS[result]}”时须填写审结日期`);
  }
  if (decidedOn !== null && result === 'pending') {
    throw new Invalid('result', '已填写审结日期的案件，结果不能是“尚未审结”');
  }
  const reference = (input.application ?? '').trim();
  return {
    kind: choice(input, 'kind', CASE_KINDS, CASE_KIND_LABELS),
    caseNumber: required(input, 'caseNumber', 100),
    filedOn,
    decidedOn,
    result,
    application:
      reference === ''
        ? null
        : /^\d{1,15}$/.test(reference)
          ? { id: Number(reference) }
          : { queryCode: reference },
  };
}
