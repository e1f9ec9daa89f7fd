// Use cases of assessment (考核): rule sets saved as new versions, a period's scores computed for the direct
// sub-units of the supervising unit and stored as a run, the latest run read back for pages, exports and
// the command line. Each change checks the policy, runs in one transaction and writes its audit entry.
//
// Reproducibility: a run reads only records dated inside the period, and counts a deadline (applications
// overdue, corrections answered in time) only once it had passed on the run's date. Recomputing a period
// that had ended before both runs therefore reads the same records and gives the same scores, whatever was
// added later. Every recomputation is kept as a new run; pages show the latest one.
import type { ActingScope } from '../../app-context.ts';
import { scopesOf } from '../../core/access/roles.ts';
import { INDICATORS, type IndicatorCode } from '../../core/assessment/catalogue.ts';
import { parsePeriod, type Period } from '../../core/assessment/period.ts';
import {
  defaultRuleSet,
  parseHundredths,
  rankScores,
  scoreUnit,
  validateRuleSet,
  type Measured,
  type RuleLine,
  type RuleSet,
} from '../../core/assessment/scoring.ts';
import { addDays, type PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid, NotFound, Unprocessable } from '../../core/errors.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { recordAct } from '../audit/service.ts';
import { listUnits } from '../units/repo.ts';
import type { AssessmentRun, AssessmentUnit, IndicatorDetail, RecordRef, RuleSetVersion } from './model.ts';
import { ASSESSMENT_READERS, authorizeAssessment, canOnAssessment, type AssessmentAction } from './policy.ts';
import {
  findAssessmentUnit,
  findRuleSet,
  insertRuleSet,
  insertRun,
  latestRuleSet,
  latestRun,
  latestRunOfUnit,
  listChildUnits,
  listRunPeriods,
  listRunScores,
  listRuleSets,
  lockUnit,
  measureRecords,
  type MeasureWindow,
} from './repo.ts';

const userIdOf = (scope: ActingScope): number | null =>
  scope.actor.kind === 'staff' ? scope.actor.userId : null;

export interface AssessmentUnitEntry extends AssessmentUnit {
  readonly canEdit: boolean;
}

async function unitFor(db: Executor, scope: ActingScope, unitId: number, action: AssessmentAction) {
  const unit = await findAssessmentUnit(db, unitId);
  authorizeAssessment(scope.actor, action, unit);
  return unit;
}

/** The unit, if the actor may read its assessment (NotFound otherwise). */
export async function getAssessmentUnit(scope: ActingScope, unitId: number): Promise<AssessmentUnitEntry> {
  const unit = await unitFor(scope.context.database.db, scope, unitId, 'read');
  return { ...unit, canEdit: canOnAssessment(scope.actor, 'edit', unit.path) };
}

/** The units whose assessment the actor may read, in tree order. */
export async function listAssessmentUnitsFor(scope: ActingScope): Promise<AssessmentUnitEntry[]> {
  const units = await listUnits(scope.context.database.db, scopesOf(scope.actor, ASSESSMENT_READERS));
  return units.map((unit) => ({
    id: unit.id,
    name: unit.name,
    path: unit.path,
    canEdit: canOnAssessment(scope.actor, 'edit', unit.path),
  }));
}

// Rules --------------------------------------------------------------------------------------------------

export interface RulesView {
  /** The rules in force (the latest version), or the catalogue defaults before any was saved. */
  readonly current: RuleSet;
  readonly versions: readonly RuleSetVersion[];
}

export async function getRules(scope: ActingScope, unitId: number): Promise<RulesView> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  const versions = await listRuleSets(db, unitId);
  return { current: versions[0]?.rules ?? defaultRuleSet(), versions };
}

/** Reads the rules form: `use.<code>` ticks an indicator, `weight.<code>`, `full.<code>`, `zero.<code>`. */
export function rulesFromForm(input: Readonly<Record<string, string | undefined>>): RuleSet {
  const lines: RuleLine[] = [];
  for (const indicator of INDICATORS) {
    if (input[`use.${indicator.code}`] === undefined) continue;
    lines.push({
      code: indicator.code,
      weight: parseHundredths(
        input[`weight.${indicator.code}`],
        `weight.${indicator.code}`,
        `“${indicator.label}”的分值`,
      ),
      full: parseHundredths(
        input[`full.${indicator.code}`],
        `full.${indicator.code}`,
        `“${indicator.label}”的满分线`,
      ),
      zero: parseHundredths(
        input[`zero.${indicator.code}`],
        `zero.${indicator.code}`,
        `“${indicator.label}”的零分线`,
      ),
    });
  }
  return validateRuleSet(lines);
}

/** Saves the rules as the unit's next version; returns the version number. */
export async function saveRules(
  scope: ActingScope,
  unitId: number,
  rules: readonly RuleLine[],
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const checked = validateRuleSet(rules);
    await lockUnit(trx, dialect, unitId);
    const version = ((await latestRuleSet(trx, unitId))?.version ?? 0) + 1;
    const id = await insertRuleSet(trx, dialect, unitId, version, checked, userIdOf(scope), now);
    await recordAct(
      trx,
      scope,
      'assessment.rules.save',
      'assessment_rule_set',
      id,
      { unitId, version, rules: checked },
      now,
    );
    return version;
  });
}

// Scores -------------------------------------------------------------------------------------------------

