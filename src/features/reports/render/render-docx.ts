import { AlignmentType, Document, HeadingLevel, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { Table } from 'docx';
import { NARRATIVE_SECTION_IDS, SECTION_IDS, SECTION_TITLES } from '../../../core/report/format.ts';
import type { SectionId } from '../../../core/report/format.ts';
import type { AnnualReport } from '../../../core/report/types.ts';
import { BODY_FONT, HEADING_FONT, table2Docx, table3Docx, table4Docx } from './docx-tables.ts';
import { reportTitle, sectionParagraphs } from './report-model.ts';

const TITLE_FONT = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const SIZE_ERHAO = 44; // 二号, title
const SIZE_SANHAO = 32; // 三号, body and headings
/** The fixed 28-point line pitch of government documents, in twips. */
const LINE_PITCH = 560;
const MM = 56.7; // twips per millimetre

function narrative(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: SIZE_SANHAO * 20 },
    children: [new TextRun({ text, font: BODY_FONT, size: SIZE_SANHAO })],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    indent: { firstLine: SIZE_SANHAO * 20 },
    keepNext: true,
    children: [new TextRun({ text, font: HEADING_FONT, size: SIZE_SANHAO })],
  });
}

function sectionContent(report: AnnualReport, id: SectionId): (Paragraph | Table)[] {
  if (NARRATIVE_SECTION_IDS.includes(id)) return sectionParagraphs(report, id).map(narrative);
  const built = id === '二' ? table2Docx(report) : id === '三' ? table3Docx(report) : table4Docx(report);
  // An empty paragraph after each table keeps Word from fusing it with the next one.
  return [built, new Paragraph({ children: [] })];
}

/** The report as a Word document (A4, the usual government typography, real merged-cell tables). */
export async function renderReportDocx(report: AnnualReport): Promise<Buffer> {
  const title = reportTitle(report);
  const document = new Document({
    title,
    creator: report.agency ?? undefined,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE_SANHAO },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
        title: {
          run: { font: TITLE_FONT, size: SIZE_ERHAO, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: LINE_PITCH } },
        },
        heading1: {
          run: { font: HEADING_FONT, size: SIZE_SANHAO, bold: false, color: '000000' },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
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
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { line: 720, lineRule: LineRuleType.AT_LEAST, after: LINE_PITCH },
            children: [new TextRun({ text: title, font: TITLE_FONT, size: SIZE_ERHAO })],
          }),
          ...SECTION_IDS.flatMap((id) => [heading(SECTION_TITLES[id]), ...sectionContent(report, id)]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
