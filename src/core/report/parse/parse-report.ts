import type { ReportDocument } from '../document.ts';
import {
  FORMATS,
  NARRATIVE_SECTION_IDS,
  SECTION_IDS,
  SECTION_TITLES,
  T3,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  formatForYear,
} from '../format.ts';
import type { FormatId, SectionId } from '../format.ts';
import type { AnnualReport, Finding } from '../types.ts';
import { TABLE4_ANCHORS, carriesValues, core, expectedLabels, isHeaderText } from './expected-labels.ts';
import { parseFinding } from './findings.ts';
import { findLabels } from './label-search.ts';
import type { LabelSpan } from './label-search.ts';
import { formatByContent, readIdentity } from './metadata.ts';
import { normalizeForMatch } from './normalize.ts';
import { sliceRows } from './row-slices.ts';
import { findSectionHeadings, lineText, sectionText } from './sections.ts';
import type { SectionHeadings } from './sections.ts';
import { buildTable2, foundAnyOfTable2 } from './table2.ts';
import { buildTable3 } from './table3.ts';
import { buildTable4 } from './table4.ts';
import { tokenizeLines } from './tokens.ts';
import type { TokenStream } from './tokens.ts';

export type ParseOutcome = { kind: 'parsed'; report: AnnualReport } | { kind: 'unreadable'; reason: string };

export interface ParseHints {
  /** Used when the document does not state its year. */
  year?: number;
  /** Used when neither the tables nor the year tell the format. */
  format?: FormatId;
}

/** Reads an annual report from a document. Never throws: an unreadable report says why. */
export function parseReport(doc: ReportDocument, hints: ParseHints = {}): ParseOutcome {
  try {
    return parseDocument(doc, hints);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'unreadable', reason: `解析报告时出错：${detail}` };
  }
}

function parseDocument(doc: ReportDocument, hints: ParseHints): ParseOutcome {
  const lines = doc.lines;
  const headings = findSectionHeadings(lines);
  const identity = readIdentity(lines);
  const year = identity.year ?? hints.year ?? null;

  const streamFrom = headings['二']?.line ?? firstTableLine(lines, headings['一']?.line ?? 0);
  const streamEnd = headings['五']?.line ?? headings['六']?.line ?? lines.length;
  const streamTo = streamEnd > streamFrom ? streamEnd : lines.length;

  const contentFormat = formatByContent(
    normalizeForMatch(lines.slice(streamFrom, streamTo).map(lineText).join('')),
  );
  const format: FormatId = contentFormat ?? hints.format ?? (year === null ? '2021' : formatForYear(year));
  const findings: Finding[] = [
    ...missingSectionFindings(headings),
    ...yearMismatchFindings(year, contentFormat),
  ];

  // A minus sign is read in every format: where a count may not be negative, the checks say so.
  const stream = tokenizeLines(lines, streamFrom, streamTo, { allowSign: true });
  const labels = expectedLabels(FORMATS[format]);
  const spans = findLabels(
    stream.text,
    labels.map((label) => label.core),
    0,
    stream.text.length,
    valueAtOf(stream),
  );
  const table4Start = findTable4Start(stream, spans, headings);
  const placements = spans.map((span, index) => {
    const label = labels[index];
    return span && label ? { span, carriesValues: carriesValues(label) } : null;
  });
  const slices = sliceRows(stream.tokens, placements, table4Start ?? stream.text.length, isHeaderText);

  const table3 = buildTable3(format, labels, slices);
  if (table3.kind === 'unreadable') return table3;
  // Table 三 is the heart of the report; without table 二 or 四 (e.g. printed as a picture) the rest can
  // still be checked, and the checks report the missing table as incomplete.
  const table2 = foundAnyOfTable2(labels, slices)
    ? buildTable2(FORMATS[format], labels, slices)
    : { table2: {}, findings: [] };
  const table4 =
    table4Start === null
      ? { table4: [], findings: [] }
      : buildTable4(stream.tokens, table4Start, stream.text.length);

  const report: AnnualReport = {
    format,
    year,
    agency: identity.agency,
    table2: table2.table2,
    table3_columns: [...TABLE3_COLUMNS],
    table3: table3.table3,
    table4_columns: [...TABLE4_COLUMNS],
    table4: table4.table4,
    sections: narrativeSections(lines, headings, streamFrom),
    findings: [...findings, ...table2.findings, ...table3.findings, ...table4.findings],
  };
  return { kind: 'parsed', report };
}

