// Use cases of the rollups: a supervising unit's view of its sub-units' annual reports for a year (the
// published one, else the one compiled from records now, else missing), with the reports of units not on
// the platform that it imported through the report checker, and the sum of their tables.
import { createHash } from 'node:crypto';
import type { ActingScope } from '../../app-context.ts';
import { STATISTIC_KINDS } from '../../core/records/statistics.ts';
import { Invalid } from '../../core/errors.ts';
import { reportFromInterchange } from '../../core/report/interchange.ts';
import type { AnnualReport, Finding } from '../../core/report/types.ts';
import { inTransaction } from '../../db/transaction.ts';
import { compileAnnualReport } from '../annual-report/compile.ts';
import { recordAct } from '../audit/service.ts';
import { checkReportSource } from '../reports/service.ts';
import { authorizeRollup, canImportExternal } from './policy.ts';
import {
  findRollupUnit,
  insertExternalReport,
  latestExternal,
  latestPublished,
  listSubunits,
  type RollupUnit,
} from './repo.ts';
import { keyFigures, sumTables, type KeyFigures, type SummedTables } from './sum.ts';

export type RollupStatus = 'published' | 'compiled' | 'missing' | 'imported';

export const ROLLUP_STATUS_LABELS: Readonly<Record<RollupStatus, string>> = {
  published: '已发布',
  compiled: '未发布（按记录汇编）',
  missing: '缺报',
  imported: '外部导入',
};

export interface RollupEntry {
  /** The sub-unit on the platform; null for an imported report of a unit not on the platform. */
  readonly unitId: number | null;
  readonly name: string;
  readonly status: RollupStatus;
  readonly errors: number | null;
  readonly warnings: number | null;
  readonly figures: KeyFigures | null;
  /** Last year's figures from its published or imported report; null when there is none. */
  readonly previous: KeyFigures | null;
  readonly version: number | null;
}

export interface Rollup {
  readonly unit: RollupUnit;
  readonly year: number;
  readonly entries: readonly RollupEntry[];
  /** The sum of the tables of every entry that has a report (missing ones are left out). */
  readonly sum: SummedTables;
  /** How many reports went into the sum. */
  readonly summed: number;
  readonly canImport: boolean;
}

export function validateRollupYear(text: string | undefined): number {
  const value = (text ?? '').trim();
  if (!/^\d{4}$/.test(value) || Number(value) < 2021 || Number(value) > 2100) {
    throw new Invalid(
      'year',
      `年度须为 2021 至 2100 的四位年份（2021 年起适用的报告格式），收到：“${value}”`,
    );
  }
  return Number(value);
}

const countErrors = (findings: readonly Finding[] | undefined) =>
  (findings ?? []).filter((finding) => finding.severity === 'error').length;

/** True when nothing of the year is recorded: no application counted, no case, no statistic entered. */
function isEmpty(report: AnnualReport, missingStatistics: readonly string[]): boolean {
  const zero = (cells: readonly (number | null)[]) => cells.every((cell) => cell === null || cell === 0);
  return (
    missingStatistics.length === STATISTIC_KINDS.length &&
    Object.values(report.table3).every(zero) &&
    zero(report.table4)
  );
}

