import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { addDays, dayOfWeek, isWeekend } from './plain-date.ts';
import { STATE_COUNCIL_NOTICES } from './state-council-notices.test-fixture.ts';
import { createWorkingDayCalendar } from './working-days.ts';

const calendar = createWorkingDayCalendar();

function caught(action: () => unknown): Invalid {
  try {
    action();
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
  throw new Error('expected Invalid');
}

describe('the official data against the State Council notices 2019–2026', () => {
  for (const [year, holidays] of Object.entries(STATE_COUNCIL_NOTICES)) {
    it(`agrees on every day of ${year}`, () => {
      const off = new Set<string>();
      const makeUp = new Set<string>();
      for (const holiday of holidays) {
        for (let day = holiday.off[0]; day <= holiday.off[1]; day = addDays(day, 1)) off.add(day);
        holiday.makeUp.forEach((day) => makeUp.add(day));
      }
      for (const day of makeUp) expect(isWeekend(day), `${day} is a weekend make-up day`).toBe(true);
      const disagreements: string[] = [];
      for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
        const expected = makeUp.has(day) || (!off.has(day) && !isWeekend(day));
        if (calendar.isWorkingDay(day) !== expected) disagreements.push(day);
      }
      expect(disagreements).toEqual([]);
    });
  }

  it('counts 13 statutory days off from 2025 (Spring Festival 4, Labour Day 2), 11 before', () => {
    // Each notice's days off on weekdays, minus the weekend days worked in exchange, are the statutory days.
    const statutoryDays = (year: number) =>
      (STATE_COUNCIL_NOTICES[year] ?? []).reduce((sum, holiday) => {
        let weekdaysOff = 0;
        for (let day = holiday.off[0]; day <= holiday.off[1]; day = addDays(day, 1)) {
          if (!isWeekend(day)) weekdaysOff++;
        }
        return sum + weekdaysOff - holiday.makeUp.length;
      }, 0);
    expect(statutoryDays(2024)).toBe(11);
    expect(statutoryDays(2025)).toBe(13);
    expect(statutoryDays(2026)).toBe(13);
  });
});

describe('nthWorkdayAfter', () => {
  it('holds the spec example: received Monday 2023-09-04 → due Sunday 2023-10-08', () => {
    expect(dayOfWeek('2023-09-04')).toBe(1);
    expect(calendar.nthWorkdayAfter('2023-09-04', 20)).toBe('2023-10-08');
  });

  // Received the day before each holiday that has make-up days → the 20th working day. Expected dates were
  // computed from the hand transcription of the notices, not from the package data; a few re-checked by
  // hand: 2020-01-23 → 2020-02-28 only because the Spring Festival was extended to 2 Feb (the make-up
  // Saturday 1 Feb became a day off); 2024-09-30 → 2024-11-01 counts Saturday 12 Oct.
  it.each([
    ['2018-12-29', '2019-01-29', '2019 元旦'],
    ['2019-02-03', '2019-03-08', '2019 春节'],
    ['2019-04-30', '2019-05-30', '2019 劳动节'],
    ['2019-09-30', '2019-11-01', '2019 国庆节'],
    ['2020-01-23', '2020-02-28', '2020 春节'],
    ['2020-04-30', '2020-06-01', '2020 劳动节'],
    ['2020-06-24', '2020-07-23', '2020 端午'],
    ['2020-09-30', '2020-11-04', '2020 国庆节、中秋'],
    ['2021-02-10', '2021-03-16', '2021 春节'],
    ['2021-04-30', '2021-06-01', '2021 劳动节'],
    ['2021-09-18', '2021-10-22', '2021 中秋'],
    ['2021-09-30', '2021-11-03', '2021 国庆节'],
    ['2022-01-30', '2022-03-04', '2022 春节'],
    ['2022-04-02', '2022-05-05', '2022 清明'],
    ['2022-04-29', '2022-05-31', '2022 劳动节'],
    ['2022-09-30', '2022-11-02', '2022 国庆节'],
    ['2023-01-20', '2023-02-22', '2023 春节'],
    ['2023-04-28', '2023-05-30', '2023 劳动节'],
    ['2023-06-21', '2023-07-20', '2023 端午'],
    ['2023-09-28', '2023-11-01', '2023 中秋、国庆节'],
    ['2024-02-09', '2024-03-14', '2024 春节'],
    ['2024-04-03', '2024-05-06', '2024 清明'],
    ['2024-04-30', '2024-05-30', '2024 劳动节'],
    ['2024-09-14', '2024-10-18', '2024 中秋'],
    ['2024-09-30', '2024-11-01', '2024 国庆节'],
    ['2025-01-27', '2025-03-03', '2025 春节'],
    ['2025-04-30', '2025-06-03', '2025 劳动节'],
    ['2025-09-30', '2025-11-04', '2025 国庆节、中秋'],
    ['2025-12-31', '2026-01-29', '2026 元旦'],
    ['2026-02-14', '2026-03-20', '2026 春节'],
    ['2026-04-30', '2026-06-01', '2026 劳动节'],
    ['2026-09-30', '2026-11-03', '2026 国庆节'],
  ])('received %s → due %s (%s)', (received, due) => {
    expect(calendar.nthWorkdayAfter(received, 20)).toBe(due);
  });

  it('never counts the start date itself, even when it is a working day', () => {
    expect(calendar.nthWorkdayAfter('2024-03-04', 1)).toBe('2024-03-05');
    expect(calendar.nthWorkdayAfter('2024-03-08', 1)).toBe('2024-03-11');
  });

  it('counts a make-up Sunday as a working day', () => {
    expect(calendar.nthWorkdayAfter('2023-10-06', 2)).toBe('2023-10-08');
  });

  it('rejects a count that is not a positive integer', () => {
    expect(caught(() => calendar.nthWorkdayAfter('2024-03-04', 0)).field).toBe('workdays');
    expect(caught(() => calendar.nthWorkdayAfter('2024-03-04', 1.5)).field).toBe('workdays');
  });
});

