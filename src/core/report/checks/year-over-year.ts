// Spec cross-checks 7, 8 and 10: this year's report against the same agency's previous one.
import { FORMATS, SECTION_TITLES, T3, TABLE3_COLUMNS, type FormatId, type SectionId } from '../format.ts';
import type { AnnualReport, Finding } from '../types.ts';
import { describePlace, makeFinding, quote, table2RowKey, type Place } from './finding.ts';
import { narrativeSections } from './narrative-text.ts';
import type { ReadTables } from './read-tables.ts';
import { bigramCosine, comparableLength } from './similarity.ts';

export const BOILERPLATE_THRESHOLD = 0.9;
/** Short sections (e.g. "本年度未收取信息处理费。") are legitimately the same every year. */
export const BOILERPLATE_MIN_LENGTH = 100;

function previousName(previous: AnnualReport): string {
  return typeof previous.year === 'number' ? `${previous.year}年度报告` : '上年报告';
}

/** Years that are both known and not consecutive make the numeric comparisons meaningless. */
function consecutive(report: AnnualReport, previous: AnnualReport): boolean {
  if (typeof report.year !== 'number' || typeof previous.year !== 'number') return true;
  return previous.year === report.year - 1;
}

function checkCarryOver(tables: ReadTables, previousTables: ReadTables, previous: AnnualReport): Finding[] {
  const carriedIn = tables.table3.get(T3.carriedIn);
  const carriedOut = previousTables.table3.get(T3.carriedOut);
  if (carriedIn === undefined || carriedOut === undefined) return [];
  const findings: Finding[] = [];
  TABLE3_COLUMNS.forEach((column, index) => {
    const now = carriedIn[index];
    const before = carriedOut[index];
    if (now === undefined || before === undefined || now === before) return;
    const place: Place = { table: '三', row: T3.carriedIn, column };
    findings.push(
      makeFinding(
        'yoy.carry-over',
        place,
        before,
        now,
        `${describePlace(place)}为${now}，但${previousName(previous)}${quote(T3.carriedOut)}行` +
          `${quote(column)}列为${before}，两者应相等。`,
      ),
    );
  });
  return findings;
}

/**
 * Only between two 2021-format reports: the 2019 format's 对外公开总数量 counts everything ever
 * published (repealed documents included), so it is not the number in force and is not compared.
 */
function checkInForce(
  tables: ReadTables,
  previousTables: ReadTables,
  format: FormatId,
  previous: AnnualReport,
): Finding[] {
  if (format !== '2021' || previous.format !== '2021') return [];
  const block = FORMATS[format].table2[0];
  if (block === undefined) return [];
  const [issuedColumn, repealedColumn, inForceColumn] = block.columns;
  if (issuedColumn === undefined || repealedColumn === undefined || inForceColumn === undefined) return [];
  const findings: Finding[] = [];
  for (const row of block.rows) {
    const before = previousTables.table2(block.label, row, inForceColumn);
    const issued = tables.table2(block.label, row, issuedColumn);
    const repealed = tables.table2(block.label, row, repealedColumn);
    const now = tables.table2(block.label, row, inForceColumn);
    if (before === undefined || issued === undefined || repealed === undefined || now === undefined) continue;
    const expected = before + issued - repealed;
    if (expected === now) continue;
    const place: Place = { table: '二', row: table2RowKey(block.label, row), column: inForceColumn };
    findings.push(
      makeFinding(
        'yoy.in-force',
        place,
        expected,
        now,
        `${describePlace(place)}应为${expected}（${previousName(previous)}的${before}` +
          `加${quote(issuedColumn)}${issued}减${quote(repealedColumn)}${repealed}），实为${now}。`,
      ),
    );
  }
  return findings;
}

function checkBoilerplate(report: AnnualReport, previous: AnnualReport): Finding[] {
  const before = new Map<SectionId, string>(narrativeSections(previous).map(({ id, text }) => [id, text]));
  const findings: Finding[] = [];
  for (const { id, text } of narrativeSections(report)) {
    const previousText = before.get(id);
    if (previousText === undefined) continue;
    if (comparableLength(text) < BOILERPLATE_MIN_LENGTH) continue;
    if (comparableLength(previousText) < BOILERPLATE_MIN_LENGTH) continue;
    const similarity = bigramCosine(text, previousText);
    if (similarity < BOILERPLATE_THRESHOLD) continue;
    const percent = Math.round(similarity * 1000) / 10;
    findings.push(
      makeFinding(
        'narrative.boilerplate',
        { table: null, row: null, column: null },
        null,
        percent,
        `正文${quote(SECTION_TITLES[id])}部分与${previousName(previous)}同一部分的相似度为${percent}%` +
          `（按字符二元组计算，已忽略数字），疑似沿用上年内容。`,
      ),
    );
  }
  return findings;
}

export function checkYearOverYear(
  report: AnnualReport,
  tables: ReadTables,
  previous: AnnualReport,
  previousTables: ReadTables,
): Finding[] {
  const numeric = consecutive(report, previous)
    ? [
        ...checkCarryOver(tables, previousTables, previous),
        ...checkInForce(tables, previousTables, report.format, previous),
      ]
    : [];
  return [...numeric, ...checkBoilerplate(report, previous)];
}
