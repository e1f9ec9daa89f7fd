import { describe, expect, it } from 'vitest';
import { FORMATS, SECTION_TITLES, T3, TABLE3_COLUMNS } from '../format.ts';
import type { AnnualReport } from '../types.ts';
import { checkReport } from './index.ts';
import { bigramCosine } from './similarity.ts';
import {
  buildReport,
  essentials,
  referenceReport,
  referenceSections,
  withTable2Cell,
} from './test-reports.ts';

const [PERSON, , , , , , TOTAL] = TABLE3_COLUMNS;
const [BLOCK_ONE] = FORMATS['2021'].table2;
const [ISSUED, REPEALED, IN_FORCE] = BLOCK_ONE?.columns ?? [];
const NORMATIVE = BLOCK_ONE?.rows[1] ?? '';

function inForce(report: AnnualReport, issued: number, repealed: number, total: number): AnnualReport {
  const label = BLOCK_ONE?.label ?? '';
  let changed = withTable2Cell(report, label, NORMATIVE, ISSUED ?? '', issued);
  changed = withTable2Cell(changed, label, NORMATIVE, REPEALED ?? '', repealed);
  return withTable2Cell(changed, label, NORMATIVE, IN_FORCE ?? '', total);
}

describe('yoy.carry-over', () => {
  it('is quiet when 上年结转 equals last year’s 结转下年度继续办理', () => {
    const previous = buildReport({ year: 2022, carriedOut: 1 });
    expect(checkReport(buildReport({ carriedIn: 1 }), { previous })).toEqual([]);
  });

  it('warns per column when they differ', () => {
    const previous = buildReport({ year: 2022, carriedOut: 3 });
    const findings = checkReport(buildReport({ carriedIn: 1 }), { previous });
    expect(findings.map(essentials)).toEqual([
      ['yoy.carry-over', '三', T3.carriedIn, PERSON, 3, 1],
      ['yoy.carry-over', '三', T3.carriedIn, TOTAL, 3, 1],
    ]);
    expect(findings[0]?.message).toBe(
      `表三“${T3.carriedIn}”行“自然人”列为1，但2022年度报告“${T3.carriedOut}”行“自然人”列为3，两者应相等。`,
    );
  });

  it('does not compare reports of years that are not consecutive', () => {
    const previous = buildReport({ year: 2021, carriedOut: 3 });
    expect(checkReport(buildReport({ carriedIn: 1 }), { previous })).toEqual([]);
  });
});

describe('yoy.in-force', () => {
  it('checks 现行有效件数 = last year + 制发 − 废止 between 2021-format reports', () => {
    const previous = inForce(buildReport({ year: 2022, carriedOut: 1 }), 0, 0, 20);
    expect(checkReport(inForce(buildReport(), 3, 1, 22), { previous })).toEqual([]);
    const findings = checkReport(inForce(buildReport(), 3, 1, 23), { previous });
    expect(findings.map(essentials)).toEqual([
      ['yoy.in-force', '二', `${BLOCK_ONE?.label ?? ''}/${NORMATIVE}`, IN_FORCE, 22, 23],
    ]);
    expect(findings[0]?.message).toContain('2022年度报告的20');
  });

  it('skips the comparison when last year used the 2019 format', () => {
    const previous = buildReport({ format: '2019', year: 2020, carriedOut: 1 });
    expect(checkReport(inForce(buildReport({ year: 2021 }), 3, 1, 99), { previous })).toEqual([]);
  });
});

describe('narrative.boilerplate', () => {
  const sections = referenceSections();
  const fee = sections['六'] ?? '';

  it('warns when a section repeats last year’s with only the figures changed', () => {
    const overview = sections['一'] ?? '';
    const current = { ...referenceReport(), sections: { ...sections } };
    const previous = {
      ...referenceReport(),
      year: 2022,
      table3: { ...referenceReport().table3, [T3.carriedOut]: [0, 0, 0, 0, 0, 0, 0] },
      sections: { 一: overview.replace(/2023/g, '2022').replace(/202件/g, '180件'), 六: fee },
    };
    const findings = checkReport(current, { previous });
    expect(findings.map((finding) => [finding.rule, finding.expected, finding.actual])).toEqual([
      ['narrative.boilerplate', null, 100],
    ]);
    expect(findings[0]?.message).toContain(
      `“${SECTION_TITLES['一']}”部分与2022年度报告同一部分的相似度为100%`,
    );
  });

  it('ignores short sections such as the fee sentence, and different texts', () => {
    const current = { ...referenceReport(), sections: { ...sections } };
    const previous = {
      ...referenceReport(),
      year: 2022,
      table3: { ...referenceReport().table3, [T3.carriedOut]: [0, 0, 0, 0, 0, 0, 0] },
      sections: { 五: sections['一'] ?? '', 六: fee },
    };
    expect(checkReport(current, { previous })).toEqual([]);
  });

  it('measures similarity between 0 and 1', () => {
    expect(bigramCosine('政府信息公开', '政府信息公开')).toBeCloseTo(1);
    expect(bigramCosine('政府信息公开', '行政复议诉讼')).toBe(0);
    expect(bigramCosine('', '政府')).toBe(0);
    const overview = sections['一'] ?? '';
    expect(bigramCosine(overview, sections['五'] ?? '')).toBeLessThan(0.9);
  });
});
