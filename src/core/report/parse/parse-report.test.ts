import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../format.ts';
import type { AnnualReport } from '../types.ts';
import { syntheticReport, printReport } from './fixtures/synthetic-report.ts';
import type { Layout, PrintOptions, SyntheticReport } from './fixtures/synthetic-report.ts';
import { parseReport, readMarkdown, readPlainText } from './index.ts';
import type { ParseHints } from './index.ts';

function parsed(text: string, hints?: ParseHints): AnnualReport {
  const outcome = parseReport(readPlainText(text), hints);
  if (outcome.kind !== 'parsed') throw new Error(outcome.reason);
  return outcome.report;
}

function print(options: PrintOptions, report: SyntheticReport = syntheticReport()): string {
  return printReport(report, options);
}

/** Rewrites the printed line that starts with `start`. */
function replaceLine(start: string, by: string | string[]): (line: string) => string | string[] {
  return (line) => (line.startsWith(start) ? by : line);
}

function rules(report: AnnualReport): string[] {
  return (report.findings ?? []).map((finding) => finding.rule);
}

function expectTables(report: AnnualReport, expected: SyntheticReport): void {
  expect(report.table2).toEqual(expected.table2);
  expect(report.table3).toEqual(expected.table3);
  expect(report.table4).toEqual(expected.table4);
}

