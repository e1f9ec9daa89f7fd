// SQL of item attachments. Contents are public documents: stored plain (base64 text, as the project keeps
// files in the database), never listed with the rows.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export interface ItemAttachment {
  readonly id: number;
  readonly itemId: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly addedInVersion: number;
  readonly removedInVersion: number | null;
  readonly createdAt: Date;
}

function attachmentQuery(db: Executor) {
  return db
    .selectFrom('publishing_attachments')
    .select([
      'id',
      'item_id',
      'file_name',
      'media_type',
      'size_bytes',
      'sha256',
      'added_in_version',
      'removed_in_version',
      'created_at',
    ]);
}

type AttachmentRow = Awaited<ReturnType<ReturnType<typeof attachmentQuery>['executeTakeFirstOrThrow']>>;

function toAttachment(row: AttachmentRow): ItemAttachment {
  return {
    id: row.id,
    itemId: row.item_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    addedInVersion: row.added_in_version,
    removedInVersion: row.removed_in_version,
    createdAt: toDate(row.created_at),
  };
}

/** Every attachment the item ever had, removed ones included, in the order they were added. */
export async function listItemAttachments(db: Executor, itemId: number): Promise<ItemAttachment[]> {
  const rows = await attachmentQuery(db).where('item_id', '=', itemId).orderBy('id').execute();
  return rows.map(toAttachment);
}

export async function findItemAttachment(
  db: Executor,
  itemId: number,
  attachmentId: number,
): Promise<(ItemAttachment & { readonly content: string }) | null> {
  const row = await attachmentQuery(db)
    .select('content')
    .where('item_id', '=', itemId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row ? { ...toAttachment(row), content: row.content } : null;
}

export async function insertItemAttachment(
  trx: Executor,
  dialect: DialectName,
  row: {
    itemId: number;
    fileName: string;
    mediaType: string;
    sha256: string;
    data: Buffer;
    addedInVersion: number;
    createdBy: number | null;
  },
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('publishing_attachments')
    .values({
      item_id: row.itemId,
      file_name: row.fileName,
      media_type: row.mediaType,
      size_bytes: row.data.length,
      sha256: row.sha256,
      content: row.data.toString('base64'),
      added_in_version: row.addedInVersion,
      removed_in_version: null,
      created_by: row.createdBy,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A draft's attachment never was public: it goes entirely. */
export async function deleteItemAttachment(
  trx: Executor,
  itemId: number,
  attachmentId: number,
): Promise<void> {
  await trx
    .deleteFrom('publishing_attachments')
    .where('item_id', '=', itemId)
    .where('id', '=', attachmentId)
    .execute();
}

/** A published item's attachment leaves with a correction: kept, marked with the version it left in. */
export async function markAttachmentRemoved(
  trx: Executor,
  itemId: number,
  attachmentId: number,
  version: number,
): Promise<void> {
  await trx
    .updateTable('publishing_attachments')
    .set({ removed_in_version: version })
    .where('item_id', '=', itemId)
    .where('id', '=', attachmentId)
    .execute();
}
