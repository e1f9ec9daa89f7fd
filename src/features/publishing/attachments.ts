// Attachments of proactive-disclosure items: PDF, DOCX, XLSX, JPEG and PNG, recognised by their content
// (never by name or the type the browser claims), at most MAX_ITEM_ATTACHMENT_BYTES each. They are
// public documents, not personal data, so they are stored plain. A draft's files come and go freely; a
// published item's files change only as a correction: the old version is kept, the item takes the next
// version number and the public page shows 更正于 today, and a removed file stays in the history.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { ActingScope } from '../../app-context.ts';
import { Conflict, Invalid, NotFound, TooLarge } from '../../core/errors.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import {
  deleteItemAttachment,
  findItemAttachment,
  insertItemAttachment,
  listItemAttachments,
  markAttachmentRemoved,
  type ItemAttachment,
} from './attachments-repo.ts';
import type { Item } from './model.ts';
import { keepCurrentVersion, refuseUnlessStatus, requiredReason, userIdOf } from './item-support.ts';
import { authorizeItem } from './policy.ts';
import { findItem, lockItem, updateItemState } from './repo.ts';
import { attachmentHref } from './rich-text.ts';

/** The media types accepted, recognised by content, with the name people know them by. */
export const ITEM_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

/** 20 MB a file (the server's MAX_UPLOAD_MB caps every upload too, whichever is smaller). */
export const MAX_ITEM_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** At most this many files on an item at one time. */
export const MAX_ITEM_ATTACHMENTS = 20;

/** Whether the attachment belongs to the item's current version. */
export const isCurrent = (attachment: ItemAttachment): boolean => attachment.removedInVersion === null;

/** The addresses of the item's current images: the only images its rich-text body may show. */
export function imageSourcesOf(itemId: number, attachments: readonly ItemAttachment[]): Set<string> {
  return new Set(
    attachments
      .filter((attachment) => isCurrent(attachment) && IMAGE_TYPES.has(attachment.mediaType))
      .map((attachment) => attachmentHref(itemId, attachment.id)),
  );
}

export function typeNameOf(mediaType: string): string {
  return ITEM_MEDIA_TYPES[mediaType] ?? mediaType;
}

function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = Array.from(base.replace(/\p{Cc}/gu, '').trim())
    .slice(-120)
    .join('');
  return clean === '' ? '附件' : clean;
}

/**
 * For a published item: the reason of the correction, the old version kept, and the item moved to the
 * next version with 更正于 today. Returns the new version. For a draft or a returned item: its version.
 */
async function versionForChange(
  trx: Executor,
  scope: ActingScope,
  item: Item,
  reasonField: unknown,
  act: string,
  now: Date,
): Promise<{ version: number; reason: string | null }> {
  if (item.status === 'draft' || item.status === 'returned') return { version: item.version, reason: null };
  refuseUnlessStatus(item, ['published'], act);
  const reason = requiredReason(reasonField, `已发布的信息${act}属于更正，请填写更正原因`, '更正原因');
  const { dialect } = scope.context.database;
  await keepCurrentVersion(trx, scope, item, { reason, material: true }, now);
  await updateItemState(
    trx,
    dialect,
    item.id,
    { version: item.version + 1, correctedOn: chinaDate(now) },
    now,
  );
  return { version: item.version + 1, reason };
}

/** A file as the form sent it. */
export interface ItemUpload {
  readonly fileName: string;
  readonly data: Buffer;
}

/**
 * Whether the person may add an attachment to the item, asked before the upload is read: a person who
 * may not learns nothing from the size or the type of what they send (the upload re-checks under lock).
 */
export async function authorizeAttachmentUpload(scope: ActingScope, itemId: number): Promise<void> {
  const item = await findItem(scope.context.database.db, itemId);
  authorizeItem(scope.actor, item?.status === 'published' ? 'manage' : 'edit', item);
}

