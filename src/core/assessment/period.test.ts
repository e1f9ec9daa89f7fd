import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { isoWeeksIn, parsePeriod } from './period.ts';

const range = (text: string) => {
  const period = parsePeriod(text);
  return [period.kind, period.text, period.start, period.end];
};

describe('parsePeriod', () => {
  it('reads years, quarters and months', () => {
    expect(range('2023')).toEqual(['year', '2023', '2023-01-01', '2023-12-31']);
    expect(range('2023-Q1')).toEqual(['quarter', '2023-Q1', '2023-01-01', '2023-03-31']);
    expect(range('2023-q2')).toEqual(['quarter', '2023-Q2', '2023-04-01', '2023-06-30']);
    expect(range('2023-Q3')).toEqual(['quarter', '2023-Q3', '2023-07-01', '2023-09-30']);
    expect(range('2023-Q4')).toEqual(['quarter', '2023-Q4', '2023-10-01', '2023-12-31']);
    expect(range('2024-02')).toEqual(['month', '2024-02', '2024-02-01', '2024-02-29']);
    expect(range('2023-02')).toEqual(['month', '2023-02', '2023-02-01', '2023-02-28']);
    expect(range('2023-11')).toEqual(['month', '2023-11', '2023-11-01', '2023-11-30']);
  });

  it('reads ISO weeks, including W01 reaching into the year before and W53', () => {
    expect(range('2023-W47')).toEqual(['week', '2023-W47', '2023-11-20', '2023-11-26']);
    // 2021-01-01 is a Friday: week 1 starts on Monday 4 January.
    expect(range('2021-W01')).toEqual(['week', '2021-W01', '2021-01-04', '2021-01-10']);
    // 2025-01-01 is a Wednesday: week 1 starts on Monday 30 December 2024.
    expect(range('2025-W01')).toEqual(['week', '2025-W01', '2024-12-30', '2025-01-05']);
    // 2020 is a leap year starting on a Wednesday and 2026 starts on a Thursday: both have 53 weeks.
    expect(range('2020-W53')).toEqual(['week', '2020-W53', '2020-12-28', '2021-01-03']);
    expect(range('2026-W53')).toEqual(['week', '2026-W53', '2026-12-28', '2027-01-03']);
    expect(isoWeeksIn(2020)).toBe(53);
    expect(isoWeeksIn(2026)).toBe(53);
    expect(isoWeeksIn(2023)).toBe(52);
    expect(isoWeeksIn(2019)).toBe(52);
  });

  it('refuses anything else, naming the field period', () => {
    for (const bad of [
      '2023-W53',
      '2023-W00',
      '2023-Q0',
      '2023-Q5',
      '2023-13',
      '2023-00',
      '23-Q1',
      '2023-1',
      '',
      'x',
    ]) {
      expect(() => parsePeriod(bad), bad).toThrow(Invalid);
      try {
        parsePeriod(bad);
      } catch (error) {
        expect((error as Invalid).field).toBe('period');
      }
    }
    expect(() => parsePeriod('2023-W53')).toThrow('2023 年只有第 01 至第 52 周');
    expect(() => parsePeriod(undefined)).toThrow(Invalid);
  });
});
