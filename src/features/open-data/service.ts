// Open data (开放数据): the public statistics of a unit's year, as CSV and JSON, taken only from what was
// published. Tables 二 and 三 come from the latest published version of the annual report — a year
// without a published report has no open data — and the proactive publications per channel are counted
// from the public publication records of that year. No personal data is read.
import type { AppContext } from '../../app-context.ts';
import { CHANNEL_KIND_LABELS } from '../../core/channels/channels.ts';
import { FORMATS, table3Keys, type FormatId } from '../../core/report/format.ts';
import type { Cell } from '../../core/report/types.ts';
import { getPublishedReport } from '../annual-report/publish.ts';
import { publicationCounts } from '../channels/service.ts';
import { listPublishedYears, type PublishedYear } from './repo.ts';

export interface OpenDataSet {
  readonly unit: { readonly id: number; readonly name: string };
  readonly year: number;
  /** The published version of the annual report the tables come from. */
  readonly reportVersion: number;
  readonly reportFormat: FormatId;
  readonly report: string;
  /** Table 二: block → row → column → value, in the format's order. */
  readonly table2: readonly {
    readonly block: string;
    readonly row: string;
    readonly column: string;
    readonly value: Cell;
  }[];
  readonly table3Columns: readonly string[];
  /** Table 三: every data row of the format, in printed order. */
  readonly table3: readonly { readonly row: string; readonly values: readonly Cell[] }[];
  readonly publications: {
    readonly total: number;
    readonly byChannel: readonly { readonly kind: string; readonly name: string; readonly count: number }[];
  };
}

export function listOpenData(context: AppContext): Promise<PublishedYear[]> {
  return listPublishedYears(context.database.db);
}

/** The open data of the unit's year; NotFound when no report of that year was published. */
export async function getOpenData(context: AppContext, unitId: number, year: number): Promise<OpenDataSet> {
  const { unit, version, report } = await getPublishedReport(context, unitId, year);
  const format = FORMATS[report.format];
  const table2 = format.table2.flatMap((block) =>
    block.rows.flatMap((row) =>
      block.columns.map((column) => ({
        block: block.label,
        row,
        column,
        value: report.table2[block.label]?.[row]?.[column] ?? null,
      })),
    ),
  );
  const table3 = table3Keys(report.format).map((row) => ({
    row,
    values: report.table3_columns.map((_column, index) => report.table3[row]?.[index] ?? null),
  }));
  const counts = await publicationCounts(context.database.db, {
    unitIds: [unit.id],
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    reportVersion: version,
    reportFormat: report.format,
    report: `/disclosure/units/${unit.id}/annual-reports/${year}`,
    table2,
    table3Columns: report.table3_columns,
    table3,
    publications: {
      total: counts.total,
      byChannel: counts.byChannel.map((row) => ({
        kind: CHANNEL_KIND_LABELS[row.kind],
        name: row.name,
        count: row.count,
      })),
    },
  };
}
