// All SQL of the report checker: a summary row per check made through the web or the API.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export interface CheckRun {
  readonly id: number;
  readonly source: 'web' | 'api';
  readonly fileName: string | null;
  readonly format: string | null;
  readonly reportYear: number | null;
  readonly agency: string | null;
  readonly outcome: 'checked' | 'unreadable';
  readonly errors: number;
  readonly warnings: number;
  readonly createdAt: Date;
}

export type NewCheckRun = Omit<CheckRun, 'id' | 'createdAt'> & { readonly createdAt?: Date };

export async function insertCheckRun(db: Executor, dialect: DialectName, run: NewCheckRun): Promise<number> {
  const row = await db
    .insertInto('report_check_runs')
    .values({
      source: run.source,
      file_name: run.fileName,
      format: run.format,
      report_year: run.reportYear,
      agency: run.agency,
      outcome: run.outcome,
      errors: run.errors,
      warnings: run.warnings,
      ...(run.createdAt ? { created_at: fromDate(dialect, run.createdAt) } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listRecentCheckRuns(db: Executor, limit: number): Promise<CheckRun[]> {
  const rows = await db
    .selectFrom('report_check_runs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    source: row.source === 'api' ? 'api' : 'web',
    fileName: row.file_name,
    format: row.format,
    reportYear: row.report_year,
    agency: row.agency,
    outcome: row.outcome === 'unreadable' ? 'unreadable' : 'checked',
    errors: row.errors,
    warnings: row.warnings,
    createdAt: toDate(row.created_at),
  }));
}

export async function countCheckRuns(db: Executor): Promise<{ total: number; withErrors: number }> {
  const row = await db
    .selectFrom('report_check_runs')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number | null>(eb.case().when('errors', '>', 0).then(1).else(0).end()).as('with_errors'),
    ])
    .executeTakeFirstOrThrow();
  return { total: row.total, withErrors: row.with_errors ?? 0 };
}
