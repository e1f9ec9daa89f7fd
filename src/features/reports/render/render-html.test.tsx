import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  SECTION_IDS,
  SECTION_TITLES,
  TABLE2_ROW_HEADER,
  TABLE3_COLUMNS,
  TABLE3_CORNER_HEADER,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_NOTE,
  TABLE4_GROUPS,
  TABLE4_LITIGATION,
  TABLE4_RESULTS,
  TABLE4_REVIEW,
  table3Keys,
} from '../../../core/report/format.ts';
import type { FormatId } from '../../../core/report/format.ts';
import type { AnnualReport, Finding } from '../../../core/report/types.ts';
import { parseHtml, tableRows } from './html-test-helpers.ts';
import { renderReportHtml, ReportTables } from './index.ts';
import { referenceReport, report2019, reportWithBlanks } from './test-fixtures.ts';

function statutoryLabels(format: FormatId): string[] {
  const blocks = FORMATS[format].table2.flatMap((block) => [
    block.label,
    TABLE2_ROW_HEADER,
    ...block.columns,
    ...block.rows,
  ]);
  const table3Header = [TABLE3_NOTE, TABLE3_CORNER_HEADER, TABLE3_COLUMNS[0], TABLE3_LEGAL_PERSON_GROUP];
  const table3 = [
    ...table3Header,
    TABLE3_COLUMNS[6],
    ...TABLE3_COLUMNS.slice(1, 6),
    ...FORMATS[format].table3Rows.map((row) => row.label),
  ];
  const table4 = [
    TABLE4_REVIEW,
    TABLE4_LITIGATION,
    ...TABLE4_GROUPS.slice(1),
    ...TABLE4_GROUPS.flatMap(() => TABLE4_RESULTS),
  ];
  return [
    SECTION_TITLES['一'],
    SECTION_TITLES['二'],
    ...blocks,
    SECTION_TITLES['三'],
    ...table3,
    SECTION_TITLES['四'],
    ...table4,
    SECTION_TITLES['五'],
    SECTION_TITLES['六'],
  ];
}

/** The texts of headings and table cells in document order. */
function labelSequence(html: string): string[] {
  const parsed = parseHtml(html);
  return parsed.all((e) => ['h1', 'h2', 'th', 'td'].includes(e.name)).map((e) => parsed.text(e));
}

function expectSubsequence(sequence: readonly string[], expected: readonly string[]): void {
  let position = 0;
  for (const label of expected) {
    const found = sequence.indexOf(label, position);
    expect(found, `label 「${label}」 after position ${position}`).toBeGreaterThanOrEqual(0);
    position = found + 1;
  }
}

function expectNumbers(html: string, report: AnnualReport): void {
  const parsed = parseHtml(html);
  const cell = (id: string) => parsed.text(parsed.byTestId(id));
  FORMATS[report.format].table2.forEach((block, b) => {
    block.rows.forEach((row, r) => {
      block.columns.forEach((column, c) => {
        const value = report.table2[block.label]?.[row]?.[column];
        expect(cell(`t2-cell-${b}-${r}-${c}`)).toBe(
          value === null || value === undefined ? '' : String(value),
        );
      });
    });
  });
  table3Keys(report.format).forEach((key, r) => {
    expect(cell(`t3-label-${r}`)).toBe(
      FORMATS[report.format].table3Rows.find((row) => row.key === key)?.label,
    );
    report.table3[key]?.forEach((value, c) => {
      expect(cell(`t3-cell-${r}-${c}`)).toBe(value === null ? '' : String(value));
    });
  });
  report.table4.forEach((value, c) => {
    expect(cell(`t4-cell-${c}`)).toBe(value === null ? '' : String(value));
  });
}

