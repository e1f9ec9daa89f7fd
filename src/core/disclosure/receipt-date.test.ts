import { describe, expect, it } from 'vitest';
import {
  oneYearAfter,
  oneYearBefore,
  RECEIPT_RULES,
  receiptDateProblem,
  REGISTERED_CHANNELS,
} from './receipt-date.ts';

describe('the receipt date of a registered application (Art. 31)', () => {
  it('cites the item of Art. 31 that fixes the date for each channel', () => {
    const items = REGISTERED_CHANNELS.map(
      (channel) => /第三十一条第（[一二三]）项/.exec(RECEIPT_RULES[channel].basis)?.[0],
    );
    expect(items).toEqual([
      '第三十一条第（一）项',
      '第三十一条第（二）项',
      '第三十一条第（二）项',
      '第三十一条第（三）项',
      '第三十一条第（三）项',
      '第三十一条第（一）项',
    ]);
    expect(RECEIPT_RULES.oral.basis).toContain('第二十九条第一款');
  });

  it('asks for the signed mail slip or the confirmation record of letters only, and a note for oral ones', () => {
    const evidence = REGISTERED_CHANNELS.filter((channel) => RECEIPT_RULES[channel].evidence.required);
    expect(evidence).toEqual(['letter-registered', 'letter-ordinary']);
    const notes = REGISTERED_CHANNELS.filter((channel) => RECEIPT_RULES[channel].noteRequired);
    expect(notes).toEqual(['oral']);
  });

  it.each([
    ['2026-11-28', '2025-11-28', '2027-11-28'],
    ['2028-02-29', '2027-02-28', '2029-02-28'],
    ['2025-01-01', '2024-01-01', '2026-01-01'],
  ])('moves %s one year back to %s and forward to %s', (date, before, after) => {
    expect(oneYearBefore(date)).toBe(before);
    expect(oneYearAfter(date)).toBe(after);
  });

  it('refuses a malformed date', () => {
    expect(() => oneYearBefore('2026-02-30')).toThrow('不是存在的日期');
  });

  it.each([
    ['2026-11-28', null],
    ['2025-11-28', null],
    ['2026-11-29', '不能晚于今天（2026-11-28）：收到申请之日只能是已经发生的日期'],
    ['2025-11-27', '不能早于 2025-11-28（一年以前），请核对日期'],
  ])('on 2026-11-28 answers %s with %s', (date, problem) => {
    expect(receiptDateProblem(date, '2026-11-28')).toBe(problem);
  });
});
