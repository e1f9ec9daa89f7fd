// A ranking as an XLSX workbook and the notices (月排名通报, 季度考核通报) as Word documents. Wording is ours;
// the layout follows the letters (A4, 仿宋 body, 小标宋 title) without their statutory parts.
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { indicatorOf } from '../../core/assessment/catalogue.ts';
import { parsePeriod, type Period } from '../../core/assessment/period.ts';
import { formatHundredths, formatMeasured } from '../../core/assessment/scoring.ts';
import { Unprocessable } from '../../core/errors.ts';
import { chineseDate } from '../../core/letters/numbering.ts';
import type { AssessmentRun, AssessmentUnit } from './model.ts';

const QUARTERS = ['一', '二', '三', '四'];

/** The period as people write it: 2023年第四季度, 2023年11月, 2023年第47周, 2023年度. */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'year':
      return `${period.year}年度`;
    case 'quarter':
      return `${period.year}年第${QUARTERS[Number(period.text.slice(-1)) - 1] ?? ''}季度`;
    case 'month':
      return `${period.year}年${Number(period.text.slice(5))}月`;
    case 'week':
      return `${period.year}年第${Number(period.text.slice(6))}周（${period.start}至${period.end}）`;
  }
}

export async function rankingXlsx(unit: AssessmentUnit, run: AssessmentRun): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = unit.name;
  const sheet = workbook.addWorksheet('排名');
  const lines = run.ruleSet.rules;
  sheet.addRow([`${unit.name} ${periodLabel(parsePeriod(run.period))}政府信息公开工作考核排名`]);
  sheet.addRow([`考核细则第 ${run.ruleSet.version} 版，计算日期 ${run.asOf}`]);
  sheet.addRow([
    '名次',
    '单位',
    '得分',
    ...lines.flatMap((line) => {
      const indicator = indicatorOf(line.code);
      return [
        `${indicator?.label ?? line.code}（${indicator?.unit ?? ''}）`,
        `${indicator?.label ?? line.code}得分`,
      ];
    }),
  ]);
  for (const row of run.scores) {
    sheet.addRow([
      row.rank,
      row.unitName,
      Number(formatHundredths(row.score)),
      ...lines.flatMap((line) => {
        const found = row.indicators.find((indicator) => indicator.code === line.code);
        return [
          found?.value ? Number(formatMeasured(found.value)) : '不考核',
          Number(formatHundredths(found?.points ?? 0)),
        ];
      }),
    ]);
  }
  sheet.getColumn(2).width = 30;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const BODY_FONT = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312', cs: '仿宋_GB2312' };
const TITLE_FONT = {
  ascii: '方正小标宋简体',
  eastAsia: '方正小标宋简体',
  hAnsi: '方正小标宋简体',
  cs: '方正小标宋简体',
};

const text = (content: string, options: { center?: boolean; right?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: options.center
      ? AlignmentType.CENTER
      : options.right
        ? AlignmentType.RIGHT
        : AlignmentType.JUSTIFIED,
    ...(options.indent ? { indent: { firstLine: 640 } } : {}),
    children: [new TextRun({ text: content, font: BODY_FONT, size: 32 })],
  });

const cell = (content: string) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: content, font: BODY_FONT, size: 24 })],
      }),
    ],
  });

export type NoticeKind = 'monthly' | 'quarterly';

export const NOTICE_TITLES: Readonly<Record<NoticeKind, string>> = {
  monthly: '月排名通报',
  quarterly: '季度考核通报',
};

/** Which notice a period has: a month its ranking notice, a quarter its assessment notice, others none. */
export function noticeKindOf(period: Period): NoticeKind | null {
  return period.kind === 'month' ? 'monthly' : period.kind === 'quarter' ? 'quarterly' : null;
}

/** The notice's paragraphs, also used by the tests to read what the document says. */
export function noticeText(
  unit: AssessmentUnit,
  run: AssessmentRun,
): { title: string; paragraphs: string[] } {
  const period = parsePeriod(run.period);
  const kind = noticeKindOf(period);
  if (kind === null) throw new Unprocessable('只有月度排名和季度考核有通报：请选择月份或季度');
  const label = periodLabel(period);
  const best = run.scores.filter((row) => row.rank === 1).map((row) => row.unitName);
  const last = run.scores.length > 1 ? run.scores.filter((row) => row.rank === run.scores.at(-1)?.rank) : [];
  const title =
    kind === 'monthly'
      ? `关于${label}政府信息公开工作排名情况的通报`
      : `关于${label}政府信息公开工作考核结果的通报`;
  const paragraphs = [
    '各有关单位：',
    `按照本单位政府信息公开工作考核细则（第 ${run.ruleSet.version} 版），依据平台记录的${period.start}至${period.end}期间各单位主动公开、依申请公开、纠错处理、培训等情况，对 ${run.scores.length} 个单位进行了${kind === 'monthly' ? '排名' : '考核'}，现将结果通报如下。`,
    best.length > 0 ? `本期得分最高的是：${best.join('、')}。` : '本期没有参加排名的单位。',
    ...(last.length > 0 && last[0]?.rank !== 1
      ? [`得分较低的${last.map((row) => row.unitName).join('、')}，请对照各项指标查找原因，及时整改。`]
      : []),
    kind === 'monthly'
      ? '请各单位对照排名和各项指标得分，做好下月政府信息公开工作。'
      : '考核结果将纳入年度政府信息公开工作考核。请各单位对照细则，认真整改，持续提升政府信息公开工作质量。',
  ];
  return { title, paragraphs };
}

export async function noticeDocx(unit: AssessmentUnit, run: AssessmentRun): Promise<Buffer> {
  const { title, paragraphs } = noticeText(unit, run);
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['名次', '单位', '得分'].map(cell) }),
      ...run.scores.map(
        (row) =>
          new TableRow({
            children: [cell(String(row.rank)), cell(row.unitName), cell(formatHundredths(row.score))],
          }),
      ),
    ],
  });
  const document = new Document({
    title,
    creator: unit.name,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 560 },
            children: [new TextRun({ text: title, font: TITLE_FONT, size: 44 })],
          }),
          text(paragraphs[0] ?? ''),
          ...paragraphs.slice(1, 2).map((paragraph) => text(paragraph, { indent: true })),
          table,
          ...paragraphs.slice(2).map((paragraph) => text(paragraph, { indent: true })),
          text(''),
          text(unit.name, { right: true }),
          text(chineseDate(run.asOf), { right: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
