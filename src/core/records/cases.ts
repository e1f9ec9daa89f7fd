// Table 四 from the register of administrative review (行政复议) and litigation (行政诉讼) cases about
// disclosure. A lawsuit brought after a review is a case of its own (复议后起诉) beside the review.
//
// Counting rule for report year Y ("cases decided or pending in the year"), applied to recorded dates:
// - a case filed after 31 December Y is not counted;
// - a case decided before 1 January Y is not counted (it belonged to an earlier year);
// - a case decided between 1 January and 31 December Y counts under its result;
// - a case filed on or before 31 December Y and not decided by then (no decision date, or one after
//   31 December Y) counts under 尚未审结, whatever its later result.
// 总计 of each group is the sum of its four result columns.
import { TABLE4_GROUPS, TABLE4_RESULTS } from '../report/format.ts';
import type { PlainDate } from '../calendar/plain-date.ts';

export const CASE_KINDS = ['review', 'direct-suit', 'suit-after-review'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  review: '行政复议',
  'direct-suit': '行政诉讼（未经复议直接起诉）',
  'suit-after-review': '行政诉讼（复议后起诉）',
};

/** The group of table 四 each kind is counted in. */
const GROUP_OF: Readonly<Record<CaseKind, (typeof TABLE4_GROUPS)[number]>> = {
  review: '行政复议',
  'direct-suit': '未经复议直接起诉',
  'suit-after-review': '复议后起诉',
};

export const CASE_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

export const CASE_RESULT_LABELS: Readonly<Record<CaseResult, (typeof TABLE4_RESULTS)[number]>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}

export function isCaseResult(value: unknown): value is CaseResult {
  return typeof value === 'string' && (CASE_RESULTS as readonly string[]).includes(value);
}

export interface CaseFacts {
  readonly id: string;
  readonly kind: CaseKind;
  readonly filedOn: PlainDate;
  /** Null while the case is pending; then `result` is 'pending'. */
  readonly decidedOn: PlainDate | null;
  readonly result: CaseResult;
}

/** Where a case stands in report year `year`: the result column it counts in, or null when not counted. */
export function table4ResultOf(fact: CaseFacts, year: number): CaseResult | null {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  if (fact.filedOn > last) return null;
  if (fact.decidedOn === null || fact.decidedOn > last) return 'pending';
  if (fact.decidedOn < first) return null;
  return fact.result === 'pending' ? 'pending' : fact.result;
}

export interface Table4Count {
  /** The 15 numbers in the column order of table 四 (TABLE4_COLUMNS). */
  readonly values: number[];
  /** The cases behind each of the 15 numbers (总计 lists the group's cases). */
  readonly ids: string[][];
}

export function countTable4(cases: readonly CaseFacts[], year: number): Table4Count {
  const ids: string[][] = TABLE4_GROUPS.flatMap(() => TABLE4_RESULTS.map(() => [] as string[]));
  for (const fact of cases) {
    const result = table4ResultOf(fact, year);
    if (result === null) continue;
    const group = TABLE4_GROUPS.indexOf(GROUP_OF[fact.kind]);
    const width = TABLE4_RESULTS.length;
    ids[group * width + TABLE4_RESULTS.indexOf(CASE_RESULT_LABELS[result])]?.push(fact.id);
    ids[group * width + TABLE4_RESULTS.indexOf('总计')]?.push(fact.id);
  }
  return { values: ids.map((list) => list.length), ids };
}
