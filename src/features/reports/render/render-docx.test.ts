import { DomUtils, parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  SECTION_IDS,
  SECTION_TITLES,
  TABLE3_NOTE,
  table3Keys,
} from '../../../core/report/format.ts';
import type { AnnualReport, Cell } from '../../../core/report/types.ts';
import { renderReportDocx } from './index.ts';
import { referenceReport, report2019, reportWithBlanks } from './test-fixtures.ts';

type Element = ReturnType<typeof DomUtils.findAll>[number];

const cellText = (value: Cell | undefined) => (value === null || value === undefined ? '' : String(value));

async function documentXml(report: AnnualReport): Promise<string> {
  const zip = await JSZip.loadAsync(await renderReportDocx(report));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('word/document.xml missing');
  return xml;
}

function parseTables(xml: string) {
  const root = parseDocument(xml, { xmlMode: true });
  const children = (element: Element, name: string) =>
    element.children.filter((child): child is Element => DomUtils.isTag(child) && child.name === name);
  const text = (element: Element) =>
    DomUtils.findAll((e) => e.name === 'w:t', [element])
      .map((t) => DomUtils.textContent(t))
      .join('');
  const tables = DomUtils.findAll((e) => e.name === 'w:tbl', root.children);
  const tableXmls = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/gu) ?? [];
  return {
    root,
    text,
    tables,
    /** Rows as lists of cell texts; vMerge continuation cells read as ''. */
    rows: (table: Element) => children(table, 'w:tr').map((row) => children(row, 'w:tc').map(text)),
    /** The raw XML of a table (the tables here are not nested). */
    xmlOf: (table: Element) => tableXmls[tables.indexOf(table)] ?? '',
    paragraphs: () =>
      DomUtils.findAll(
        (e) => e.name === 'w:p' && !tables.some((t) => DomUtils.existsOne((x) => x === e, [t])),
        root.children,
      )
        .map(text)
        .filter((t) => t !== ''),
  };
}

function expectDataRows(rows: string[][], report: AnnualReport): void {
  const dataRows = rows.slice(3).filter((cells) => cells.length === 8);
  expect(dataRows.map((cells) => cells[0])).toEqual(
    FORMATS[report.format].table3Rows.filter((row) => row.key !== null).map((row) => row.label),
  );
  table3Keys(report.format).forEach((key, index) => {
    expect(dataRows[index]?.slice(1)).toEqual((report.table3[key] ?? []).map(cellText));
  });
}

