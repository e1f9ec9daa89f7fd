import { describe, expect, it } from 'vitest';
import type { OfficialArrangements } from '../../core/calendar/official-arrangements.ts';
import { arrangementOfYear } from './arrangement.ts';

const official = () => ({ source: 'official' as const });

describe('a year of the arrangement as runs of days', () => {
  it('groups the official 2026 arrangement by holiday, days off apart from make-up working days', () => {
    const rows = arrangementOfYear(2026, []);
    expect(rows.filter((row) => row.from >= '2026-09-01')).toEqual([
      { from: '2026-09-20', to: '2026-09-20', days: 1, working: true, name: '国庆节', ...official() },
      { from: '2026-09-25', to: '2026-09-27', days: 3, working: false, name: '中秋', ...official() },
      { from: '2026-10-01', to: '2026-10-07', days: 7, working: false, name: '国庆节', ...official() },
      { from: '2026-10-10', to: '2026-10-10', days: 1, working: true, name: '国庆节', ...official() },
    ]);
    expect(rows.find((row) => row.name === '春节' && !row.working)).toEqual({
      from: '2026-02-15',
      to: '2026-02-23',
      days: 9,
      working: false,
      name: '春节',
      source: 'official',
    });
    expect(rows).toHaveLength(13);
  });

  it('lets an override replace a day and stand apart from the official run it touches', () => {
    const rows = arrangementOfYear(2026, [
      { date: '2026-10-08', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'holiday', name: null },
    ]);
    expect(rows.filter((row) => row.from >= '2026-10-01')).toEqual([
      { from: '2026-10-01', to: '2026-10-07', days: 7, working: false, name: '国庆节', source: 'official' },
      { from: '2026-10-08', to: '2026-10-08', days: 1, working: false, name: '国庆节', source: 'override' },
      { from: '2026-10-10', to: '2026-10-10', days: 1, working: false, name: null, source: 'override' },
    ]);
  });

  it('groups consecutive entered days of a new year and leaves out other years', () => {
    const none: OfficialArrangements = { daysOff: new Map(), makeUpWorkdays: new Map(), years: new Set() };
    const entered = [
      ...['06', '07', '08', '09', '10', '11', '12'].map((day) => ({
        date: `2027-02-${day}`,
        kind: 'holiday' as const,
        name: '春节',
      })),
      { date: '2027-02-20', kind: 'workday' as const, name: '春节' },
      { date: '2027-01-01', kind: 'holiday' as const, name: '元旦' },
      { date: '2026-12-31', kind: 'holiday' as const, name: '元旦' },
    ];
    expect(arrangementOfYear(2027, entered, none)).toEqual([
      { from: '2027-01-01', to: '2027-01-01', days: 1, working: false, name: '元旦', source: 'override' },
      { from: '2027-02-06', to: '2027-02-12', days: 7, working: false, name: '春节', source: 'override' },
      { from: '2027-02-20', to: '2027-02-20', days: 1, working: true, name: '春节', source: 'override' },
    ]);
  });

  it('keeps a day named by the next year’s notice in its own calendar year (2011-12-31 for 元旦 2012)', () => {
    expect(arrangementOfYear(2011, []).at(-1)).toEqual({
      from: '2011-12-31',
      to: '2011-12-31',
      days: 1,
      working: true,
      name: '元旦',
      source: 'official',
    });
    expect(arrangementOfYear(2012, []).some((row) => row.from < '2012-01-01')).toBe(false);
  });
});
