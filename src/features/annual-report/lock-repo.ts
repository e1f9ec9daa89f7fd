// SQL of the year lock: the only place that reads or writes `annual_report_lock_events`.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export type LockEventKind = 'lock' | 'unlock';

export interface LockEvent {
  readonly id: number;
  readonly unitId: number;
  readonly year: number;
  readonly event: LockEventKind;
  readonly version: number | null;
  readonly reason: string | null;
  readonly actorName: string;
  readonly at: Date;
}

export async function insertLockEvent(
  db: Executor,
  dialect: DialectName,
  row: {
    readonly unitId: number;
    readonly year: number;
    readonly event: LockEventKind;
    readonly version: number | null;
    readonly reason: string | null;
    readonly actorId: number | null;
    readonly actorName: string;
  },
  now: Date,
): Promise<number> {
  const inserted = await db
    .insertInto('annual_report_lock_events')
    .values({
      unit_id: row.unitId,
      year: row.year,
      event: row.event,
      version: row.version,
      reason: row.reason,
      actor_id: row.actorId,
      actor_name: row.actorName,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The lock events of the units in the years from `from` to `to` (null: no end), oldest first. */
export async function listLockEvents(
  db: Executor,
  unitIds: readonly number[],
  from: number,
  to: number | null,
): Promise<LockEvent[]> {
  if (unitIds.length === 0) return [];
  let query = db
    .selectFrom('annual_report_lock_events')
    .selectAll()
    .where('unit_id', 'in', [...unitIds])
    .where('year', '>=', from);
  if (to !== null) query = query.where('year', '<=', to);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    event: row.event === 'unlock' ? 'unlock' : 'lock',
    version: row.version,
    reason: row.reason,
    actorName: row.actor_name,
    at: toDate(row.created_at),
  }));
}
