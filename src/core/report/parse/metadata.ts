import type { DocLine } from '../document.ts';
import { FORMATS, TITLE_SUFFIX } from '../format.ts';
import type { FormatId } from '../format.ts';
import { foldWidth, labelCore, normalizeForMatch } from './normalize.ts';
import { lineText } from './sections.ts';

// The report's year, agency and format, read from its title, its statistics period and its tables.

/** The title is near the top; later lines are searched only for the statistics period. */
const TITLE_SEARCH_LINES = 80;
const MAX_AGENCY_LENGTH = 40;
/** A title is one short line; longer lines are not tried against the title pattern. */
const MAX_TITLE_LENGTH = 200;
const YEAR = '((?:19|20)\\d{2})';
const TITLE = new RegExp(`^(.*?)${YEAR}年度?(.*?)${TITLE_SUFFIX}`, 'u');
const PERIOD = new RegExp(`${YEAR}年0?1月0?1日(?:起)?至${YEAR}年12月31日`, 'u');
const YEAR_OF_REPORT = new RegExp(`${YEAR}年度`, 'u');
/** A name ending in an administrative division names its people's government. */
const DIVISION_SUFFIX = /(区|县|市|旗|州|省|自治区)$/u;
const GOVERNMENT = '人民政府';

export interface ReportIdentity {
  readonly year: number | null;
  readonly agency: string | null;
}

export function readIdentity(lines: readonly DocLine[]): ReportIdentity {
  let title: ReportIdentity | null = null;
  let periodYear: number | null = null;
  let yearOfReport: number | null = null;
  let previous = '';
  for (let index = 0; index < lines.length; index += 1) {
    const text = foldWidth(lineText(lines[index] ?? [])).replace(/\s/gu, '');
    if (text.length === 0) continue;
    if (title === null && index < TITLE_SEARCH_LINES && text.length <= MAX_TITLE_LENGTH) {
      // A long title may also break inside its suffix: `…2023年政府信息公开` / `工作年度报告`.
      const joined = previous + text;
      title = readTitle(text, previous) ?? (joined.length <= MAX_TITLE_LENGTH ? readTitle(joined, '') : null);
    }
    previous = text;
    if (periodYear === null) {
      const period = PERIOD.exec(text);
      if (period !== null && period[1] === period[2]) periodYear = Number(period[1]);
    }
    if (yearOfReport === null && index < TITLE_SEARCH_LINES) {
      const match = YEAR_OF_REPORT.exec(text);
      if (match !== null) yearOfReport = Number(match[1]);
    }
    if (title !== null && periodYear !== null) break;
  }
  return { year: title?.year ?? periodYear ?? yearOfReport, agency: title?.agency ?? null };
}

/** `previousLine` is the line before: a long title is often broken after the agency's name. */
function readTitle(text: string, previousLine: string): ReportIdentity | null {
  const match = TITLE.exec(text);
  if (match === null) return null;
  const before = cleanAgency(match[1] ?? '');
  const after = cleanAgency(match[3] ?? '');
  // `XX区2023年政府信息…` or `2023年度XX局政府信息…`; text on both sides is a breadcrumb, not a title.
  const printed = after.length === 0 ? before : before.length === 0 ? after : null;
  if (printed === null) return null;
  const agency = printed.length > 0 ? plausibleAgency(printed) : titleHead(previousLine);
  return { year: Number(match[2]), agency: agency === null ? null : governmentName(agency) };
}

function plausibleAgency(text: string): string | null {
  return text.length <= MAX_AGENCY_LENGTH && !/[>|/]/u.test(text) ? text : null;
}

// Site furniture that can stand alone above a title: a column name, not an agency.
const NOT_A_NAME = /公开|报告|年报|首页|栏目|专栏/u;

/** The first line of a title broken in two: a bare name, no sentence, date or breadcrumb. */
function titleHead(line: string): string | null {
  const name = cleanAgency(line);
  if (name.length < 2 || !/^\p{Script=Han}+$/u.test(name) || NOT_A_NAME.test(name)) return null;
  return plausibleAgency(name);
}

function cleanAgency(text: string): string {
  return text
    .replace(/^[《“"'\s]+|[》”"'\s]+$/gu, '')
    .replace(/关于$/u, '')
    .replace(/的$/u, '');
}

function governmentName(agency: string): string {
  return DIVISION_SUFFIX.test(agency) ? `${agency}${GOVERNMENT}` : agency;
}

// ---------------------------------------------------------------------------------------------
// Format: the labels only one of the two formats prints.

function formatLabels(id: FormatId): string[] {
  const format = FORMATS[id];
  const table2 = format.table2.flatMap((block) => [block.label, ...block.columns, ...block.rows]);
  const table3 = format.table3Rows.map((row) => row.label);
  return [...table2, ...table3].map((label) => labelCore(normalizeForMatch(label)));
}

/** Markers of a format: its labels that are not part of any label of the other format. */
function distinctiveLabels(id: FormatId, other: FormatId): string[] {
  const others = formatLabels(other);
  const markers = formatLabels(id).filter(
    (label) => label.length >= 4 && !others.some((otherLabel) => otherLabel.includes(label)),
  );
  return [...new Set(markers)];
}

const MARKERS: Readonly<Record<FormatId, readonly string[]>> = {
  '2019': distinctiveLabels('2019', '2021'),
  '2021': distinctiveLabels('2021', '2019'),
};

/** The format the tables are printed in, or null when their labels do not tell. */
export function formatByContent(normalizedDocument: string): FormatId | null {
  const score = (id: FormatId): number =>
    MARKERS[id].filter((marker) => normalizedDocument.includes(marker)).length;
  const score2019 = score('2019');
  const score2021 = score('2021');
  if (score2019 === score2021) return null;
  return score2019 > score2021 ? '2019' : '2021';
}