describe('renderReportHtml', () => {
  const report = referenceReport();
  const html = renderReportHtml(report);
  const parsed = parseHtml(html);
  const th = (text: string) => {
    const found = parsed.all((e) => (e.name === 'th' || e.name === 'td') && parsed.text(e) === text);
    expect(found, text).toHaveLength(1);
    return found[0]?.attribs ?? {};
  };

  it('is a standalone zh-CN HTML5 document with the statutory title', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8"/>');
    const title = '沈阳市皇姑区人民政府2023年政府信息公开工作年度报告';
    expect(parsed.text(parsed.all((e) => e.name === 'title')[0] ?? parsed.root)).toBe(title);
    expect(parsed.text(parsed.all((e) => e.name === 'h1')[0] ?? parsed.root)).toBe(title);
    expect(html).not.toMatch(/<script|<link|src=|url\(/iu);
    expect(html).toMatch(/@media print/u);
    expect(html).toMatch(/size: A4/u);
    expect(html).toMatch(/display: table-header-group/u);
    expect(html).toMatch(/break-inside: avoid/u);
    expect(html).toMatch(/"仿宋_GB2312".*"宋体".*serif/u);
  });

  it('prints the six section headings in order with the narrative paragraphs', () => {
    const headings = parsed.all((e) => e.name === 'h2').map((e) => parsed.text(e));
    expect(headings).toEqual(SECTION_IDS.map((id) => SECTION_TITLES[id]));
    const paragraphs = parsed.all((e) => e.name === 'p').map((e) => parsed.text(e));
    const expected = ['一', '五', '六'].flatMap((id) => report.sections?.[id as '一']?.split('\n') ?? []);
    expect(paragraphs).toEqual(expected);
  });

  it('has every statutory label of the 2021 format in order', () => {
    expectSubsequence(labelSequence(html), statutoryLabels('2021'));
  });

  it('merges the headers as the national format does', () => {
    expect(th(TABLE3_LEGAL_PERSON_GROUP)).toMatchObject({ colspan: '5', scope: 'colgroup' });
    expect(th(TABLE3_CORNER_HEADER)).toMatchObject({ colspan: '7' });
    expect(th(TABLE3_NOTE)).toMatchObject({ rowspan: '3' });
    expect(th('自然人')).toMatchObject({ rowspan: '2', scope: 'col' });
    expect(th(TABLE4_LITIGATION)).toMatchObject({ colspan: '10' });
    expect(th(TABLE4_REVIEW)).toMatchObject({ colspan: '5', rowspan: '2' });
    expect(th('未经复议直接起诉')).toMatchObject({ colspan: '5' });
    expect(th('复议后起诉')).toMatchObject({ colspan: '5' });
    expect(th('第二十条第（一）项')).toMatchObject({ colspan: '4' });
    expect(th('三、本年度办理结果')).toMatchObject({ colspan: '8' });
    expect(th('（三）不予公开')).toMatchObject({ colspan: '8' });
    const table3Total = parsed.all(
      (e) => e.name === 'th' && parsed.text(e) === '总计' && e.attribs.rowspan === '2',
    );
    expect(table3Total).toHaveLength(1);
    for (const id of ['table2', 'table3', 'table4']) {
      const table = parsed.byTestId(id);
      expect(parsed.all((e) => e.name === 'caption' && e.parent === table)).toHaveLength(1);
    }
  });

  it('puts every number in its cell', () => {
    expectNumbers(html, report);
  });

  it('reads each table 三 data row as its label followed by its seven numbers', () => {
    const rows = tableRows(parsed, parsed.byTestId('table3'), 'tbody');
    const dataRows = rows.filter((cells) => cells.length > 1);
    expect(dataRows.map((cells) => cells[0])).toEqual(
      FORMATS['2021'].table3Rows.filter((row) => row.key !== null).map((row) => row.label),
    );
    table3Keys('2021').forEach((key, index) => {
      expect(dataRows[index]).toEqual([dataRows[index]?.[0], ...(report.table3[key] ?? []).map(String)]);
    });
    expect(rows.filter((cells) => cells.length === 1).map((cells) => cells[0])).toEqual(
      FORMATS['2021'].table3Rows.filter((row) => row.key === null).map((row) => row.label),
    );
  });

  it('links every number to existing header cells', () => {
    const ids = new Set(parsed.all((e) => e.attribs.id !== undefined).map((e) => e.attribs.id));
    const cells = parsed.all((e) => e.name === 'td' && e.attribs['data-testid'] !== undefined);
    expect(cells.length).toBeGreaterThan(25 * 7);
    for (const cell of cells) {
      const headers = (cell.attribs.headers ?? '').split(' ');
      expect(headers.length).toBeGreaterThanOrEqual(2);
      for (const header of headers) expect(ids.has(header), header).toBe(true);
    }
    expect(parsed.byTestId('t3-cell-4-1').attribs.headers).toBe(
      'report-t3-applicant report-t3-legal report-t3-c1 report-t3-r2 report-t3-r5 report-t3-r6',
    );
  });

  it('leaves blank cells empty instead of printing 0', () => {
    const blank = reportWithBlanks();
    const blankHtml = renderReportHtml(blank);
    const blankParsed = parseHtml(blankHtml);
    expect(blankParsed.text(blankParsed.byTestId('t3-cell-0-3'))).toBe('');
    expect(blankParsed.text(blankParsed.byTestId('t4-cell-7'))).toBe('');
    expect(blankParsed.text(blankParsed.byTestId('t2-cell-1-0-0'))).toBe('');
    expectNumbers(blankHtml, blank);
  });

  it('marks exactly the cells a finding refers to', () => {
    const findings: Finding[] = [
      {
        severity: 'error',
        rule: 't3.balance',
        table: '三',
        row: '（七）总计',
        column: '自然人',
        expected: 202,
        actual: 201,
        message: '表三自然人列：第一项加第二项之和（202）不等于第三项加第四项之和（201）。',
      },
      {
        severity: 'warning',
        rule: 'yoy.in-force',
        table: '二',
        row: '第二十条第（一）项/规章',
        column: '现行有效件数',
        expected: 1,
        actual: 0,
        message: '现行有效件数与上年数及本年增减不符。',
      },
      {
        severity: 'error',
        rule: 't4.group-total',
        table: '四',
        row: null,
        column: '复议后起诉/总计',
        expected: 1,
        actual: 2,
        message: '复议后起诉总计应为1。',
      },
    ];
    const marked = parseHtml(renderReportHtml(report, { findings }));
    const error = marked.all((e) => (e.attribs.class ?? '').includes('cell-error'));
    expect(error.map((e) => e.attribs['data-testid'])).toEqual(['t3-cell-23-0', 't4-cell-14']);
    expect(error[0]?.attribs).toMatchObject({
      'aria-invalid': 'true',
      title: findings[0]?.message,
      'data-finding-rule': 't3.balance',
    });
    const warning = marked.all((e) => (e.attribs.class ?? '').includes('cell-warning'));
    expect(warning.map((e) => e.attribs['data-testid'])).toEqual(['t2-cell-0-0-2']);
    expect(warning[0]?.attribs['aria-invalid']).toBeUndefined();
    expect(warning[0]?.attribs['data-finding-rule']).toBe('yoy.in-force');
  });

  it('escapes text from the report', () => {
    const hostile = {
      ...report,
      agency: '<script>alert(1)</script>',
      sections: { 一: '<img src=x onerror=alert(1)>' },
    };
    const escaped = renderReportHtml(hostile);
    expect(escaped).not.toContain('<script>');
    expect(escaped).not.toContain('<img');
    expect(escaped).toContain('&lt;script>');
  });

  it('uses the given title', () => {
    const titled = parseHtml(renderReportHtml(report, { title: '自定义标题' }));
    expect(titled.text(titled.all((e) => e.name === 'title')[0] ?? titled.root)).toBe('自定义标题');
  });
});

