// Test support: a consistent report built from the format data, the real reference report, and
// small mutators, so that each test states only what it changes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  FORMATS,
  SECTION_TITLES,
  T3,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  table3Keys,
  table3OutcomeKeys,
  type FormatId,
  type SectionId,
} from '../format.ts';
import type { AnnualReport, Cell } from '../types.ts';

const REFERENCE_DIR = fileURLToPath(new URL('../../../../../shared/reference/reports/', import.meta.url));

export function referenceReport(): AnnualReport {
  const path = `${REFERENCE_DIR}shenyang-huanggu-2023.expected.json`;
  return JSON.parse(readFileSync(path, 'utf8')) as AnnualReport;
}

/** The narrative sections of the reference report, cut from the scraped text at the section titles. */
export function referenceSections(): Partial<Record<SectionId, string>> {
  const text = readFileSync(`${REFERENCE_DIR}shenyang-huanggu-2023.txt`, 'utf8');
  const between = (from: SectionId, to: SectionId | null): string => {
    const start = text.indexOf(SECTION_TITLES[from]) + SECTION_TITLES[from].length;
    const end = to === null ? text.length : text.indexOf(SECTION_TITLES[to]);
    return text.slice(start, end).trim();
  };
  return { 一: between('一', '二'), 五: between('五', '六'), 六: between('六', null) };
}

export interface BuildOptions {
  readonly format?: FormatId;
  readonly year?: number;
  /** 自然人: new, carried in, and how many of them stay open at year end. */
  readonly received?: number;
  readonly carriedIn?: number;
  readonly carriedOut?: number;
  readonly sections?: Partial<Record<SectionId, string>>;
}

function zeros(): Cell[] {
  return TABLE3_COLUMNS.map(() => 0);
}

/**
 * A consistent report: 自然人 applications are disclosed except one in the last outcome row,
 * 商业企业 filed 2 that were disclosed; table 四 has one review and one direct suit.
 */
export function buildReport(options: BuildOptions = {}): AnnualReport {
  const format = options.format ?? '2021';
  const received = options.received ?? 10;
  const carriedIn = options.carriedIn ?? 1;
  const carriedOut = options.carriedOut ?? 2;
  const closed = received + carriedIn - carriedOut;
  const table3: Record<string, Cell[]> = Object.fromEntries(table3Keys(format).map((key) => [key, zeros()]));
  const outcomes = table3OutcomeKeys(format);
  const lastOutcome = outcomes[outcomes.length - 1] ?? '';
  const set = (row: string, person: number, business: number): void => {
    table3[row] = [person, business, 0, 0, 0, 0, person + business];
  };
  set(T3.received, received, 2);
  set(T3.carriedIn, carriedIn, 0);
  set(T3.disclosed, closed - 1, 2);
  set(lastOutcome, 1, 0);
  set(T3.total, closed, 2);
  set(T3.carriedOut, carriedOut, 0);
  const table2: AnnualReport['table2'] = {};
  for (const block of FORMATS[format].table2) {
    table2[block.label] = Object.fromEntries(
      block.rows.map((row) => [row, Object.fromEntries(block.columns.map((column) => [column, 0]))]),
    );
  }
  const report: AnnualReport = {
    format,
    year: options.year ?? (format === '2021' ? 2023 : 2020),
    agency: '示例市示例区人民政府',
    table2,
    table3_columns: [...TABLE3_COLUMNS],
    table3,
    table4_columns: [...TABLE4_COLUMNS],
    table4: [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0],
  };
  if (options.sections !== undefined) report.sections = options.sections;
  return report;
}

/** A deep copy with one table 三 cell changed. */
export function withTable3Cell(
  report: AnnualReport,
  row: string,
  column: string,
  value: unknown,
): AnnualReport {
  const copy = structuredClone(report);
  const values = copy.table3[row];
  const index = copy.table3_columns.indexOf(column);
  if (values === undefined || index < 0) throw new Error(`no cell ${row} / ${column}`);
  values[index] = value as Cell;
  return copy;
}

export function withTable2Cell(
  report: AnnualReport,
  block: string,
  row: string,
  column: string,
  value: unknown,
): AnnualReport {
  const copy = structuredClone(report);
  const cells = copy.table2[block]?.[row];
  if (cells === undefined) throw new Error(`no row ${block} / ${row}`);
  cells[column] = value as Cell;
  return copy;
}

export function withTable4Cell(report: AnnualReport, column: string, value: unknown): AnnualReport {
  const copy = structuredClone(report);
  const index = TABLE4_COLUMNS.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  copy.table4[index] = value as Cell;
  return copy;
}

/** The parts of a finding that tests assert exactly (the message is asserted separately). */
export function essentials(finding: {
  rule: string;
  table: string | null;
  row: string | null;
  column: string | null;
  expected: number | null;
  actual: number | null;
}): [string, string | null, string | null, string | null, number | null, number | null] {
  return [finding.rule, finding.table, finding.row, finding.column, finding.expected, finding.actual];
}
