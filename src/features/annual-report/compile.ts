// The annual report compiled from records (条例第四十九条、第五十条; annual-report.md, "Counting rules"):
// table 二 from the normative-document registry and the administrative statistics, table 三 from the
// applications, table 四 from the review and litigation cases, and the narrative facts; then every
// cross-check of the report engine. Nothing is typed in: each number comes with the records behind it.
import type { ActingScope } from '../../app-context.ts';
import { fromDate } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import { Invalid } from '../../core/errors.ts';
import { FORMATS, TABLE3_COLUMNS, TABLE4_COLUMNS } from '../../core/report/format.ts';
import { checkReport } from '../../core/report/checks/index.ts';
import type { AnnualReport, Cell, Finding } from '../../core/report/types.ts';
import { table2NormativeBlock } from '../../core/records/normative.ts';
import { applicationStatistics } from '../applications/statistics.ts';
import { countTrainings } from '../../core/supervision/training.ts';
import { publicationCounts, type PublicationCounts } from '../channels/service.ts';
import { recordsForReport } from '../records/service.ts';
import { currentGuideCounts } from '../supervision/service.ts';
import { listGuideCounts, trainingFactsOf } from '../supervision/repo.ts';
import {
  draftSections,
  PROACTIVE_GROUPS,
  type NarrativeFactSources,
  type NarrativeFacts,
  type ProactiveGroup,
} from './narrative.ts';

/** The block of table 二 the normative documents fill (2021 format). */
const NORMATIVE_BLOCK = '第二十条第（一）项';

export interface CompileRequest {
  readonly unitId: number;
  readonly year: number;
  /** Count the applications of sub-units too (a government's consolidated report). Default false. */
  readonly includeSubunits?: boolean;
}

export interface CompiledReport {
  readonly report: AnnualReport;
  readonly findings: readonly Finding[];
  /** Administrative statistics not entered for the year (their cells stay empty). */
  readonly missingStatistics: readonly string[];
  readonly facts: NarrativeFacts;
  /** The records behind the numbers, for drill-down. */
  readonly sources: {
    readonly table3: Record<string, number[][]>;
    readonly table4: string[][];
    readonly normative: unknown;
    readonly statistics: unknown;
    readonly facts: NarrativeFactSources;
  };
}

/** Midnight of 1 January in China (UTC+8, no daylight saving). */
function chinaYearStart(year: number): Date {
  return new Date(Date.UTC(year - 1, 11, 31, 16));
}

/** Sorts the channel counts of a unit's subtree into the report's five groups of proactive publication. */
function proactiveGroups(
  unitId: number,
  counts: PublicationCounts,
): { totals: Record<ProactiveGroup, number>; ids: Record<ProactiveGroup, (number | null)[]> } {
  const totals = Object.fromEntries(PROACTIVE_GROUPS.map((group) => [group, 0])) as Record<
    ProactiveGroup,
    number
  >;
  const ids = Object.fromEntries(PROACTIVE_GROUPS.map((group) => [group, [] as (number | null)[]])) as Record<
    ProactiveGroup,
    (number | null)[]
  >;
  for (const row of counts.byChannel) {
    const group: ProactiveGroup =
      row.kind === 'new-media' ? (row.unitId === unitId ? 'own-new-media' : 'subunit-new-media') : row.kind;
    totals[group] += row.count;
    if (!ids[group].includes(row.channelId)) ids[group].push(row.channelId);
  }
  return { totals, ids };
}

