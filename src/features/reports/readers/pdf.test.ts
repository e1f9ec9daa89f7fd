import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReadError } from './errors.ts';
import { layoutPages } from './pdf-layout.ts';
import type { TextFragment } from './pdf-layout.ts';
import { readPdf } from './pdf.ts';

// Synthetic fixtures (ours), rendered by scripts/make-pdf-fixtures.ts with headless Chromium.
const reportPdf = readFileSync(new URL('./fixtures/synthetic-report.pdf', import.meta.url));
const scannedPdf = readFileSync(new URL('./fixtures/synthetic-scanned.pdf', import.meta.url));

describe('readPdf on a Chromium-rendered report', async () => {
  const doc = await readPdf(reportPdf);
  const lineStarting = (label: string) => doc.lines.find((line) => line.some((cell) => cell === label));

  it('decodes the Chinese text and keeps paragraphs as one-cell lines', () => {
    expect(doc.source).toBe('pdf');
    expect(doc.lines[0]).toEqual(['合成示例区2023年政府信息公开工作年度报告']);
    expect(doc.lines).toContainEqual(['三、收到和处理政府信息公开申请情况']);
  });

  it('reads a table row as the label and its 7 number cells', () => {
    expect(lineStarting('（一）予以公开')?.slice(-8)).toEqual([
      '（一）予以公开',
      '40',
      '1',
      '0',
      '0',
      '1',
      '0',
      '42',
    ]);
    expect(lineStarting('一、本年新收政府信息公开申请数量')).toEqual([
      '一、本年新收政府信息公开申请数量',
      '120',
      '3',
      '0',
      '1',
      '2',
      '0',
      '126',
    ]);
  });

  it('rebuilds labels wrapped inside their cell, in order', () => {
    expect(lineStarting('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual([
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '9',
      '0',
      '0',
      '0',
      '0',
      '0',
      '9',
    ]);
    expect(
      lineStarting('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')?.slice(1),
    ).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    expect(
      lineStarting('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    ).toBeDefined();
  });

  it('reads the rows on both sides of a page break', () => {
    expect(lineStarting('1.属于国家秘密')).toEqual(['1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1']);
    expect(lineStarting('四、结转下年度继续办理')).toEqual([
      '四、结转下年度继续办理',
      '2',
      '0',
      '0',
      '0',
      '0',
      '0',
      '2',
    ]);
    const table3Rows = doc.lines.filter(
      (line) => line.length >= 8 && line.length <= 10 && /^\d+$/.test(line.at(-1) ?? ''),
    );
    expect(table3Rows).toHaveLength(25);
  });

  it('reads table 四 as one row of 15 numbers with its wrapped header labels', () => {
    expect(doc.lines).toContainEqual([
      '1',
      '0',
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
      '1',
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(doc.lines).toContainEqual([
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    ]);
  });

  it('drops the running head and the page numbers', () => {
    const text = doc.lines.flat().join('\n');
    expect(text).not.toContain('合成示例区人民政府办公室');
    expect(doc.lines.flat().filter((cell) => /^-\s*\d+\s*-$/.test(cell))).toEqual([]);
  });
});

describe('readPdf errors', () => {
  it('reports a PDF without text as scanned', async () => {
    await expect(readPdf(scannedPdf)).rejects.toMatchObject({
      code: 'scanned-pdf',
      reason: '扫描版PDF没有文字层，无法读取（需要先做文字识别OCR）',
    });
  });

  it('turns a truncated or damaged PDF into a ReadError', async () => {
    for (const bytes of [
      reportPdf.subarray(0, 2000),
      reportPdf.subarray(0, reportPdf.length / 2),
      Buffer.from('%PDF-1.7\n'),
    ]) {
      const result = await readPdf(bytes).catch((error: unknown) => error);
      if (!('lines' in (result as object))) expect(result).toBeInstanceOf(ReadError);
    }
    await expect(readPdf(Buffer.from('not a pdf at all'))).rejects.toBeInstanceOf(ReadError);
  });

  it('leaves the caller’s buffer usable', async () => {
    const copy = Buffer.from(reportPdf);
    await readPdf(copy);
    expect(copy.equals(reportPdf)).toBe(true);
  });
});

describe('layoutPages', () => {
  const at = (text: string, x: number, y: number, fontSize = 10): TextFragment => ({
    text,
    x,
    y,
    width: text.length * fontSize * (/^[\x20-\x7e]+$/.test(text) ? 0.55 : 1),
    fontSize,
  });
  const page = (fragments: TextFragment[]) => ({ width: 600, height: 800, fragments });

  it('splits cells at wide gaps and joins close runs', () => {
    const lines = layoutPages([
      page([
        at('一、本年新收', 50, 100),
        at('政府信息公开申请数量', 110, 100),
        at('202', 300, 100.5),
        at('0', 340, 100),
      ]),
    ]);
    expect(lines).toEqual([['一、本年新收政府信息公开申请数量', '202', '0']]);
  });

  it('keeps a lone number inside the page as a cell, drops one in the margin', () => {
    const lines = layoutPages([page([at('行政处罚', 50, 400), at('3', 50, 420), at('- 3 -', 290, 780)])]);
    expect(lines).toEqual([['行政处罚'], ['3']]);
  });

  it('drops a running head repeated on most pages', () => {
    const pages = [1, 2, 3].map((n) =>
      page([at('某区政府信息公开年报', 400, 30), at(`正文第${n}页内容`, 50, 300), at(`第${n}页`, 290, 780)]),
    );
    expect(layoutPages(pages)).toEqual([['正文第1页内容'], ['正文第2页内容'], ['正文第3页内容']]);
  });

  it('folds a label wrapped beside vertically centred numbers into its row', () => {
    const lines = layoutPages([
      page([
        at('2.其他法律行政法', 50, 200),
        at('5', 300, 206),
        at('7', 340, 206),
        at('规禁止公开', 50, 212),
        at('3.危及“三安全一稳定”', 50, 230),
        at('0', 300, 230),
        at('0', 340, 230),
      ]),
    ]);
    expect(lines).toEqual([
      ['2.其他法律行政法规禁止公开', '5', '7'],
      ['3.危及“三安全一稳定”', '0', '0'],
    ]);
  });

  it('does not fold paragraph lines into each other', () => {
    const lines = layoutPages([page([at('第一行文字很长很长', 50, 100), at('第二行', 50, 115)])]);
    expect(lines).toEqual([['第一行文字很长很长'], ['第二行']]);
  });
});
