import { describe, expect, it } from 'vitest';
import { TABLE4_COLUMNS } from '../report/format.ts';
import { countTable4, table4ResultOf, type CaseFacts } from './cases.ts';

const c = (
  id: string,
  kind: CaseFacts['kind'],
  filedOn: string,
  decidedOn: string | null,
  result: CaseFacts['result'],
): CaseFacts => ({ id, kind, filedOn, decidedOn, result });

// Hand-computed for 2023:
// r1 review filed 2022-11, decided 2023-02 upheld     -> 行政复议/结果维持
// r2 review filed 2023-03, decided 2023-05 corrected  -> 行政复议/结果纠正
// r3 review filed 2023-10, pending                    -> 行政复议/尚未审结
// r4 review filed 2023-12-31, decided 2024-01 upheld  -> 行政复议/尚未审结 (not decided by 31 Dec)
// r5 review filed 2021, decided 2022-12-31            -> not counted (decided before the year)
// r6 review filed 2024-01-01, pending                 -> not counted (filed after the year)
// s1 lawsuit after r1, filed 2023-03, decided 2023-12-31 other -> 复议后起诉/其他结果
// d1 direct suit filed 2022-06, decided 2023-01-01 corrected   -> 未经复议直接起诉/结果纠正
// d2 direct suit filed 2023-08, pending                        -> 未经复议直接起诉/尚未审结
const cases = [
  c('r1', 'review', '2022-11-20', '2023-02-10', 'upheld'),
  c('r2', 'review', '2023-03-01', '2023-05-01', 'corrected'),
  c('r3', 'review', '2023-10-10', null, 'pending'),
  c('r4', 'review', '2023-12-31', '2024-01-20', 'upheld'),
  c('r5', 'review', '2021-05-05', '2022-12-31', 'upheld'),
  c('r6', 'review', '2024-01-01', null, 'pending'),
  c('s1', 'suit-after-review', '2023-03-15', '2023-12-31', 'other'),
  c('d1', 'direct-suit', '2022-06-06', '2023-01-01', 'corrected'),
  c('d2', 'direct-suit', '2023-08-08', null, 'pending'),
];

describe('table 四 from the case register', () => {
  it('counts cases decided or pending in the year, with the cases behind each number', () => {
    const { values, ids } = countTable4(cases, 2023);
    expect(values).toEqual([1, 1, 0, 2, 4, 0, 1, 0, 1, 2, 0, 0, 1, 0, 1]);
    const byColumn = Object.fromEntries(TABLE4_COLUMNS.map((column, index) => [column, ids[index]]));
    expect(byColumn['行政复议/尚未审结']).toEqual(['r3', 'r4']);
    expect(byColumn['行政复议/总计']).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(byColumn['复议后起诉/其他结果']).toEqual(['s1']);
    expect(byColumn['未经复议直接起诉/结果纠正']).toEqual(['d1']);
  });

  it('counts a case pending at the end of one year under its result the next', () => {
    expect(table4ResultOf(cases[3] as CaseFacts, 2023)).toBe('pending');
    expect(table4ResultOf(cases[3] as CaseFacts, 2024)).toBe('upheld');
    expect(table4ResultOf(cases[3] as CaseFacts, 2025)).toBeNull();
    // 2024: r4 upheld; r3, r6 and d2 still pending.
    expect(countTable4(cases, 2024).values).toEqual([1, 0, 0, 2, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });
});
