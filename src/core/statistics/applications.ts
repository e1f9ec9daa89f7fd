// The application statistics of an annual report, compiled from records by the counting rules of
// spec/annual-report.md ("Counting rules a system must apply…"): table 三 in the interchange shape, the
// applications received by channel as report texts name them, the on-time rate, and the ids behind
// every number so that each figure can be traced to its applications.
import { assertPlainDate, type PlainDate } from '../calendar/plain-date.ts';
import { findOutcome } from '../disclosure/outcomes.ts';
import { Invalid } from '../errors.ts';
import {
  T3,
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN_INDEX,
  formatForYear,
  table3Keys,
  type FormatId,
} from '../report/format.ts';

/** What the statistics need of one application: no personal data. */
export interface ApplicationRecord {
  readonly id: number;
  /** The legal receipt date (条例第三十一条). */
  readonly receivedOn: PlainDate;
  /** The channel code of the application (online, letter-registered, …). */
  readonly channel: string;
  /** The applicant column of table 三 recorded at registration (自然人, 商业企业, …). */
  readonly applicantType: string;
  /** The day it was answered or otherwise disposed of; null while open. */
  readonly closedOn: PlainDate | null;
  /** The outcome code (core/disclosure/outcomes.ts); read only when closed. */
  readonly outcome: string | null;
  /** Decided on or before the due date in force at the decision; null when no due date ran. */
  readonly onTime: boolean | null;
}

