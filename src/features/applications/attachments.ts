// Attachments of an application: identity proofs, powers of attorney of proxy applications (条例第二十九条)
// and the evidence of the receipt date of a registered letter (第三十一条). Files are checked by their
// content, never by their name or the type the browser claims; they are personal data, so the name and
// the content are stored only sealed, and every download by staff is an audited export.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import type { DialectName } from '../../db/dialect.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { openPersonal, sealPersonal } from '../privacy/personal-field.ts';
import { findAttachmentContent, insertAttachment, listAttachmentsOf } from './attachments-repo.ts';
import { authorizeApplication } from './policy.ts';
import { findApplication } from './repo.ts';
import type { FieldError } from './validate.ts';

export const ATTACHMENT_KINDS = ['identity-proof', 'power-of-attorney', 'receipt-evidence'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The form field of each kind and its label. */
export const ATTACHMENT_FIELDS: Readonly<Record<AttachmentKind, { field: string; label: string }>> = {
  'identity-proof': { field: 'identityProof', label: '身份证明' },
  'power-of-attorney': { field: 'powerOfAttorney', label: '授权委托书' },
  'receipt-evidence': { field: 'evidence', label: '收件凭证' },
};

/** The media types accepted, recognised by content (magic bytes), with the name people know them by. */
export const ACCEPTED_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};
const ACCEPTED_NAMES = Object.values(ACCEPTED_MEDIA_TYPES).join('、');

/** At most this many files with one application. */
export const MAX_ATTACHMENTS = 5;

/** A file as the form sent it. `truncated` when it was cut off at the size limit. */
export interface UploadedFile {
  readonly field: string;
  readonly fileName: string;
  readonly data: Buffer;
  readonly truncated: boolean;
}

/** A file that passed the checks, ready to store. */
export interface CheckedAttachment {
  readonly kind: AttachmentKind;
  readonly fileName: string;
  readonly mediaType: string;
  readonly data: Buffer;
}

export function kindOfField(field: string): AttachmentKind | null {
  return ATTACHMENT_KINDS.find((kind) => ATTACHMENT_FIELDS[kind].field === field) ?? null;
}

/** The name to keep: without a path, control characters or an absurd length. */
function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = Array.from(base.replace(/\p{Cc}/gu, '').trim())
    .slice(-120)
    .join('');
  return clean === '' ? '附件' : clean;
}

function sizeLimit(bytes: number): string {
  return bytes < 1048576 ? `${Math.round(bytes / 1024)}KB` : `${Math.round((bytes / 1048576) * 10) / 10}MB`;
}

/**
 * Checks every uploaded file: at most MAX_ATTACHMENTS, each within `maxBytes`, each a PDF, JPEG, PNG or
 * DOCX by its content. Every broken rule names the field, the file and the rule.
 */
export async function checkAttachments(
  upload: { readonly files: readonly UploadedFile[]; readonly tooManyFiles: boolean },
  maxBytes: number,
): Promise<{ attachments: CheckedAttachment[]; errors: FieldError[] }> {
  const { files } = upload;
  const errors: FieldError[] = [];
  const attachments: CheckedAttachment[] = [];
  if (upload.tooManyFiles || files.length > MAX_ATTACHMENTS) {
    errors.push({
      field: files.at(-1)?.field ?? 'attachments',
      message: `每件申请最多上传 ${MAX_ATTACHMENTS} 个文件，请合并或删减后重新选择`,
    });
    return { attachments, errors };
  }
  for (const file of files) {
    const kind = kindOfField(file.field);
    if (kind === null) continue;
    const fileName = cleanFileName(file.fileName);
    const label = ATTACHMENT_FIELDS[kind].label;
    if (file.truncated || file.data.length > maxBytes) {
      errors.push({
        field: file.field,
        message: `“${label}”中的文件“${fileName}”超过 ${sizeLimit(maxBytes)} 的大小限制`,
      });
      continue;
    }
    const type = await fileTypeFromBuffer(file.data);
    if (type === undefined || !(type.mime in ACCEPTED_MEDIA_TYPES)) {
      errors.push({
        field: file.field,
        message: `“${label}”中的文件“${fileName}”不是 ${ACCEPTED_NAMES} 文件（按文件内容识别），请转换格式后重新上传`,
      });
      continue;
    }
    attachments.push({ kind, fileName, mediaType: type.mime, data: file.data });
  }
  return { attachments, errors };
}