describe('parseReport: layouts', () => {
  const layouts: Layout[] = ['cells', 'tabs', 'pipes', 'spaces'];
  for (const format of ['2021', '2019'] as const) {
    for (const layout of layouts) {
      it(`reads a ${format}-format report printed as ${layout}`, () => {
        const expected = syntheticReport(format);
        const report = parsed(print({ layout }, expected));
        expect(report.format).toBe(format);
        expect(report.year).toBe(expected.year);
        expect(report.agency).toBe('示例市示例区人民政府');
        expectTables(report, expected);
        expect(report.findings).toEqual([]);
      });
    }
  }

  it('reads the 2019 format: signed 本年增/减, （九）项 and a single （六）其他处理 row', () => {
    const report = parsed(print({ layout: 'tabs' }, syntheticReport('2019')));
    expect(report.table2['第二十条第（五）项']?.['行政许可']?.['本年增/减']).toBe(-2);
    expect(report.table2['第二十条第（九）项']?.['政府集中采购']?.['采购总金额']).toBe(36.8);
    expect(report.table3['（六）其他处理']).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(Object.keys(report.table3)).toHaveLength(23);
  });

  it('reads full-width digits, full-width separators and thousands separators', () => {
    const toFullWidth = (line: string): string =>
      line
        .replace(/[0-9,.]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
        .replace(/\t/gu, '\u3000');
    const expected = syntheticReport();
    const report = parsed(print({ layout: 'tabs', rewrite: toFullWidth }, expected));
    expect(report.table2['第二十条第（五）项']?.['行政许可']?.['本年处理决定数量']).toBe(1234);
    expectTables(report, expected);
  });

  it('reads a Markdown conversion with page numbers, running headers and a table continued on a new page', () => {
    const markdown = readFileSync(new URL('fixtures/ours-2022-pdf-conversion.md', import.meta.url), 'utf8');
    const outcome = parseReport(readMarkdown(markdown));
    if (outcome.kind !== 'parsed') throw new Error(outcome.reason);
    const expected = syntheticReport('2021', 2022);
    expect(outcome.report.year).toBe(2022);
    expect(outcome.report.agency).toBe('示例市示例局');
    expectTables(outcome.report, expected);
    expect(outcome.report.findings).toEqual([]);
    expect(outcome.report.sections?.['一']).not.toContain('年度报告');
    expect(outcome.report.sections?.['五']).toContain('个别栏目更新较慢');
  });
});

describe('parseReport: label variants', () => {
  const expected = syntheticReport();

  it('reads labels broken over lines', () => {
    const rewrite = (line: string): string | string[] => {
      if (line.startsWith('（二）部分公开'))
        return ['（二）部分公开（区分处理的，', '只计这一情形，不计其他情形）'];
      if (line.startsWith('5.要求行政机关')) return ['5.要求行政机关确认或', '重新出具已获取信息'];
      return line;
    };
    const report = parsed(print({ layout: 'cells', rewrite }));
    expectTables(report, expected);
    expect(report.findings).toEqual([]);
  });

  it('gives the numbers inside a wrapped label to that label', () => {
    const rewrite = replaceLine('（二）部分公开', [
      '（二）部分公开（区分处理的，只计这',
      '2\t0\t0\t0\t0\t0\t2',
      '一情形，不计其他情形）',
    ]);
    const report = parsed(print({ layout: 'tabs', rewrite }));
    expectTables(report, expected);
    expect(report.findings).toEqual([]);
  });

  it('ignores parenthetical annotations after a label', () => {
    const rewrite = (line: string): string =>
      line
        .replace('（一）予以公开', '（一）予以公开（含告知获取途径的）')
        .replace('1.本机关不掌握相关政府信息', '1.本机关不掌握相关政府信息(含信息不存在的)');
    const report = parsed(print({ layout: 'tabs', rewrite }));
    expectTables(report, expected);
    expect(report.findings).toEqual([]);
  });

  it('matches local variants and typos of labels approximately', () => {
    const rewrite = (line: string): string =>
      line
        .replace('3.危及“三安全一稳定”', "3、危及'三安全、一稳定'")
        .replace('4.无正当理由大量反复申请', '4.无正当理由大量、反复申请的')
        .replace('（五）不予处理', '(五)不予以处理')
        .replace('行政规范性文件', '行政规范性文件（含其他文件）');
    const report = parsed(print({ layout: 'tabs', rewrite }));
    expectTables(report, expected);
    expect(report.findings).toEqual([]);
  });

  it('accepts heading variants', () => {
    const report = parsed(
      print({
        layout: 'tabs',
        headings: {
          二: '二、主动公开政府信息情况',
          四: '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况',
          五: '五、政府信息公开工作存在的主要问题及改进情况',
        },
        rewrite: (line) => line.replace('二、主动公开政府信息情况', '二、 主动公开政府信息情况。'),
      }),
    );
    expectTables(report, expected);
    expect(report.findings).toEqual([]);
    expect(report.sections?.['五']).toBe('（一）存在的主要问题。个别单位公开不及时。');
  });

  it('reports a missing heading and still reads the tables by their content', () => {
    const missing = [SECTION_TITLES['二'], SECTION_TITLES['五']];
    const report = parsed(print({ layout: 'tabs', rewrite: (line) => (missing.includes(line) ? [] : line) }));
    expectTables(report, expected);
    expect(report.findings?.map((finding) => [finding.rule, finding.severity])).toEqual([
      ['completeness.section', 'error'],
      ['completeness.section', 'error'],
    ]);
    expect(report.findings?.[0]?.message).toContain(SECTION_TITLES['二']);
  });
});

describe('parseReport: numbers', () => {
  it('reads a printed blank as null, never 0', () => {
    const rewrite = replaceLine('（一）予以公开', '（一）予以公开\t5\t1\t\t0\t1\t0\t7');
    const report = parsed(print({ layout: 'tabs', rewrite }));
    expect(report.table3['（一）予以公开']).toEqual([5, 1, null, 0, 1, 0, 7]);
    expect(report.findings).toEqual([]);
  });

  it('reads blank markers (-, —, /, 无) as null', () => {
    const rewrite = replaceLine('（一）予以公开', '（一）予以公开   5   -   —   /   无   0   7');
    const report = parsed(print({ layout: 'spaces', rewrite }));
    expect(report.table3['（一）予以公开']).toEqual([5, null, null, null, null, 0, 7]);
  });

  it('splits flattened rows of tables 三 and 四 uniquely by the row and column totals', () => {
    const expected = syntheticReport();
    const report = parsed(print({ layout: 'flattened' }, expected));
    expect(report.table3).toEqual(expected.table3);
    expect(report.table4).toEqual(expected.table4);
    // Table 二 has no totals: 3112 could be 3,1,12 or 3,11,2 or 31,1,2.
    expect(report.table2['第二十条第（一）项']?.['行政规范性文件']).toEqual({
      本年制发件数: null,
      本年废止件数: null,
      现行有效件数: null,
    });
    expect(report.findings).toHaveLength(1);
    expect(report.findings?.[0]).toMatchObject({ rule: 'parse.ambiguous', table: '二', actual: 3 });
  });

  it('reads the flattened example of the format (153002121 = 15,3,0,0,2,1,21)', () => {
    const rewrite = replaceLine('一、本年新收', '一、本年新收政府信息公开申请数量153002121');
    const report = parsed(print({ layout: 'tabs', rewrite }));
    expect(report.table3['一、本年新收政府信息公开申请数量']).toEqual([15, 3, 0, 0, 2, 1, 21]);
    expect(report.findings).toEqual([]);
  });

  // （一） = 10,1,0,0,0,0,11 prints as 101000011, which is also 1,0,10,0,0,0,11.
  const withAmbiguousRow = (): SyntheticReport => {
    const base = syntheticReport();
    return {
      ...base,
      table3: {
        ...base.table3,
        '一、本年新收政府信息公开申请数量': [20, 3, 0, 0, 1, 1, 25],
        '（一）予以公开': [10, 1, 0, 0, 0, 0, 11],
        '（七）总计': [19, 2, 0, 0, 1, 1, 23],
      },
    };
  };

  it('resolves a flattened row with several splits by the column relations of table 三', () => {
    const expected = withAmbiguousRow();
    const rewrite = replaceLine('（一）予以公开', '（一）予以公开\t101000011');
    const report = parsed(print({ layout: 'tabs', rewrite }, expected));
    expect(report.table3['（一）予以公开']).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(report.findings).toEqual([]);
  });

  it('reports a flattened row that stays ambiguous and leaves it blank', () => {
    const rewrite = (line: string): string => {
      if (line.startsWith('（一）予以公开')) return '（一）予以公开\t101000011';
      if (line.startsWith('（七）总计')) return '（七）总计\t\t\t\t0\t1\t1\t23';
      return line;
    };
    const report = parsed(print({ layout: 'tabs', rewrite }, withAmbiguousRow()));
    expect(report.table3['（一）予以公开']).toEqual([null, null, null, null, null, null, null]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'parse.ambiguous',
        severity: 'error',
        table: '三',
        row: '（一）予以公开',
        actual: 2,
      }),
    ]);
    expect(report.findings?.[0]?.message).toContain('101000011');
  });

  it('reports too few or too many numbers in a row', () => {
    const rewrite = (line: string): string => {
      if (line.startsWith('2.重复申请')) return '2.重复申请\t1\t0\t0';
      if (line.startsWith('3.要求提供公开出版物')) return '3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0\t5';
      return line;
    };
    const report = parsed(print({ layout: 'tabs', rewrite }));
    expect(report.table3['（五）2.重复申请']).toEqual([null, null, null, null, null, null, null]);
    expect(report.table3['（五）3.要求提供公开出版物']).toEqual([null, null, null, null, null, null, null]);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'parse.count', row: '（五）2.重复申请', expected: 7, actual: 3 }),
      expect.objectContaining({
        rule: 'parse.count',
        row: '（五）3.要求提供公开出版物',
        expected: 7,
        actual: 8,
      }),
    ]);
  });

  it('does not hang on a 60-digit run', () => {
    const started = performance.now();
    const rewrite = replaceLine('（一）予以公开', `（一）予以公开\t${'1234567890'.repeat(6)}`);
    const report = parsed(print({ layout: 'tabs', rewrite }));
    expect(rules(report)).toEqual(['parse.count']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseReport: structure', () => {
  it('warns about a row that is not in the national format and keeps its numbers apart', () => {
    const rewrite = (line: string): string | string[] =>
      line.startsWith('8.属于行政查询事项') ? [line, '9.属于工作秘密\t1\t0\t0\t0\t0\t0\t1'] : line;
    const expected = syntheticReport();
    const report = parsed(print({ layout: 'tabs', rewrite }, expected));
    expect(report.table3).toEqual(expected.table3);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'format.nonstandard-row',
        severity: 'warning',
        table: '三',
        row: '9.属于工作秘密',
      }),
    ]);
  });

  it('cannot read a report whose table 三 lacks a group header', () => {
    const outcome = parseReport(
      readPlainText(print({ layout: 'tabs', rewrite: replaceLine('（四）无法提供', []) })),
    );
    expect(outcome).toEqual({ kind: 'unreadable', reason: '表三缺少行：（四）无法提供' });
  });

  it('cannot read a report whose table 三 lacks a data row', () => {
    const outcome = parseReport(
      readPlainText(print({ layout: 'tabs', rewrite: replaceLine('2.重复申请', []) })),
    );
    expect(outcome).toEqual({ kind: 'unreadable', reason: '表三缺少行：（五）2.重复申请' });
  });

  it('cannot read a report without table 三', () => {
    let inTable3 = false;
    const rewrite = (line: string): string | string[] => {
      if (line === SECTION_TITLES['三']) inTable3 = true;
      if (line === SECTION_TITLES['四']) inTable3 = false;
      return inTable3 ? [] : line;
    };
    const outcome = parseReport(readPlainText(print({ layout: 'tabs', rewrite })));
    expect(outcome).toEqual({ kind: 'unreadable', reason: '未找到表三（收到和处理政府信息公开申请情况）' });
  });

  it('cannot read text that is not a report', () => {
    expect(parseReport(readPlainText('今天天气很好。\n\n明天也好。'))).toMatchObject({ kind: 'unreadable' });
    expect(parseReport(readPlainText(''))).toMatchObject({ kind: 'unreadable' });
  });
});

