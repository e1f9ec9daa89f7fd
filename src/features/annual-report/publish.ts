// Publishing the annual report compiled from records (条例第五十条): only a report without errors is
// published; each publication stores the next version of the unit's year and keeps the earlier ones, so
// the public column shows the latest and what it replaced. The public side reads only what was stored.
import type { ActingScope, AppContext } from '../../app-context.ts';
import { NotFound, Unprocessable } from '../../core/errors.ts';
import { reportFromInterchange } from '../../core/report/interchange.ts';
import type { AnnualReport } from '../../core/report/types.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { renderReportJson } from '../reports/render/index.ts';
import { lockYear } from './lock.ts';
import { compileWithNarratives } from './narrative-edit.ts';
import { authorizePublishReport } from './publish-policy.ts';
import {
  findReportJson,
  findReportUnit,
  insertPublishedReport,
  listPublishedVersions,
  lockUnitForPublication,
  nextVersion,
  type PublishedVersion,
  type ReportUnit,
} from './publish-repo.ts';

export interface PublishRequest {
  readonly unitId: number;
  readonly year: number;
}

export interface PublishedReportRef {
  readonly id: number;
  readonly unitId: number;
  readonly year: number;
  readonly version: number;
}

/** Publishes the unit's report for the year as compiled now; refuses a report with errors. */
export async function publishAnnualReport(
  scope: ActingScope,
  request: PublishRequest,
  now = new Date(),
): Promise<PublishedReportRef> {
  const { database } = scope.context;
  const { unitId, year } = request;
  const unit = await findReportUnit(database.db, unitId);
  authorizePublishReport(scope.actor, unit);
  // The edited narrative when there is one, else the draft written from the facts.
  const { compiled } = await compileWithNarratives(scope, { unitId, year });
  const errors = compiled.findings.filter((finding) => finding.severity === 'error').length;
  if (errors > 0) {
    throw new Unprocessable(`${year}年度报告有 ${errors} 处错误，改正记录后才能发布`);
  }
  const warnings = compiled.findings.length - errors;
  const reportJson = renderReportJson(compiled.report);
  return inTransaction(database.db, async (trx) => {
    // Two people publishing the same unit at once get consecutive versions, never a clash.
    await lockUnitForPublication(trx, database.dialect, unitId);
    authorizePublishReport(scope.actor, await findReportUnit(trx, unitId));
    const version = await nextVersion(trx, unitId, year);
    const id = await insertPublishedReport(
      trx,
      database.dialect,
      {
        unitId,
        year,
        version,
        reportJson,
        publishedBy: scope.actor.kind === 'staff' ? scope.actor.userId : null,
      },
      now,
    );
    await lockYear(trx, database.dialect, scope, { unitId, year, version }, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'annual_report.publish',
        objectType: 'annual_report',
        objectId: id,
        details: {
          unitId,
          year,
          version,
          errors,
          warnings,
          applicationsReceived: compiled.facts.applicationsReceived,
        },
      },
      now,
    );
    return { id, unitId, year, version };
  });
}

export interface PublishedReportList {
  readonly unit: ReportUnit;
  /** One entry per year, newest first: the latest version and the earlier ones it replaced. */
  readonly years: readonly {
    readonly year: number;
    readonly latest: PublishedVersion;
    readonly earlier: readonly PublishedVersion[];
  }[];
}

async function publicUnit(context: AppContext, unitId: number): Promise<ReportUnit> {
  const unit = await findReportUnit(context.database.db, unitId);
  if (unit === null) throw new NotFound('未找到该单位');
  return unit;
}

export async function listPublishedReports(
  context: AppContext,
  unitId: number,
): Promise<PublishedReportList> {
  const unit = await publicUnit(context, unitId);
  const versions = await listPublishedVersions(context.database.db, unitId);
  const years: { year: number; latest: PublishedVersion; earlier: PublishedVersion[] }[] = [];
  for (const version of versions) {
    const last = years.at(-1);
    if (last !== undefined && last.year === version.year) last.earlier.push(version);
    else years.push({ year: version.year, latest: version, earlier: [] });
  }
  return { unit, years };
}

/** A published version (null: the latest) of the unit's report for the year. */
export async function getPublishedReport(
  context: AppContext,
  unitId: number,
  year: number,
  version: number | null = null,
): Promise<{ readonly unit: ReportUnit; readonly version: number; readonly report: AnnualReport }> {
  const unit = await publicUnit(context, unitId);
  const stored = await findReportJson(context.database.db, unitId, year, version);
  if (stored === null) throw new NotFound('该年度报告尚未发布');
  return { unit, version: stored.version, report: reportFromInterchange(JSON.parse(stored.reportJson)) };
}
