// SQL of the rollups: a unit's sub-units, their latest published reports, and the reports of units not on
// the platform that a supervising unit imported.
import type { DialectName } from '../../db/dialect.ts';
import { fromDate, toDate } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export interface RollupUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

export async function findRollupUnit(db: Executor, unitId: number): Promise<RollupUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row ?? null;
}

/** The units directly under `unitId`, in the order they were created (the same on both databases). */
export async function listSubunits(db: Executor, unitId: number): Promise<RollupUnit[]> {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('parent_id', '=', unitId)
    .orderBy('id')
    .execute();
}

/** The latest published version of each unit's report for each of `years`. */
export async function latestPublished(
  db: Executor,
  unitIds: readonly number[],
  years: readonly number[],
): Promise<{ unitId: number; year: number; version: number; reportJson: string }[]> {
  if (unitIds.length === 0) return [];
  const found: { unitId: number; year: number; version: number; reportJson: string }[] = [];
  // Chunks keep each statement under the bound-parameter limits of both databases.
  for (let start = 0; start < unitIds.length; start += 500) {
    const rows = await db
      .selectFrom('annual_reports as r')
      .select(['r.unit_id', 'r.year', 'r.version', 'r.report_json'])
      .where('r.unit_id', 'in', unitIds.slice(start, start + 500))
      .where('r.year', 'in', [...years])
      .where((eb) =>
        eb(
          'r.version',
          '=',
          eb
            .selectFrom('annual_reports as l')
            .select((inner) => inner.fn.max('l.version').as('v'))
            .whereRef('l.unit_id', '=', 'r.unit_id')
            .whereRef('l.year', '=', 'r.year'),
        ),
      )
      .execute();
    for (const row of rows) {
      found.push({ unitId: row.unit_id, year: row.year, version: row.version, reportJson: row.report_json });
    }
  }
  return found;
}

export interface ExternalReportRow {
  readonly id: number;
  readonly name: string;
  readonly year: number;
  readonly reportJson: string;
  readonly errors: number;
  readonly warnings: number;
  readonly fileName: string;
  readonly importedAt: Date;
}

/** The latest import of each name for each of `years`. */
export async function latestExternal(
  db: Executor,
  unitId: number,
  years: readonly number[],
): Promise<ExternalReportRow[]> {
  const rows = await db
    .selectFrom('external_annual_reports')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('year', 'in', [...years])
    .orderBy('id', 'desc')
    .execute();
  const seen = new Set<string>();
  const latest: ExternalReportRow[] = [];
  for (const row of rows) {
    const key = `${row.year}\u0000${row.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push({
      id: row.id,
      name: row.name,
      year: row.year,
      reportJson: row.report_json,
      errors: row.errors,
      warnings: row.warnings,
      fileName: row.file_name,
      importedAt: toDate(row.imported_at),
    });
  }
  return latest.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
}

export async function insertExternalReport(
  db: Executor,
  dialect: DialectName,
  row: {
    readonly unitId: number;
    readonly name: string;
    readonly year: number;
    readonly reportJson: string;
    readonly errors: number;
    readonly warnings: number;
    readonly fileName: string;
    readonly fileSha256: string;
    readonly importedBy: number | null;
  },
  now: Date,
): Promise<number> {
  const inserted = await db
    .insertInto('external_annual_reports')
    .values({
      unit_id: row.unitId,
      name: row.name,
      year: row.year,
      report_json: row.reportJson,
      errors: row.errors,
      warnings: row.warnings,
      file_name: row.fileName,
      file_sha256: row.fileSha256,
      imported_by: row.importedBy,
      imported_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