describe('parseReport: year, agency and format', () => {
  it('warns when the tables use the format of another year, and follows the tables', () => {
    const report = parsed(print({ layout: 'tabs' }, syntheticReport('2019', 2022)));
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2022);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'format.year-mismatch', severity: 'warning' }),
    ]);
  });

  it('reads the year from the statistics period when the title has none, or from the hints', () => {
    const withoutTitle = (line: string): string | string[] => (line.endsWith('年度报告') ? [] : line);
    expect(parsed(print({ layout: 'tabs', rewrite: withoutTitle })).year).toBe(2023);
    const withoutYear = (line: string): string | string[] =>
      /\d{4}年/u.test(line) && !line.includes('\t') ? [] : line;
    const report = parsed(print({ layout: 'tabs', rewrite: withoutYear }), { year: 2024 });
    expect(report.year).toBe(2024);
    expect(report.agency).toBeNull();
  });

  it('names the agency as printed, or the government of a division', () => {
    const title = (printed: string) => (line: string) => (line.endsWith('年度报告') ? printed : line);
    const agencyOf = (printed: string) => parsed(print({ layout: 'tabs', rewrite: title(printed) })).agency;
    expect(agencyOf('示例市示例局2023年政府信息公开工作年度报告')).toBe('示例市示例局');
    expect(agencyOf('示例省2023年度政府信息公开工作年度报告')).toBe('示例省人民政府');
    expect(agencyOf('2023年度示例县教育局政府信息公开工作年度报告')).toBe('示例县教育局');
    expect(agencyOf('首页 -> 年报 -> 2023年 -> 政府信息公开工作年度报告')).toBeNull();
  });
});

describe('parseReport: a title broken inside its suffix (as a PDF prints a long title)', () => {
  it('reads the agency and year across the two lines', () => {
    const text = print({
      layout: 'tabs',
      rewrite: (line) =>
        line.endsWith('年政府信息公开工作年度报告')
          ? [line.replace('工作年度报告', ''), '工作年度报告']
          : line,
    });
    const report = parsed(text);
    expect(report.agency).toBe('示例市示例区人民政府');
    expect(report.year).toBe(syntheticReport().year);
  });
});
