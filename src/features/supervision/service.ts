// Use cases of the supervision registers: each checks the policy, runs in one transaction and writes its
// audit entry there. `trainingFacts` is what the annual report's 监督保障 facts read.
import type { ActingScope } from '../../app-context.ts';
import { scopesOf } from '../../core/access/roles.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { countTrainings, type TrainingCount } from '../../core/supervision/training.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { recordAct } from '../audit/service.ts';
import type { GuideCountEntry, QueryPoint, SupervisionUnit, TrainingSession } from './model.ts';
import {
  authorizeSupervision,
  canOnSupervision,
  SUPERVISION_EDITORS,
  SUPERVISION_READERS,
  type SupervisionAction,
} from './policy.ts';
import {
  findQueryPoint,
  findTrainingUnitId,
  insertGuideCount,
  insertQueryPoint,
  insertTraining,
  listGuideCounts,
  listOpenQueryPoints,
  listQueryPoints,
  listTrainings,
  trainingFactsOf,
  updateQueryPoint,
  updateTraining,
  type OpenQueryPoint,
} from './repo.ts';
import { findUnit, listUnits } from '../units/repo.ts';
import { validateGuideCount, validateQueryPoint, validateTraining, type Input } from './validate.ts';

const userIdOf = (scope: ActingScope): number | null =>
  scope.actor.kind === 'staff' ? scope.actor.userId : null;

async function unitFor(db: Executor, scope: ActingScope, unitId: number, action: SupervisionAction) {
  const unit = await findUnit(db, unitId);
  authorizeSupervision(scope.actor, action, unit);
  return unit;
}

export interface SupervisionUnitEntry extends SupervisionUnit {
  readonly canEdit: boolean;
}

/** The units whose registers the actor may read, in tree order. */
export async function listSupervisionUnitsFor(scope: ActingScope): Promise<SupervisionUnitEntry[]> {
  const units = await listUnits(scope.context.database.db, scopesOf(scope.actor, SUPERVISION_READERS));
  return units.map((unit) => ({ ...unit, canEdit: canOnSupervision(scope.actor, 'edit', unit.path) }));
}

/** The unit, if the actor may read its registers (NotFound otherwise), and whether they may change them. */
export async function getSupervisionUnit(
  scope: ActingScope,
  unitId: number,
  action: SupervisionAction = 'read',
): Promise<SupervisionUnitEntry> {
  const unit = await unitFor(scope.context.database.db, scope, unitId, action);
  return { ...unit, canEdit: canOnSupervision(scope.actor, 'edit', unit.path) };
}

/** The units the actor may name as taking part in a training: those whose registers they keep. */
export async function trainingUnitChoices(scope: ActingScope): Promise<SupervisionUnit[]> {
  return listUnits(scope.context.database.db, scopesOf(scope.actor, SUPERVISION_EDITORS));
}

// Training sessions -------------------------------------------------------------------------------------

export async function listUnitTrainings(scope: ActingScope, unitId: number): Promise<TrainingSession[]> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  return listTrainings(db, unitId);
}

/** Adds a session the unit organised, or changes one of its sessions when `sessionId` is given. */
export async function saveTraining(
  scope: ActingScope,
  unitId: number,
  sessionId: number | null,
  input: Input,
  unitIds: readonly string[],
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const base = validateTraining(input);
    const allowed = await listUnits(trx, scopesOf(scope.actor, SUPERVISION_EDITORS));
    const taking: number[] = [];
    for (const text of new Set(unitIds)) {
      const found = allowed.find((unit) => String(unit.id) === text);
      if (found === undefined) throw new Invalid('units', '参训单位须为您可管理的单位');
      taking.push(found.id);
    }
    const fields = { ...base, unitIds: taking.sort((a, b) => a - b) };
    if (sessionId === null) {
      const id = await insertTraining(trx, dialect, unitId, fields, userIdOf(scope), now);
      await recordAct(
        trx,
        scope,
        'supervision.training.add',
        'training_session',
        id,
        { unitId, ...fields },
        now,
      );
      return id;
    }
    if ((await findTrainingUnitId(trx, sessionId)) !== unitId) throw new NotFound('未找到该培训');
    const before = (await listTrainings(trx, unitId)).find((session) => session.id === sessionId);
    await updateTraining(trx, dialect, sessionId, fields, now);
    await recordAct(
      trx,
      scope,
      'supervision.training.update',
      'training_session',
      sessionId,
      {
        unitId,
        before:
          before === undefined
            ? null
            : {
                heldOn: before.heldOn,
                topic: before.topic,
                participants: before.participants,
                unitIds: before.units.map((unit) => unit.id),
              },
        after: fields,
      },
      now,
    );
    return sessionId;
  });
}