function windowOf(period: Period, asOf: PlainDate): MeasureWindow {
  const dayBefore = addDays(asOf, -1);
  const januaryEnds = [...new Set([period.start.slice(0, 4), period.end.slice(0, 4)])]
    .map((year) => `${year}-01-31`)
    .filter((date) => date >= period.start && date <= period.end);
  return {
    start: period.start,
    end: period.end,
    deadlineCutoff: dayBefore < period.end ? dayBefore : period.end,
    reportDeadline: januaryEnds[0] ?? null,
  };
}

const count = (records: readonly RecordRef[]): Measured => ({ numerator: records.length, denominator: 1 });

const rate = (records: readonly RecordRef[]): Measured | null =>
  records.length === 0
    ? null
    : { numerator: 100 * records.filter((ref) => ref.ok).length, denominator: records.length };

function valueOf(code: IndicatorCode, records: readonly RecordRef[], window: MeasureWindow): Measured | null {
  switch (code) {
    case 'publications':
    case 'applications-overdue':
    case 'trainings':
    case 'content-findings':
      return count(records);
    case 'columns-published':
      return { numerator: records.filter((ref) => ref.ok).length, denominator: 1 };
    case 'columns-stale':
    case 'new-media-zombies':
      return window.deadlineCutoff >= window.start ? count(records) : null;
    case 'applications-on-time':
    case 'corrections-on-time':
      return rate(records);
    case 'annual-report-on-time':
      return window.reportDeadline === null
        ? null
        : { numerator: records.some((ref) => ref.ok) ? 1 : 0, denominator: 1 };
  }
}

export interface ComputedScore {
  readonly unitId: number;
  readonly score: number;
  readonly rank: number;
  readonly indicators: readonly IndicatorDetail[];
}

/** Scores and ranks the units for the period under the rules, as on `asOf`. Reads, writes nothing. */
export async function computeScores(
  db: Executor,
  units: readonly AssessmentUnit[],
  rules: RuleSet,
  period: Period,
  asOf: PlainDate,
): Promise<ComputedScore[]> {
  const window = windowOf(period, asOf);
  const records = await measureRecords(
    db,
    units.map((unit) => unit.id),
    window,
    new Set(rules.map((line) => line.code)),
  );
  const scored = units.map((unit) => {
    const perUnit = records.get(unit.id);
    const refs = (code: IndicatorCode) => perUnit?.get(code) ?? [];
    const values = Object.fromEntries(
      rules.map((line) => [line.code, valueOf(line.code, refs(line.code), window)]),
    );
    const result = scoreUnit(rules, values);
    return {
      unitId: unit.id,
      score: result.score,
      indicators: result.indicators.map((indicator) => ({ ...indicator, records: refs(indicator.code) })),
    };
  });
  return rankScores(scored);
}

/** Computes the period's scores of the unit's direct sub-units under its latest rules and stores the run. */
export async function runAssessment(
  scope: ActingScope,
  unitId: number,
  periodText: unknown,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const period = parsePeriod(periodText);
    const ruleSet = await latestRuleSet(trx, unitId);
    if (ruleSet === null) throw new Unprocessable('尚未制定考核细则：请先保存考核细则，再计算得分');
    const asOf = chinaDate(now);
    const children = await listChildUnits(trx, unitId);
    const scores = await computeScores(trx, children, ruleSet.rules, period, asOf);
    const runId = await insertRun(
      trx,
      dialect,
      { unitId, period: period.text, ruleSetId: ruleSet.id, asOf },
      scores,
      userIdOf(scope),
      now,
    );
    await recordAct(
      trx,
      scope,
      'assessment.run',
      'assessment_run',
      runId,
      { unitId, period: period.text, ruleVersion: ruleSet.version, units: scores.length, asOf },
      now,
    );
    return runId;
  });
}

/** The latest run of the period, with its scores best first; null when the period was never computed. */
export async function getRanking(
  scope: ActingScope,
  unitId: number,
  periodText: unknown,
): Promise<AssessmentRun | null> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  const period = parsePeriod(periodText);
  const run = await latestRun(db, unitId, period.text);
  if (run === null) return null;
  const ruleSet = await findRuleSet(db, run.ruleSetId);
  if (ruleSet === null) throw new NotFound('未找到考核细则');
  return { ...run, ruleSet, scores: await listRunScores(db, run.id) };
}

/** The unit's most recently computed run, whatever its period, with its scores best first; null if none. */
export async function getLatestRanking(scope: ActingScope, unitId: number): Promise<AssessmentRun | null> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  const run = await latestRunOfUnit(db, unitId);
  if (run === null) return null;
  const ruleSet = await findRuleSet(db, run.ruleSetId);
  if (ruleSet === null) throw new NotFound('未找到考核细则');
  return { ...run, ruleSet, scores: await listRunScores(db, run.id) };
}

export async function listComputedPeriods(scope: ActingScope, unitId: number): Promise<string[]> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  return listRunPeriods(db, unitId);
}

/** Audits the download of a ranking or a notice (they carry the scores of every sub-unit). */
export async function recordExport(
  scope: ActingScope,
  run: AssessmentRun,
  format: string,
  now = new Date(),
): Promise<void> {
  await inTransaction(scope.context.database.db, (trx) =>
    recordAct(
      trx,
      scope,
      'assessment.export',
      'assessment_run',
      run.id,
      { unitId: run.unitId, period: run.period, format },
      now,
    ),
  );
}

export function requirePeriod(text: unknown): Period {
  if (typeof text !== 'string' || text.trim() === '') throw new Invalid('period', '请填写考核期间');
  return parsePeriod(text);
}