/** Compiles the report of `unitId` for `year` (2021 format: report years 2021 onward). */
export async function compileAnnualReport(
  scope: ActingScope,
  request: CompileRequest,
): Promise<CompiledReport> {
  const { unitId, year } = request;
  if (!Number.isSafeInteger(year) || year < 2021 || year > 2100) {
    throw new Invalid(
      'year',
      '年度报告须为 2021 年及以后的年度（2021 年起适用国办公开办函〔2021〕30号格式）',
    );
  }
  const format = FORMATS['2021'];
  const database = scope.context.database;
  const db = database.db;
  const unit = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  const [applications, records] = await Promise.all([
    applicationStatistics(scope, { unitId, year, includeSubunits: request.includeSubunits ?? false }),
    recordsForReport(scope, unitId, year),
  ]);
  // A unit's proactive publication counts its own channels and those of the units under it (the
  // departments' and streets' accounts are one of the report's groups).
  const publications = await publicationCounts(
    db,
    unit === undefined
      ? { unitIds: [unitId], from: `${year}-01-01`, to: `${year}-12-31` }
      : { subtreePath: unit.path, from: `${year}-01-01`, to: `${year}-12-31` },
  );
  const groups = proactiveGroups(unitId, publications);
  const trainings = await trainingFactsOf(db, [unitId], year);
  const training = countTrainings(trainings, year, new Set([unitId]));
  const guides = currentGuideCounts(await listGuideCounts(db, unitId)).filter((entry) => entry.year === year);
  const guideOf = (kind: string) => guides.find((entry) => entry.kind === kind);
  // 协助: the co-handling tasks of other units' applications this unit answered during the year.
  const assistance = await db
    .selectFrom('cohandling_tasks')
    .innerJoin('applications', 'applications.id', 'cohandling_tasks.application_id')
    .select('cohandling_tasks.id')
    .where('cohandling_tasks.unit_id', '=', unitId)
    .where('applications.unit_id', '<>', unitId)
    .where('cohandling_tasks.status', '=', 'replied')
    .where('cohandling_tasks.replied_at', '>=', fromDate(database.dialect, chinaYearStart(year)))
    .where('cohandling_tasks.replied_at', '<', fromDate(database.dialect, chinaYearStart(year + 1)))
    .orderBy('cohandling_tasks.id')
    .execute();

  const table2: Record<string, Record<string, Record<string, Cell>>> = {};
  for (const block of format.table2) {
    table2[block.label] = Object.fromEntries(
      block.rows.map((row) => [row, Object.fromEntries(block.columns.map((column) => [column, null]))]),
    );
  }
  const merge = (blocks: Record<string, Record<string, Record<string, number>>>) => {
    for (const [label, rows] of Object.entries(blocks)) {
      for (const [row, columns] of Object.entries(rows)) {
        const target = table2[label]?.[row];
        if (target !== undefined) Object.assign(target, columns);
      }
    }
  };
  merge({ [NORMATIVE_BLOCK]: table2NormativeBlock(records.normative) });
  merge(records.statistics.blocks);

  const fees = await db
    .selectFrom('application_fees')
    .innerJoin('applications', 'applications.id', 'application_fees.application_id')
    .select(['application_fees.id', 'application_fees.amount_yuan'])
    .where('applications.unit_id', '=', unitId)
    .where('application_fees.paid_on', '>=', `${year}-01-01`)
    .where('application_fees.paid_on', '<=', `${year}-12-31`)
    .orderBy('application_fees.id')
    .execute();
  const facts: NarrativeFacts = {
    agency: unit?.name ?? '',
    year,
    proactiveTotal: publications.total,
    proactiveByKind: publications.byKind,
    proactiveByGroup: groups.totals,
    applicationsReceived: applications.table3['一、本年新收政府信息公开申请数量']?.[6] ?? 0,
    applicationsByChannel: applications.receivedByChannel,
    onTimeRate: applications.onTime.rate,
    feesCollectedYuan: fees.reduce((sum, row) => sum + row.amount_yuan, 0),
    assistedOtherAgencies: assistance.length,
    trainingSessions: training.sessions,
    trainingParticipants: training.participants,
    serviceGuides: guideOf('guides')?.value ?? null,
    districtWideServices: guideOf('cross-district')?.value ?? null,
  };
  const factSources: NarrativeFactSources = {
    proactiveByGroup: groups.ids,
    fees: fees.map((row) => row.id),
    assistance: assistance.map((row) => row.id),
    training: trainings
      .filter((session) => countTrainings([session], year, new Set([unitId])).sessions > 0)
      .map((session) => session.id),
    serviceGuides: guides.filter((entry) => entry.kind === 'guides').map((entry) => entry.id),
    districtWideServices: guides.filter((entry) => entry.kind === 'cross-district').map((entry) => entry.id),
  };
  const report: AnnualReport = {
    format: '2021',
    year,
    agency: unit?.name ?? null,
    table2,
    table3_columns: [...TABLE3_COLUMNS],
    table3: applications.table3,
    table4_columns: [...TABLE4_COLUMNS],
    table4: records.table4.values,
    sections: draftSections(facts),
  };
  const findings = checkReport(report);
  return {
    report: { ...report, findings },
    findings,
    missingStatistics: records.statistics.missing,
    facts,
    sources: {
      table3: applications.ids.table3,
      table4: records.table4.ids,
      normative: records.normative,
      statistics: records.statistics.entryIds,
      facts: factSources,
    },
  };
}

/** The unit a command names: its number, or its full name (which must be unique). */
export async function findUnitForReport(db: Executor, text: string): Promise<number> {
  const trimmed = text.trim();
  if (/^\d{1,15}$/.test(trimmed)) {
    const unit = await db
      .selectFrom('units')
      .select('id')
      .where('id', '=', Number(trimmed))
      .executeTakeFirst();
    if (unit) return unit.id;
  }
  const named = await db.selectFrom('units').select('id').where('name', '=', trimmed).execute();
  if (named.length === 1 && named[0]) return named[0].id;
  throw new Invalid(
    '--unit',
    named.length > 1 ? `有多个名为“${trimmed}”的单位，请用单位编号` : `未找到单位“${trimmed}”`,
  );
}
