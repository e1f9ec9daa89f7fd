import { describe, expect, it } from 'vitest';
import { Conflict, Unprocessable } from '../errors.ts';
import { formatIndexNumber, parseIndexNumber } from './index-number.ts';

const USCC = '11110105MB0123456X';

describe('索引号', () => {
  it('is the unit code, the year and a five-digit serial', () => {
    expect(formatIndexNumber(USCC, 2026, 1)).toBe('11110105MB0123456X/2026-00001');
    expect(formatIndexNumber(` ${USCC} `, 2026, 12345)).toBe('11110105MB0123456X/2026-12345');
    expect(formatIndexNumber(USCC, 2027, 99999)).toBe('11110105MB0123456X/2027-99999');
  });

  it('refuses a unit without a credit code, with the reason', () => {
    expect(() => formatIndexNumber(null, 2026, 1)).toThrow(Unprocessable);
    expect(() => formatIndexNumber('  ', 2026, 1)).toThrow(/未登记统一社会信用代码/);
  });

  it('refuses a sixth digit and nonsense serials', () => {
    expect(() => formatIndexNumber(USCC, 2026, 100000)).toThrow(Conflict);
    expect(() => formatIndexNumber(USCC, 2026, 0)).toThrow(RangeError);
    expect(() => formatIndexNumber(USCC, 2026, 1.5)).toThrow(RangeError);
  });

  it('parses back what it formats and nothing else', () => {
    expect(parseIndexNumber('11110105MB0123456X/2026-00042')).toEqual({
      unitCode: USCC,
      year: 2026,
      serial: 42,
    });
    expect(parseIndexNumber('11110105MB0123456X/2026-42')).toBeNull();
    expect(parseIndexNumber('11110105MB0123456X/2026-00000')).toBeNull();
    expect(parseIndexNumber('/2026-00001')).toBeNull();
  });
});
