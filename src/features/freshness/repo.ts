// All SQL of the freshness monitor: the units and their columns, the last publication per column as of a
// date, the kinds units set, the staleness episodes and the items the Art. 26 check reads.
import { PostgresAdapter } from 'kysely';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { fromDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export function dialectOfExecutor(db: Executor): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface FreshnessUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly kind: string;
}

export async function findUnits(db: Executor, unitIds: readonly number[]): Promise<FreshnessUnit[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'kind'])
    .where('id', 'in', [...unitIds])
    .orderBy('path')
    .execute();
}

/** The units inside the subtrees (every unit when null), in the order of the hierarchy. */
export async function listUnitsIn(db: Executor, scopes: readonly string[] | null): Promise<FreshnessUnit[]> {
  let query = db.selectFrom('units').select(['id', 'name', 'path', 'kind']);
  if (scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('path', 'like', `${scope}%`))));
  }
  return query.orderBy('path').execute();
}

export async function listSubcategoriesOf(
  db: Executor,
  unitIds: readonly number[],
): Promise<{ id: number; unitId: number; parentCode: string; name: string }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('publishing_subcategories')
    .select(['id', 'unit_id', 'parent_code', 'name'])
    .where('unit_id', 'in', [...unitIds])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    parentCode: row.parent_code,
    name: row.name,
  }));
}

export async function listKindOverrides(
  db: Executor,
  unitIds: readonly number[],
): Promise<{ unitId: number; columnKey: string; kind: string }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('freshness_column_kinds')
    .select(['unit_id', 'column_key', 'kind'])
    .where('unit_id', 'in', [...unitIds])
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, columnKey: row.column_key, kind: row.kind }));
}

export async function findKindOverride(
  db: Executor,
  unitId: number,
  columnKey: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('freshness_column_kinds')
    .select('kind')
    .where('unit_id', '=', unitId)
    .where('column_key', '=', columnKey)
    .executeTakeFirst();
  return row?.kind ?? null;
}

export async function saveKindOverride(
  trx: Executor,
  dialect: DialectName,
  change: { unitId: number; columnKey: string; kind: string; userId: number | null },
  now: Date,
): Promise<void> {
  const at = fromDate(dialect, now);
  await trx
    .insertInto('freshness_column_kinds')
    .values({
      unit_id: change.unitId,
      column_key: change.columnKey,
      kind: change.kind,
      updated_by: change.userId,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'column_key']).doUpdateSet({
        kind: change.kind,
        updated_by: change.userId,
        updated_at: at,
      }),
    )
    .execute();
}

export interface PublicationGroup {
  readonly unitId: number;
  readonly subColumn: string;
  readonly categoryCode: string | null;
  readonly subcategoryId: number | null;
  readonly lastPublishedOn: PlainDate;
}

/** The first instant after the China day `asOf` (00:00 of the next day, UTC+8). */
function endOfChinaDay(asOf: PlainDate): Date {
  return new Date(`${asOf}T16:00:00.000Z`);
}

/**
 * The last publication date per unit, sub-column, category and sub-category as of the end of `asOf`: an
 * item counts when it was published on or before that day and not withdrawn by its end, so a measure of a
 * past day reads the same later (a later withdrawal does not change it).
 */
export async function lastPublications(
  db: Executor,
  unitIds: readonly number[],
  asOf: PlainDate,
): Promise<PublicationGroup[]> {
  if (unitIds.length === 0) return [];
  const cutoff = fromDate(dialectOfExecutor(db), endOfChinaDay(asOf));
  const rows = await db
    .selectFrom('publishing_items')
    .select(['unit_id', 'sub_column', 'category_code', 'subcategory_id'])
    .select((eb) => eb.fn.max('published_on').as('last'))
    .where('unit_id', 'in', [...unitIds])
    .where('status', 'in', ['published', 'withdrawn'])
    .where('published_on', 'is not', null)
    .where('published_on', '<=', asOf)
    .where((eb) => eb.or([eb('withdrawn_at', 'is', null), eb('withdrawn_at', '>=', cutoff)]))
    .groupBy(['unit_id', 'sub_column', 'category_code', 'subcategory_id'])
    .execute();
  return rows
    .filter((row) => row.last !== null)
    .map((row) => ({
      unitId: row.unit_id,
      subColumn: row.sub_column,
      categoryCode: row.category_code,
      subcategoryId: row.subcategory_id,
      lastPublishedOn: String(row.last),
    }));
}

export interface PublishedDates {
  readonly id: number;
  readonly unitId: number;
  readonly title: string;
  readonly indexNumber: string | null;
  readonly writtenOn: PlainDate | null;
  readonly publishedOn: PlainDate;
}

/** Items of the units first published in [from, to] (withdrawn later or not: the publication happened). */
export async function publishedBetween(
  db: Executor,
  unitIds: readonly number[],
  from: PlainDate,
  to: PlainDate,
): Promise<PublishedDates[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('publishing_items')
    .select(['id', 'unit_id', 'title', 'index_number', 'written_on', 'published_on'])
    .where('unit_id', 'in', [...unitIds])
    .where('status', 'in', ['published', 'withdrawn'])
    .where('published_on', '>=', from)
    .where('published_on', '<=', to)
    .orderBy('published_on')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    title: row.title,
    indexNumber: row.index_number,
    writtenOn: row.written_on,
    publishedOn: row.published_on ?? from,
  }));
}

/** Records an episode; false when another run already did (the unique key decides). */
export async function insertEpisode(
  trx: Executor,
  dialect: DialectName,
  episode: { unitId: number; columnKey: string; staleSince: PlainDate },
  now: Date,
): Promise<number | null> {
  const row = await trx
    .insertInto('freshness_episodes')
    .values({
      unit_id: episode.unitId,
      column_key: episode.columnKey,
      stale_since: episode.staleSince,
      correction_id: null,
      created_at: fromDate(dialect, now),
    })
    .onConflict((oc) => oc.columns(['unit_id', 'column_key', 'stale_since']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function linkEpisode(trx: Executor, id: number, correctionId: number): Promise<void> {
  await trx
    .updateTable('freshness_episodes')
    .set({ correction_id: correctionId })
    .where('id', '=', id)
    .execute();
}
