// SQL of proactive disclosure: items, their versions, review decisions, finding overrides, review chains,
// sub-categories and the index-number counter.
import type { SelectQueryBuilder } from 'kysely';
import type { SubColumn } from '../../core/publishing/categories.ts';
import type { ItemStatus, Validity } from '../../core/publishing/metadata.ts';
import { isReviewStage, type ReviewStage } from '../../core/publishing/review-chain.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type {
  Item,
  ItemContent,
  OverrideRecord,
  PublishedSummary,
  ReviewRecord,
  Subcategory,
} from './model.ts';

export interface PublishingUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly kind: string;
  readonly uscc: string | null;
}

export async function findPublishingUnit(db: Executor, id: number): Promise<PublishingUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'kind', 'uscc'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** Every unit in the order of the hierarchy. */
export async function listPublicUnits(db: Executor): Promise<PublishingUnit[]> {
  return db.selectFrom('units').select(['id', 'name', 'path', 'kind', 'uscc']).orderBy('path').execute();
}

function itemQuery(db: Executor) {
  return db
    .selectFrom('publishing_items as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .leftJoin('publishing_subcategories as s', 's.id', 'i.subcategory_id')
    .selectAll('i')
    .select(['u.name as unit_name', 'u.path as unit_path', 'u.kind as unit_kind', 'u.uscc as unit_code'])
    .select('s.name as subcategory_name');
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

function parseChain(text: string | null): ReviewStage[] | null {
  if (text === null) return null;
  const stages = JSON.parse(text) as unknown;
  return Array.isArray(stages)
    ? stages.filter((stage): stage is ReviewStage => isReviewStage(String(stage)))
    : null;
}

const dateOrNull = (value: string | Date | null): Date | null => (value === null ? null : toDate(value));

function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    unitKind: row.unit_kind,
    unitCode: row.unit_code,
    status: row.status as ItemStatus,
    subColumn: row.sub_column as SubColumn,
    categoryCode: row.category_code,
    subcategoryId: row.subcategory_id,
    subcategoryName: row.subcategory_name,
    title: row.title,
    summary: row.summary,
    body: row.body,
    bodyHtml: row.body_html,
    documentNumber: row.document_number,
    writtenOn: row.written_on,
    genre: row.genre,
    keywords: row.keywords,
    validity: row.validity as Validity | null,
    effectiveOn: row.effective_on,
    invalidOn: row.invalid_on,
    disclosureMethod: row.disclosure_method,
    disclosurePeriod: row.disclosure_period,
    format: row.format,
    version: row.version,
    round: row.round,
    chain: parseChain(row.chain),
    submittedBy: row.submitted_by,
    assigneeId: row.assignee_id,
    indexNumber: row.index_number,
    publishedYear: row.published_year,
    serial: row.serial,
    publishedAt: dateOrNull(row.published_at),
    publishedOn: row.published_on,
    correctedOn: row.corrected_on,
    withdrawnAt: dateOrNull(row.withdrawn_at),
    withdrawnReason: row.withdrawn_reason,
    draftId: row.draft_id,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export async function findItem(db: Executor, id: number): Promise<Item | null> {
  const row = await itemQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row ? toItem(row) : null;
}

/** Reads the item and locks its row until the transaction ends (PostgreSQL; SQLite serialises writers). */
export async function lockItem(trx: Executor, dialect: DialectName, id: number): Promise<Item | null> {
  if (dialect === 'postgres') {
    await trx.selectFrom('publishing_items').select('id').where('id', '=', id).forUpdate().execute();
  }
  return findItem(trx, id);
}

function contentColumns(content: ItemContent) {
  return {
    sub_column: content.subColumn,
    category_code: content.categoryCode,
    subcategory_id: content.subcategoryId,
    title: content.title,
    summary: content.summary,
    body: content.body,
    body_html: content.bodyHtml,
    document_number: content.documentNumber,
    written_on: content.writtenOn,
    genre: content.genre,
    keywords: content.keywords,
    validity: content.validity,
    effective_on: content.effectiveOn,
    invalid_on: content.invalidOn,
    disclosure_method: content.disclosureMethod,
    disclosure_period: content.disclosurePeriod,
    format: content.format,
  };
}

export async function insertItem(
  trx: Executor,
  dialect: DialectName,
  unitId: number,
  content: ItemContent,
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('publishing_items')
    .values({
      unit_id: unitId,
      status: 'draft',
      ...contentColumns(content),
      version: 1,
      round: 0,
      created_by: createdBy,
      created_at: fromDate(dialect, now),
      updated_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateItemContent(
  trx: Executor,
  dialect: DialectName,
  id: number,
  content: ItemContent,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('publishing_items')
    .set({ ...contentColumns(content), updated_at: fromDate(dialect, now) })
    .where('id', '=', id)
    .execute();
}

export interface ItemStateChange {
  readonly status?: ItemStatus;
  readonly round?: number;
  readonly chain?: readonly ReviewStage[];
  readonly submittedBy?: number | null;
  readonly assigneeId?: number | null;
  readonly version?: number;
  readonly correctedOn?: string | null;
  readonly withdrawnAt?: Date;
  readonly withdrawnReason?: string;
}

export async function updateItemState(
  trx: Executor,
  dialect: DialectName,
  id: number,
  change: ItemStateChange,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('publishing_items')
    .set({
      ...(change.status === undefined ? {} : { status: change.status }),
      ...(change.round === undefined ? {} : { round: change.round }),
      ...(change.chain === undefined ? {} : { chain: JSON.stringify(change.chain) }),
      ...(change.submittedBy === undefined ? {} : { submitted_by: change.submittedBy }),
      ...(change.assigneeId === undefined ? {} : { assignee_id: change.assigneeId }),
      ...(change.version === undefined ? {} : { version: change.version }),
      ...(change.correctedOn === undefined ? {} : { corrected_on: change.correctedOn }),
      ...(change.withdrawnAt === undefined ? {} : { withdrawn_at: fromDate(dialect, change.withdrawnAt) }),
      ...(change.withdrawnReason === undefined ? {} : { withdrawn_reason: change.withdrawnReason }),
      updated_at: fromDate(dialect, now),
    })
    .where('id', '=', id)
    .execute();
}

export interface Publication {
  readonly indexNumber: string;
  readonly year: number;
  readonly serial: number;
  readonly publishedOn: string;
}

/** Publishes once: the row must still be in review, so a second publication of the item changes nothing. */
export async function markPublished(
  trx: Executor,
  dialect: DialectName,
  id: number,
  publication: Publication,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('publishing_items')
    .set({
      status: 'published',
      index_number: publication.indexNumber,
      published_year: publication.year,
      serial: publication.serial,
      published_at: fromDate(dialect, now),
      published_on: publication.publishedOn,
      assignee_id: null,
      updated_at: fromDate(dialect, now),
    })
    .where('id', '=', id)
    .where('status', '=', 'in_review')
    .where('index_number', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The next index-number serial of the unit in the year: one atomic upsert, so concurrent publications
 * queue on the counter row (PostgreSQL) or run one at a time (SQLite) and never share a serial.
 */
export async function nextSerial(trx: Executor, unitId: number, year: number): Promise<number> {
  const row = await trx
    .insertInto('publishing_counters')
    .values({ unit_id: unitId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({ last: eb('publishing_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertVersion(
  trx: Executor,
  dialect: DialectName,
  row: {
    itemId: number;
    version: number;
    content: ItemContent;
    reason: string;
    material: boolean;
    createdBy: number | null;
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('publishing_versions')
    .values({
      item_id: row.itemId,
      version: row.version,
      content: JSON.stringify(row.content),
      reason: row.reason,
      material: row.material ? 1 : 0,
      created_by: row.createdBy,
      created_at: fromDate(dialect, now),
    })
    .execute();
}

export interface StoredVersion {
  readonly version: number;
  readonly content: ItemContent;
  readonly reason: string | null;
  readonly material: boolean;
  readonly createdAt: Date;
}

export async function listVersions(db: Executor, itemId: number): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('publishing_versions')
    .select(['version', 'content', 'reason', 'material', 'created_at'])
    .where('item_id', '=', itemId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    content: JSON.parse(row.content) as ItemContent,
    reason: row.reason,
    material: row.material === 1,
    createdAt: toDate(row.created_at),
  }));
}

export async function insertReview(
  trx: Executor,
  dialect: DialectName,
  row: {
    itemId: number;
    round: number;
    stage: ReviewStage;
    decision: 'approve' | 'return';
    comment: string | null;
    reviewerId: number | null;
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('publishing_reviews')
    .values({
      item_id: row.itemId,
      round: row.round,
      stage: row.stage,
      decision: row.decision,
      comment: row.comment,
      reviewer_id: row.reviewerId,
      decided_at: fromDate(dialect, now),
    })
    .execute();
}

/** Every decision on the item, oldest first. */
export async function listReviews(db: Executor, itemId: number): Promise<ReviewRecord[]> {
  const rows = await db
    .selectFrom('publishing_reviews as r')
    .leftJoin('users', 'users.id', 'r.reviewer_id')
    .select(['r.round', 'r.stage', 'r.decision', 'r.comment', 'r.reviewer_id', 'r.decided_at'])
    .select('users.display_name')
    .where('r.item_id', '=', itemId)
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    round: row.round,
    stage: row.stage as ReviewStage,
    decision: row.decision as 'approve' | 'return',
    comment: row.comment,
    reviewerId: row.reviewer_id,
    reviewerName: row.display_name,
    decidedAt: toDate(row.decided_at),
  }));
}

/** Records an override; false when the finding was already overridden in this round. */
export async function insertOverride(
  trx: Executor,
  dialect: DialectName,
  row: { itemId: number; round: number; findingKey: string; reason: string; decidedBy: number | null },
  now: Date,
): Promise<boolean> {
  const existing = await trx
    .selectFrom('publishing_overrides')
    .select('id')
    .where('item_id', '=', row.itemId)
    .where('round', '=', row.round)
    .where('finding_key', '=', row.findingKey)
    .executeTakeFirst();
  if (existing) return false;
  await trx
    .insertInto('publishing_overrides')
    .values({
      item_id: row.itemId,
      round: row.round,
      finding_key: row.findingKey,
      reason: row.reason,
      decided_by: row.decidedBy,
      decided_at: fromDate(dialect, now),
    })
    .execute();
  return true;
}

export async function listOverrides(db: Executor, itemId: number, round: number): Promise<OverrideRecord[]> {
  const rows = await db
    .selectFrom('publishing_overrides')
    .select(['finding_key', 'reason', 'decided_by', 'decided_at'])
    .where('item_id', '=', itemId)
    .where('round', '=', round)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    findingKey: row.finding_key,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: toDate(row.decided_at),
  }));
}

export async function findChain(db: Executor, unitId: number): Promise<ReviewStage[] | null> {
  const row = await db
    .selectFrom('publishing_review_chains')
    .select('stages')
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row ? parseChain(row.stages) : null;
}

export async function saveChain(
  trx: Executor,
  dialect: DialectName,
  unitId: number,
  stages: readonly ReviewStage[],
  updatedBy: number | null,
  now: Date,
): Promise<void> {
  const values = {
    stages: JSON.stringify(stages),
    updated_by: updatedBy,
    updated_at: fromDate(dialect, now),
  };
  await trx
    .insertInto('publishing_review_chains')
    .values({ unit_id: unitId, ...values })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(values))
    .execute();
}

export async function insertSubcategory(
  trx: Executor,
  dialect: DialectName,
  row: { unitId: number; parentCode: string; name: string },
  now: Date,
): Promise<number | null> {
  const existing = await trx
    .selectFrom('publishing_subcategories')
    .select('id')
    .where('unit_id', '=', row.unitId)
    .where('parent_code', '=', row.parentCode)
    .where('name', '=', row.name)
    .executeTakeFirst();
  if (existing) return null;
  const { id } = await trx
    .insertInto('publishing_subcategories')
    .values({
      unit_id: row.unitId,
      parent_code: row.parentCode,
      name: row.name,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listSubcategories(db: Executor, unitId: number): Promise<Subcategory[]> {
  const rows = await db
    .selectFrom('publishing_subcategories')
    .select(['id', 'unit_id', 'parent_code', 'name'])
    .where('unit_id', '=', unitId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    parentCode: row.parent_code,
    name: row.name,
  }));
}

/** Items of units inside any of the subtrees (all when `scopes` is null), most recently changed first. */
export async function listItems(
  db: Executor,
  scopes: readonly string[] | null,
  limit = 500,
): Promise<Item[]> {
  let query = itemQuery(db);
  if (scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('u.path', 'like', `${scope}%`))));
  }
  const rows = await query.orderBy('i.updated_at', 'desc').orderBy('i.id', 'desc').limit(limit).execute();
  return rows.map(toItem);
}

/** Staff who may decide review stages in the unit: reviewers and leaders held in it or above it. */
export async function listReviewersOf(
  db: Executor,
  unitPath: string,
): Promise<{ id: number; name: string; role: string }[]> {
  const ancestors = unitPath
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
  if (ancestors.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.display_name', 'user_roles.role'])
    .where('user_roles.unit_id', 'in', ancestors)
    .where('user_roles.role', 'in', ['reviewer', 'leader'])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.display_name, role: row.role }));
}

