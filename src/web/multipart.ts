import type { FastifyRequest } from 'fastify';
import { TooLarge } from '../core/errors.ts';

export interface UploadedFile {
  readonly fileName: string;
  readonly data: Buffer;
}

export interface MultipartForm {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: Readonly<Record<string, UploadedFile>>;
}

/**
 * Reads a whole multipart form into memory, refusing anything over `maxFileBytes` per file. Empty file
 * inputs (a browser sends them when nothing was chosen) are left out.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  maxFileBytes: number,
): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  for await (const part of request.parts({ limits: { fileSize: maxFileBytes, files: 4, fields: 20 } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer().catch((error: unknown) => {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new TooLarge(`文件“${part.filename}”超过 ${Math.round(maxFileBytes / 1048576)}MB 的大小限制`);
        }
        throw error;
      });
      if (data.length > 0) files[part.fieldname] = { fileName: part.filename, data };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, files };
}