describe('renderReportHtml, 2019 format', () => {
  const report = report2019();
  const html = renderReportHtml(report);
  const parsed = parseHtml(html);

  it('has every statutory label of the 2019 format in order', () => {
    expectSubsequence(labelSequence(html), statutoryLabels('2019'));
    expect(html).not.toContain('1.申请人无正当理由逾期不补正');
  });

  it('puts every number in its cell, negatives and decimals included', () => {
    expectNumbers(html, report);
    expect(html).toMatch(/>-\d+<\/td>/u);
    expect(html).toMatch(/>\d+\.5<\/td>/u);
  });

  it('prints （六）其他处理 as one data row and stretches two-column blocks', () => {
    const rows = tableRows(parsed, parsed.byTestId('table3'), 'tbody');
    const other = rows.find((cells) => cells[0] === '（六）其他处理');
    expect(other).toEqual(['（六）其他处理', ...(report.table3['（六）其他处理'] ?? []).map(String)]);
    expect(parsed.byTestId('t2-cell-4-0-1').attribs.colspan).toBe('2');
    expect(parsed.byTestId('t2-cell-4-0-0').attribs.colspan).toBeUndefined();
  });
});

describe('ReportTables', () => {
  it('renders the three tables with the given findings and id prefix', () => {
    const report = referenceReport();
    const finding: Finding = {
      severity: 'warning',
      rule: 't3.row-total',
      table: '三',
      row: '（一）予以公开',
      column: null,
      expected: null,
      actual: null,
      message: '整行待核。',
    };
    const html = render(<ReportTables report={report} findings={[finding]} idPrefix="a" />);
    const parsed = parseHtml(html);
    for (const id of ['table2', 'table3', 'table4']) expect(parsed.byTestId(id).name).toBe('table');
    const marked = parsed.all((e) => (e.attribs.class ?? '').includes('cell-warning'));
    expect(marked.map((e) => e.attribs['data-testid'])).toEqual(
      TABLE3_COLUMNS.map((_, c) => `t3-cell-2-${c}`),
    );
    expect(parsed.all((e) => (e.attribs.id ?? '').startsWith('a-t3-')).length).toBeGreaterThan(0);
    expect(parsed.all((e) => e.name === 'thead').length).toBe(2);
  });
});
