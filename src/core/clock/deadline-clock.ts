// The statutory clock of a disclosure application, derived from its ledger by the exact counting rules
// of the spec (procedures.md, "The clock — exact counting rules"): 20 working days from receipt (条例
// 第三十三条), restarted by a correction (第三十条), paused by consultations (第三十二条、第三十四条) and by
// a fee notice until payment (国办函〔2020〕109号), extended once by at most 20 working days (第三十三条),
// or replaced by an agency-set deadline (第三十五条).
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { dayNumberOf, type PlainDate } from '../calendar/plain-date.ts';
import { Invalid } from '../errors.ts';
import { applyEvent, EVENT_LABELS, type MutableClock } from './apply-clock-event.ts';
import type { ClockLedger } from './clock-ledger.ts';
import {
  ANSWER_WORKDAYS,
  DEFAULT_CORRECTION_PERIOD_WORKDAYS,
  type ClockOptions,
  type ClockReading,
} from './clock-reading.ts';

export * from './clock-reading.ts';

/** Derives the clock; Invalid naming the event and the rule when the ledger cannot have happened. */
export function deriveClock(
  ledger: ClockLedger,
  calendar: WorkingDayCalendar,
  options: ClockOptions = {},
): ClockReading {
  const correctionPeriod = options.correctionPeriodWorkdays ?? DEFAULT_CORRECTION_PERIOD_WORKDAYS;
  if (!Number.isSafeInteger(correctionPeriod) || correctionPeriod < 1) {
    throw new Invalid('correctionPeriodWorkdays', '补正期限须为正整数个工作日');
  }
  const received = ledger.received;
  dayNumberOf(received, 'received');
  const clock: MutableClock = {
    phase: 'running',
    due: calendar.nthWorkdayAfter(received, ANSWER_WORKDAYS),
    dueAtDecision: null,
    heldBack: null,
    open: [],
    pauses: new Map(),
    warnings: [],
    extended: null,
    deadlineSet: null,
    correction: null,
    decided: null,
    delivered: null,
    feeNoticed: false,
  };
  let previousDate = received;
  ledger.events.forEach((event, index) => {
    const field = `events[${index}]`;
    const label = `${field}（${EVENT_LABELS[event.type]}）`;
    dayNumberOf(event.date, `${field}.date`);
    if (event.date < received) {
      throw new Invalid(`${field}.date`, `${label}的日期 ${event.date} 早于收到申请日 ${received}`);
    }
    if (event.date < previousDate) {
      throw new Invalid(
        `${field}.date`,
        `${label}的日期 ${event.date} 早于前一事件（${previousDate}）：事件须按日期顺序记录`,
      );
    }
    previousDate = event.date;
    if (clock.phase === 'decided' && event.type !== 'delivered') {
      throw new Invalid(
        `${field}.type`,
        `${label}：已于 ${clock.decided ?? ''} 作出答复决定，之后只能记录送达`,
      );
    }
    applyEvent(clock, event, { index, field, label, received, correctionPeriod, calendar });
  });

  const paused = clock.phase === 'running' && clock.open.length > 0;
  const shownDue =
    clock.phase === 'decided'
      ? clock.dueAtDecision
      : clock.phase === 'awaiting_correction' || clock.heldBack !== null
        ? null
        : clock.due;
  return {
    received,
    state: paused ? 'paused' : clock.phase,
    due: shownDue,
    remainingWorkdays: paused ? clock.heldBack : null,
    pauses: [...clock.pauses.values()],
    extended: clock.extended,
    deadlineSet: clock.deadlineSet,
    correction: clock.correction,
    ...(clock.phase === 'awaiting_correction' && clock.correction
      ? { correctionDue: clock.correction.due }
      : {}),
    decided: clock.decided,
    delivered: clock.delivered,
    warnings: clock.warnings,
  };
}

/**
 * Working days left on `today`: working days d with today < d ≤ due (0 when due or overdue). While paused,
 * the held-back working days; null when no answer period is running (awaiting correction, or decided).
 */
export function workdaysLeft(
  reading: ClockReading,
  today: PlainDate,
  calendar: WorkingDayCalendar,
): number | null {
  if (reading.state === 'awaiting_correction' || reading.state === 'decided') return null;
  if (reading.due === null) return reading.remainingWorkdays;
  return calendar.workdaysBetween(today, reading.due);
}

/**
 * Working days overdue on `today`: working days d with due < d ≤ today. For a decided application, how
 * late the decision was (independent of today); 0 while awaiting correction or while days are held back.
 */
export function overdueWorkdays(
  reading: ClockReading,
  today: PlainDate,
  calendar: WorkingDayCalendar,
): number {
  if (reading.due === null) return 0;
  const until = reading.state === 'decided' && reading.decided !== null ? reading.decided : today;
  return calendar.workdaysBetween(reading.due, until);
}

export type DueStatus = 'overdue' | 'due_soon' | 'due_very_soon' | 'on_track' | 'not_running';

/** The work-list status on `today`, with the reminder thresholds of the spec (default 5 and 2). */
export function dueStatus(
  reading: ClockReading,
  today: PlainDate,
  calendar: WorkingDayCalendar,
  thresholds: { readonly soon: number; readonly verySoon: number } = { soon: 5, verySoon: 2 },
): DueStatus {
  const left = workdaysLeft(reading, today, calendar);
  if (left === null || reading.due === null) return 'not_running';
  if (overdueWorkdays(reading, today, calendar) > 0) return 'overdue';
  if (left <= thresholds.verySoon) return 'due_very_soon';
  return left <= thresholds.soon ? 'due_soon' : 'on_track';
}
