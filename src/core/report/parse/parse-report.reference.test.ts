import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, readPlainText } from './index.ts';

// The real report scraped from a government site, shared with the other modules.
const REFERENCE = new URL('../../../../../shared/reference/reports/', import.meta.url);
const text = readFileSync(new URL('shenyang-huanggu-2023.txt', REFERENCE), 'utf8');
const expected = JSON.parse(
  readFileSync(new URL('shenyang-huanggu-2023.expected.json', REFERENCE), 'utf8'),
) as {
  agency: string;
  year: number;
  format: string;
  table2: unknown;
  table3_columns: string[];
  table3: unknown;
  table4_columns: string[];
  table4: unknown;
};

function parsedReference() {
  const outcome = parseReport(readPlainText(text));
  if (outcome.kind !== 'parsed') throw new Error(outcome.reason);
  return outcome.report;
}

describe('parseReport on the Shenyang Huanggu 2023 reference report', () => {
  it('reads the year, the agency and the format', () => {
    const report = parsedReference();
    expect(report.year).toBe(expected.year);
    expect(report.agency).toBe(expected.agency);
    expect(report.format).toBe(expected.format);
  });

  it('reads every number of tables 二, 三 and 四', () => {
    const report = parsedReference();
    expect(report.table2).toEqual(expected.table2);
    expect(report.table3_columns).toEqual(expected.table3_columns);
    expect(report.table3).toEqual(expected.table3);
    expect(report.table4_columns).toEqual(expected.table4_columns);
    expect(report.table4).toEqual(expected.table4);
  });

  it('has no parse findings', () => {
    expect(parsedReference().findings).toEqual([]);
  });

  it('returns the narrative sections 一, 五 and 六', () => {
    const sections = parsedReference().sections ?? {};
    expect(sections['一']?.startsWith('2023年,皇姑区贯彻执行')).toBe(true);
    expect(sections['一']?.endsWith('开展政务公开业务培训1次。')).toBe(true);
    expect(sections['五']?.split('\n')).toHaveLength(6);
    expect(sections['六']).toContain('未向申请人收取依申请公开事项信息处理费');
  });

  it('parses in a few milliseconds', () => {
    parsedReference();
    const started = performance.now();
    for (let round = 0; round < 10; round += 1) parsedReference();
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});
