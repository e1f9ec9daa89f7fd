// SQL of published annual reports: the only place that reads or writes `annual_reports`.
import type { DialectName } from '../../db/dialect.ts';
import { fromDate, toDate } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export interface ReportUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

export interface PublishedVersion {
  readonly year: number;
  readonly version: number;
  readonly publishedAt: Date;
}

export async function findReportUnit(db: Executor, unitId: number): Promise<ReportUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row ?? null;
}

export async function nextVersion(db: Executor, unitId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('annual_reports')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return (row?.latest ?? 0) + 1;
}

export async function insertPublishedReport(
  db: Executor,
  dialect: DialectName,
  row: {
    readonly unitId: number;
    readonly year: number;
    readonly version: number;
    readonly reportJson: string;
    readonly publishedBy: number | null;
  },
  now: Date,
): Promise<number> {
  const inserted = await db
    .insertInto('annual_reports')
    .values({
      unit_id: row.unitId,
      year: row.year,
      version: row.version,
      report_json: row.reportJson,
      published_by: row.publishedBy,
      published_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Every published version of the unit, newest year first, newest version first within a year. */
export async function listPublishedVersions(db: Executor, unitId: number): Promise<PublishedVersion[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .select(['year', 'version', 'published_at'])
    .where('unit_id', '=', unitId)
    .orderBy('year', 'desc')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    year: row.year,
    version: row.version,
    publishedAt: toDate(row.published_at),
  }));
}

/** The report JSON of a version (null: the latest) of the unit's year; null when none was published. */
export async function findReportJson(
  db: Executor,
  unitId: number,
  year: number,
  version: number | null,
): Promise<{ readonly version: number; readonly reportJson: string } | null> {
  let query = db
    .selectFrom('annual_reports')
    .select(['version', 'report_json'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year);
  if (version !== null) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row === undefined ? null : { version: row.version, reportJson: row.report_json };
}

/** Serialises publications of one unit: PostgreSQL holds the unit row until the transaction ends. */
export async function lockUnitForPublication(
  trx: Executor,
  dialect: DialectName,
  unitId: number,
): Promise<void> {
  const query = trx.selectFrom('units').select('id').where('id', '=', unitId);
  await (dialect === 'postgres' ? query.forUpdate() : query).execute();
}
