import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  SECTION_IDS,
  SECTION_TITLES,
  TABLE2_ROW_HEADER,
  TABLE3_NOTE,
  table3Keys,
} from '../../../core/report/format.ts';
import type { AnnualReport, Cell } from '../../../core/report/types.ts';
import { renderReportMarkdown } from './index.ts';
import { referenceReport, report2019, reportWithBlanks } from './test-fixtures.ts';

const cellText = (value: Cell | undefined) => (value === null || value === undefined ? '' : String(value));
const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

function expectTable3Rows(markdown: string, report: AnnualReport): void {
  const lines = markdown.split('\n');
  for (const key of table3Keys(report.format)) {
    const label = FORMATS[report.format].table3Rows.find((row) => row.key === key)?.label ?? '';
    const expected = line([label, ...(report.table3[key] ?? []).map(cellText)]);
    expect(
      lines.filter((candidate) => candidate.startsWith(`| ${label} |`)),
      key,
    ).toEqual([expected]);
  }
}

describe('renderReportMarkdown', () => {
  const report = referenceReport();
  const markdown = renderReportMarkdown(report);
  const lines = markdown.split('\n');

  it('has the title and the six section headings in order', () => {
    expect(lines[0]).toBe('# 沈阳市皇姑区人民政府2023年政府信息公开工作年度报告');
    const headings = lines.filter((text) => text.startsWith('## '));
    expect(headings).toEqual(SECTION_IDS.map((id) => `## ${SECTION_TITLES[id]}`));
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('prints the narrative paragraphs as paragraphs', () => {
    const first = report.sections?.['一']?.split('\n')[0] ?? '';
    expect(lines).toContain(first);
    expect(lines).toContain(report.sections?.['六']);
  });

  it('has one `| label | 7 numbers |` line per table 三 row key', () => {
    expectTable3Rows(markdown, report);
  });

  it('prints header rows without numbers as one-cell rows and flattens the merged header', () => {
    for (const row of FORMATS['2021'].table3Rows.filter((candidate) => candidate.key === null)) {
      expect(lines).toContain(`| ${row.label} |`);
    }
    expect(lines).toContain(TABLE3_NOTE);
    expect(markdown).toContain('| 申请人情况 | 自然人 | 法人或其他组织/商业企业 |');
    expect(markdown).toContain('| 法人或其他组织/其他 | 总计 |');
  });

  it('prints table 二 as one pipe table per block', () => {
    for (const block of FORMATS['2021'].table2) {
      const start = lines.indexOf(`### ${block.label}`);
      expect(start).toBeGreaterThan(0);
      expect(lines[start + 2]).toBe(line([TABLE2_ROW_HEADER, ...block.columns]));
      block.rows.forEach((row, index) => {
        const values = block.columns.map((column) => cellText(report.table2[block.label]?.[row]?.[column]));
        expect(lines[start + 4 + index]).toBe(line([row, ...values]));
      });
    }
  });

  it('prints table 四 as flattened headers over one row of 15 numbers', () => {
    const header = lines.findIndex((text) => text.startsWith('| 行政复议/结果维持 |'));
    expect(lines[header]).toContain('| 行政诉讼/未经复议直接起诉/结果维持 |');
    expect(lines[header]).toContain('| 行政诉讼/复议后起诉/总计 |');
    expect(lines[header + 2]).toBe(line(report.table4.map(cellText)));
  });

  it('leaves blank cells empty', () => {
    const blank = reportWithBlanks();
    const blankMarkdown = renderReportMarkdown(blank);
    expect(blankMarkdown).toContain('| 一、本年新收政府信息公开申请数量 | 202 | 0 | 0 |  | 0 | 0 | 202 |');
    expect(blankMarkdown).toContain('| 行政许可 |  |');
    expectTable3Rows(blankMarkdown, blank);
  });

  it('keeps narrative text from becoming Markdown structure', () => {
    const tricky = { ...report, sections: { 一: '1.第一项*要点*\n# 不是标题\n|竖线|' } };
    const trickyLines = renderReportMarkdown(tricky).split('\n');
    expect(trickyLines).toContain('1\\.第一项\\*要点\\*');
    expect(trickyLines).toContain('\\# 不是标题');
    expect(trickyLines).toContain('\\|竖线\\|');
  });
});

describe('renderReportMarkdown, 2019 format', () => {
  const report = report2019();
  const markdown = renderReportMarkdown(report);

  it('has one line per row key, （六）其他处理 included, and the 2019 table 二 blocks', () => {
    expectTable3Rows(markdown, report);
    expect(markdown).not.toContain('（六）其他处理 |\n');
    expect(markdown).toContain('### 第二十条第（九）项');
    expect(markdown).toMatch(/\| 行政许可 \| \d+ \| -\d+ \| \d+ \|/u);
  });
});
