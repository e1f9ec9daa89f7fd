// Layout and value lookups shared by every renderer, so that HTML, Markdown and DOCX print the same
// cells in the same order. Labels always come from core/report/format.ts.
import {
  FORMATS,
  SECTION_TITLES,
  TABLE3_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_LITIGATION,
  TABLE4_RESULTS,
  TABLE4_REVIEW,
  TITLE_SUFFIX,
} from '../../../core/report/format.ts';
import type { SectionId, Table2Block, Table3Row } from '../../../core/report/format.ts';
import type { AnnualReport, Cell } from '../../../core/report/types.ts';

/** A printed blank stays blank: null (or a missing value) is never shown as 0. */
export function formatCell(value: Cell | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value);
}

export function reportTitle(report: AnnualReport): string {
  const agency = report.agency ?? '';
  const year = report.year === null ? '' : `${report.year}年`;
  return `${agency}${year}${TITLE_SUFFIX}`;
}

/** A section title without its ordinal, e.g. 主动公开政府信息情况, for table captions. */
export function sectionSubject(id: SectionId): string {
  return SECTION_TITLES[id].replace(/^[一二三四五六]、/u, '');
}

/** Narrative paragraphs of a section: one per non-empty line. */
export function sectionParagraphs(report: AnnualReport, id: SectionId): string[] {
  const text = report.sections?.[id] ?? '';
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// ---------------------------------------------------------------------------------------------
// Table 二

export interface Table2Layout {
  /** Data columns of the widest block; narrower blocks stretch their last column. */
  readonly dataColumns: number;
  readonly blocks: readonly Table2Block[];
}

export function table2Layout(report: AnnualReport): Table2Layout {
  const blocks = FORMATS[report.format].table2;
  return { blocks, dataColumns: Math.max(...blocks.map((block) => block.columns.length)) };
}

/** How many grid columns a block's column spans: the last one absorbs the rest of the width. */
export function table2ColumnSpan(layout: Table2Layout, block: Table2Block, columnIndex: number): number {
  return columnIndex === block.columns.length - 1 ? layout.dataColumns - block.columns.length + 1 : 1;
}

export function table2Value(report: AnnualReport, block: string, row: string, column: string): Cell {
  return report.table2[block]?.[row]?.[column] ?? null;
}

/** The finding `row` key of a table 二 row. */
export function table2RowKey(block: string, row: string): string {
  return `${block}/${row}`;
}

// ---------------------------------------------------------------------------------------------
// Table 三

export interface Table3PrintedRow {
  readonly row: Table3Row;
  /** Position among the data rows (the rows with a key), or null for a header row. */
  readonly dataIndex: number | null;
  /** How far the label is set in: 0 top level, 1 under 三、, 2 under a group such as （三）. */
  readonly depth: number;
}

export function table3PrintedRows(report: AnnualReport): Table3PrintedRow[] {
  let dataIndex = 0;
  return FORMATS[report.format].table3Rows.map((row) => {
    const depth = row.kind === 'sub' ? 2 : row.kind === 'top' || row.kind === 'heading' ? 0 : 1;
    if (row.key === null) return { row, dataIndex: null, depth };
    return { row, dataIndex: dataIndex++, depth };
  });
}

export function table3Value(report: AnnualReport, key: string, columnIndex: number): Cell {
  const values = report.table3[key];
  if (values === undefined) return null;
  const column = TABLE3_COLUMNS[columnIndex];
  const position = column === undefined ? -1 : report.table3_columns.indexOf(column);
  return values[position >= 0 ? position : columnIndex] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Table 四

export interface Table4Group {
  readonly label: string;
  /** The key prefix in TABLE4_COLUMNS. */
  readonly key: string;
}

export const TABLE4_REVIEW_GROUP: Table4Group = { label: TABLE4_REVIEW, key: TABLE4_GROUPS[0] };
export const TABLE4_LITIGATION_GROUPS: readonly Table4Group[] = TABLE4_GROUPS.slice(1).map((group) => ({
  label: group,
  key: group,
}));
export const TABLE4_LITIGATION_LABEL = TABLE4_LITIGATION;

export interface Table4Column {
  /** `<group>/<result>`, as in TABLE4_COLUMNS. */
  readonly key: string;
  readonly group: string;
  readonly result: string;
  readonly underLitigation: boolean;
}

export const TABLE4_LEAF_COLUMNS: readonly Table4Column[] = TABLE4_GROUPS.flatMap((group, groupIndex) =>
  TABLE4_RESULTS.map((result) => ({
    key: `${group}/${result}`,
    group,
    result,
    underLitigation: groupIndex > 0,
  })),
);

/** A flat header for formats without merged cells, e.g. 行政诉讼/复议后起诉/结果维持. */
export function table4FlatLabel(column: Table4Column): string {
  return column.underLitigation ? `${TABLE4_LITIGATION}/${column.key}` : column.key;
}

export function table4Value(report: AnnualReport, columnIndex: number): Cell {
  const column = TABLE4_LEAF_COLUMNS[columnIndex];
  const position = column === undefined ? -1 : report.table4_columns.indexOf(column.key);
  return report.table4[position >= 0 ? position : columnIndex] ?? null;
}
