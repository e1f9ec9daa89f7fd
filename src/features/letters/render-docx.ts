// A letter as a Word document (WPS opens it): A4 with the margins of GB/T 9704-2012, the fixed 28-point
// line pitch, real paragraphs in named styles (标题 in 小标宋, 正文 in 仿宋, headings in 黑体). The font
// table names a fallback for each font, so a machine without 仿宋_GB2312 or 方正小标宋简体 uses 仿宋 or 宋体
// instead of an arbitrary face.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { chineseDate } from '../../core/letters/numbering.ts';
import type { LetterDocument } from './model.ts';

interface FontSpec {
  readonly name: string;
  readonly fallback: string;
}

const TITLE: FontSpec = { name: '方正小标宋简体', fallback: '宋体' };
const BODY: FontSpec = { name: '仿宋_GB2312', fallback: '仿宋' };
const HEADING: FontSpec = { name: '黑体', fallback: 'SimHei' };

const font = (spec: FontSpec) => ({ ascii: spec.name, eastAsia: spec.name, hAnsi: spec.name, cs: spec.name });

const SIZE_ERHAO = 44; // 二号, half-points
const SIZE_SANHAO = 32; // 三号
const SIZE_XIAOSI = 24; // 小四
const LINE_PITCH = 560; // 28 points, in twips
const TWO_CHARACTERS = SIZE_SANHAO * 20; // two 三号 characters, in twips
const MM = 56.7; // twips per millimetre

const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[TITLE, BODY, HEADING]
  .map(
    (spec) =>
      `<w:font w:name="${spec.name}"><w:altName w:val="${spec.fallback}"/><w:charset w:val="86"/>` +
      '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>',
  )
  .join('')}</w:fonts>`;

export const LETTER_STYLE_IDS = {
  title: 'LetterTitle',
  number: 'LetterNumber',
  addressee: 'LetterAddressee',
  text: 'LetterText',
  signature: 'LetterSignature',
  contactHeading: 'LetterContactHeading',
  contact: 'LetterContact',
} as const;

function styled(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

/** The letter as a .docx file. */
export async function renderLetterDocx(letter: LetterDocument): Promise<Buffer> {
  const body = { font: font(BODY), size: SIZE_SANHAO };
  const document = new Document({
    title: letter.number === null ? letter.title : `${letter.title}（${letter.number}）`,
    creator: letter.agencyName,
    styles: {
      default: {
        document: {
          run: body,
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        {
          id: LETTER_STYLE_IDS.title,
          name: '文书标题（小标宋）',
          basedOn: 'Normal',
          next: LETTER_STYLE_IDS.number,
          run: { font: font(TITLE), size: SIZE_ERHAO },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { line: 720, lineRule: LineRuleType.AT_LEAST, after: 0 },
          },
        },
        {
          id: LETTER_STYLE_IDS.number,
          name: '文号（仿宋）',
          basedOn: 'Normal',
          run: body,
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: LINE_PITCH } },
        },
        { id: LETTER_STYLE_IDS.addressee, name: '主送（仿宋）', basedOn: 'Normal', run: body },
        {
          id: LETTER_STYLE_IDS.text,
          name: '正文（仿宋）',
          basedOn: 'Normal',
          run: body,
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: TWO_CHARACTERS } },
        },
        {
          id: LETTER_STYLE_IDS.signature,
          name: '落款（仿宋）',
          basedOn: 'Normal',
          run: body,
          paragraph: { alignment: AlignmentType.RIGHT, indent: { right: TWO_CHARACTERS }, keepNext: true },
        },
        {
          id: LETTER_STYLE_IDS.contactHeading,
          name: '联系方式标题（黑体）',
          basedOn: 'Normal',
          run: { font: font(HEADING), size: SIZE_XIAOSI },
          paragraph: {
            spacing: { before: LINE_PITCH, line: 400, lineRule: LineRuleType.EXACT },
            keepNext: true,
          },
        },
        {
          id: LETTER_STYLE_IDS.contact,
          name: '联系方式（仿宋）',
          basedOn: 'Normal',
          run: { font: font(BODY), size: SIZE_XIAOSI },
          paragraph: { spacing: { line: 400, lineRule: LineRuleType.EXACT } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children: [
          styled(LETTER_STYLE_IDS.title, letter.title),
          ...(letter.number === null ? [] : [styled(LETTER_STYLE_IDS.number, letter.number)]),
          styled(LETTER_STYLE_IDS.addressee, `${letter.addressee}：`),
          ...letter.paragraphs.map((paragraph) => styled(LETTER_STYLE_IDS.text, paragraph)),
          new Paragraph({
            style: LETTER_STYLE_IDS.signature,
            spacing: { before: LINE_PITCH * 2 },
            children: [new TextRun(letter.agencyName)],
          }),
          styled(LETTER_STYLE_IDS.signature, chineseDate(letter.issuedOn)),
          ...(letter.contactLines.length === 0
            ? []
            : [
                styled(LETTER_STYLE_IDS.contactHeading, '联系方式'),
                ...letter.contactLines.map((line) => styled(LETTER_STYLE_IDS.contact, line)),
              ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
