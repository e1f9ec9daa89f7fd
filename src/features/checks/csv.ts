// Check dictionaries as CSV, the form in which admins keep them in a spreadsheet: one entry per row,
// headers in English (term,category,severity,suggestion,note) or Chinese (词条,类别,级别,建议,说明).
// Pure functions: the caller reads and writes the files.
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  CATEGORY_LABELS,
  ENTRY_FIELD_LABELS,
  ENTRY_FIELDS,
  parseDictionaryEntry,
  SEVERITY_LABELS,
  type Dictionary,
  type DictionaryEntry,
  type EntryField,
} from '../../core/checks/index.ts';

export interface CsvProblem {
  /** Line of the file (1 is the header row). */
  readonly row: number;
  /** The column as headed in the file, or the field's Chinese label when the column is missing. */
  readonly column: string;
  readonly message: string;
}

export interface DictionaryCsv {
  readonly dictionary: Dictionary;
  readonly problems: readonly CsvProblem[];
}

const HEADER_FIELDS: Readonly<Record<string, EntryField>> = Object.fromEntries(
  ENTRY_FIELDS.flatMap((field) => [
    [field, field],
    [ENTRY_FIELD_LABELS[field], field],
  ]),
);

const REQUIRED_FIELDS: readonly EntryField[] = ['term', 'category'];

interface ParsedRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

export function describeProblem(problem: CsvProblem): string {
  return `第 ${problem.row} 行“${problem.column}”列：${problem.message}`;
}

/**
 * Reads a dictionary; rows with problems are left out and each problem names its row and column, so
 * that one pass over the file shows everything to correct.
 */
export function parseDictionaryCsv(text: string, name: string): DictionaryCsv {
  let rows: ParsedRow[];
  try {
    // With `info`, csv-parse returns { record, info } objects; its typings only know plain records.
    rows = parseCsv(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRow[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      dictionary: { name, entries: [] },
      problems: [{ row: line, column: '—', message: 'CSV 格式错误：请检查引号是否成对' }],
    };
  }
  const [header, ...body] = rows;
  if (header === undefined) {
    return { dictionary: { name, entries: [] }, problems: [{ row: 1, column: '—', message: '文件是空的' }] };
  }

  const problems: CsvProblem[] = [];
  const headings = header.record.map((heading) => heading.trim());
  const fields: (EntryField | undefined)[] = headings.map((heading) => HEADER_FIELDS[heading]);
  headings.forEach((heading, index) => {
    if (fields[index] === undefined) {
      problems.push({
        row: header.info.lines,
        column: heading,
        message: `表头无法识别，应为 ${ENTRY_FIELDS.join('、')} 或 ${Object.values(ENTRY_FIELD_LABELS).join('、')}`,
      });
    } else if (fields.indexOf(fields[index]) !== index) {
      problems.push({ row: header.info.lines, column: heading, message: '表头重复' });
    }
  });
  for (const field of REQUIRED_FIELDS) {
    if (!fields.includes(field)) {
      problems.push({ row: header.info.lines, column: ENTRY_FIELD_LABELS[field], message: '缺少这一列' });
    }
  }
  if (problems.length > 0) return { dictionary: { name, entries: [] }, problems };

  const entries: DictionaryEntry[] = [];
  for (const { record, info } of body) {
    if (record.length > headings.length) {
      problems.push({
        row: info.lines,
        column: '—',
        message: `这一行有 ${record.length} 列，比表头多`,
      });
      continue;
    }
    const raw: Partial<Record<EntryField, string>> = {};
    fields.forEach((field, index) => {
      if (field !== undefined) raw[field] = record[index] ?? '';
    });
    const result = parseDictionaryEntry(raw);
    if (result.ok) {
      entries.push(result.entry);
      continue;
    }
    for (const problem of result.problems) {
      const column = headings[fields.indexOf(problem.field)] ?? ENTRY_FIELD_LABELS[problem.field];
      problems.push({ row: info.lines, column, message: problem.message });
    }
  }
  return { dictionary: { name, entries }, problems };
}

/**
 * Writes a dictionary with Chinese headers, category and severity labels, with a byte-order mark so that
 * spreadsheet programs open it as UTF-8; parseDictionaryCsv reads it back unchanged.
 */
export function dictionaryToCsv(dictionary: Dictionary): string {
  const rows = dictionary.entries.map((entry) => [
    entry.term,
    CATEGORY_LABELS[entry.category],
    SEVERITY_LABELS[entry.severity],
    entry.suggestion ?? '',
    entry.note ?? '',
  ]);
  const header = ENTRY_FIELDS.map((field) => ENTRY_FIELD_LABELS[field]);
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n' })}`;
}
