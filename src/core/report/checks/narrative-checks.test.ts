import { describe, expect, it } from 'vitest';
import { FORMATS, SECTION_TITLES, T3, TABLE3_COLUMNS, TABLE4_COLUMNS } from '../format.ts';
import type { AnnualReport } from '../types.ts';
import { statesFee } from './fee-statement.ts';
import { checkReport } from './index.ts';
import {
  buildReport,
  essentials,
  referenceReport,
  referenceSections,
  withTable3Cell,
} from './test-reports.ts';

const TOTAL = TABLE3_COLUMNS[6];
const FEE = '本年度未向申请人收取信息处理费。';
const [BLOCK_ONE] = FORMATS['2021'].table2;
const NORMATIVE_ROW = `${BLOCK_ONE?.label ?? ''}/${BLOCK_ONE?.rows[1] ?? ''}`;

function withOverview(report: AnnualReport, overview: string): AnnualReport {
  return { ...report, sections: { 一: overview, 五: '无。', 六: FEE } };
}

describe('narrative.figure', () => {
  const reference = referenceReport();

  it('warns when the reference narrative says 203 applications but table 三 says 202', () => {
    const sections = referenceSections();
    const report = {
      ...reference,
      sections: { ...sections, 一: sections['一']?.replace('申请202件', '申请203件') },
    };
    const findings = checkReport(report);
    expect(findings.map(essentials)).toEqual([['narrative.figure', '三', T3.received, TOTAL, 202, 203]]);
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.message).toBe(
      `正文“${SECTION_TITLES['一']}”部分称“受理政府信息公开申请203件”，但表三“${T3.received}”行“总计”列为202。`,
    );
  });

  it('accepts a received figure that includes the carried-over applications', () => {
    const report = buildReport({ received: 10, carriedIn: 1 });
    expect(checkReport(withOverview(report, '共受理政府信息公开申请13件'))).toEqual([]);
    expect(checkReport(withOverview(report, '共受理政府信息公开申请12件'))).toEqual([]);
    const findings = checkReport(withOverview(report, '共受理政府信息公开申请十一件'));
    expect(findings.map(essentials)).toEqual([['narrative.figure', '三', T3.received, TOTAL, 12, 11]]);
    expect(findings[0]?.message).toContain('申请十一件”（即11），但');
    expect(findings[0]?.message).toContain(`（加上“${T3.carriedIn}”为13）`);
  });

  it.each([
    ['全年办结申请200件', ['narrative.figure', '三', T3.total, TOTAL, 201, 200]],
    ['被申请行政复议4件', ['narrative.figure', '四', null, TABLE4_COLUMNS[4], 5, 4]],
    ['被提起行政诉讼3件', ['narrative.figure', '四', null, null, 4, 3]],
    ['全年制发行政规范性文件2件', ['narrative.figure', '二', NORMATIVE_ROW, BLOCK_ONE?.columns[0], 0, 2]],
    ['废止行政规范性文件1件', ['narrative.figure', '二', NORMATIVE_ROW, BLOCK_ONE?.columns[1], 0, 1]],
    ['现行有效行政规范性文件5件', ['narrative.figure', '二', NORMATIVE_ROW, BLOCK_ONE?.columns[2], 0, 5]],
  ])('compares %s with the tables', (text, finding) => {
    expect(checkReport(withOverview(reference, text)).map(essentials)).toEqual([finding]);
  });

  it.each(['全年办结申请201件', '被申请行政复议五件', '被提起行政诉讼4件', '行政诉讼案件共计四起'])(
    'stays quiet when %s agrees',
    (text) => {
      expect(checkReport(withOverview(reference, text))).toEqual([]);
    },
  );

  it('does not compare a figure with a blank table cell', () => {
    const report = withTable3Cell(reference, T3.received, TOTAL, null);
    const rules = checkReport(withOverview(report, '共受理政府信息公开申请203件')).map(
      (finding) => finding.rule,
    );
    expect(rules).toEqual(['value.blank']);
  });

  it('maps only 制发 onto the 2019 format (本年新制作数量)', () => {
    const block = FORMATS['2019'].table2[0];
    const report = withOverview(buildReport({ format: '2019' }), '制发规范性文件2件，废止规范性文件1件');
    expect(checkReport(report).map(essentials)).toEqual([
      ['narrative.figure', '二', `${block?.label ?? ''}/${block?.rows[1] ?? ''}`, block?.columns[0], 0, 2],
    ]);
  });
});

describe('narrative.fee-statement', () => {
  it.each([
    '严格按照《政府信息公开信息处理费管理办法》，2023年度未向申请人收取依申请公开事项信息处理费。',
    '本年度未收取任何费用。',
    '依申请公开免费提供。',
    '本年度收取信息处理费共计300元。',
    '本年度共收取费用1,200元。',
  ])('accepts %s', (text) => {
    expect(statesFee(text)).toBe(true);
  });

  it.each(['无。', '本年度无其他需要报告的事项。', '未发生行政复议案件。'])('rejects %s', (text) => {
    expect(statesFee(text)).toBe(false);
  });

  it('warns when section 六 says nothing about the fee', () => {
    const report = { ...buildReport(), sections: { 一: '概述', 六: '无。' } };
    expect(checkReport(report).map(essentials)).toEqual([
      ['narrative.fee-statement', null, null, null, null, null],
    ]);
  });

  it('warns when section 六 is missing, and not when no narrative was given', () => {
    const findings = checkReport({ ...buildReport(), sections: { 一: '概述' } });
    expect(findings.map((finding) => finding.rule)).toEqual(['narrative.fee-statement']);
    expect(findings[0]?.message).toContain('缺少');
    expect(checkReport(buildReport())).toEqual([]);
    expect(checkReport({ ...buildReport(), sections: {} })).toEqual([]);
  });
});