describe('renderReportDocx', async () => {
  const report = referenceReport();
  const buffer = await renderReportDocx(report);
  const xml = await documentXml(report);
  const doc = parseTables(xml);

  it('is a valid Word package on A4 with the government fonts', async () => {
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const zip = await JSZip.loadAsync(buffer);
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/u);
    expect(xml).toMatch(/w:eastAsia="黑体"/u);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/u);
    expect(xml).toMatch(/<w:sz w:val="32"\/>/u);
  });

  it('has the title, the six headings in order and the narrative paragraphs', () => {
    const paragraphs = doc.paragraphs();
    expect(paragraphs[0]).toBe('沈阳市皇姑区人民政府2023年政府信息公开工作年度报告');
    const headings = paragraphs.filter((text) => SECTION_IDS.some((id) => SECTION_TITLES[id] === text));
    expect(headings).toEqual(SECTION_IDS.map((id) => SECTION_TITLES[id]));
    expect(paragraphs).toContain(report.sections?.['六']);
    expect(paragraphs).toContain(report.sections?.['五']?.split('\n')[1]);
  });

  it('has three fixed-width tables with an explicit grid', () => {
    expect(doc.tables).toHaveLength(3);
    for (const table of doc.tables) {
      const tableXml = doc.xmlOf(table);
      expect(tableXml).toMatch(/<w:tblW w:type="dxa" w:w="8844"\/>/u);
      expect(tableXml).toContain('<w:tblLayout w:type="fixed"/>');
      const widths = [...tableXml.matchAll(/<w:gridCol w:w="(\d+)"\/>/gu)].map((m) => Number(m[1]));
      expect(widths.reduce((sum, width) => sum + width, 0)).toBe(8844);
      expect(tableXml).toContain('<w:cantSplit/>');
    }
  });

  it('merges table 二 block headings across the table', () => {
    const [table2] = doc.tables;
    if (table2 === undefined) throw new Error('no table 二');
    const rows = doc.rows(table2);
    expect(rows[0]).toEqual(['第二十条第（一）项']);
    expect(rows[3]).toEqual(['行政规范性文件', '0', '0', '0']);
    expect(rows).toContainEqual(['行政许可', '31909']);
    expect(doc.xmlOf(table2)).toContain('<w:gridSpan w:val="4"/>');
    expect(doc.xmlOf(table2)).toContain('<w:gridSpan w:val="3"/>');
  });

  it('merges the table 三 header and prints each data row as label then seven numbers', () => {
    const table3 = doc.tables[1];
    if (table3 === undefined) throw new Error('no table 三');
    const tableXml = doc.xmlOf(table3);
    expect(tableXml).toContain('<w:gridSpan w:val="7"/>');
    expect(tableXml).toContain('<w:gridSpan w:val="5"/>');
    expect(tableXml).toContain('<w:gridSpan w:val="8"/>');
    expect(tableXml.match(/<w:vMerge w:val="restart"\/>/gu)).toHaveLength(3);
    expect(tableXml.match(/<w:vMerge w:val="continue"\/>/gu)).toHaveLength(4);
    expect(tableXml.match(/<w:tblHeader\/>/gu)).toHaveLength(3);
    const rows = doc.rows(table3);
    expect(rows.slice(0, 3)).toEqual([
      [TABLE3_NOTE, '申请人情况'],
      ['', '自然人', '法人或其他组织', '总计'],
      ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
    ]);
    expectDataRows(rows, report);
    expect(rows).toContainEqual(['（三）不予公开']);
  });

  it('merges the table 四 header over its fifteen numbers', () => {
    const table4 = doc.tables[2];
    if (table4 === undefined) throw new Error('no table 四');
    const tableXml = doc.xmlOf(table4);
    expect(tableXml).toContain('<w:gridSpan w:val="10"/>');
    // 行政复议 and the cell continuing it below, then the two kinds of litigation.
    expect(tableXml.match(/<w:gridSpan w:val="5"\/>/gu)).toHaveLength(4);
    expect(tableXml).toContain('<w:vMerge w:val="restart"/>');
    expect(tableXml).toContain('<w:vMerge w:val="continue"/>');
    const rows = doc.rows(table4);
    expect(rows[0]).toEqual(['行政复议', '行政诉讼']);
    expect(rows[1]).toEqual(['', '未经复议直接起诉', '复议后起诉']);
    expect(rows[2]).toHaveLength(15);
    expect(rows[3]).toEqual(report.table4.map(cellText));
  });

  it('leaves blank cells empty', async () => {
    const blank = reportWithBlanks();
    const blankDoc = parseTables(await documentXml(blank));
    const [table2, table3, table4] = blankDoc.tables;
    if (table2 === undefined || table3 === undefined || table4 === undefined)
      throw new Error('tables missing');
    expect(blankDoc.rows(table2)).toContainEqual(['行政许可', '']);
    expectDataRows(blankDoc.rows(table3), blank);
    expect(blankDoc.rows(table4)[3]?.[7]).toBe('');
  });

  it('renders the 2019 format', async () => {
    const old = report2019();
    const oldDoc = parseTables(await documentXml(old));
    const [table2, table3] = oldDoc.tables;
    if (table2 === undefined || table3 === undefined) throw new Error('tables missing');
    expectDataRows(oldDoc.rows(table3), old);
    const rows2 = oldDoc.rows(table2);
    expect(rows2).toContainEqual(['第二十条第（九）项']);
    expect(rows2.find((cells) => cells[0] === '政府集中采购')).toHaveLength(3);
    expect(oldDoc.xmlOf(table2)).toContain('<w:gridSpan w:val="2"/>');
  });
});
