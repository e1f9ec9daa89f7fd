// All SQL of the internal scans: the cursor rows, the findings already reported, and the lookups of the
// published items, attachments and units that the scans read.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { ScanCursor, ScanName, ScanState } from './model.ts';

export async function findScanState(db: Executor, name: ScanName): Promise<ScanState | null> {
  const row = await db.selectFrom('content_scans').selectAll().where('name', '=', name).executeTakeFirst();
  if (row === undefined) return null;
  return {
    name,
    pass: row.pass,
    cursor: {
      changedAt: row.last_updated_at === null ? null : toDate(row.last_updated_at),
      itemId: row.last_item_id,
    },
    checked: row.checked,
    tasksOpened: row.tasks_opened,
    externalLinks: row.external_links,
    startedAt: toDate(row.started_at),
    finishedAt: row.finished_at === null ? null : toDate(row.finished_at),
  };
}

/** (Re)starts a walk from the first item, unless another process already started this pass. */
export async function startPass(
  db: Executor,
  dialect: DialectName,
  name: ScanName,
  pass: string,
  now: Date,
): Promise<void> {
  const values = {
    pass,
    last_item_id: 0,
    last_updated_at: null,
    checked: 0,
    tasks_opened: 0,
    external_links: 0,
    started_at: fromDate(dialect, now),
    finished_at: null,
  };
  await db
    .insertInto('content_scans')
    .values({ name, ...values })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet(values).where('content_scans.pass', '<>', pass),
    )
    .execute();
}

/**
 * Moves the cursor from `from` to `to` (compare-and-set); false when another process moved it first or
 * the pass changed: the caller then rolls its batch back.
 */
export async function advanceCursor(
  trx: Executor,
  dialect: DialectName,
  step: {
    readonly name: ScanName;
    readonly pass: string;
    readonly from: ScanCursor;
    readonly to: ScanCursor;
    readonly checked: number;
    readonly externalLinks: number;
    readonly finished: boolean;
  },
  now: Date,
): Promise<boolean> {
  const fromChangedAt = step.from.changedAt;
  const result = await trx
    .updateTable('content_scans')
    .set((eb) => ({
      last_item_id: step.to.itemId,
      last_updated_at: step.to.changedAt === null ? null : fromDate(dialect, step.to.changedAt),
      checked: eb('checked', '+', step.checked),
      external_links: eb('external_links', '+', step.externalLinks),
      finished_at: step.finished ? fromDate(dialect, now) : null,
    }))
    .where('name', '=', step.name)
    .where('pass', '=', step.pass)
    .where('last_item_id', '=', step.from.itemId)
    .where((eb) =>
      fromChangedAt === null
        ? eb('last_updated_at', 'is', null)
        : eb('last_updated_at', '=', fromDate(dialect, fromChangedAt)),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function countOpenedTasks(trx: Executor, name: ScanName, count: number): Promise<void> {
  await trx
    .updateTable('content_scans')
    .set((eb) => ({ tasks_opened: eb('tasks_opened', '+', count) }))
    .where('name', '=', name)
    .execute();
}

export interface PublishedItem {
  readonly id: number;
  readonly unitId: number;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly bodyHtml: string | null;
}

/** The next published (not withdrawn) items after the cursor, in id order. */
export async function nextPublishedItems(
  db: Executor,
  dialect: DialectName,
  after: ScanCursor,
  limit: number,
): Promise<{ items: PublishedItem[]; last: ScanCursor | null }> {
  let query = db
    .selectFrom('publishing_items')
    .select(['id', 'unit_id', 'title', 'summary', 'body', 'body_html', 'updated_at'])
    .where('status', '=', 'published');
  const changedAt = after.changedAt;
  if (changedAt !== null) {
    const at = fromDate(dialect, changedAt);
    query = query.where((eb) =>
      eb.or([eb('updated_at', '>', at), eb.and([eb('updated_at', '=', at), eb('id', '>', after.itemId)])]),
    );
  }
  const rows = await query.orderBy('updated_at').orderBy('id').limit(limit).execute();
  const lastRow = rows.at(-1);
  return {
    items: rows.map((row) => ({
      id: row.id,
      unitId: row.unit_id,
      title: row.title,
      summary: row.summary,
      body: row.body,
      bodyHtml: row.body_html,
    })),
    last: lastRow === undefined ? null : { changedAt: toDate(lastRow.updated_at), itemId: lastRow.id },
  };
}

function addTo(map: Map<number, Set<string>>, itemId: number, key: string): void {
  const set = map.get(itemId);
  if (set) set.add(key);
  else map.set(itemId, new Set([key]));
}

/** Finding keys overridden in each item's current review round (the one that published it). */
export async function overriddenKeys(
  db: Executor,
  itemIds: readonly number[],
): Promise<Map<number, Set<string>>> {
  const map = new Map<number, Set<string>>();
  if (itemIds.length === 0) return map;
  const rows = await db
    .selectFrom('publishing_overrides as o')
    .innerJoin('publishing_items as i', (join) =>
      join.onRef('i.id', '=', 'o.item_id').onRef('i.round', '=', 'o.round'),
    )
    .select(['o.item_id', 'o.finding_key'])
    .where('o.item_id', 'in', itemIds)
    .execute();
  for (const row of rows) addTo(map, row.item_id, row.finding_key);
  return map;
}

/** The finding keys a scan has already reported, per item. */
export async function reportedKeys(
  db: Executor,
  scan: ScanName,
  itemIds: readonly number[],
): Promise<Map<number, Set<string>>> {
  const map = new Map<number, Set<string>>();
  if (itemIds.length === 0) return map;
  const rows = await db
    .selectFrom('content_scan_findings')
    .select(['item_id', 'finding_key'])
    .where('scan', '=', scan)
    .where('item_id', 'in', itemIds)
    .execute();
  for (const row of rows) addTo(map, row.item_id, row.finding_key);
  return map;
}

export async function insertFindings(
  trx: Executor,
  dialect: DialectName,
  rows: {
    readonly scan: ScanName;
    readonly itemId: number;
    readonly taskId: number;
    readonly keys: readonly string[];
  },
  now: Date,
): Promise<void> {
  if (rows.keys.length === 0) return;
  const at = fromDate(dialect, now);
  await trx
    .insertInto('content_scan_findings')
    .values(
      rows.keys.map((key) => ({
        scan: rows.scan,
        item_id: rows.itemId,
        finding_key: key,
        correction_task_id: rows.taskId,
        created_at: at,
      })),
    )
    .execute();
}

/** Of the given items, those the public can open (published). */
export async function publishedItemIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('publishing_items')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Of the given attachment ids, those still current on their (published) item, as 'item/attachment'. */
export async function currentAttachments(db: Executor, ids: readonly number[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('publishing_attachments as a')
    .innerJoin('publishing_items as i', 'i.id', 'a.item_id')
    .select(['a.id', 'a.item_id'])
    .where('a.id', 'in', ids)
    .where('a.removed_in_version', 'is', null)
    .where('i.status', '=', 'published')
    .execute();
  return new Set(rows.map((row) => `${row.item_id}/${row.id}`));
}

/** Correction tasks a scan has opened over all its passes. */
export async function countScanTasks(db: Executor, scan: ScanName): Promise<number> {
  const row = await db
    .selectFrom('content_scan_findings')
    .select((eb) => eb.fn.count<number | string>('correction_task_id').distinct().as('count'))
    .where('scan', '=', scan)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function existingUnitIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('units').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}
