// All SQL of the job leases. A lease is taken by one conditional UPDATE whose affected row count says
// whether this process got it: on PostgreSQL a second concurrent UPDATE waits for the first and then
// re-checks the condition against the committed row; on SQLite writes are serialised anyway.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { JobLease } from './model.ts';

export interface LeaseRequest {
  readonly name: string;
  readonly holder: string;
  readonly now: Date;
  readonly leaseMs: number;
  /** Not taken when the job last ran less than this long ago (another process ran it this round). */
  readonly minGapMs: number;
}

/** Takes the lease when it is free or expired; false when another holder has it (or ran it just now). */
export async function acquireLease(
  db: Executor,
  dialect: DialectName,
  request: LeaseRequest,
): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name: request.name, holder: null, lease_until: null, last_run_at: null, last_result: null })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const now = fromDate(dialect, request.now);
  const result = await db
    .updateTable('job_leases')
    .set({
      holder: request.holder,
      lease_until: fromDate(dialect, new Date(request.now.getTime() + request.leaseMs)),
    })
    .where('name', '=', request.name)
    .where((eb) =>
      eb.or([eb('holder', 'is', null), eb('lease_until', 'is', null), eb('lease_until', '<', now)]),
    )
    .$if(request.minGapMs > 0, (query) =>
      query.where((eb) =>
        eb.or([
          eb('last_run_at', 'is', null),
          eb('last_run_at', '<=', fromDate(dialect, new Date(request.now.getTime() - request.minGapMs))),
        ]),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Extends the lease while the job runs; false when this holder no longer has it. */
export async function renewLease(
  db: Executor,
  dialect: DialectName,
  name: string,
  holder: string,
  until: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('job_leases')
    .set({ lease_until: fromDate(dialect, until) })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Frees the lease and records the run; false when this holder no longer had it. */
export async function releaseLease(
  db: Executor,
  dialect: DialectName,
  name: string,
  holder: string,
  run: { readonly startedAt: Date; readonly result: string },
): Promise<boolean> {
  const result = await db
    .updateTable('job_leases')
    .set({
      holder: null,
      lease_until: null,
      last_run_at: fromDate(dialect, run.startedAt),
      last_result: run.result,
    })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findLease(db: Executor, name: string): Promise<JobLease | null> {
  const row = await db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
  if (row === undefined) return null;
  return {
    name: row.name,
    holder: row.holder,
    leaseUntil: row.lease_until === null ? null : toDate(row.lease_until),
    lastRunAt: row.last_run_at === null ? null : toDate(row.last_run_at),
    lastResult: row.last_result,
  };
}
