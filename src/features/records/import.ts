// Reading an import file (CSV or XLSX) into rows of named cells, and checking every row before anything
// is saved: a refused file comes back with the row and column of every problem and nothing is written.
import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Invalid } from '../../core/errors.ts';
import { FIELD_LABELS, type Input } from './validate.ts';

export interface ImportProblem {
  /** The row of the sheet (the header is row 1). */
  readonly row: number;
  /** The column's header as written in the file, or '' for the row as a whole. */
  readonly column: string;
  readonly message: string;
}

/** A refused import: every problem found, and nothing saved. */
export class ImportRefused extends Invalid {
  constructor(readonly problems: readonly ImportProblem[]) {
    super('file', `文件未导入：发现 ${problems.length} 处问题，请修改后重新导入`);
  }
}

export interface ImportFile {
  readonly fileName: string;
  readonly data: Buffer;
}

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Sheet {
  readonly headers: string[];
  readonly rows: { readonly row: number; readonly cells: string[] }[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return value.text;
    return '';
  }
  return String(value);
}

async function readSheet(file: ImportFile): Promise<Sheet> {
  const isXlsx = file.data.subarray(0, 2).toString('latin1') === 'PK';
  if (isXlsx) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
    } catch {
      throw new Invalid('file', '无法读取该 XLSX 文件，请确认它是 Excel 工作簿');
    }
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Invalid('file', 'XLSX 文件中没有工作表');
    const lines: { row: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let column = 1; column <= sheet.columnCount; column += 1) {
        cells.push(cellText(row.getCell(column).value).trim());
      }
      lines.push({ row: number, cells });
    });
    const [header, ...rows] = lines;
    return {
      headers: header?.cells ?? [],
      rows: rows.filter((line) => line.cells.some((cell) => cell !== '')),
    };
  }
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(file.data.toString('utf8').replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      trim: true,
    });
    records = parsed as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new Invalid('file', `CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}：请检查引号和每行的列数`);
  }
  const [header, ...rows] = records;
  return {
    headers: (header ?? []).map((cell) => cell.trim()),
    rows: rows
      .map((cells, index) => ({ row: index + 2, cells }))
      .filter((line) => line.cells.some((cell) => cell.trim() !== '')),
  };
}

/**
 * Reads the file and checks every row with `validate`. `columns` maps each accepted header (Chinese or
 * English) to a field. Throws ImportRefused listing every problem when any row or header is wrong.
 */
export async function readImport<T>(
  file: ImportFile,
  columns: Readonly<Record<string, string>>,
  validate: (input: Input) => T | Promise<T>,
): Promise<{ row: number; value: T }[]> {
  const sheet = await readSheet(file);
  const problems: ImportProblem[] = [];
  const fieldOf = sheet.headers.map((header) => columns[header] ?? null);
  sheet.headers.forEach((header, index) => {
    if (fieldOf[index] === null && header !== '') {
      problems.push({ row: 1, column: header, message: `表头“${header}”无法识别` });
    }
  });
  if (sheet.rows.length === 0) problems.push({ row: 2, column: '', message: '文件中没有数据行' });
  if (problems.length > 0) throw new ImportRefused(problems);
  const valid: { row: number; value: T }[] = [];
  for (const line of sheet.rows) {
    const input: Record<string, string> = {};
    fieldOf.forEach((field, index) => {
      if (field !== null) input[field] = line.cells[index] ?? '';
    });
    try {
      valid.push({ row: line.row, value: await validate(input) });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const index = fieldOf.indexOf(error.field);
      problems.push({
        row: line.row,
        column: index >= 0 ? (sheet.headers[index] ?? '') : (FIELD_LABELS[error.field] ?? ''),
        message: error.message,
      });
    }
  }
  if (problems.length > 0) throw new ImportRefused(problems);
  return valid;
}

export const DOCUMENT_COLUMNS: Readonly<Record<string, string>> = {
  类别: 'kind',
  kind: 'kind',
  文件名称: 'title',
  title: 'title',
  文号: 'documentNumber',
  document_number: 'documentNumber',
  制发机关: 'issuingUnit',
  issuing_unit: 'issuingUnit',
  制发日期: 'issuedOn',
  issued_on: 'issuedOn',
  废止日期: 'repealedOn',
  repealed_on: 'repealedOn',
  失效日期: 'invalidOn',
  invalid_on: 'invalidOn',
};

export const STATISTIC_COLUMNS: Readonly<Record<string, string>> = {
  年度: 'year',
  year: 'year',
  类别: 'kind',
  事项: 'kind',
  kind: 'kind',
  数值: 'value',
  数量或金额: 'value',
  value: 'value',
};

export const CASE_COLUMNS: Readonly<Record<string, string>> = {
  类别: 'kind',
  kind: 'kind',
  案号: 'caseNumber',
  case_number: 'caseNumber',
  立案日期: 'filedOn',
  filed_on: 'filedOn',
  审结日期: 'decidedOn',
  decided_on: 'decidedOn',
  结果: 'result',
  result: 'result',
  关联申请: 'application',
  application: 'application',
};
