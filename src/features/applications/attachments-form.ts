// Reads an application form with its files, sent as multipart/form-data (the form in a browser) or
// urlencoded (a form without files). Nothing is refused here: oversized files come back marked
// `truncated` and too many files come back flagged, so the checks name the broken rule and the form can
// be shown again with its values.
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from './attachments.ts';

export interface SubmittedForm {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: readonly UploadedFile[];
  /** Far more files were sent than `maxFiles` (reading stopped at the limit). */
  readonly tooManyFiles: boolean;
}

export interface FormLimits {
  readonly fields: readonly string[];
  readonly fileFields: readonly string[];
  readonly maxFileBytes: number;
  readonly maxFiles: number;
}

function isFilesLimit(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'FST_FILES_LIMIT';
}

export async function readSubmittedForm(request: FastifyRequest, limits: FormLimits): Promise<SubmittedForm> {
  const wanted = new Set(limits.fields);
  const fields: Record<string, string> = {};
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const name of wanted) {
      const value = body[name];
      if (typeof value === 'string') fields[name] = value;
    }
    return { fields, files: [], tooManyFiles: false };
  }
  const fileFields = new Set(limits.fileFields);
  const files: UploadedFile[] = [];
  // A file input left empty still sends a part: the parser's count allows one such part per input, and
  // the real files are counted by the checks. The parser takes `throwFileSizeLimit` here too; its type
  // definitions only list it for files().
  const options: NonNullable<Parameters<FastifyRequest['parts']>[0]> & { throwFileSizeLimit: boolean } = {
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles + limits.fileFields.length,
      fields: limits.fields.length + 10,
    },
    throwFileSizeLimit: false,
  };
  const parts = request.parts(options);
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (wanted.has(part.fieldname) && typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const data = await part.toBuffer();
      // An empty file input is sent as a part without name and content.
      if (!fileFields.has(part.fieldname) || (part.filename === '' && data.length === 0)) continue;
      files.push({
        field: part.fieldname,
        fileName: part.filename,
        data: part.file.truncated ? Buffer.alloc(0) : data,
        truncated: part.file.truncated,
      });
    }
  } catch (error) {
    // Past the limit the rest of the body is not read; fields after the files are lost, which the
    // forms avoid by placing their file inputs last.
    if (!isFilesLimit(error)) throw error;
    return { fields, files, tooManyFiles: true };
  }
  return { fields, files, tooManyFiles: false };
}