export interface CatalogueQuery {
  readonly unitId: number;
  readonly subColumn: SubColumn;
  readonly categoryCode: string | null;
  readonly year: number | null;
  /** Keyset: the (year, serial) of the last item of the previous page. */
  readonly after: { readonly year: number; readonly serial: number } | null;
  readonly limit: number;
}

function publishedOf(
  query: SelectQueryBuilder<Database & { i: Database['publishing_items'] }, 'i', object>,
  q: CatalogueQuery,
) {
  return query
    .where('i.unit_id', '=', q.unitId)
    .where('i.status', '=', 'published')
    .where('i.sub_column', '=', q.subColumn);
}

/** A page of the unit's published items of a sub-column, newest publication first. */
export async function listPublished(db: Executor, q: CatalogueQuery): Promise<PublishedSummary[]> {
  let query = publishedOf(db.selectFrom('publishing_items as i'), q).select([
    'i.id',
    'i.title',
    'i.index_number',
    'i.published_on',
    'i.written_on',
    'i.summary',
    'i.category_code',
    'i.published_year',
    'i.serial',
  ]);
  if (q.categoryCode !== null) query = query.where('i.category_code', '=', q.categoryCode);
  if (q.year !== null) query = query.where('i.published_year', '=', q.year);
  if (q.after !== null) {
    const { year, serial } = q.after;
    query = query.where((eb) =>
      eb.or([
        eb('i.published_year', '<', year),
        eb.and([eb('i.published_year', '=', year), eb('i.serial', '<', serial)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('i.published_year', 'desc')
    .orderBy('i.serial', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    indexNumber: row.index_number ?? '',
    publishedOn: row.published_on ?? '',
    writtenOn: row.written_on,
    summary: row.summary,
    categoryCode: row.category_code,
    publishedYear: row.published_year ?? 0,
    serial: row.serial ?? 0,
  }));
}

/** The years in which the unit published in a sub-column, newest first. */
export async function publishedYears(db: Executor, unitId: number, subColumn: SubColumn): Promise<number[]> {
  const rows = await db
    .selectFrom('publishing_items')
    .select('published_year')
    .distinct()
    .where('unit_id', '=', unitId)
    .where('status', '=', 'published')
    .where('sub_column', '=', subColumn)
    .orderBy('published_year', 'desc')
    .execute();
  return rows.map((row) => row.published_year).filter((year): year is number => year !== null);
}

/** An Art. 44 draft as the item form takes it, with the item already made from it, if any. */
export interface DraftForItem {
  readonly id: number;
  readonly unitId: number;
  readonly title: string;
  readonly body: string;
  readonly itemId: number | null;
}

export async function findDraftForItem(db: Executor, draftId: number): Promise<DraftForItem | null> {
  const row = await db
    .selectFrom('disclosure_drafts as d')
    .leftJoin('publishing_items as i', 'i.draft_id', 'd.id')
    .select(['d.id', 'd.unit_id', 'd.title', 'd.body', 'i.id as item_id'])
    .where('d.id', '=', draftId)
    .executeTakeFirst();
  return row
    ? { id: row.id, unitId: row.unit_id, title: row.title, body: row.body, itemId: row.item_id }
    : null;
}

export async function linkItemToDraft(trx: Executor, itemId: number, draftId: number): Promise<void> {
  await trx.updateTable('publishing_items').set({ draft_id: draftId }).where('id', '=', itemId).execute();
}

/** An item published on another platform, stored as published with its own date and index number. */
export async function insertImportedItem(
  trx: Executor,
  dialect: DialectName,
  unitId: number,
  content: ItemContent,
  publication: Publication & { readonly importId: number; readonly createdBy: number | null },
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('publishing_items')
    .values({
      unit_id: unitId,
      status: 'published',
      ...contentColumns(content),
      version: 1,
      round: 0,
      index_number: publication.indexNumber,
      published_year: publication.year,
      serial: publication.serial,
      published_at: fromDate(dialect, now),
      published_on: publication.publishedOn,
      import_id: publication.importId,
      created_by: publication.createdBy,
      created_at: fromDate(dialect, now),
      updated_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Whether the index number, or the unit's serial of that year, is taken already. */
export async function indexNumberTaken(
  trx: Executor,
  unitId: number,
  indexNumber: string,
  year: number,
  serial: number,
): Promise<boolean> {
  const row = await trx
    .selectFrom('publishing_items')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('index_number', '=', indexNumber),
        eb.and([eb('unit_id', '=', unitId), eb('published_year', '=', year), eb('serial', '=', serial)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves the unit's counter of the year up to an imported serial, so later publications follow it. */
export async function raiseSerialFloor(
  trx: Executor,
  unitId: number,
  year: number,
  serial: number,
): Promise<void> {
  await trx
    .insertInto('publishing_counters')
    .values({ unit_id: unitId, year, last: serial })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({
        last: eb
          .case()
          .when('publishing_counters.last', '<', serial)
          .then(serial)
          .else(eb.ref('publishing_counters.last'))
          .end(),
      })),
    )
    .execute();
}
