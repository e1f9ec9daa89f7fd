// Spec cross-check 9: figures stated in the narrative sections against the tables.
import {
  FORMATS,
  SECTION_TITLES,
  T3,
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN_INDEX,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_RESULTS,
  type FormatId,
} from '../format.ts';
import type { AnnualReport, Finding } from '../types.ts';
import { describePlace, makeFinding, quote, table2RowKey, type Place } from './finding.ts';
import { extractClaims, type Claim, type ClaimKind } from './narrative-claims.ts';
import { narrativeSections } from './narrative-text.ts';
import type { ReadTables } from './read-tables.ts';

/** What a claim is compared with: the table value, the values accepted as agreeing, and where it is. */
interface Reference {
  readonly place: Place;
  readonly expected: number;
  readonly accepted: readonly number[];
  /** How the table side reads in the message. */
  readonly description: string;
}

const TOTAL_COLUMN = TABLE3_COLUMNS[TABLE3_TOTAL_COLUMN_INDEX];
const RESULT_TOTAL = TABLE4_RESULTS[TABLE4_RESULTS.length - 1] ?? '';
const REVIEW_TOTAL_INDEX = TABLE4_RESULTS.length - 1;
const DIRECT_SUIT_TOTAL_INDEX = 2 * TABLE4_RESULTS.length - 1;
const SUIT_AFTER_REVIEW_TOTAL_INDEX = 3 * TABLE4_RESULTS.length - 1;

function table3Total(tables: ReadTables, row: string): number | undefined {
  return tables.table3.get(row)?.[TABLE3_TOTAL_COLUMN_INDEX];
}

function referenceFor(kind: ClaimKind, tables: ReadTables, format: FormatId): Reference | undefined {
  switch (kind) {
    case 'received': {
      const received = table3Total(tables, T3.received);
      if (received === undefined) return undefined;
      const carried = table3Total(tables, T3.carriedIn);
      const place: Place = { table: '三', row: T3.received, column: TOTAL_COLUMN };
      // Some reports count carried-over applications among those "受理" in the year.
      const withCarried = carried === undefined ? [] : [received + carried];
      const carriedNote =
        carried === undefined || carried === 0 ? '' : `（加上${quote(T3.carriedIn)}为${received + carried}）`;
      return {
        place,
        expected: received,
        accepted: [received, ...withCarried],
        description: `${describePlace(place)}为${received}${carriedNote}`,
      };
    }
    case 'closed': {
      const total = table3Total(tables, T3.total);
      if (total === undefined) return undefined;
      const place: Place = { table: '三', row: T3.total, column: TOTAL_COLUMN };
      return { place, expected: total, accepted: [total], description: `${describePlace(place)}为${total}` };
    }
    case 'review': {
      const total = tables.table4[REVIEW_TOTAL_INDEX];
      if (total === undefined) return undefined;
      const place: Place = { table: '四', row: null, column: TABLE4_COLUMNS[REVIEW_TOTAL_INDEX] ?? null };
      return { place, expected: total, accepted: [total], description: `${describePlace(place)}为${total}` };
    }
    case 'litigation': {
      const direct = tables.table4[DIRECT_SUIT_TOTAL_INDEX];
      const afterReview = tables.table4[SUIT_AFTER_REVIEW_TOTAL_INDEX];
      if (direct === undefined || afterReview === undefined) return undefined;
      const [, directGroup, afterReviewGroup] = TABLE4_GROUPS;
      const total = direct + afterReview;
      return {
        place: { table: '四', row: null, column: null },
        expected: total,
        accepted: [total],
        description:
          `表四${quote(`${directGroup}/${RESULT_TOTAL}`)}与${quote(`${afterReviewGroup}/${RESULT_TOTAL}`)}` +
          `之和为${total}`,
      };
    }
    case 'normative-issued':
    case 'normative-repealed':
    case 'normative-in-force':
      return normativeReference(kind, tables, format);
  }
}

// In both formats block 第二十条第（一）项 is first and its second row is the normative documents; the
// 2019 format has no 废止 column and its 对外公开总数量 is not the number in force, so only 制发 maps.
const NORMATIVE_COLUMN_INDEX: Readonly<Record<FormatId, Partial<Record<ClaimKind, number>>>> = {
  '2021': { 'normative-issued': 0, 'normative-repealed': 1, 'normative-in-force': 2 },
  '2019': { 'normative-issued': 0 },
};

function normativeReference(kind: ClaimKind, tables: ReadTables, format: FormatId): Reference | undefined {
  const block = FORMATS[format].table2[0];
  const row = block?.rows[1];
  const columnIndex = NORMATIVE_COLUMN_INDEX[format][kind];
  const column = columnIndex === undefined ? undefined : block?.columns[columnIndex];
  if (block === undefined || row === undefined || column === undefined) return undefined;
  const value = tables.table2(block.label, row, column);
  if (value === undefined) return undefined;
  const place: Place = { table: '二', row: table2RowKey(block.label, row), column };
  return { place, expected: value, accepted: [value], description: `${describePlace(place)}为${value}` };
}

function findingFor(claim: Claim, reference: Reference, sectionTitle: string): Finding {
  const spelledOut = claim.excerpt.includes(String(claim.value)) ? '' : `（即${claim.value}）`;
  return makeFinding(
    'narrative.figure',
    reference.place,
    reference.expected,
    claim.value,
    `正文${quote(sectionTitle)}部分称${quote(claim.excerpt)}${spelledOut}，但${reference.description}。`,
  );
}

export function checkNarrativeFigures(report: AnnualReport, tables: ReadTables): Finding[] {
  const year = typeof report.year === 'number' ? report.year : null;
  const findings: Finding[] = [];
  for (const section of narrativeSections(report)) {
    for (const claim of extractClaims(section.text, year)) {
      const reference = referenceFor(claim.kind, tables, report.format);
      if (reference === undefined || reference.accepted.includes(claim.value)) continue;
      findings.push(findingFor(claim, reference, SECTION_TITLES[section.id]));
    }
  }
  return findings;
}
