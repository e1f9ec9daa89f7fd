// All SQL of the check dictionaries: entries, the version row, the re-scan's cursor row and what each
// scan reported per item.
import { sql } from 'kysely';
import type { DictionaryCategory, Severity } from '../../core/checks/index.ts';
import type { DictionaryEntry } from '../../core/checks/index.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { DictionaryState, EntryFilter, ScanProgress, StoredEntry } from './model.ts';

const STATE_ID = 1;
const SCAN_ID = 1;
const INSERT_CHUNK = 400;

export async function findState(db: Executor): Promise<DictionaryState | null> {
  const row = await db
    .selectFrom('dictionary_state')
    .select(['version', 'seeded_from_sample'])
    .where('id', '=', STATE_ID)
    .executeTakeFirst();
  return row === undefined ? null : { version: row.version, seededFromSample: row.seeded_from_sample === 1 };
}

/** Creates the version row; false when another transaction created it first (it then seeds nothing). */
export async function insertState(
  trx: Executor,
  dialect: DialectName,
  seededFromSample: boolean,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .insertInto('dictionary_state')
    .values({
      id: STATE_ID,
      version: 1,
      seeded_from_sample: seededFromSample ? 1 : 0,
      updated_at: fromDate(dialect, now),
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * Bumps the version as the first write of a change: the row lock queues concurrent changes on
 * PostgreSQL (SQLite runs one writer at a time). Returns the new version.
 */
export async function bumpVersion(trx: Executor, dialect: DialectName, now: Date): Promise<number> {
  const row = await trx
    .updateTable('dictionary_state')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: fromDate(dialect, now) }))
    .where('id', '=', STATE_ID)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

function entryQuery(db: Executor) {
  return db
    .selectFrom('dictionary_entries')
    .select(['id', 'category', 'severity', 'term', 'suggestion', 'note', 'updated_at']);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;

function toEntry(row: EntryRow): StoredEntry {
  return {
    id: row.id,
    category: row.category as DictionaryCategory,
    severity: row.severity as Severity,
    term: row.term,
    ...(row.suggestion === null ? {} : { suggestion: row.suggestion }),
    ...(row.note === null ? {} : { note: row.note }),
    updatedAt: toDate(row.updated_at),
  };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Entries in the order they were added, optionally filtered. */
export async function listEntries(db: Executor, filter: EntryFilter = {}): Promise<StoredEntry[]> {
  let query = entryQuery(db);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.severity) query = query.where('severity', '=', filter.severity);
  if (filter.text) {
    const pattern = likePattern(filter.text);
    query = query.where((eb) =>
      eb.or(
        (['term', 'suggestion', 'note'] as const).map((column) =>
          eb(sql<string>`${sql.ref(column)}`, 'like', sql<string>`${pattern} escape '\\'`),
        ),
      ),
    );
  }
  const rows = await query.orderBy('id').execute();
  return rows.map(toEntry);
}

export async function findEntry(db: Executor, id: number): Promise<StoredEntry | null> {
  const row = await entryQuery(db).where('id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : null;
}

export async function findEntryId(
  db: Executor,
  category: DictionaryCategory,
  term: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('dictionary_entries')
    .select('id')
    .where('category', '=', category)
    .where('term', '=', term)
    .executeTakeFirst();
  return row?.id ?? null;
}

function entryValues(entry: DictionaryEntry) {
  return {
    category: entry.category,
    severity: entry.severity,
    term: entry.term,
    suggestion: entry.suggestion ?? null,
    note: entry.note ?? null,
  };
}

export async function insertEntries(
  trx: Executor,
  dialect: DialectName,
  entries: readonly DictionaryEntry[],
  userId: number | null,
  now: Date,
): Promise<number[]> {
  const at = fromDate(dialect, now);
  const ids: number[] = [];
  for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
    const rows = await trx
      .insertInto('dictionary_entries')
      .values(
        entries.slice(start, start + INSERT_CHUNK).map((entry) => ({
          ...entryValues(entry),
          updated_by: userId,
          created_at: at,
          updated_at: at,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

export async function updateEntry(
  trx: Executor,
  dialect: DialectName,
  id: number,
  entry: DictionaryEntry,
  userId: number | null,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('dictionary_entries')
    .set({ ...entryValues(entry), updated_by: userId, updated_at: fromDate(dialect, now) })
    .where('id', '=', id)
    .execute();
}

export async function deleteEntry(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('dictionary_entries').where('id', '=', id).execute();
}

export async function deleteAllEntries(trx: Executor): Promise<void> {
  await trx.deleteFrom('dictionary_entries').execute();
}

// ---- the re-scan ----

export async function findScan(db: Executor): Promise<ScanProgress | null> {
  const row = await db.selectFrom('dictionary_scan').selectAll().where('id', '=', SCAN_ID).executeTakeFirst();
  if (row === undefined) return null;
  return {
    targetVersion: row.target_version,
    lastItemId: row.last_item_id,
    total: row.total,
    checked: row.checked,
    tasksOpened: row.tasks_opened,
    startedAt: toDate(row.started_at),
    finishedAt: row.finished_at === null ? null : toDate(row.finished_at),
  };
}

/** (Re)starts the scan from the first item for a version. */
export async function startScan(
  trx: Executor,
  dialect: DialectName,
  scan: { readonly targetVersion: number; readonly total: number },
  now: Date,
): Promise<void> {
  const values = {
    target_version: scan.targetVersion,
    last_item_id: 0,
    total: scan.total,
    checked: 0,
    tasks_opened: 0,
    started_at: fromDate(dialect, now),
    finished_at: null,
  };
  await trx
    .insertInto('dictionary_scan')
    .values({ id: SCAN_ID, ...values })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute();
}

/**
 * Moves the cursor from `from` to `to`; false when the cursor is no longer at `from` (another process
 * scanned this batch, or the scan restarted): the caller then rolls its batch back.
 */
export async function advanceScan(
  trx: Executor,
  dialect: DialectName,
  step: {
    readonly targetVersion: number;
    readonly from: number;
    readonly to: number;
    readonly checked: number;
    readonly tasksOpened: number;
    readonly finished: boolean;
  },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('dictionary_scan')
    .set((eb) => ({
      last_item_id: step.to,
      checked: eb('checked', '+', step.checked),
      tasks_opened: eb('tasks_opened', '+', step.tasksOpened),
      finished_at: step.finished ? fromDate(dialect, now) : null,
    }))
    .where('id', '=', SCAN_ID)
    .where('target_version', '=', step.targetVersion)
    .where('last_item_id', '=', step.from)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function countOpenedTasks(trx: Executor, count: number): Promise<void> {
  await trx
    .updateTable('dictionary_scan')
    .set((eb) => ({ tasks_opened: eb('tasks_opened', '+', count) }))
    .where('id', '=', SCAN_ID)
    .execute();
}

export async function countPublishedItems(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('publishing_items')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface ScannedItem {
  readonly id: number;
  readonly unitId: number;
  readonly round: number;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
}

/** The next published (not withdrawn) items after the cursor, in id order. */
export async function nextPublishedItems(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<ScannedItem[]> {
  const rows = await db
    .selectFrom('publishing_items')
    .select(['id', 'unit_id', 'round', 'title', 'summary', 'body'])
    .where('status', '=', 'published')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    round: row.round,
    title: row.title,
    summary: row.summary,
    body: row.body,
  }));
}

function addTo(map: Map<number, Set<string>>, itemId: number, key: string): void {
  const set = map.get(itemId);
  if (set) set.add(key);
  else map.set(itemId, new Set([key]));
}

/** Finding keys overridden in each item's current review round (the one that published it). */
export async function overriddenKeys(
  db: Executor,
  items: readonly ScannedItem[],
): Promise<Map<number, Set<string>>> {
  const map = new Map<number, Set<string>>();
  if (items.length === 0) return map;
  const rows = await db
    .selectFrom('publishing_overrides as o')
    .innerJoin('publishing_items as i', (join) =>
      join.onRef('i.id', '=', 'o.item_id').onRef('i.round', '=', 'o.round'),
    )
    .select(['o.item_id', 'o.finding_key'])
    .where(
      'o.item_id',
      'in',
      items.map((item) => item.id),
    )
    .execute();
  for (const row of rows) addTo(map, row.item_id, row.finding_key);
  return map;
}

/** Finding keys earlier scans reported for each item, and the versions that already have a report. */
export async function reportedKeys(
  db: Executor,
  itemIds: readonly number[],
): Promise<{ keys: Map<number, Set<string>>; versions: Map<number, Set<number>> }> {
  const keys = new Map<number, Set<string>>();
  const versions = new Map<number, Set<number>>();
  if (itemIds.length === 0) return { keys, versions };
  const rows = await db
    .selectFrom('dictionary_scan_reports')
    .select(['item_id', 'dictionary_version', 'finding_keys'])
    .where('item_id', 'in', itemIds)
    .execute();
  for (const row of rows) {
    for (const key of JSON.parse(row.finding_keys) as string[]) addTo(keys, row.item_id, key);
    const set = versions.get(row.item_id);
    if (set) set.add(row.dictionary_version);
    else versions.set(row.item_id, new Set([row.dictionary_version]));
  }
  return { keys, versions };
}

export async function insertScanReport(
  trx: Executor,
  dialect: DialectName,
  report: {
    readonly itemId: number;
    readonly version: number;
    readonly taskId: number;
    readonly findingKeys: readonly string[];
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('dictionary_scan_reports')
    .values({
      item_id: report.itemId,
      dictionary_version: report.version,
      correction_task_id: report.taskId,
      finding_keys: JSON.stringify(report.findingKeys),
      created_at: fromDate(dialect, now),
    })
    .execute();
}