/**
 * Sessions and participants of the year for the annual report's 监督保障 facts: the sessions the unit (with
 * `includeSubunits`, any unit under it) organised or took part in, each counted once.
 */
export async function trainingFacts(
  db: Executor,
  query: { readonly unitId: number; readonly year: number; readonly includeSubunits: boolean },
): Promise<TrainingCount> {
  const unit = await findUnit(db, query.unitId);
  if (unit === null) throw new NotFound('未找到该单位');
  const unitIds = query.includeSubunits
    ? (await listUnits(db, [unit.path])).map((found) => found.id)
    : [unit.id];
  const sessions = await trainingFactsOf(db, unitIds, query.year);
  return countTrainings(sessions, query.year, new Set(unitIds));
}

// Information query points ------------------------------------------------------------------------------

export async function listUnitQueryPoints(scope: ActingScope, unitId: number): Promise<QueryPoint[]> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  return listQueryPoints(db, unitId);
}

export async function saveQueryPoint(
  scope: ActingScope,
  unitId: number,
  pointId: number | null,
  input: Input,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const fields = validateQueryPoint(input);
    if (pointId === null) {
      const id = await insertQueryPoint(trx, dialect, unitId, fields, userIdOf(scope), now);
      await recordAct(
        trx,
        scope,
        'supervision.query-point.add',
        'query_point',
        id,
        { unitId, ...fields },
        now,
      );
      return id;
    }
    const before = await findQueryPoint(trx, pointId);
    if (before === null || before.unitId !== unitId) throw new NotFound('未找到该查阅点');
    await updateQueryPoint(trx, dialect, pointId, fields, now);
    await recordAct(
      trx,
      scope,
      'supervision.query-point.update',
      'query_point',
      pointId,
      { unitId, before, after: fields },
      now,
    );
    return pointId;
  });
}

/** The open query points for the public page: no session needed. */
export async function openQueryPoints(db: Executor): Promise<OpenQueryPoint[]> {
  return listOpenQueryPoints(db);
}

// Service guide counts ----------------------------------------------------------------------------------

export async function listUnitGuideCounts(scope: ActingScope, unitId: number): Promise<GuideCountEntry[]> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  return listGuideCounts(db, unitId);
}

/** Enters one count; it supersedes any earlier entry for the same year and kind, which stays as history. */
export async function enterGuideCount(
  scope: ActingScope,
  unitId: number,
  input: Input,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const entry = validateGuideCount(input);
    const id = await insertGuideCount(trx, dialect, unitId, entry, userIdOf(scope), now);
    await recordAct(
      trx,
      scope,
      'supervision.guides.enter',
      'service_guide_count',
      id,
      { unitId, ...entry },
      now,
    );
    return id;
  });
}

/** The latest entry per year and kind: what the report uses. */
export function currentGuideCounts(entries: readonly GuideCountEntry[]): GuideCountEntry[] {
  const seen = new Set<string>();
  const current: GuideCountEntry[] = [];
  for (const entry of [...entries].sort((a, b) => b.id - a.id)) {
    const key = `${entry.year}:${entry.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    current.push(entry);
  }
  return current;
}
