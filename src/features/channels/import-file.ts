// Reads an uploaded publication list (CSV or XLSX) into rows of text cells; the rules live in
// core/channels. Spreadsheet dates become 'YYYY-MM-DD' so the same check applies to both formats.
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Invalid } from '../../core/errors.ts';

const MAX_ROWS = 20_000;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // exceljs reads a date cell as a UTC instant of the calendar day typed in.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // A link cell shows its text but points at the address: the address is what is recorded.
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
}

async function rowsFromXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Invalid('file', '无法读取该 XLSX 文件，请确认它是 Excel 工作簿');
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Invalid('file', 'XLSX 文件中没有工作表');
  const rows: string[][] = [];
  for (let number = 1; number <= Math.min(sheet.rowCount, MAX_ROWS + 1); number += 1) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 4); column += 1) {
      cells.push(cellText(row.getCell(column).value));
    }
    rows.push(cells);
  }
  return rows;
}

function rowsFromCsv(data: Buffer): string[][] {
  try {
    const rows: unknown = parseCsv(data.toString('utf8').replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    });
    return rows as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new Invalid('file', `CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}：请检查引号`);
  }
}

/** The table of an uploaded file, by its name's extension (.csv or .xlsx). */
export async function readPublicationTable(fileName: string, data: Buffer): Promise<string[][]> {
  const lower = fileName.toLowerCase();
  const rows = lower.endsWith('.xlsx')
    ? await rowsFromXlsx(data)
    : lower.endsWith('.csv')
      ? rowsFromCsv(data)
      : null;
  if (rows === null) throw new Invalid('file', '请上传 CSV 或 XLSX 文件');
  if (rows.length > MAX_ROWS + 1) throw new Invalid('file', `一次最多导入 ${MAX_ROWS} 行`);
  return rows;
}