export async function getRollup(scope: ActingScope, unitId: number, year: number): Promise<Rollup> {
  const { db } = scope.context.database;
  const unit = await findRollupUnit(db, unitId);
  authorizeRollup(scope.actor, unit, 'read');
  const subunits = await listSubunits(db, unit.id);
  const published = await latestPublished(
    db,
    subunits.map((sub) => sub.id),
    [year, year - 1],
  );
  const publishedOf = (id: number, of: number) =>
    published.find((row) => row.unitId === id && row.year === of);
  const entries: RollupEntry[] = [];
  const reports: AnnualReport[] = [];
  for (const sub of subunits) {
    const last = publishedOf(sub.id, year - 1);
    const previous =
      last === undefined ? null : keyFigures(reportFromInterchange(JSON.parse(last.reportJson)));
    const current = publishedOf(sub.id, year);
    if (current !== undefined) {
      const report = reportFromInterchange(JSON.parse(current.reportJson));
      const errors = countErrors(report.findings);
      reports.push(report);
      entries.push({
        unitId: sub.id,
        name: sub.name,
        status: 'published',
        errors,
        warnings: (report.findings ?? []).length - errors,
        figures: keyFigures(report),
        previous,
        version: current.version,
      });
      continue;
    }
    const compiled = await compileAnnualReport(scope, { unitId: sub.id, year });
    if (isEmpty(compiled.report, compiled.missingStatistics)) {
      entries.push({
        unitId: sub.id,
        name: sub.name,
        status: 'missing',
        errors: null,
        warnings: null,
        figures: null,
        previous,
        version: null,
      });
      continue;
    }
    const errors = countErrors(compiled.findings);
    reports.push(compiled.report);
    entries.push({
      unitId: sub.id,
      name: sub.name,
      status: 'compiled',
      errors,
      warnings: compiled.findings.length - errors,
      figures: keyFigures(compiled.report),
      previous,
      version: null,
    });
  }
  const external = await latestExternal(db, unit.id, [year, year - 1]);
  for (const row of external.filter((found) => found.year === year)) {
    const report = reportFromInterchange(JSON.parse(row.reportJson));
    const last = external.find((found) => found.year === year - 1 && found.name === row.name);
    reports.push(report);
    entries.push({
      unitId: null,
      name: row.name,
      status: 'imported',
      errors: row.errors,
      warnings: row.warnings,
      figures: keyFigures(report),
      previous: last === undefined ? null : keyFigures(reportFromInterchange(JSON.parse(last.reportJson))),
      version: null,
    });
  }
  return {
    unit,
    year,
    entries,
    sum: sumTables(reports),
    summed: reports.length,
    canImport: canImportExternal(scope.actor, unit.path),
  };
}

export interface ExternalUpload {
  readonly fileName: string;
  readonly data: Buffer;
}

/**
 * Imports the annual report of a unit not on the platform (text, HTML or Word), read by the report
 * checker; its numbers and findings are kept for the supervising unit's rollup of that year.
 */
export async function importExternalReport(
  scope: ActingScope,
  unitId: number,
  form: Readonly<Record<string, string | undefined>>,
  readUpload: () => Promise<ExternalUpload>,
  now = new Date(),
): Promise<{ id: number; errors: number; warnings: number }> {
  const { db, dialect } = scope.context.database;
  // The policy is checked before the file is read, so a refused person learns nothing from its errors.
  authorizeRollup(scope.actor, await findRollupUnit(db, unitId), 'import');
  const year = validateRollupYear(form.year);
  const upload = await readUpload();
  const outcome = await checkReportSource({ kind: 'file', data: upload.data, name: upload.fileName });
  if (outcome.kind === 'unreadable') {
    throw new Invalid('file', `报告检查器无法读取该文件：${outcome.reason}`);
  }
  const report = outcome.report;
  if (report.year !== null && report.year !== year) {
    throw new Invalid('year', `文件中的报告年度为${report.year}年，与所选的${year}年不符`);
  }
  const name = (form.name ?? '').trim() || (report.agency ?? '').trim();
  if (name === '') throw new Invalid('name', '请填写报告所属单位的名称（文件中未能读出单位名称）');
  if (name.length > 100) throw new Invalid('name', '单位名称不能超过 100 个字');
  return inTransaction(db, async (trx) => {
    const unit = await findRollupUnit(trx, unitId);
    authorizeRollup(scope.actor, unit, 'import');
    const fileSha256 = createHash('sha256').update(upload.data).digest('hex');
    const id = await insertExternalReport(
      trx,
      dialect,
      {
        unitId: unit.id,
        name,
        year,
        reportJson: JSON.stringify({ ...report, year }),
        errors: outcome.errors,
        warnings: outcome.warnings,
        fileName: upload.fileName,
        fileSha256,
        importedBy: scope.actor.kind === 'staff' ? scope.actor.userId : null,
      },
      now,
    );
    await recordAct(
      trx,
      scope,
      'report_rollup.import',
      'external_annual_report',
      id,
      {
        unitId: unit.id,
        name,
        year,
        fileName: upload.fileName,
        fileSha256,
        errors: outcome.errors,
        warnings: outcome.warnings,
      },
      now,
    );
    return { id, errors: outcome.errors, warnings: outcome.warnings };
  });
}
