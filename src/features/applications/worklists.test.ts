import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { Invalid } from '../../core/errors.ts';
import { dueBoundsOn, lastWorkdayOnOrBefore, parseWorkListView } from './worklists.ts';

const calendar = createWorkingDayCalendar();

describe('the due-date bounds of the work lists', () => {
  it('on a working day: today itself, and the 3rd and 6th working days after it', () => {
    // Friday 2026-03-13: the following Monday is the 1st working day after it.
    expect(dueBoundsOn(calendar, '2026-03-13')).toEqual({
      lastWorkday: '2026-03-13',
      within2: '2026-03-18',
      within5: '2026-03-23',
    });
  });

  it('in the Spring Festival 2026: back to the make-up Saturday, forward over the next one', () => {
    // 15–23 February off; Saturdays 14 and 28 February were make-up working days.
    expect(lastWorkdayOnOrBefore(calendar, '2026-02-22')).toBe('2026-02-14');
    expect(dueBoundsOn(calendar, '2026-02-22')).toEqual({
      lastWorkday: '2026-02-14',
      within2: '2026-02-26',
      within5: '2026-03-02',
    });
  });

  it('names the year the calendar lacks instead of guessing', () => {
    expect(() => dueBoundsOn(calendar, '2031-03-03')).toThrow(/2031年的节假日安排尚无数据/);
  });
});

describe('parseWorkListView', () => {
  it('defaults to the applications assigned to me and refuses an unknown view naming the field', () => {
    expect(parseWorkListView(undefined)).toBe('mine');
    expect(parseWorkListView('')).toBe('mine');
    expect(parseWorkListView('overdue')).toBe('overdue');
    expect(() => parseWorkListView('late')).toThrow(Invalid);
    expect(() => parseWorkListView(['due5'])).toThrow(/“view”应为 mine（分配给我的）、unit/);
  });
});