/**
 * The error for a required kind of file that is missing, or none. A file of that kind that was sent but
 * refused has its own error already.
 */
export function requireAttachment(
  checked: { readonly attachments: readonly CheckedAttachment[]; readonly errors: readonly FieldError[] },
  kind: AttachmentKind,
  message: string,
): FieldError[] {
  const { field } = ATTACHMENT_FIELDS[kind];
  const present =
    checked.attachments.some((attachment) => attachment.kind === kind) ||
    checked.errors.some((error) => error.field === field);
  return present ? [] : [{ field, message }];
}

/** Seals and stores checked files with an application, inside the caller's transaction. */
export async function storeAttachments(
  trx: Executor,
  context: AppContext,
  dialect: DialectName,
  applicationId: number,
  attachments: readonly CheckedAttachment[],
  uploadedBy: number | null,
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (const attachment of attachments) {
    ids.push(
      await insertAttachment(
        trx,
        dialect,
        {
          applicationId,
          kind: attachment.kind,
          fileNameSealed: sealPersonal(context.keys, attachment.fileName),
          mediaType: attachment.mediaType,
          sizeBytes: attachment.data.length,
          sha256: createHash('sha256').update(attachment.data).digest('hex'),
          contentSealed: sealPersonal(context.keys, attachment.data.toString('base64')),
          uploadedBy,
        },
        now,
      ),
    );
  }
  return ids;
}

/** An attachment as staff lists show it: no file name (it may carry a name), no content. */
export interface AttachmentSummary {
  readonly id: number;
  readonly applicationId: number;
  readonly kind: string;
  readonly label: string;
  readonly typeName: string;
  readonly sizeBytes: number;
  readonly createdAt: Date;
  /** Uploaded by staff (registration evidence) rather than by the applicant. */
  readonly byStaff: boolean;
}

function labelOf(kind: string): string {
  const known = ATTACHMENT_KINDS.find((k) => k === kind);
  return known === undefined ? kind : ATTACHMENT_FIELDS[known].label;
}

/** The attachments of an application the actor may read. */
export async function listAttachments(
  scope: ActingScope,
  applicationId: number,
): Promise<AttachmentSummary[]> {
  const db = scope.context.database.db;
  authorizeApplication(scope.actor, await findApplication(db, applicationId));
  const rows = await listAttachmentsOf(db, applicationId);
  return rows.map((row) => ({
    id: row.id,
    applicationId: row.applicationId,
    kind: row.kind,
    label: labelOf(row.kind),
    typeName: ACCEPTED_MEDIA_TYPES[row.mediaType] ?? row.mediaType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt,
    byStaff: row.uploadedBy !== null,
  }));
}

export interface AttachmentDownload {
  readonly fileName: string;
  readonly mediaType: string;
  readonly data: Buffer;
}

/**
 * One attachment for someone who may read the application: opened, checked against its digest, and
 * written to the audit log as an export of personal data in the same transaction as it is read.
 */
export async function downloadAttachment(
  scope: ActingScope,
  applicationId: number,
  attachmentId: number,
  now = new Date(),
): Promise<AttachmentDownload> {
  const { db } = scope.context.database;
  return inTransaction(db, async (trx) => {
    authorizeApplication(scope.actor, await findApplication(trx, applicationId));
    const stored = await findAttachmentContent(trx, applicationId, attachmentId);
    if (stored === null) throw new NotFound('未找到该附件');
    const data = Buffer.from(openPersonal(scope.context.keys, stored.contentSealed), 'base64');
    if (createHash('sha256').update(data).digest('hex') !== stored.sha256) {
      throw new Error(`attachment ${attachmentId} does not match its digest`);
    }
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'application.attachment.download',
        objectType: 'application',
        objectId: applicationId,
        details: {
          attachmentId,
          kind: stored.kind,
          mediaType: stored.mediaType,
          sizeBytes: stored.sizeBytes,
        },
      },
      now,
    );
    return {
      fileName: openPersonal(scope.context.keys, stored.fileNameSealed),
      mediaType: stored.mediaType,
      data,
    };
  });
}
