import {
  FORMATS,
  SECTION_TITLES,
  TABLE2_ROW_HEADER,
  TABLE3_COLUMNS,
  TABLE3_CORNER_HEADER,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_NOTE,
  TABLE4_GROUPS,
  TABLE4_LITIGATION,
  TABLE4_RESULTS,
  TABLE4_REVIEW,
  TITLE_SUFFIX,
} from '../format.ts';
import type { FormatId, ReportFormat, Table2Block, Table3Row } from '../format.ts';
import { labelCore, normalizeForMatch } from './normalize.ts';

// The labels tables 二 and 三 print, in printed order, as the parser looks for them.

export type ExpectedLabel =
  | { readonly table: '二'; readonly kind: 'block'; readonly block: Table2Block; readonly core: string }
  | {
      readonly table: '二';
      readonly kind: 'row';
      readonly block: Table2Block;
      readonly row: string;
      readonly core: string;
    }
  | { readonly table: '三'; readonly kind: 'row'; readonly row: Table3Row; readonly core: string };

export function carriesValues(label: ExpectedLabel): boolean {
  if (label.table === '二') return label.kind === 'row';
  return label.row.key !== null;
}

export function core(label: string): string {
  return labelCore(normalizeForMatch(label));
}

export function expectedLabels(format: ReportFormat): ExpectedLabel[] {
  const table2 = format.table2.flatMap((block): ExpectedLabel[] => [
    { table: '二', kind: 'block', block, core: core(block.label) },
    ...block.rows.map((row): ExpectedLabel => ({ table: '二', kind: 'row', block, row, core: core(row) })),
  ]);
  const table3 = format.table3Rows.map((row): ExpectedLabel => ({
    table: '三',
    kind: 'row',
    row,
    core: core(row.label),
  }));
  return [...table2, ...table3];
}

/** Words of table 四's header, in the order they can first appear; the first found starts the table. */
export const TABLE4_ANCHORS: readonly string[] = [
  TABLE4_REVIEW,
  ...TABLE4_GROUPS.slice(1),
  TABLE4_LITIGATION,
].map((word) => normalizeForMatch(word));

// Header and note text that may reappear between rows (a table continued on a new page).
const HEADER_WORDS: readonly string[] = [
  ...new Set(
    [
      ...Object.values(SECTION_TITLES),
      TABLE2_ROW_HEADER,
      ...(['2019', '2021'] as const satisfies readonly FormatId[]).flatMap((id) =>
        FORMATS[id].table2.flatMap((block) => [
          ...block.columns,
          ...block.columns.map((column) => core(column)),
        ]),
      ),
      TABLE3_NOTE,
      TABLE3_CORNER_HEADER,
      TABLE3_LEGAL_PERSON_GROUP,
      ...TABLE3_COLUMNS,
      TABLE4_REVIEW,
      TABLE4_LITIGATION,
      ...TABLE4_GROUPS,
      ...TABLE4_RESULTS,
    ].map((word) => normalizeForMatch(word)),
  ),
]
  .filter((word) => word.length > 0)
  .sort((a, b) => b.length - a.length);

// A PDF's running page header repeats the report's title, e.g. at a page break inside table 三.
const RUNNING_TITLE = normalizeForMatch(TITLE_SUFFIX);

/** Column headers, section titles, notes and running titles: text that never labels a row. */
export function isHeaderText(norm: string): boolean {
  if (norm.includes(RUNNING_TITLE)) return true;
  let rest = norm;
  for (const word of HEADER_WORDS) {
    if (rest.length === 0) break;
    if (rest.includes(word)) rest = rest.split(word).join('');
  }
  return rest.replace(/[()\d]/gu, '').length <= 1;
}
