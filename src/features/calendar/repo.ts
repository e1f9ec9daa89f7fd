// All SQL of the calendar: the admin's day overrides and complete years, and the cached clock columns of
// open applications that a calendar change rewrites.
import { sql } from 'kysely';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import { isDayKind, type ChangedBy, type StoredCompleteYear, type StoredDayOverride } from './model.ts';

const OPERATOR_NAME = '命令行操作员';
const CALENDAR_LOCK = 7_310_011;

/**
 * Serialises calendar changes: each one recomputes every open application from the rows it sees, so two
 * at once on PostgreSQL could each miss the other's row. SQLite runs one write transaction at a time.
 */
export async function lockCalendar(trx: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
}

function changedBy(row: {
  updated_by: number | null;
  display_name: string | null;
  updated_at: string | Date;
}): ChangedBy {
  return {
    userId: row.updated_by,
    name: row.updated_by === null ? OPERATOR_NAME : (row.display_name ?? `用户 ${row.updated_by}`),
    at: toDate(row.updated_at),
  };
}

/** The admin's day overrides in date order, optionally of one year only. */
export async function listDayOverrides(db: Executor, year?: number): Promise<StoredDayOverride[]> {
  let query = db
    .selectFrom('calendar_overrides')
    .leftJoin('users', 'users.id', 'calendar_overrides.updated_by')
    .select([
      'calendar_overrides.date',
      'calendar_overrides.kind',
      'calendar_overrides.name',
      'calendar_overrides.notice',
      'calendar_overrides.updated_by',
      'calendar_overrides.updated_at',
      'users.display_name',
    ]);
  if (year !== undefined) {
    query = query
      .where('calendar_overrides.date', '>=', `${year}-01-01`)
      .where('calendar_overrides.date', '<=', `${year}-12-31`);
  }
  const rows = await query.orderBy('calendar_overrides.date').execute();
  return rows.map((row) => ({
    date: row.date,
    // Rows are only written through the validated service; anything else would fail the calendar build.
    kind: isDayKind(row.kind) ? row.kind : 'workday',
    name: row.name,
    notice: row.notice,
    changed: changedBy(row),
  }));
}

export async function findDayOverride(db: Executor, date: PlainDate): Promise<StoredDayOverride | null> {
  const row = await db
    .selectFrom('calendar_overrides')
    .leftJoin('users', 'users.id', 'calendar_overrides.updated_by')
    .select([
      'calendar_overrides.date',
      'calendar_overrides.kind',
      'calendar_overrides.name',
      'calendar_overrides.notice',
      'calendar_overrides.updated_by',
      'calendar_overrides.updated_at',
      'users.display_name',
    ])
    .where('calendar_overrides.date', '=', date)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    date: row.date,
    kind: isDayKind(row.kind) ? row.kind : 'workday',
    name: row.name,
    notice: row.notice,
    changed: changedBy(row),
  };
}

export interface DayOverrideRow {
  readonly date: PlainDate;
  readonly kind: string;
  readonly name: string | null;
  readonly notice: string;
}

/** Inserts or replaces the override of a date (the caller holds the calendar lock). */
export async function saveDayOverride(
  trx: Executor,
  dialect: DialectName,
  row: DayOverrideRow,
  userId: number | null,
  exists: boolean,
  now: Date,
): Promise<void> {
  const values = {
    kind: row.kind,
    name: row.name,
    notice: row.notice,
    updated_by: userId,
    updated_at: fromDate(dialect, now),
  };
  if (exists) {
    await trx.updateTable('calendar_overrides').set(values).where('date', '=', row.date).execute();
  } else {
    await trx
      .insertInto('calendar_overrides')
      .values({ date: row.date, ...values })
      .execute();
  }
}

export async function deleteDayOverride(trx: Executor, date: PlainDate): Promise<void> {
  await trx.deleteFrom('calendar_overrides').where('date', '=', date).execute();
}

export async function countDayOverridesInYear(db: Executor, year: number): Promise<number> {
  const row = await db
    .selectFrom('calendar_overrides')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listCompleteYears(db: Executor): Promise<StoredCompleteYear[]> {
  const rows = await db
    .selectFrom('calendar_years')
    .leftJoin('users', 'users.id', 'calendar_years.updated_by')
    .select([
      'calendar_years.year',
      'calendar_years.notice',
      'calendar_years.updated_by',
      'calendar_years.updated_at',
      'users.display_name',
    ])
    .orderBy('calendar_years.year')
    .execute();
  return rows.map((row) => ({ year: row.year, notice: row.notice, changed: changedBy(row) }));
}

export async function findCompleteYear(db: Executor, year: number): Promise<StoredCompleteYear | null> {
  return (await listCompleteYears(db)).find((declared) => declared.year === year) ?? null;
}

export async function insertCompleteYear(
  trx: Executor,
  dialect: DialectName,
  year: number,
  notice: string,
  userId: number | null,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('calendar_years')
    .values({ year, notice, updated_by: userId, updated_at: fromDate(dialect, now) })
    .execute();
}

export async function deleteCompleteYear(trx: Executor, year: number): Promise<void> {
  await trx.deleteFrom('calendar_years').where('year', '=', year).execute();
}

/** The cached clock of an open application, as a calendar change recomputes it. */
export interface OpenClockRow {
  readonly id: number;
  readonly receivedOn: PlainDate;
  readonly dueOn: PlainDate | null;
  readonly clockState: string | null;
}

/**
 * The next batch of open applications after `afterId`, in id order. On PostgreSQL the rows stay locked
 * until the transaction ends, so a workflow step on one of them (which locks its row first) cannot
 * write a cache from the old calendar over the one written here.
 */
export async function nextOpenClocks(
  trx: Executor,
  dialect: DialectName,
  afterId: number,
  limit: number,
): Promise<OpenClockRow[]> {
  const query = trx
    .selectFrom('applications')
    .select(['id', 'received_on', 'due_on', 'clock_state'])
    .where('status', '=', 'open')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit);
  const rows = await (dialect === 'postgres' ? query.forUpdate() : query).execute();
  return rows.map((row) => ({
    id: row.id,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    clockState: row.clock_state,
  }));
}

/** Writes one cached clock to many applications at once. */
export async function setClockCache(
  trx: Executor,
  ids: readonly number[],
  cache: { readonly dueOn: PlainDate | null; readonly clockState: string },
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('applications')
    .set({ due_on: cache.dueOn, clock_state: cache.clockState })
    .where('id', 'in', [...ids])
    .execute();
}
