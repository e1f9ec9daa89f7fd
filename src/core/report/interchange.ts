// Reading the interchange JSON back: shape validation with errors that name the field.
import { Invalid } from '../errors.ts';
import {
  FORMAT_IDS,
  SECTION_IDS,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  type FormatId,
  type SectionId,
} from './format.ts';
import type { AnnualReport, Cell } from './types.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cell(value: unknown, field: string): Cell {
  if (value === null || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new Invalid(field, `“${field}”应为数字或 null（空白），实为 ${JSON.stringify(value)}`);
}

function cells(value: unknown, field: string): Cell[] {
  if (!Array.isArray(value)) throw new Invalid(field, `“${field}”应为数组`);
  return value.map((v, i) => cell(v, `${field}[${i}]`));
}

function table2(value: unknown): AnnualReport['table2'] {
  if (!isRecord(value)) throw new Invalid('table2', '“table2”应为对象：块 → 行 → 列 → 数值');
  const result: AnnualReport['table2'] = {};
  for (const [block, rows] of Object.entries(value)) {
    if (!isRecord(rows)) throw new Invalid(`table2.${block}`, `“table2.${block}”应为对象`);
    result[block] = {};
    for (const [row, columns] of Object.entries(rows)) {
      const field = `table2.${block}.${row}`;
      if (!isRecord(columns)) throw new Invalid(field, `“${field}”应为对象`);
      const target: Record<string, Cell> = {};
      for (const [column, v] of Object.entries(columns)) target[column] = cell(v, `${field}.${column}`);
      result[block][row] = target;
    }
  }
  return result;
}

function sections(value: unknown): AnnualReport['sections'] {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new Invalid('sections', '“sections”应为对象：部分序号 → 正文');
  const result: Partial<Record<SectionId, string>> = {};
  for (const [id, text] of Object.entries(value)) {
    if (!(SECTION_IDS as readonly string[]).includes(id)) {
      throw new Invalid(`sections.${id}`, `“sections”的键应为 ${SECTION_IDS.join('、')} 之一，实为“${id}”`);
    }
    if (typeof text !== 'string') throw new Invalid(`sections.${id}`, `“sections.${id}”应为文本`);
    result[id as SectionId] = text;
  }
  return result;
}

/** Validates a parsed JSON value as an annual report in the interchange shape. Throws Invalid. */
export function reportFromInterchange(value: unknown): AnnualReport {
  if (!isRecord(value)) throw new Invalid('report', '报告 JSON 应为对象');
  const format = value.format;
  if (typeof format !== 'string' || !(FORMAT_IDS as readonly string[]).includes(format)) {
    throw new Invalid('format', `“format”应为 "2021" 或 "2019"，实为 ${JSON.stringify(format)}`);
  }
  const year = value.year ?? null;
  if (year !== null && (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2200)) {
    throw new Invalid('year', `“year”应为年份整数，实为 ${JSON.stringify(year)}`);
  }
  const agency = value.agency ?? null;
  if (agency !== null && typeof agency !== 'string') throw new Invalid('agency', '“agency”应为文本');
  if (!isRecord(value.table3)) throw new Invalid('table3', '“table3”应为对象：行键 → 7个数值');
  const t3: Record<string, Cell[]> = {};
  for (const [key, row] of Object.entries(value.table3)) t3[key] = cells(row, `table3.${key}`);
  const report: AnnualReport = {
    format: format as FormatId,
    year,
    agency,
    table2: table2(value.table2 ?? {}),
    table3_columns: Array.isArray(value.table3_columns)
      ? value.table3_columns.map(String)
      : [...TABLE3_COLUMNS],
    table3: t3,
    table4_columns: Array.isArray(value.table4_columns)
      ? value.table4_columns.map(String)
      : [...TABLE4_COLUMNS],
    table4: cells(value.table4 ?? [], 'table4'),
  };
  const s = sections(value.sections);
  if (s !== undefined) report.sections = s;
  return report;
}
