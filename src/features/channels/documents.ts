// Documents kept with an account's status events (备案 forms, notices of change or closure): recognised by
// their content, never by name or claimed type, like the attachments of applications.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { Invalid } from '../../core/errors.ts';
import { ACCEPTED_MEDIA_TYPES } from '../applications/attachments.ts';

/** The largest document accepted with an event. */
export const MAX_EVENT_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface CheckedDocument {
  readonly name: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly data: Buffer;
}

function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = Array.from(base.replace(/\p{Cc}/gu, '').trim())
    .slice(-120)
    .join('');
  return clean === '' ? '文件' : clean;
}

/** Checks an uploaded document: a PDF, JPEG, PNG or DOCX by content, within the size limit. */
export async function checkEventDocument(file: {
  readonly fileName: string;
  readonly data: Buffer;
}): Promise<CheckedDocument> {
  const name = cleanFileName(file.fileName);
  if (file.data.length > MAX_EVENT_DOCUMENT_BYTES) {
    throw new Invalid('document', `文件“${name}”超过 5MB 的大小限制`);
  }
  const type = await fileTypeFromBuffer(file.data);
  if (type === undefined || !(type.mime in ACCEPTED_MEDIA_TYPES)) {
    throw new Invalid(
      'document',
      `文件“${name}”不是 ${Object.values(ACCEPTED_MEDIA_TYPES).join('、')} 文件（按文件内容识别）`,
    );
  }
  return {
    name,
    mediaType: type.mime,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    data: file.data,
  };
}
