// The three statutory tables as Word tables, with the same merged header structure as the HTML.
// Widths are explicit (grid, table and fixed layout) because Word, WPS and LibreOffice disagree on
// auto-fitted CJK tables; header rows repeat on every page and no row splits across pages.
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IRunOptions } from 'docx';
import {
  TABLE2_ROW_HEADER,
  TABLE3_COLUMNS,
  TABLE3_CORNER_HEADER,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_NOTE,
  TABLE3_TOTAL_COLUMN_INDEX,
  TABLE4_RESULTS,
} from '../../../core/report/format.ts';
import type { AnnualReport } from '../../../core/report/types.ts';
import {
  formatCell,
  table2ColumnSpan,
  table2Layout,
  table2Value,
  table3PrintedRows,
  table3Value,
  table4Value,
  TABLE4_LEAF_COLUMNS,
  TABLE4_LITIGATION_GROUPS,
  TABLE4_LITIGATION_LABEL,
  TABLE4_REVIEW_GROUP,
} from './report-model.ts';

/** A4 (11906 twips) less the usual 28 mm left and 26 mm right margins of government documents. */
export const TEXT_WIDTH_TWIPS = 8844;
export const BODY_FONT = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
export const HEADING_FONT = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };

const SIZE_WUHAO = 21; // 五号, in half-points
const SIZE_XIAOWU = 18; // 小五
const INDENT_PER_LEVEL = 420;

type Align = 'left' | 'center' | 'right';

interface CellSpec {
  readonly text: string;
  readonly bold?: boolean;
  readonly align?: Align;
  readonly columnSpan?: number;
  readonly rowSpan?: number;
  readonly depth?: number;
  readonly size?: number;
}

const ALIGNMENT: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

function runOptions(spec: CellSpec): IRunOptions {
  return { text: spec.text, bold: spec.bold === true, font: BODY_FONT, size: spec.size ?? SIZE_WUHAO };
}

function cell(spec: CellSpec): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    columnSpan: spec.columnSpan !== undefined && spec.columnSpan > 1 ? spec.columnSpan : undefined,
    rowSpan: spec.rowSpan !== undefined && spec.rowSpan > 1 ? spec.rowSpan : undefined,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: ALIGNMENT[spec.align ?? 'center'],
        indent: { firstLine: 0, left: (spec.depth ?? 0) * INDENT_PER_LEVEL },
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: spec.text === '' ? [] : [new TextRun(runOptions(spec))],
      }),
    ],
  });
}

function numberCell(text: string, size = SIZE_WUHAO, columnSpan = 1): TableCell {
  return cell({ text, align: 'center', size, columnSpan });
}

function headerRow(children: TableCell[]): TableRow {
  return new TableRow({ children, tableHeader: true, cantSplit: true });
}

function bodyRow(children: TableCell[]): TableRow {
  return new TableRow({ children, cantSplit: true });
}

/** Splits the text width: the label column first, the rest shared evenly by the number columns. */
function columnWidths(labelWidth: number, numberColumns: number): number[] {
  const each = Math.floor((TEXT_WIDTH_TWIPS - labelWidth) / numberColumns);
  const label = TEXT_WIDTH_TWIPS - each * numberColumns;
  return labelWidth === 0 ? spread(numberColumns) : [label, ...Array<number>(numberColumns).fill(each)];
}

function spread(columns: number): number[] {
  const each = Math.floor(TEXT_WIDTH_TWIPS / columns);
  const widths = Array<number>(columns).fill(each);
  widths[0] = TEXT_WIDTH_TWIPS - each * (columns - 1);
  return widths;
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

export function table2Docx(report: AnnualReport): Table {
  const layout = table2Layout(report);
  const rows: TableRow[] = [];
  for (const block of layout.blocks) {
    rows.push(
      bodyRow([cell({ text: block.label, bold: true, align: 'left', columnSpan: layout.dataColumns + 1 })]),
      bodyRow([
        cell({ text: TABLE2_ROW_HEADER, bold: true }),
        ...block.columns.map((column, index) =>
          cell({ text: column, bold: true, columnSpan: table2ColumnSpan(layout, block, index) }),
        ),
      ]),
      ...block.rows.map((label) =>
        bodyRow([
          cell({ text: label, align: 'left' }),
          ...block.columns.map((column, index) =>
            numberCell(
              formatCell(table2Value(report, block.label, label, column)),
              SIZE_WUHAO,
              table2ColumnSpan(layout, block, index),
            ),
          ),
        ]),
      ),
    );
  }
  return table(columnWidths(2844, layout.dataColumns), rows);
}

export function table3Docx(report: AnnualReport): Table {
  const legal = TABLE3_COLUMNS.slice(1, 6);
  const first = TABLE3_COLUMNS[0];
  const last = TABLE3_COLUMNS[TABLE3_TOTAL_COLUMN_INDEX];
  const rows: TableRow[] = [
    headerRow([
      cell({ text: TABLE3_NOTE, rowSpan: 3, size: SIZE_XIAOWU }),
      cell({ text: TABLE3_CORNER_HEADER, bold: true, columnSpan: TABLE3_COLUMNS.length }),
    ]),
    headerRow([
      cell({ text: first, bold: true, rowSpan: 2 }),
      cell({ text: TABLE3_LEGAL_PERSON_GROUP, bold: true, columnSpan: legal.length }),
      cell({ text: last, bold: true, rowSpan: 2 }),
    ]),
    headerRow(legal.map((column) => cell({ text: column, bold: true }))),
  ];
  for (const { row, depth } of table3PrintedRows(report)) {
    const key = row.key;
    if (key === null) {
      rows.push(
        bodyRow([
          cell({ text: row.label, bold: true, align: 'left', depth, columnSpan: TABLE3_COLUMNS.length + 1 }),
        ]),
      );
      continue;
    }
    rows.push(
      bodyRow([
        cell({ text: row.label, align: 'left', depth }),
        ...TABLE3_COLUMNS.map((_, index) => numberCell(formatCell(table3Value(report, key, index)))),
      ]),
    );
  }
  return table(columnWidths(3264, TABLE3_COLUMNS.length), rows);
}

export function table4Docx(report: AnnualReport): Table {
  const span = TABLE4_RESULTS.length;
  const rows: TableRow[] = [
    headerRow([
      cell({ text: TABLE4_REVIEW_GROUP.label, bold: true, columnSpan: span, rowSpan: 2, size: SIZE_XIAOWU }),
      cell({
        text: TABLE4_LITIGATION_LABEL,
        bold: true,
        columnSpan: span * TABLE4_LITIGATION_GROUPS.length,
        size: SIZE_XIAOWU,
      }),
    ]),
    headerRow(
      TABLE4_LITIGATION_GROUPS.map((group) =>
        cell({ text: group.label, bold: true, columnSpan: span, size: SIZE_XIAOWU }),
      ),
    ),
    headerRow(
      TABLE4_LEAF_COLUMNS.map((column) => cell({ text: column.result, bold: true, size: SIZE_XIAOWU })),
    ),
    bodyRow(
      TABLE4_LEAF_COLUMNS.map((_, index) => numberCell(formatCell(table4Value(report, index)), SIZE_XIAOWU)),
    ),
  ];
  return table(spread(TABLE4_LEAF_COLUMNS.length), rows);
}
