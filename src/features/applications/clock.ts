// The clock of an application, derived from its stored ledger on the working-day calendar (never typed
// in). The calendar is the official data plus the admin overrides stored in the database; it is rebuilt
// only when those rows change, so every process sees an admin's change on its next request.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import {
  createWorkingDayCalendar,
  type CalendarOverrides,
  type DayKind,
  type WorkingDayCalendar,
} from '../../core/calendar/working-days.ts';
import { CLOCK_EVENT_TYPES, parseClockLedger } from '../../core/clock/clock-ledger.ts';
import { deriveClock, dueStatus, overdueWorkdays, workdaysLeft } from '../../core/clock/deadline-clock.ts';
import { Invalid } from '../../core/errors.ts';
import type { Executor } from '../../db/transaction.ts';
import type { ApplicationEvent, ClockView } from './model.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (UTC+8, no daylight saving) at the instant `now`. */
export function chinaDate(now: Date): PlainDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

let cached: { readonly fingerprint: string; readonly calendar: WorkingDayCalendar } | null = null;

/** The admin's overrides as the calendar takes them. */
export async function loadCalendarOverrides(db: Executor): Promise<CalendarOverrides> {
  const [days, years] = await Promise.all([
    db.selectFrom('calendar_overrides').select(['date', 'kind', 'notice']).orderBy('date').execute(),
    db.selectFrom('calendar_years').select(['year', 'notice']).orderBy('year').execute(),
  ]);
  return {
    days: days.map((row) => ({ date: row.date, kind: row.kind as DayKind, notice: row.notice })),
    completeYears: years.map((row) => ({ year: row.year, notice: row.notice })),
  };
}

/** The working-day calendar of the deployment: official data plus the admin overrides. */
export async function loadCalendar(db: Executor): Promise<WorkingDayCalendar> {
  const overrides = await loadCalendarOverrides(db);
  const fingerprint = JSON.stringify(overrides);
  if (cached?.fingerprint !== fingerprint) {
    cached = { fingerprint, calendar: createWorkingDayCalendar(overrides) };
  }
  return cached.calendar;
}

const CLOCK_TYPES: ReadonlySet<string> = new Set(CLOCK_EVENT_TYPES);

/** Whether a timeline step moves the clock (the other steps are routing and handling records). */
export function isClockEvent(type: string): boolean {
  return CLOCK_TYPES.has(type);
}

/** The ledger events as the clock reads them: `received` is the ledger's start, not an event. */
export function ledgerEvents(events: readonly ApplicationEvent[]): unknown[] {
  return events
    .filter((event) => isClockEvent(event.type))
    .map((event) => ({
      type: event.type,
      date: event.date,
      ...(event.workdays === null ? {} : { workdays: event.workdays }),
      ...(event.due === null ? {} : { due: event.due }),
      ...(event.reason === null ? {} : { reason: event.reason }),
      ...(event.party === null ? {} : { party: event.party }),
      ...(event.ref === null ? {} : { ref: event.ref }),
    }));
}

/**
 * The clock on `today`. A ledger the calendar cannot count (a year without holiday data) is not a crash:
 * the page says why no due date can be shown, naming the year.
 */
export function readClock(
  calendar: WorkingDayCalendar,
  receivedOn: PlainDate,
  events: readonly ApplicationEvent[],
  today: PlainDate,
): ClockView {
  try {
    const ledger = parseClockLedger({ received: receivedOn, events: ledgerEvents(events) });
    const reading = deriveClock(ledger, calendar);
    return {
      ok: true,
      reading,
      today,
      workdaysLeft: workdaysLeft(reading, today, calendar),
      overdueWorkdays: overdueWorkdays(reading, today, calendar),
      status: dueStatus(reading, today, calendar),
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}

/** The cached clock columns of an application (`due_on`, `clock_state`), from its clock. */
export function clockCacheOf(clock: ClockView): { dueOn: PlainDate | null; clockState: string } {
  if (!clock.ok) return { dueOn: null, clockState: 'invalid' };
  return { dueOn: clock.reading.due, clockState: clock.reading.state };
}
