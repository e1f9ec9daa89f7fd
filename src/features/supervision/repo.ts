// All SQL of the supervision feature.
import type { Selectable } from 'kysely';
import type { TrainingSessionFacts } from '../../core/supervision/training.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { QueryPointTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import {
  GUIDE_KINDS,
  type GuideCountEntry,
  type GuideKind,
  type QueryPoint,
  type TrainingSession,
} from './model.ts';

// Training sessions -------------------------------------------------------------------------------------

export interface TrainingFields {
  readonly heldOn: string;
  readonly topic: string;
  readonly participants: number;
  readonly unitIds: readonly number[];
}

/** Sessions organised by the unit, newest first, with the units that took part. */
export async function listTrainings(db: Executor, unitId: number): Promise<TrainingSession[]> {
  const rows = await db
    .selectFrom('training_sessions')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const taking = await db
    .selectFrom('training_session_units as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.session_id', 'u.id', 'u.name', 'u.path'])
    .where(
      't.session_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('u.path')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    heldOn: row.held_on,
    topic: row.topic,
    participants: row.participants,
    units: taking
      .filter((unit) => unit.session_id === row.id)
      .map((unit) => ({ id: unit.id, name: unit.name, path: unit.path })),
  }));
}

export async function findTrainingUnitId(db: Executor, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('training_sessions')
    .select('unit_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

async function replaceTrainingUnits(db: Executor, sessionId: number, unitIds: readonly number[]) {
  await db.deleteFrom('training_session_units').where('session_id', '=', sessionId).execute();
  if (unitIds.length > 0) {
    await db
      .insertInto('training_session_units')
      .values(unitIds.map((unitId) => ({ session_id: sessionId, unit_id: unitId })))
      .execute();
  }
}

export async function insertTraining(
  db: Executor,
  dialect: DialectName,
  unitId: number,
  fields: TrainingFields,
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const at = fromDate(dialect, now);
  const row = await db
    .insertInto('training_sessions')
    .values({
      unit_id: unitId,
      held_on: fields.heldOn,
      topic: fields.topic,
      participants: fields.participants,
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceTrainingUnits(db, row.id, fields.unitIds);
  return row.id;
}

export async function updateTraining(
  db: Executor,
  dialect: DialectName,
  id: number,
  fields: TrainingFields,
  now: Date,
): Promise<void> {
  await db
    .updateTable('training_sessions')
    .set({
      held_on: fields.heldOn,
      topic: fields.topic,
      participants: fields.participants,
      updated_at: fromDate(dialect, now),
    })
    .where('id', '=', id)
    .execute();
  await replaceTrainingUnits(db, id, fields.unitIds);
}

/** Sessions held in the year that any of the units organised or took part in. */
export async function trainingFactsOf(
  db: Executor,
  unitIds: readonly number[],
  year: number,
): Promise<TrainingSessionFacts[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('training_sessions as s')
    .select(['s.id', 's.held_on', 's.participants', 's.unit_id'])
    .where('s.held_on', '>=', `${year}-01-01`)
    .where('s.held_on', '<=', `${year}-12-31`)
    .where((eb) =>
      eb.or([
        eb('s.unit_id', 'in', unitIds),
        eb.exists(
          eb
            .selectFrom('training_session_units as t')
            .select('t.unit_id')
            .whereRef('t.session_id', '=', 's.id')
            .where('t.unit_id', 'in', unitIds),
        ),
      ]),
    )
    .orderBy('s.id')
    .execute();
  if (rows.length === 0) return [];
  const taking = await db
    .selectFrom('training_session_units')
    .select(['session_id', 'unit_id'])
    .where(
      'session_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) => ({
    id: row.id,
    heldOn: row.held_on,
    participants: row.participants,
    organiserUnitId: row.unit_id,
    participantUnitIds: taking.filter((t) => t.session_id === row.id).map((t) => t.unit_id),
  }));
}

// Information query points ------------------------------------------------------------------------------

function toPoint(row: Selectable<QueryPointTable>): QueryPoint {
  return {
    id: row.id,
    unitId: row.unit_id,
    name: row.name,
    location: row.location,
    hours: row.hours,
    equipment: row.equipment,
    phone: row.phone,
    status: row.status === 'open' ? 'open' : 'closed',
  };
}

export type QueryPointFields = Omit<QueryPoint, 'id' | 'unitId'>;

export async function listQueryPoints(db: Executor, unitId: number): Promise<QueryPoint[]> {
  const rows = await db
    .selectFrom('query_points')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('id')
    .execute();
  return rows.map(toPoint);
}

export async function findQueryPoint(db: Executor, id: number): Promise<QueryPoint | null> {
  const row = await db.selectFrom('query_points').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toPoint(row);
}

export async function insertQueryPoint(
  db: Executor,
  dialect: DialectName,
  unitId: number,
  fields: QueryPointFields,
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const at = fromDate(dialect, now);
  const row = await db
    .insertInto('query_points')
    .values({ unit_id: unitId, ...fields, created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateQueryPoint(
  db: Executor,
  dialect: DialectName,
  id: number,
  fields: QueryPointFields,
  now: Date,
): Promise<void> {
  await db
    .updateTable('query_points')
    .set({ ...fields, updated_at: fromDate(dialect, now) })
    .where('id', '=', id)
    .execute();
}

export interface OpenQueryPoint extends QueryPoint {
  readonly unitName: string;
}

/** Every open point, grouped by unit in tree order. */
export async function listOpenQueryPoints(db: Executor): Promise<OpenQueryPoint[]> {
  const rows = await db
    .selectFrom('query_points as q')
    .innerJoin('units as u', 'u.id', 'q.unit_id')
    .selectAll('q')
    .select('u.name as unit_name')
    .where('q.status', '=', 'open')
    .orderBy('u.path')
    .orderBy('q.id')
    .execute();
  return rows.map((row) => ({ ...toPoint(row), unitName: row.unit_name }));
}

// Service guide counts ----------------------------------------------------------------------------------

const isGuideKind = (kind: string): kind is GuideKind => (GUIDE_KINDS as readonly string[]).includes(kind);

/** Every entry of the unit, newest first: superseded entries stay as history. */
export async function listGuideCounts(db: Executor, unitId: number): Promise<GuideCountEntry[]> {
  const rows = await db
    .selectFrom('service_guide_counts as g')
    .leftJoin('users as u', 'u.id', 'g.entered_by')
    .select(['g.id', 'g.unit_id', 'g.year', 'g.kind', 'g.value', 'g.entered_at', 'u.username'])
    .where('g.unit_id', '=', unitId)
    .orderBy('g.id', 'desc')
    .execute();
  return rows.map((row) => {
    if (!isGuideKind(row.kind)) throw new Error(`unknown service guide count kind ${row.kind}`);
    return {
      id: row.id,
      unitId: row.unit_id,
      year: row.year,
      kind: row.kind,
      value: row.value,
      enteredBy: row.username ?? null,
      enteredAt: toDate(row.entered_at),
    };
  });
}

export async function insertGuideCount(
  db: Executor,
  dialect: DialectName,
  unitId: number,
  entry: { readonly year: number; readonly kind: GuideKind; readonly value: number },
  enteredBy: number | null,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('service_guide_counts')
    .values({
      unit_id: unitId,
      year: entry.year,
      kind: entry.kind,
      value: entry.value,
      entered_by: enteredBy,
      entered_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
