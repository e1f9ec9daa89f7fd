import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { cumulativeFeeByCount, feeByCount, feeByPages } from './processing-fee.ts';

describe('按件计收 (国办函〔2020〕109号)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('the %i-th application of the month costs %i 元', (nth, yuan) => {
    expect(feeByCount(nth)).toBe(yuan);
  });

  it('holds the spec example: 35 applications in one month cost 3,000 元 in all', () => {
    expect(cumulativeFeeByCount(35)).toBe(3000);
    expect(cumulativeFeeByCount(10)).toBe(0);
    expect(cumulativeFeeByCount(0)).toBe(0);
  });

  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s, naming the field', (nth) => {
    expect(() => feeByCount(nth)).toThrow(Invalid);
    expect(() => feeByCount(nth)).toThrow(/本月第几件申请/);
  });
});

describe('按量计收 (国办函〔2020〕109号)', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
  ])('%i pages cost %i 元', (pages, yuan) => {
    expect(feeByPages(pages)).toBe(yuan);
  });

  it('holds the spec example: 250 pages cost 4,700 元', () => {
    expect(feeByPages(250)).toBe(70 * 10 + 100 * 20 + 50 * 40);
    expect(feeByPages(250)).toBe(4700);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %s pages, naming the field', (pages) => {
    try {
      feeByPages(pages);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).field).toBe('pages');
    }
  });
});
