// All SQL of application attachments. File names and contents arrive sealed and leave sealed.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

/** An attachment without its content, as lists show it; the file name still sealed. */
export interface StoredAttachment {
  readonly id: number;
  readonly applicationId: number;
  readonly kind: string;
  readonly fileNameSealed: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedBy: number | null;
  readonly createdAt: Date;
}

export interface NewAttachmentRow {
  readonly applicationId: number;
  readonly kind: string;
  readonly fileNameSealed: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly contentSealed: string;
  readonly uploadedBy: number | null;
}

export async function insertAttachment(
  trx: Executor,
  dialect: DialectName,
  row: NewAttachmentRow,
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('application_attachments')
    .values({
      application_id: row.applicationId,
      kind: row.kind,
      file_name: row.fileNameSealed,
      media_type: row.mediaType,
      size_bytes: row.sizeBytes,
      sha256: row.sha256,
      content_sealed: row.contentSealed,
      uploaded_by: row.uploadedBy,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const LISTED = [
  'id',
  'application_id',
  'kind',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

function toAttachment(row: {
  id: number;
  application_id: number;
  kind: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: string | Date;
}): StoredAttachment {
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    fileNameSealed: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: toDate(row.created_at),
  };
}

/** The attachments of one application in the order they were stored, without their contents. */
export async function listAttachmentsOf(db: Executor, applicationId: number): Promise<StoredAttachment[]> {
  const rows = await db
    .selectFrom('application_attachments')
    .select(LISTED)
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

/** One attachment of one application with its sealed content; null when the pair does not exist. */
export async function findAttachmentContent(
  db: Executor,
  applicationId: number,
  attachmentId: number,
): Promise<(StoredAttachment & { readonly contentSealed: string }) | null> {
  const row = await db
    .selectFrom('application_attachments')
    .select([...LISTED, 'content_sealed'])
    .where('application_id', '=', applicationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row ? { ...toAttachment(row), contentSealed: row.content_sealed } : null;
}
