// The clock of an application, derived from its stored ledger on the working-day calendar (never typed
// in). The calendar is the official data until the admin override table exists; that is the one place
// to pass the overrides when it does.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { parseClockLedger } from '../../core/clock/clock-ledger.ts';
import { deriveClock, dueStatus, overdueWorkdays, workdaysLeft } from '../../core/clock/deadline-clock.ts';
import { Invalid } from '../../core/errors.ts';
import type { ApplicationEvent, ClockView } from './model.ts';

let calendar: WorkingDayCalendar | null = null;

export function applicationCalendar(): WorkingDayCalendar {
  calendar ??= createWorkingDayCalendar({ days: [], completeYears: [] });
  return calendar;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (UTC+8, no daylight saving) at the instant `now`. */
export function chinaDate(now: Date): PlainDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The ledger events as the clock reads them: `received` is the ledger's start, not an event. */
function ledgerEvents(events: readonly ApplicationEvent[]): unknown[] {
  return events
    .filter((event) => event.type !== 'received')
    .map((event) => ({
      type: event.type,
      date: event.date,
      ...(event.workdays === null ? {} : { workdays: event.workdays }),
      ...(event.due === null ? {} : { due: event.due }),
      ...(event.reason === null ? {} : { reason: event.reason }),
    }));
}

/**
 * The clock on `today`. A ledger the calendar cannot count (a year without holiday data) is not a crash:
 * the page says why no due date can be shown, naming the year.
 */
export function readClock(
  receivedOn: PlainDate,
  events: readonly ApplicationEvent[],
  today: PlainDate,
): ClockView {
  const working = applicationCalendar();
  try {
    const ledger = parseClockLedger({ received: receivedOn, events: ledgerEvents(events) });
    const reading = deriveClock(ledger, working);
    return {
      ok: true,
      reading,
      today,
      workdaysLeft: workdaysLeft(reading, today, working),
      overdueWorkdays: overdueWorkdays(reading, today, working),
      status: dueStatus(reading, today, working),
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}
