import type { FormatId, SectionId } from './format.ts';

/** A number as printed in a report; `null` is a printed blank (never silently a zero). */
export type Cell = number | null;

export type Severity = 'error' | 'warning';
export type TableId = '二' | '三' | '四';

/** One result of checking a report, in the interchange JSON shape. */
export interface Finding {
  readonly severity: Severity;
  /** A stable rule id from RULES (rules.ts). */
  readonly rule: string;
  readonly table: TableId | null;
  /** Row key (table 三), `<block>/<row>` (table 二), or null. */
  readonly row: string | null;
  /** Column label, or null. */
  readonly column: string | null;
  readonly expected: number | null;
  readonly actual: number | null;
  /** A clear zh-CN sentence. */
  readonly message: string;
}

/** The interchange JSON of an annual report (see spec/annual-report.md, "Machine-readable form"). */
export interface AnnualReport {
  format: FormatId;
  year: number | null;
  agency: string | null;
  /** block label → row label → column label → value */
  table2: Record<string, Record<string, Record<string, Cell>>>;
  table3_columns: string[];
  /** row key → 7 values in the order of table3_columns */
  table3: Record<string, Cell[]>;
  table4_columns: string[];
  /** 15 values in the order of table4_columns */
  table4: Cell[];
  sections?: Partial<Record<SectionId, string>>;
  findings?: Finding[];
}
