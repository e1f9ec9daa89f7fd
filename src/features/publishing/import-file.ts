// The file of an import: the upload is streamed to a temporary file (with its SHA-256 and a size limit),
// then read back row by row, so neither a large CSV nor a large workbook is ever held in memory whole.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Invalid, TooLarge } from '../../core/errors.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportFileKind = 'csv' | 'xlsx';

export interface StoredUpload {
  readonly fileName: string;
  readonly kind: ImportFileKind;
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

export function kindOfFileName(fileName: string): ImportFileKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  throw new Invalid('file', '请上传 CSV 或 XLSX 文件');
}

/** Writes an uploaded stream to a new temporary file; the caller removes it with `removeUpload`. */
export async function storeUpload(fileName: string, source: Readable): Promise<StoredUpload> {
  const kind = kindOfFileName(fileName);
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-import-'));
  const path = join(directory, `upload.${kind}`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      if (sizeBytes > MAX_IMPORT_BYTES) {
        callback(new TooLarge(`文件超过 ${MAX_IMPORT_BYTES / 1048576}MB 的大小限制`));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, createWriteStream(path));
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  if ((source as { truncated?: boolean }).truncated === true) {
    await rm(directory, { recursive: true, force: true });
    throw new TooLarge(`文件超过 ${MAX_IMPORT_BYTES / 1048576}MB 的大小限制`);
  }
  return { fileName, kind, path, sha256: hash.digest('hex'), sizeBytes };
}

export async function removeUpload(upload: Pick<StoredUpload, 'path'>): Promise<void> {
  await rm(join(upload.path, '..'), { recursive: true, force: true });
}

/** One row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface FileRow {
  readonly number: number;
  readonly cells: string[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // exceljs reads a date cell as a UTC instant of the calendar day typed in.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
}

async function* csvRows(path: string): AsyncGenerator<FileRow> {
  const parser = createReadStream(path).pipe(parseCsv({ bom: true, relax_column_count: true }));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      yield { number, cells: record };
    }
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw new Invalid('file', `CSV 格式错误（第 ${number + 1} 行附近）：请检查引号`);
  } finally {
    parser.destroy();
  }
}

async function* xlsxRows(path: string): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { number: row.number, cells: values.map((value) => cellText(value)) };
      }
      // Only the first sheet is the list.
      return;
    }
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw new Invalid('file', '无法读取该 XLSX 文件，请确认它是 Excel 工作簿');
  }
}

/** The rows of a stored upload in order, blank rows left out. */
export async function* readImportRows(upload: Pick<StoredUpload, 'kind' | 'path'>): AsyncGenerator<FileRow> {
  const rows = upload.kind === 'csv' ? csvRows(upload.path) : xlsxRows(upload.path);
  for await (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    yield row;
  }
}
