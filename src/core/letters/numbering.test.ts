import { describe, expect, it } from 'vitest';
import { chineseDate, defaultLetterPrefix, letterNumber, printedValue } from './numbering.ts';

describe('letter numbers', () => {
  it('writes prefix〔year〕n号 without leading zeros', () => {
    expect(letterNumber('皇政公开', 2024, 12)).toBe('皇政公开〔2024〕12号');
    expect(letterNumber(defaultLetterPrefix('沈阳市皇姑区教育局'), 2025, 1)).toBe(
      '沈阳市皇姑区教育局依申请公开〔2025〕1号',
    );
  });

  it('refuses a serial that is not a positive integer', () => {
    expect(() => letterNumber('皇政公开', 2024, 0)).toThrow(RangeError);
    expect(() => letterNumber('皇政公开', 2024, 1.5)).toThrow(RangeError);
  });
});

describe('dates in letters', () => {
  it('prints Arabic numerals without leading zeros', () => {
    expect(chineseDate('2024-01-05')).toBe('2024年1月5日');
    expect(chineseDate('2023-12-31')).toBe('2023年12月31日');
  });

  it('prints a value that is exactly a date as a date, and names the entry of an impossible one', () => {
    expect(printedValue(' 2024-03-08 ', '补正期限')).toBe('2024年3月8日');
    expect(printedValue('2024-03-08 前', '补正期限')).toBe('2024-03-08 前');
    expect(() => printedValue('2023-02-29', '补正期限')).toThrow(
      expect.objectContaining({ field: '补正期限' }),
    );
  });
});
