import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-days.ts';
import { art26Timeliness } from './freshness-timeliness.ts';

const calendar = createWorkingDayCalendar();

describe('Art. 26: 20 working days from 成文日期', () => {
  // 2026-03-02 is a Monday; March 2026 has no holiday: the 20th working day after it is 30 March.
  it('is in time on the 20th working day and late on the 21st', () => {
    expect(art26Timeliness(calendar, '2026-03-02', '2026-03-30')).toEqual({
      kind: 'in-time',
      dueOn: '2026-03-30',
    });
    expect(art26Timeliness(calendar, '2026-03-02', '2026-03-31')).toEqual({
      kind: 'late',
      dueOn: '2026-03-30',
      workdaysLate: 1,
    });
    // 31 March to 3 April are 4 working days; the weekend and the 清明 holiday (Monday 6 April) add none.
    expect(art26Timeliness(calendar, '2026-03-02', '2026-04-06')).toMatchObject({
      kind: 'late',
      workdaysLate: 4,
    });
  });

  it('cannot judge without a 成文日期 or a calendar year', () => {
    expect(art26Timeliness(calendar, null, '2026-03-30')).toEqual({
      kind: 'unknown',
      reason: 'no-written-on',
    });
    expect(art26Timeliness(calendar, '2099-03-02', '2099-04-30')).toEqual({
      kind: 'unknown',
      reason: 'no-calendar',
    });
  });
});