/** How annual reports name the channels in the narrative (e.g. “网络申请125件、信函邮寄40件”). */
export const REPORT_CHANNELS = ['网络申请', '信函邮寄', '邮箱申请', '现场申请', '传真申请', '其他'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

const REPORT_CHANNEL_OF: Readonly<Record<string, ReportChannel>> = {
  online: '网络申请',
  'letter-registered': '信函邮寄',
  'letter-ordinary': '信函邮寄',
  email: '邮箱申请',
  'in-person': '现场申请',
  // Oral applications are made on site and written down by staff (条例第二十九条).
  oral: '现场申请',
  fax: '传真申请',
};

/** The report's channel name of a channel code; any channel the report has no name for is 其他. */
export function reportChannelOf(channel: string): ReportChannel {
  return REPORT_CHANNEL_OF[channel] ?? '其他';
}

export interface OnTimeSummary {
  /** Applications closed in the year. */
  readonly closed: number;
  readonly onTime: number;
  readonly late: number;
  /** Closed without a due date in force (e.g. while a correction was awaited): neither on time nor late. */
  readonly unmeasured: number;
  /** onTime / (onTime + late); null when nothing closed in the year had a due date. */
  readonly rate: number | null;
}

export interface ApplicationStatistics {
  readonly year: number;
  readonly format: FormatId;
  /** Every data row of the year's format, 7 numbers in TABLE3_COLUMNS order, zeros included. */
  readonly table3: Record<string, number[]>;
  /** 本年新收 by the report's channel names. */
  readonly receivedByChannel: Record<ReportChannel, number>;
  readonly onTime: OnTimeSummary;
  /** The application ids behind every number above, in the same shapes. */
  readonly ids: {
    readonly table3: Record<string, number[][]>;
    readonly receivedByChannel: Record<ReportChannel, number[]>;
    readonly onTime: { readonly onTime: number[]; readonly late: number[]; readonly unmeasured: number[] };
  };
}

const APPLICANT_COLUMNS: readonly string[] = TABLE3_COLUMNS.slice(0, TABLE3_TOTAL_COLUMN_INDEX);

function applicantColumnOf(record: ApplicationRecord, field: string): number {
  const index = APPLICANT_COLUMNS.indexOf(record.applicantType);
  if (index < 0) {
    throw new Invalid(
      `${field}.applicantType`,
      `申请 ${record.id} 的申请人类型“${record.applicantType}”不是表三的列（${APPLICANT_COLUMNS.join('、')}）`,
    );
  }
  return index;
}

/** The table 三 row of a closed application's outcome in the year's format. */
function outcomeRowOf(record: ApplicationRecord, format: FormatId, field: string): string {
  const outcome = record.outcome === null ? undefined : findOutcome(record.outcome);
  if (outcome === undefined) {
    throw new Invalid(
      `${field}.outcome`,
      record.outcome === null
        ? `申请 ${record.id} 已于 ${record.closedOn ?? ''} 办结，但没有记录办理结果`
        : `申请 ${record.id} 的办理结果“${record.outcome}”不是可识别的办理结果`,
    );
  }
  return format === '2019' ? outcome.table3Row2019 : outcome.table3Row;
}

function checkedDates(record: ApplicationRecord, field: string): void {
  assertPlainDate(record.receivedOn, `${field}.receivedOn`);
  if (record.closedOn === null) return;
  assertPlainDate(record.closedOn, `${field}.closedOn`);
  if (record.closedOn < record.receivedOn) {
    throw new Invalid(
      `${field}.closedOn`,
      `申请 ${record.id} 的办结日期 ${record.closedOn} 早于收到申请日期 ${record.receivedOn}`,
    );
  }
}

class Tally {
  readonly table3: Record<string, number[][]>;
  readonly channels = Object.fromEntries(REPORT_CHANNELS.map((name) => [name, [] as number[]])) as Record<
    ReportChannel,
    number[]
  >;
  readonly onTime = { onTime: [] as number[], late: [] as number[], unmeasured: [] as number[] };

  constructor(format: FormatId) {
    this.table3 = Object.fromEntries(table3Keys(format).map((key) => [key, TABLE3_COLUMNS.map(() => [])]));
  }

  /** Counts one application in a row, under its applicant column and under 总计. */
  count(row: string, column: number, id: number): void {
    const cells = this.table3[row];
    if (cells === undefined) throw new Error(`table 三 has no row ${row}`);
    cells[column]?.push(id);
    cells[TABLE3_TOTAL_COLUMN_INDEX]?.push(id);
  }
}

/** Counts the applications of one report year. Invalid names the record that cannot be counted. */
export function compileApplicationStatistics(
  records: readonly ApplicationRecord[],
  year: number,
): ApplicationStatistics {
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) {
    throw new Invalid('year', `统计年度须为四位数的年份，收到：${String(year)}`);
  }
  const format = formatForYear(year);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const tally = new Tally(format);
  records.forEach((record, index) => {
    const field = `records[${index}]`;
    checkedDates(record, field);
    const closedOn = record.closedOn;
    const receivedInYear = record.receivedOn >= first && record.receivedOn <= last;
    const closedBefore = closedOn !== null && closedOn < first;
    const closedInYear = closedOn !== null && closedOn >= first && closedOn <= last;
    // Neither received by the end of the year nor still open at its start: not part of this year.
    if (record.receivedOn > last || closedBefore) return;
    const column = applicantColumnOf(record, field);
    if (receivedInYear) {
      tally.count(T3.received, column, record.id);
      tally.channels[reportChannelOf(record.channel)].push(record.id);
    } else {
      tally.count(T3.carriedIn, column, record.id);
    }
    if (closedInYear) {
      tally.count(outcomeRowOf(record, format, field), column, record.id);
      tally.count(T3.total, column, record.id);
      const verdict = record.onTime === null ? 'unmeasured' : record.onTime ? 'onTime' : 'late';
      tally.onTime[verdict].push(record.id);
    } else {
      tally.count(T3.carriedOut, column, record.id);
    }
  });
  const measured = tally.onTime.onTime.length + tally.onTime.late.length;
  return {
    year,
    format,
    table3: Object.fromEntries(
      Object.entries(tally.table3).map(([key, cells]) => [key, cells.map((ids) => ids.length)]),
    ),
    receivedByChannel: Object.fromEntries(
      REPORT_CHANNELS.map((name) => [name, tally.channels[name].length]),
    ) as Record<ReportChannel, number>,
    onTime: {
      closed: measured + tally.onTime.unmeasured.length,
      onTime: tally.onTime.onTime.length,
      late: tally.onTime.late.length,
      unmeasured: tally.onTime.unmeasured.length,
      rate: measured === 0 ? null : tally.onTime.onTime.length / measured,
    },
    ids: { table3: tally.table3, receivedByChannel: tally.channels, onTime: tally.onTime },
  };
}
