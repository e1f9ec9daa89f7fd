import { describe, expect, it } from 'vitest';
import { addDays, assertPlainDate, dayOfWeek, isWeekend } from './plain-date.ts';

describe('plain dates', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2023-09-04')).toBe(1);
    expect(dayOfWeek('2023-10-08')).toBe(0);
    expect(isWeekend('2023-10-07')).toBe(true);
    expect(isWeekend('2023-10-09')).toBe(false);
  });

  it('rejects malformed and impossible dates, naming the field', () => {
    expect(() => assertPlainDate('2024-2-1', 'received')).toThrow(/received/);
    expect(() => assertPlainDate('2023-02-29', 'received')).toThrow(/不是存在的日期/);
    expect(() => assertPlainDate(20240201, 'received')).toThrow(/YYYY-MM-DD/);
    expect(() => assertPlainDate(undefined, 'received')).toThrow(/（空）/);
  });
});
