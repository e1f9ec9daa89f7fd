import {
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.ts';
import { ReadError } from './errors.ts';

function cell(text: string | string[], options: { columnSpan?: number; rowSpan?: number } = {}): TableCell {
  const paragraphs = (Array.isArray(text) ? text : [text]).map((line) => new Paragraph(line));
  return new TableCell({ children: paragraphs, ...options });
}

function numberCells(values: readonly number[]): TableCell[] {
  return values.map((value) => cell(String(value)));
}

async function docxOf(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('readDocx', () => {
  it('reads paragraphs and a table with merged cells once per cell', async () => {
    const table = new Table({
      rows: [
        new TableRow({
          children: [
            cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', {
              columnSpan: 3,
              rowSpan: 2,
            }),
            cell('申请人情况', { columnSpan: 2 }),
          ],
        }),
        new TableRow({ children: [cell('自然人'), cell('总计')] }),
        new TableRow({
          children: [cell('一、本年新收政府信息公开申请数量', { columnSpan: 3 }), ...numberCells([202, 202])],
        }),
        new TableRow({
          children: [
            cell('三、本年度办理结果', { rowSpan: 2 }),
            cell('（一）予以公开', { columnSpan: 2 }),
            ...numberCells([34, 34]),
          ],
        }),
        new TableRow({
          children: [
            cell(['（二）部分公开（区分处理的，', '只计这一情形，不计其他情形）'], { columnSpan: 2 }),
            ...numberCells([7, 7]),
          ],
        }),
      ],
    });
    const doc = await readDocx(await docxOf([new Paragraph('三、收到和处理政府信息公开申请情况'), table]));
    expect(doc.source).toBe('docx');
    expect(doc.lines).toEqual([
      ['三、收到和处理政府信息公开申请情况'],
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
      ['自然人', '总计'],
      ['一、本年新收政府信息公开申请数量', '202', '202'],
      ['三、本年度办理结果', '（一）予以公开', '34', '34'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '7', '7'],
    ]);
  });

  it('omits continuation cells of an explicit vertical merge', async () => {
    const table = new Table({
      rows: [
        new TableRow({
          children: [
            new TableCell({
              children: [new Paragraph('（三）不予公开')],
              verticalMerge: VerticalMergeType.RESTART,
            }),
            cell('1.属于国家秘密'),
            cell('1'),
          ],
        }),
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE }),
            cell('2.其他法律行政法规禁止公开'),
            cell('0'),
          ],
        }),
      ],
    });
    const doc = await readDocx(await docxOf([table]));
    expect(doc.lines).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '1'],
      ['2.其他法律行政法规禁止公开', '0'],
    ]);
  });

  it('splits tab-laid-out paragraphs into cells and follows tracked changes', async () => {
    const doc = await readDocx(
      await docxOf([
        new Paragraph({
          children: [new TextRun({ children: [new Tab(), '行政处罚', new Tab(), new Tab(), '258'] })],
        }),
        new Paragraph({
          children: [
            new TextRun('本年共受理申请'),
            new InsertedTextRun({ text: '202', id: 1, author: 'a', date: '2024-01-01T00:00:00Z' }),
            new DeletedTextRun({ text: '201', id: 2, author: 'a', date: '2024-01-01T00:00:00Z' }),
            new TextRun('件。'),
          ],
        }),
        new Paragraph(''),
      ]),
    );
    expect(doc.lines).toEqual([['行政处罚', '258'], ['本年共受理申请202件。']]);
  });

  it('reads nested tables as rows of their own', async () => {
    const inner = new Table({ rows: [new TableRow({ children: [cell('行政许可'), cell('31909')] })] });
    const outer = new Table({
      rows: [
        new TableRow({
          children: [new TableCell({ children: [new Paragraph('二、主动公开政府信息情况'), inner] })],
        }),
      ],
    });
    const doc = await readDocx(await docxOf([outer]));
    expect(doc.lines).toEqual([['二、主动公开政府信息情况'], ['行政许可', '31909']]);
  });

  it('reads content controls, hyperlinks and simple fields written by hand', async () => {
    const zip = await JSZip.loadAsync(await docxOf([new Paragraph('x')]));
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>
        <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>某区人民政府</w:t></w:r></w:p></w:sdtContent></w:sdt>
        <w:p><w:hyperlink><w:r><w:t xml:space="preserve">见 </w:t></w:r></w:hyperlink><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:t>&amp;链接</w:t></w:r></w:p>
        <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
      </w:body></w:document>`,
    );
    const doc = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(doc.lines).toEqual([['某区人民政府'], ['见 3&链接'], ['第一行'], ['第二行']]);
  });

  it('rejects legacy .doc, encrypted and broken files with a ReadError', async () => {
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
    await expect(readDocx(ole2)).rejects.toMatchObject({
      code: 'unsupported',
      reason: '不支持旧版Word（.doc）格式，请另存为.docx',
    });
    const encrypted = Buffer.concat([ole2, Buffer.from('EncryptedPackage', 'utf16le')]);
    await expect(readDocx(encrypted)).rejects.toMatchObject({ code: 'unsupported' });
    await expect(readDocx(Buffer.from('hello'))).rejects.toMatchObject({
      code: 'corrupt',
      reason: '不是有效的Word文档（.docx）',
    });
    const zipWithoutDocument = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'uint8array' });
    await expect(readDocx(zipWithoutDocument)).rejects.toBeInstanceOf(ReadError);
    const real = await docxOf([new Paragraph('一、总体情况')]);
    await expect(readDocx(real.subarray(0, real.length / 2))).rejects.toBeInstanceOf(ReadError);
  });
});