describe('workdaysBetween', () => {
  it('counts working days d with after < d ≤ upTo', () => {
    expect(calendar.workdaysBetween('2023-09-04', '2023-10-08')).toBe(20);
    expect(calendar.workdaysBetween('2023-09-28', '2023-10-06')).toBe(0);
    expect(calendar.workdaysBetween('2024-03-04', '2024-03-04')).toBe(0);
    expect(calendar.workdaysBetween('2024-03-08', '2024-03-04')).toBe(0);
  });

  it('is the inverse of nthWorkdayAfter', () => {
    for (const start of ['2019-09-27', '2020-01-20', '2024-12-25', '2026-09-18']) {
      for (const n of [1, 5, 20, 40]) {
        expect(calendar.workdaysBetween(start, calendar.nthWorkdayAfter(start, n))).toBe(n);
      }
    }
  });
});

describe('years without an arrangement', () => {
  it('names the missing year instead of falling back to plain weekends', () => {
    const error = caught(() => calendar.nthWorkdayAfter('2026-12-10', 20));
    expect(error.field).toBe('date');
    expect(error.message).toContain('2027年的节假日安排尚无数据');
    expect(caught(() => calendar.isWorkingDay('2003-06-02')).message).toContain('2003年');
  });

  it('counts within 2026 up to the last day of the data', () => {
    expect(calendar.nthWorkdayAfter('2026-11-30', 20)).toBe('2026-12-28');
    expect(calendar.coveredYears[0]).toBe(2004);
    expect(calendar.coveredYears.at(-1)).toBe(2026);
  });

  it('does not count a year covered by a few overrides until the admin declares it complete', () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', notice: '国务院办公厅关于2027年部分节假日安排的通知' },
    ] as const;
    const partial = createWorkingDayCalendar({ days });
    expect(caught(() => partial.isWorkingDay('2027-01-01')).message).toContain('2027年');
    const complete = createWorkingDayCalendar({
      days,
      completeYears: [{ year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知' }],
    });
    expect(complete.isWorkingDay('2027-01-01')).toBe(false);
    expect(complete.dayInfo('2027-01-01')).toMatchObject({ source: 'override', working: false });
    expect(complete.isWorkingDay('2027-01-04')).toBe(true);
    expect(complete.nthWorkdayAfter('2026-12-10', 20)).toBe('2027-01-08');
  });
});

describe('admin overrides', () => {
  it('win over the official data in both directions', () => {
    const overridden = createWorkingDayCalendar({
      days: [
        { date: '2024-10-12', kind: 'holiday', notice: '紧急调整通知' },
        { date: '2024-03-09', kind: 'workday', notice: '本机关补班安排' },
      ],
    });
    expect(calendar.isWorkingDay('2024-10-12')).toBe(true);
    expect(overridden.isWorkingDay('2024-10-12')).toBe(false);
    expect(overridden.isWorkingDay('2024-03-09')).toBe(true);
    expect(overridden.dayInfo('2024-03-09').note).toBe('本机关补班安排');
  });

  it('reject an override without its notice, of an unknown kind or contradicting another', () => {
    expect(
      caught(() => createWorkingDayCalendar({ days: [{ date: '2024-10-12', kind: 'holiday', notice: ' ' }] }))
        .field,
    ).toBe('overrides[0].notice');
    expect(
      caught(() =>
        createWorkingDayCalendar({
          days: [{ date: '2024-10-12', kind: 'weekend' as 'holiday', notice: '通知' }],
        }),
      ).field,
    ).toBe('overrides[0].kind');
    expect(
      caught(() =>
        createWorkingDayCalendar({
          days: [
            { date: '2024-10-12', kind: 'holiday', notice: '通知一' },
            { date: '2024-10-12', kind: 'workday', notice: '通知二' },
          ],
        }),
      ).field,
    ).toBe('overrides[1].date');
    expect(
      caught(() =>
        createWorkingDayCalendar({ days: [{ date: '2024-02-30', kind: 'holiday', notice: '通知' }] }),
      ).field,
    ).toBe('overrides[0].date');
  });
});
