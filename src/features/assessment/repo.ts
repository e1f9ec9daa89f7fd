// SQL of assessment: rule set versions, runs and scores, and the measurements, each reading only records
// dated inside the period (and deadlines that had passed on the run's date).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { IndicatorCode } from '../../core/assessment/catalogue.ts';
import type { RuleSet } from '../../core/assessment/scoring.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { categoriesForKind } from '../../core/publishing/categories.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { AssessmentRuleSetTable, Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { newMediaActivity } from '../channels/activity.ts';
import type { CorrectionSource } from '../corrections/model.ts';
import { measureFreshness } from '../freshness/measure.ts';
import type { AssessmentUnit, IndicatorDetail, RecordRef, RuleSetVersion, ScoreRow } from './model.ts';

export async function findAssessmentUnit(db: Executor, id: number): Promise<AssessmentUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** The direct sub-units, the siblings ranked against each other. */
export async function listChildUnits(db: Executor, parentId: number): Promise<AssessmentUnit[]> {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('parent_id', '=', parentId)
    .orderBy('id')
    .execute();
}

/** Serialises version numbering of one unit's rule sets (SQLite serialises writers anyway). */
export async function lockUnit(trx: Executor, dialect: DialectName, unitId: number): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`.execute(trx);
}

function toRuleSet(row: Selectable<AssessmentRuleSetTable>): RuleSetVersion {
  return {
    id: row.id,
    unitId: row.unit_id,
    version: row.version,
    rules: JSON.parse(row.rules_json) as RuleSet,
    createdAt: toDate(row.created_at),
  };
}

export async function latestRuleSet(db: Executor, unitId: number): Promise<RuleSetVersion | null> {
  const row = await db
    .selectFrom('assessment_rule_sets')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row === undefined ? null : toRuleSet(row);
}

export async function listRuleSets(db: Executor, unitId: number): Promise<RuleSetVersion[]> {
  const rows = await db
    .selectFrom('assessment_rule_sets')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toRuleSet);
}

export async function findRuleSet(db: Executor, id: number): Promise<RuleSetVersion | null> {
  const row = await db.selectFrom('assessment_rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toRuleSet(row);
}

export async function insertRuleSet(
  trx: Executor,
  dialect: DialectName,
  unitId: number,
  version: number,
  rules: RuleSet,
  userId: number | null,
  now: Date,
): Promise<number> {
  const row = await trx
    .insertInto('assessment_rule_sets')
    .values({
      unit_id: unitId,
      version,
      rules_json: JSON.stringify(rules),
      created_by: userId,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RunRow {
  readonly id: number;
  readonly unitId: number;
  readonly period: string;
  readonly ruleSetId: number;
  readonly asOf: PlainDate;
  readonly computedAt: Date;
}

export async function insertRun(
  trx: Executor,
  dialect: DialectName,
  run: Omit<RunRow, 'id' | 'computedAt'>,
  scores: readonly Omit<ScoreRow, 'unitName'>[],
  userId: number | null,
  now: Date,
): Promise<number> {
  const row = await trx
    .insertInto('assessment_runs')
    .values({
      unit_id: run.unitId,
      period: run.period,
      rule_set_id: run.ruleSetId,
      as_of: run.asOf,
      computed_by: userId,
      computed_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = row.id;
  // Slices keep every statement well under the parameter limits of both databases.
  for (let start = 0; start < scores.length; start += 200) {
    await trx
      .insertInto('assessment_scores')
      .values(
        scores.slice(start, start + 200).map((score) => ({
          run_id: runId,
          unit_id: score.unitId,
          score: score.score,
          rank: score.rank,
          detail_json: JSON.stringify(score.indicators),
        })),
      )
      .execute();
  }
  return runId;
}

/** The latest run of the unit for the period, if any. */
export async function latestRun(db: Executor, unitId: number, period: string): Promise<RunRow | null> {
  const row = await db
    .selectFrom('assessment_runs')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row === undefined
    ? null
    : {
        id: row.id,
        unitId: row.unit_id,
        period: row.period,
        ruleSetId: row.rule_set_id,
        asOf: row.as_of,
        computedAt: toDate(row.computed_at),
      };
}

/** The unit's most recently computed run of any period, if any. */
export async function latestRunOfUnit(db: Executor, unitId: number): Promise<RunRow | null> {
  const row = await db
    .selectFrom('assessment_runs')
    .select('period')
    .where('unit_id', '=', unitId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row === undefined ? null : latestRun(db, unitId, row.period);
}

/** Periods the unit has runs for, newest run first. */
export async function listRunPeriods(db: Executor, unitId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('assessment_runs')
    .select('period')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('unit_id', '=', unitId)
    .groupBy('period')
    .orderBy('last', 'desc')
    .execute();
  return rows.map((row) => row.period);
}

export async function listRunScores(db: Executor, runId: number): Promise<ScoreRow[]> {
  const rows = await db
    .selectFrom('assessment_scores as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.unit_id', 'u.name', 's.score', 's.rank', 's.detail_json'])
    .where('s.run_id', '=', runId)
    .orderBy('s.rank')
    .orderBy('s.unit_id')
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    unitName: row.name,
    score: row.score,
    rank: row.rank,
    indicators: JSON.parse(row.detail_json) as IndicatorDetail[],
  }));
}

// Measurements -------------------------------------------------------------------------------------------

export interface MeasureWindow {
  readonly start: PlainDate;
  readonly end: PlainDate;
  /** Last day a deadline may fall on to be counted: the period's end, or the day before the run. */
  readonly deadlineCutoff: PlainDate;
  /** The 31 January inside the period, if any (the annual report's statutory deadline). */
  readonly reportDeadline: PlainDate | null;
}

export type Measurements = Map<number, Map<IndicatorCode, RecordRef[]>>;

const SLICE = 500;

/**
 * The sources of correction tasks opened by the automatic content checks of published items. Public 纠错
 * reports, dead links and stale-column notices are not findings of the content check.
 */
export const CONTENT_CHECK_SOURCES: readonly CorrectionSource[] = ['dictionary-scan', 'privacy-scan'];

function slices(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < ids.length; start += SLICE) out.push(ids.slice(start, start + SLICE));
  return out;
}

/** The records behind every indicator of every unit, per unit and indicator (ordered by date, then id). */
export async function measureRecords(
  db: Transaction<Database> | Kysely<Database>,
  unitIds: readonly number[],
  window: MeasureWindow,
  codes: ReadonlySet<IndicatorCode>,
): Promise<Measurements> {
  const result: Measurements = new Map(unitIds.map((id) => [id, new Map<IndicatorCode, RecordRef[]>()]));
  const add = (unitId: number, code: IndicatorCode, ref: RecordRef) => {
    const perUnit = result.get(unitId);
    if (perUnit === undefined) return;
    const list = perUnit.get(code) ?? [];
    list.push(ref);
    perUnit.set(code, list);
  };
  const { start, end, deadlineCutoff } = window;
  for (const ids of slices(unitIds)) {
    const items = await db
      .selectFrom('publishing_items')
      .select(['id', 'unit_id', 'published_on'])
      .where('unit_id', 'in', ids)
      .where('published_on', '>=', start)
      .where('published_on', '<=', end)
      .orderBy('published_on')
      .orderBy('id')
      .execute();
    for (const row of items) {
      add(row.unit_id, 'publications', {
        kind: 'item',
        id: row.id,
        on: row.published_on ?? start,
        ok: true,
        unitId: row.unit_id,
      });
    }

    const closed = await db
      .selectFrom('applications')
      .select(['id', 'unit_id', 'closed_on', 'due_on'])
      .where('unit_id', 'in', ids)
      .where('closed_on', '>=', start)
      .where('closed_on', '<=', end)
      .where('due_on', 'is not', null)
      .orderBy('closed_on')
      .orderBy('id')
      .execute();
    for (const row of closed) {
      const closedOn = row.closed_on ?? start;
      add(row.unit_id, 'applications-on-time', {
        kind: 'application',
        id: row.id,
        on: closedOn,
        ok: closedOn <= (row.due_on ?? ''),
        unitId: row.unit_id,
      });
    }

    if (deadlineCutoff >= start) {
      const overdue = await db
        .selectFrom('applications')
        .select(['id', 'unit_id', 'due_on'])
        .where('unit_id', 'in', ids)
        .where('due_on', '>=', start)
        .where('due_on', '<=', deadlineCutoff)
        .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', eb.ref('due_on'))]))
        .orderBy('due_on')
        .orderBy('id')
        .execute();
      for (const row of overdue) {
        add(row.unit_id, 'applications-overdue', {
          kind: 'application',
          id: row.id,
          on: row.due_on ?? start,
          ok: false,
          unitId: row.unit_id,
        });
      }

      const tasks = await db
        .selectFrom('correction_tasks')
        .select(['id', 'unit_id', 'due_on', 'replied_on'])
        .where('unit_id', 'in', ids)
        .where('due_on', '>=', start)
        .where('due_on', '<=', deadlineCutoff)
        .orderBy('due_on')
        .orderBy('id')
        .execute();
      for (const row of tasks) {
        add(row.unit_id, 'corrections-on-time', {
          kind: 'correction',
          id: row.id,
          on: row.due_on,
          ok: row.replied_on !== null && row.replied_on <= row.due_on,
          unitId: row.unit_id,
        });
      }
    }

    const sessions = await db
      .selectFrom('training_sessions as s')
      .leftJoin('training_session_units as t', 't.session_id', 's.id')
      .select(['s.id', 's.unit_id as organiser', 's.held_on', 't.unit_id as taking'])
      .where('s.held_on', '>=', start)
      .where('s.held_on', '<=', end)
      .where((eb) => eb.or([eb('s.unit_id', 'in', ids), eb('t.unit_id', 'in', ids)]))
      .orderBy('s.held_on')
      .orderBy('s.id')
      .execute();
    const seen = new Set<string>();
    for (const row of sessions) {
      for (const unitId of [row.organiser, row.taking]) {
        if (unitId === null || !ids.includes(unitId) || seen.has(`${row.id}:${unitId}`)) continue;
        seen.add(`${row.id}:${unitId}`);
        add(unitId, 'trainings', {
          kind: 'training',
          id: row.id,
          on: row.held_on,
          ok: true,
          unitId: row.organiser,
        });
      }
    }

    if (window.reportDeadline !== null) {
      const deadline = window.reportDeadline;
      const reports = await db
        .selectFrom('annual_reports')
        .select(['id', 'unit_id', 'published_at'])
        .where('unit_id', 'in', ids)
        .where('year', '=', Number(deadline.slice(0, 4)) - 1)
        .where('version', '=', 1)
        .execute();
      for (const row of reports) {
        const on = chinaDate(toDate(row.published_at));
        add(row.unit_id, 'annual-report-on-time', {
          kind: 'annual-report',
          id: row.id,
          on,
          ok: on <= deadline,
          unitId: row.unit_id,
        });
      }
    }

    if (codes.has('content-findings')) {
      const findings = await db
        .selectFrom('correction_tasks')
        .select(['id', 'unit_id', 'received_on'])
        .where('unit_id', 'in', ids)
        .where('source', 'in', [...CONTENT_CHECK_SOURCES])
        .where('item_id', 'is not', null)
        .where('received_on', '>=', start)
        .where('received_on', '<=', end)
        .orderBy('received_on')
        .orderBy('id')
        .execute();
      for (const row of findings) {
        add(row.unit_id, 'content-findings', {
          kind: 'correction',
          id: row.id,
          on: row.received_on,
          ok: false,
          unitId: row.unit_id,
        });
      }
    }

    if (codes.has('columns-published')) {
      const kinds = await db.selectFrom('units').select(['id', 'kind']).where('id', 'in', ids).execute();
      const groups = await db
        .selectFrom('publishing_items')
        .select(['unit_id', 'category_code'])
        .select((eb) => [eb.fn.countAll<number | string>().as('items'), eb.fn.max('published_on').as('last')])
        .where('unit_id', 'in', ids)
        .where('sub_column', '=', 'statutory')
        .where('category_code', 'is not', null)
        .where('published_on', '>=', start)
        .where('published_on', '<=', end)
        .groupBy(['unit_id', 'category_code'])
        .execute();
      const published = new Map(
        groups.map((row) => [
          `${row.unit_id}:${row.category_code ?? ''}`,
          { items: Number(row.items), last: row.last },
        ]),
      );
      for (const unit of kinds) {
        // Every statutory column of the unit in catalogue order, those without a publication included.
        for (const category of categoriesForKind(unit.kind)) {
          const found = published.get(`${unit.id}:${category.code}`);
          add(unit.id, 'columns-published', {
            kind: 'column',
            id: 0,
            label: category.name,
            on: found?.last ?? end,
            ok: found !== undefined,
            unitId: unit.id,
            count: found?.items ?? 0,
          });
        }
      }
    }

    // Columns and accounts as they stood at the end of the period (or the day before the run).
    if (deadlineCutoff >= start && codes.has('columns-stale')) {
      const freshness = await measureFreshness(db, ids, deadlineCutoff);
      for (const [unitId, unit] of freshness) {
        for (const column of unit.columns) {
          if (column.status !== 'stale' && column.status !== 'blank') continue;
          add(unitId, 'columns-stale', {
            kind: 'column',
            id: 0,
            label: column.name,
            on: column.staleSince ?? deadlineCutoff,
            ok: false,
            unitId,
          });
        }
      }
    }
    if (deadlineCutoff >= start && codes.has('new-media-zombies')) {
      const activity = await newMediaActivity(db, ids, deadlineCutoff);
      for (const [unitId, unit] of activity) {
        for (const account of unit.details) {
          if (account.level !== 'zombie') continue;
          add(unitId, 'new-media-zombies', {
            kind: 'account',
            id: account.channelId,
            label: account.name,
            on: account.lastPostOn ?? account.openedOn ?? deadlineCutoff,
            ok: false,
            unitId,
          });
        }
      }
    }
  }
  return result;
}
