import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { readDocx } from './docx.ts';
import { ReadError } from './errors.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';
import { readReportFile } from './read-report-file.ts';

const reportPdf = readFileSync(new URL('./fixtures/synthetic-report.pdf', import.meta.url));
const gbk = (text: string): Buffer => {
  // Node has no GBK encoder; these bytes are 年度报告 and 予以公开 in GBK, checked against GB18030 decoding.
  const table: Record<string, number[]> = {
    年度报告: [0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6],
    予以公开: [0xd3, 0xe8, 0xd2, 0xd4, 0xb9, 0xab, 0xbf, 0xaa],
  };
  const parts = text
    .split(/(年度报告|予以公开)/)
    .map((part) => Buffer.from(table[part] ?? Buffer.from(part, 'latin1')));
  return Buffer.concat(parts);
};

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and GBK', () => {
    expect(decodeText(Buffer.from('\ufeff年度报告', 'utf8'))).toBe('年度报告');
    expect(decodeText(Buffer.from('年度报告', 'utf8'))).toBe('年度报告');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('年度报告', 'utf16le')]))).toBe(
      '年度报告',
    );
    expect(decodeText(gbk('年度报告'))).toBe('年度报告');
  });
});

describe('readReportFile', () => {
  it('detects a PDF by content whatever the name says', async () => {
    const doc = await readReportFile(reportPdf, 'report.html');
    expect(doc.source).toBe('pdf');
  });

  it('detects DOCX by content', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('一、总体情况')] }] }),
    );
    const doc = await readReportFile(docx, 'download.aspx');
    expect(doc).toEqual({ source: 'docx', lines: [['一、总体情况']] });
  });

  it('reads GBK-encoded HTML declared with <meta charset=gbk>', async () => {
    const html = gbk(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table><tr><td>(1)予以公开</td><td>34</td></tr></table><p>年度报告</p></body></html>',
    );
    const doc = await readReportFile(html, 'index.shtml');
    expect(doc).toEqual({ source: 'html', lines: [['(1)予以公开', '34'], ['年度报告']] });
  });

  it('reads HTML fragments, Markdown and plain text', async () => {
    expect((await readReportFile(Buffer.from('<p>年度报告</p>'))).source).toBe('html');
    const markdown = '# 年度报告\n\n| 信息内容 | 本年处理决定数量 |\n| --- | --- |\n| 行政许可 | 31909 |\n';
    expect((await readReportFile(Buffer.from(markdown), 'report.txt')).source).toBe('markdown');
    expect((await readReportFile(Buffer.from('一、总体情况\n本年度共受理申请202件。\n'))).source).toBe(
      'text',
    );
    expect((await readReportFile(Buffer.from('一、总体情况\n'), 'report.md')).source).toBe('markdown');
  });

  it('rejects legacy Word, images, other office files and empty files with a zh-CN reason', async () => {
    const ole2 = Buffer.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(504).fill(0),
    ]);
    await expect(readReportFile(ole2, 'report.doc')).rejects.toMatchObject({
      code: 'unsupported',
      reason: '不支持旧版Word（.doc）格式，请另存为.docx',
    });
    await expect(readReportFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).rejects.toMatchObject({
      code: 'unsupported',
    });
    const excel = await readReportFile(ole2, 'report.xls').catch((error: unknown) => error);
    expect(excel).toBeInstanceOf(ReadError);
    expect((excel as ReadError).reason).toContain('Excel');
    await expect(readReportFile(Buffer.alloc(0))).rejects.toBeInstanceOf(ReadError);
    await expect(readReportFile(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});

describe('robustness: random and truncated input ends in a document or a ReadError', () => {
  const outcome = async (read: () => Promise<unknown>): Promise<void> => {
    const result = await read().catch((error: unknown) => error);
    if (result instanceof Error) expect(result).toBeInstanceOf(ReadError);
    else expect(result).toHaveProperty('lines');
  };

  it('readReportFile, readDocx and readPdf on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('', '%PDF-1.4\n', 'PK\u0003\u0004'),
        async (tail, head) => {
          const bytes = Buffer.concat([Buffer.from(head, 'latin1'), tail]);
          await outcome(() => readReportFile(bytes));
          await outcome(() => readDocx(bytes));
          await outcome(() => readPdf(bytes));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('readPdf and readDocx on truncated real files', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('一、总体情况')] }] }),
    );
    for (const fraction of [0.1, 0.3, 0.6, 0.9, 0.99]) {
      await outcome(() => readPdf(reportPdf.subarray(0, Math.floor(reportPdf.length * fraction))));
      await outcome(() => readDocx(docx.subarray(0, Math.floor(docx.length * fraction))));
    }
  });

  it('readHtml never throws on random strings', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('<', '>', '/', 'table', 'tr', 'td', 'p', ' ', '年', '"', '=', '&nbsp;', 'br'),
        }),
        (html) => {
          expect(readHtml(html).source).toBe('html');
        },
      ),
      { numRuns: 300 },
    );
  });
});
