import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index.ts';
import { SECTION_TITLES } from '../format.ts';
import { printReport, syntheticReport } from './fixtures/synthetic-report.ts';
import { parseReport, readPlainText } from './index.ts';

/** Prints the synthetic report without the lines between two section headings (a table shown as a picture). */
function withoutSection(from: string, to: string): string {
  let skipping = false;
  return printReport(syntheticReport(), {
    layout: 'tabs',
    rewrite: (line) => {
      if (line === from) skipping = true;
      else if (line === to) skipping = false;
      else if (skipping) return [];
      return line;
    },
  });
}

describe('parseReport: a report whose table 二 or 四 cannot be found', () => {
  it('still reads table 三, and the checks report table 二 as incomplete', () => {
    const outcome = parseReport(readPlainText(withoutSection(SECTION_TITLES.二, SECTION_TITLES.三)));
    if (outcome.kind !== 'parsed') throw new Error(outcome.reason);
    expect(outcome.report.table2).toEqual({});
    expect(outcome.report.table3).toEqual(syntheticReport().table3);
    const findings = checkReport(outcome.report);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.table === '二' && f.rule === 'completeness.row')).toBe(true);
  });

  it('still reads tables 二 and 三 when table 四 has no numbers, reporting its cells as blank', () => {
    const outcome = parseReport(readPlainText(withoutSection(SECTION_TITLES.四, SECTION_TITLES.五)));
    if (outcome.kind !== 'parsed') throw new Error(outcome.reason);
    expect(outcome.report.table2).toEqual(syntheticReport().table2);
    expect(outcome.report.table4).toEqual(new Array(15).fill(null));
    const findings = checkReport(outcome.report);
    expect(findings.filter((f) => f.table === '四' && f.rule === 'value.blank')).toHaveLength(15);
  });

  it('still reads tables 二 and 三 when table 四 and its heading are missing', () => {
    const text = withoutSection(SECTION_TITLES.四, SECTION_TITLES.五)
      .split('\n')
      .filter((line) => line !== SECTION_TITLES.四)
      .join('\n');
    const outcome = parseReport(readPlainText(text));
    if (outcome.kind !== 'parsed') throw new Error(outcome.reason);
    expect(outcome.report.table4).toEqual([]);
    expect(
      checkReport(outcome.report)
        .filter((f) => f.table === '四')
        .map((f) => f.rule),
    ).toEqual(['completeness.column']);
  });

  it('is unreadable without table 三, naming it', () => {
    const outcome = parseReport(readPlainText(withoutSection(SECTION_TITLES.三, SECTION_TITLES.四)));
    expect(outcome).toEqual({ kind: 'unreadable', reason: '未找到表三（收到和处理政府信息公开申请情况）' });
  });
});

describe('parseReport: signs', () => {
  it('reads a negative count in a 2021 report as negative, so the checks can flag it', () => {
    const text = printReport(syntheticReport(), {
      layout: 'tabs',
      rewrite: (line) => (line.startsWith('（一）予以公开') ? '（一）予以公开\t-5\t1\t0\t0\t1\t0\t7' : line),
    });
    const outcome = parseReport(readPlainText(text));
    if (outcome.kind !== 'parsed') throw new Error(outcome.reason);
    expect(outcome.report.table3['（一）予以公开']?.[0]).toBe(-5);
    expect(checkReport(outcome.report).some((f) => f.rule === 'value.type' && f.actual === -5)).toBe(true);
  });
});