/** Adds a file to an item (a draft, or a published item as a correction with `reason`); returns its id. */
export async function addItemAttachment(
  scope: ActingScope,
  itemId: number,
  upload: ItemUpload | undefined,
  form: { readonly reason?: unknown },
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, item?.status === 'published' ? 'manage' : 'edit', item);
    if (upload === undefined) throw new Invalid('file', '请选择要上传的附件');
    const fileName = cleanFileName(upload.fileName);
    if (upload.data.length > MAX_ITEM_ATTACHMENT_BYTES) {
      throw new TooLarge(`附件“${fileName}”超过 ${MAX_ITEM_ATTACHMENT_BYTES / 1048576}MB 的大小限制`);
    }
    const type = await fileTypeFromBuffer(upload.data);
    if (type === undefined || !(type.mime in ITEM_MEDIA_TYPES)) {
      throw new Invalid(
        'file',
        `附件“${fileName}”不是 ${Object.values(ITEM_MEDIA_TYPES).join('、')} 文件（按文件内容识别），请转换格式后重新上传`,
      );
    }
    const current = (await listItemAttachments(trx, item.id)).filter(isCurrent);
    if (current.length >= MAX_ITEM_ATTACHMENTS) {
      throw new Conflict(`每条信息最多 ${MAX_ITEM_ATTACHMENTS} 个附件`);
    }
    const { version, reason } = await versionForChange(trx, scope, item, form.reason, '添加附件', now);
    const sha256 = createHash('sha256').update(upload.data).digest('hex');
    const id = await insertItemAttachment(
      trx,
      dialect,
      {
        itemId: item.id,
        fileName,
        mediaType: type.mime,
        sha256,
        data: upload.data,
        addedInVersion: version,
        createdBy: userIdOf(scope),
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'publishing.attachment.add',
        objectType: 'publishing_item',
        objectId: item.id,
        details: {
          attachmentId: id,
          fileName,
          mediaType: type.mime,
          sizeBytes: upload.data.length,
          sha256,
          version,
          reason,
        },
      },
      now,
    );
    return id;
  });
}

/** Removes a file from a draft, or from a published item as a correction with `reason`. */
export async function removeItemAttachment(
  scope: ActingScope,
  itemId: number,
  attachmentId: number,
  form: { readonly reason?: unknown },
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, item?.status === 'published' ? 'manage' : 'edit', item);
    const attachment = await findItemAttachment(trx, item.id, attachmentId);
    // The item may be changed by this person: a file already gone is a state, not a secret.
    if (attachment === null || !isCurrent(attachment)) throw new Conflict('该附件不存在或已删除');
    const { version, reason } = await versionForChange(trx, scope, item, form.reason, '删除附件', now);
    if (reason === null) await deleteItemAttachment(trx, item.id, attachment.id);
    else await markAttachmentRemoved(trx, item.id, attachment.id, version);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'publishing.attachment.remove',
        objectType: 'publishing_item',
        objectId: item.id,
        details: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256, version, reason },
      },
      now,
    );
  });
}

/** The current files of a published item, for its public page. */
export async function listPublicAttachments(scope: { context: ActingScope['context'] }, item: Item) {
  return (await listItemAttachments(scope.context.database.db, item.id)).filter(isCurrent);
}

export interface AttachmentFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly data: Buffer;
}

/** A current file of a published item, for anyone. */
export async function downloadPublicAttachment(
  context: ActingScope['context'],
  itemId: number,
  attachmentId: number,
): Promise<AttachmentFile> {
  const { db } = context.database;
  const item = await findItem(db, itemId);
  if (item === null || item.status !== 'published') throw new NotFound('未找到该附件');
  const attachment = await findItemAttachment(db, item.id, attachmentId);
  if (attachment === null || !isCurrent(attachment)) throw new NotFound('未找到该附件');
  return {
    fileName: attachment.fileName,
    mediaType: attachment.mediaType,
    data: Buffer.from(attachment.content, 'base64'),
  };
}

/** Any file of an item, for staff who may read the item (drafts' files and removed ones too). */
export async function downloadStaffAttachment(
  scope: ActingScope,
  itemId: number,
  attachmentId: number,
): Promise<AttachmentFile> {
  const { db } = scope.context.database;
  const item = await findItem(db, itemId);
  authorizeItem(scope.actor, 'read', item);
  const attachment = await findItemAttachment(db, item.id, attachmentId);
  if (attachment === null) throw new NotFound('未找到该附件');
  return {
    fileName: attachment.fileName,
    mediaType: attachment.mediaType,
    data: Buffer.from(attachment.content, 'base64'),
  };
}

/**
 * Content-Disposition for a download: an ASCII fallback name and the real one in RFC 5987 form, so
 * Chinese names arrive intact.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
