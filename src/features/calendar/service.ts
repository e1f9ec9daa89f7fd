// Use cases of the working-day calendar. Every change checks the policy, writes its row, recomputes the
// cached clock of every open application on the calendar as it stands inside the same transaction, and
// records one audit entry naming what moved — so a due date shown anywhere never lags the table.
import type { Transaction } from 'kysely';
import type { ActingScope } from '../../app-context.ts';
import { chineseDaysArrangements } from '../../core/calendar/official-arrangements.ts';
import { yearOf, type PlainDate } from '../../core/calendar/plain-date.ts';
import { createWorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import type { DialectName } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import {
  chinaDate,
  clockCacheOf,
  ledgerEvents,
  loadCalendarOverrides,
  readClock,
} from '../applications/clock.ts';
import type { ApplicationEvent } from '../applications/model.ts';
import { findEventsOf } from '../applications/repo.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { arrangementOfYear } from './arrangement.ts';
import type {
  CalendarAction,
  CalendarChange,
  CalendarOverview,
  ChangedClock,
  Recomputation,
  StoredDayOverride,
  YearCoverage,
} from './model.ts';
import { authorizeCalendar } from './policy.ts';
import {
  countDayOverridesInYear,
  deleteCompleteYear,
  deleteDayOverride,
  findCompleteYear,
  findDayOverride,
  insertCompleteYear,
  listCompleteYears,
  listDayOverrides,
  lockCalendar,
  nextOpenClocks,
  saveDayOverride,
  setClockCache,
} from './repo.ts';
import {
  validateCompleteYear,
  validateDate,
  validateDayOverride,
  validateYear,
  type CompleteYearInput,
  type DayOverrideInput,
} from './validate.ts';

const RECOMPUTE_BATCH = 500;

type ClockCache = ReturnType<typeof clockCacheOf>;
/** The audit entry lists at most this many moved applications (and says when it stopped). */
export const AUDIT_LIST_CAP = 200;

const official = chineseDaysArrangements;

/** The calendar as it is, for the page and `gongkai calendar list`; the selected year defaults to this year. */
export async function getCalendarOverview(
  scope: ActingScope,
  year?: number,
  now = new Date(),
): Promise<CalendarOverview> {
  authorizeCalendar(scope.actor);
  const db = scope.context.database.db;
  const today = chinaDate(now);
  const selectedYear = year ?? yearOf(today);
  const [overrides, declared] = await Promise.all([listDayOverrides(db), listCompleteYears(db)]);
  const years = new Set<number>([
    ...official.years,
    ...declared.map((entry) => entry.year),
    ...overrides.map((override) => yearOf(override.date)),
  ]);
  const coverage: YearCoverage[] = [...years]
    .sort((a, b) => a - b)
    .map((y) => {
      const declaration = declared.find((entry) => entry.year === y) ?? null;
      return {
        year: y,
        official: official.years.has(y),
        declared: declaration,
        overrideCount: overrides.filter((override) => yearOf(override.date) === y).length,
        covered: official.years.has(y) || declaration !== null,
      };
    });
  const covered = coverage.some((entry) => entry.year === selectedYear && entry.covered);
  return {
    today,
    years: coverage,
    overrides,
    selectedYear,
    arrangement: covered ? arrangementOfYear(selectedYear, overrides) : null,
  };
}

/** From this month on, next year's arrangement is due (the State Council publishes it in the autumn). */
export const NEXT_YEAR_DUE_MONTH = 11;

/**
 * Years the clock needs soon but cannot count in: this year, and from November next year, when neither
 * the shipped data nor an administrator's declaration covers them. Every signed-in person sees these,
 * since an application received then cannot be given its due date. Not audited: it only reads.
 */
export async function missingCalendarYears(db: Executor, now = new Date()): Promise<number[]> {
  const today = chinaDate(now);
  const year = yearOf(today);
  const needed = Number(today.slice(5, 7)) >= NEXT_YEAR_DUE_MONTH ? [year, year + 1] : [year];
  const declared = new Set((await listCompleteYears(db)).map((entry) => entry.year));
  return needed.filter((y) => !official.years.has(y) && !declared.has(y));
}

/** Sets a date to a working day or a day off, with the notice it comes from (replacing an earlier setting). */
export async function setDayOverride(
  scope: ActingScope,
  input: DayOverrideInput,
  now = new Date(),
): Promise<CalendarChange> {
  authorizeCalendar(scope.actor);
  const valid = validateDayOverride(input);
  return changeCalendar(scope, now, async (trx, dialect) => {
    const before = await findDayOverride(trx, valid.date);
    await saveDayOverride(trx, dialect, valid, userIdOf(scope), before !== null, now);
    return {
      action: 'day-set',
      subject: valid.date,
      details: {
        date: valid.date,
        before: before === null ? null : dayDetails(before),
        after: { kind: valid.kind, name: valid.name, notice: valid.notice },
        notice: valid.notice,
      },
    };
  });
}

/** Removes the admin's setting of a date: the official data (or the plain week) applies again. */
export async function removeDayOverride(
  scope: ActingScope,
  dateInput: unknown,
  now = new Date(),
): Promise<CalendarChange> {
  authorizeCalendar(scope.actor);
  const date = validateDate(dateInput);
  return changeCalendar(scope, now, async (trx) => {
    const before = await findDayOverride(trx, date);
    if (before === null) throw new Invalid('date', `${date} 没有自定义设置，无需删除`);
    const year = yearOf(date);
    if (
      !official.years.has(year) &&
      (await findCompleteYear(trx, year)) !== null &&
      (await countDayOverridesInYear(trx, year)) === 1
    ) {
      throw new Invalid(
        'date',
        `${date} 是已确认全年录入的 ${year} 年最后一个自定义日期，删除后该年将只剩普通周末：请先撤回对 ${year} 年的确认`,
      );
    }
    await deleteDayOverride(trx, date);
    return {
      action: 'day-remove',
      subject: date,
      details: { date, before: dayDetails(before), after: null, notice: before.notice },
    };
  });
}

/**
 * Declares a year's arrangement entered in full from the State Council's notice, so the clock may count
 * in it. Only for a year beyond the shipped data, and only once at least one of its days was entered.
 */
export async function declareYearComplete(
  scope: ActingScope,
  input: CompleteYearInput,
  now = new Date(),
): Promise<CalendarChange> {
  authorizeCalendar(scope.actor);
  const { year, notice } = validateCompleteYear(input);
  return changeCalendar(scope, now, async (trx, dialect) => {
    if (official.years.has(year)) {
      throw new Invalid('year', `${year} 年的节假日安排已包含在系统自带的官方数据中，无需确认全年录入`);
    }
    const existing = await findCompleteYear(trx, year);
    if (existing !== null) {
      throw new Conflict(`${year} 年已确认全年录入（依据：${existing.notice}）；如需更正依据，请先撤回确认`);
    }
    const entered = await countDayOverridesInYear(trx, year);
    if (entered === 0) {
      throw new Invalid(
        'year',
        `${year} 年尚未录入任何日期：请先按该年节假日安排的通知逐日录入放假日和调休上班日，再确认全年已录入`,
      );
    }
    await insertCompleteYear(trx, dialect, year, notice, userIdOf(scope), now);
    return {
      action: 'year-complete',
      subject: String(year),
      details: { year, before: null, after: { notice }, notice, enteredDays: entered },
    };
  });
}

/** Withdraws a year's declaration: the clock again refuses to count in that year. */
export async function withdrawYearDeclaration(
  scope: ActingScope,
  yearInput: unknown,
  now = new Date(),
): Promise<CalendarChange> {
  authorizeCalendar(scope.actor);
  const year = validateYear(yearInput);
  return changeCalendar(scope, now, async (trx) => {
    const existing = await findCompleteYear(trx, year);
    if (existing === null) throw new Invalid('year', `${year} 年未确认全年录入，无需撤回`);
    await deleteCompleteYear(trx, year);
    return {
      action: 'year-withdraw',
      subject: String(year),
      details: { year, before: { notice: existing.notice }, after: null, notice: existing.notice },
    };
  });
}

/**
 * Recomputes the cached clock (`due_on`, `clock_state`) of every open application on the calendar as the
 * transaction sees it, a batch at a time, writing only the rows that change. The cache is a function of
 * the ledger and the calendar alone: each clock is read as of its receipt date, so the day the change
 * is made (possibly in a year the calendar does not cover yet) cannot turn a clock `invalid`.
 */
export async function recomputeOpenClocks(
  trx: Transaction<Database>,
  dialect: DialectName,
): Promise<Recomputation> {
  const calendar = createWorkingDayCalendar(await loadCalendarOverrides(trx));
  // The clock is a pure function of the receipt date and the clock events, and most open applications
  // share their ledger with others received the same day: each distinct ledger is read once.
  const readings = new Map<string, ClockCache>();
  const cacheFor = (receivedOn: PlainDate, events: readonly ApplicationEvent[]): ClockCache => {
    const key = `${receivedOn}${JSON.stringify(ledgerEvents(events))}`;
    let cache = readings.get(key);
    if (cache === undefined) {
      cache = clockCacheOf(readClock(calendar, receivedOn, events, receivedOn));
      readings.set(key, cache);
    }
    return cache;
  };
  const changed: ChangedClock[] = [];
  let open = 0;
  let afterId = 0;
  for (;;) {
    const rows = await nextOpenClocks(trx, dialect, afterId, RECOMPUTE_BATCH);
    if (rows.length === 0) break;
    const events = await findEventsOf(
      trx,
      rows.map((row) => row.id),
    );
    const writes = new Map<string, { cache: ClockCache; ids: number[] }>();
    for (const row of rows) {
      const cache = cacheFor(row.receivedOn, events.get(row.id) ?? []);
      if (cache.dueOn === row.dueOn && cache.clockState === row.clockState) continue;
      changed.push({
        id: row.id,
        dueBefore: row.dueOn,
        dueAfter: cache.dueOn,
        stateBefore: row.clockState,
        stateAfter: cache.clockState,
      });
      const key = `${cache.dueOn ?? ''}|${cache.clockState}`;
      const write = writes.get(key) ?? { cache, ids: [] };
      write.ids.push(row.id);
      writes.set(key, write);
    }
    for (const { cache, ids } of writes.values()) await setClockCache(trx, ids, cache);
    open += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    if (rows.length < RECOMPUTE_BATCH) break;
  }
  return { open, changed };
}

interface Written {
  readonly action: CalendarAction;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

const AUDIT: Readonly<Record<CalendarAction, { action: string; objectType: string }>> = {
  'day-set': { action: 'calendar.day.set', objectType: 'calendar_day' },
  'day-remove': { action: 'calendar.day.remove', objectType: 'calendar_day' },
  'year-complete': { action: 'calendar.year.complete', objectType: 'calendar_year' },
  'year-withdraw': { action: 'calendar.year.withdraw', objectType: 'calendar_year' },
};

/** One calendar change: the row, the recomputation and the audit entry, all in one transaction. */
async function changeCalendar(
  scope: ActingScope,
  now: Date,
  write: (trx: Transaction<Database>, dialect: DialectName) => Promise<Written>,
): Promise<CalendarChange> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await lockCalendar(trx, dialect);
    const written = await write(trx, dialect);
    const recomputation = await recomputeOpenClocks(trx, dialect);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        ...AUDIT[written.action],
        objectId: written.subject,
        details: { ...written.details, recomputed: auditSummary(recomputation) },
      },
      now,
    );
    return { action: written.action, subject: written.subject, recomputation };
  });
}

function auditSummary({ open, changed }: Recomputation): Record<string, unknown> {
  return {
    open,
    changed: changed.length,
    applications: changed.slice(0, AUDIT_LIST_CAP).map((entry) => ({
      id: entry.id,
      dueBefore: entry.dueBefore,
      dueAfter: entry.dueAfter,
      ...(entry.stateBefore === entry.stateAfter
        ? {}
        : { stateBefore: entry.stateBefore, stateAfter: entry.stateAfter }),
    })),
    ...(changed.length > AUDIT_LIST_CAP ? { listed: AUDIT_LIST_CAP, truncated: true } : {}),
  };
}

function dayDetails(day: StoredDayOverride): Record<string, unknown> {
  return { kind: day.kind, name: day.name, notice: day.notice };
}

function userIdOf(scope: ActingScope): number | null {
  return scope.actor.kind === 'staff' ? scope.actor.userId : null;
}