function valueAtOf(stream: TokenStream): (offset: number) => boolean {
  const positions = new Set<number>();
  for (const token of stream.tokens) if (token.kind === 'value') positions.add(token.pos);
  return (offset) => positions.has(offset);
}

const TABLE_START_CORES: readonly string[] = [
  ...FORMATS['2021'].table2.map((block) => core(block.label)),
  ...FORMATS['2019'].table2.map((block) => core(block.label)),
  core(T3.received),
];

/** Without a heading 二, the tables start at the first line naming a block of table 二 or row 一 of table 三. */
function firstTableLine(lines: ReportDocument['lines'], from: number): number {
  for (let index = from; index < lines.length; index += 1) {
    const text = normalizeForMatch(lineText(lines[index] ?? []));
    if (TABLE_START_CORES.some((start) => text.includes(start))) return index;
  }
  return from;
}

/** Table 四 starts at its first header word after the last row of table 三 (or at its heading). */
function findTable4Start(
  stream: TokenStream,
  spans: readonly (LabelSpan | null)[],
  headings: SectionHeadings,
): number | null {
  const after = spans.reduce((end, span) => Math.max(end, span?.end ?? 0), 0);
  const starts = TABLE4_ANCHORS.map((anchor) => stream.text.indexOf(anchor, after)).filter((at) => at !== -1);
  if (starts.length > 0) return Math.min(...starts);
  const headingLine = headings['四']?.line;
  if (headingLine === undefined) return null;
  const token = stream.tokens.find((candidate) => candidate.line >= headingLine);
  if (token === undefined) return null;
  const at = token.kind === 'text' ? token.start : token.pos;
  return at >= after ? at : null;
}

function missingSectionFindings(headings: SectionHeadings): Finding[] {
  return SECTION_IDS.filter((id) => headings[id] === undefined).map((id) =>
    parseFinding('completeness.section', {
      table: null,
      message: `未找到第${id}部分的标题“${SECTION_TITLES[id]}”`,
    }),
  );
}

function yearMismatchFindings(year: number | null, contentFormat: FormatId | null): Finding[] {
  if (year === null || contentFormat === null || formatForYear(year) === contentFormat) return [];
  const expected = FORMATS[formatForYear(year)];
  const used = FORMATS[contentFormat];
  return [
    parseFinding('format.year-mismatch', {
      table: null,
      expected: Number(expected.id),
      actual: Number(used.id),
      message: `${year}年度报告应使用${expected.id}年版格式（${expected.source}），但表格按${used.id}年版格式（${used.source}）填写`,
    }),
  ];
}

function narrativeSections(
  lines: ReportDocument['lines'],
  headings: SectionHeadings,
  tablesStart: number,
): Partial<Record<SectionId, string>> {
  const sections: Partial<Record<SectionId, string>> = {};
  const headingLines = SECTION_IDS.flatMap((id) => {
    const heading = headings[id];
    return heading ? [heading.line] : [];
  });
  for (const id of NARRATIVE_SECTION_IDS) {
    const heading = headings[id];
    if (heading === undefined) continue;
    const nextHeading = headingLines.find((line) => line > heading.line) ?? lines.length;
    const end = id === '一' && tablesStart > heading.line ? Math.min(nextHeading, tablesStart) : nextHeading;
    sections[id] = sectionText(lines, heading, end);
  }
  return sections;
}
