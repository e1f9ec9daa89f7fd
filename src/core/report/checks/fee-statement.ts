// Spec cross-check 11: section 六 must say what 信息处理费 was collected (国办函〔2020〕109号).
import { SECTION_TITLES } from '../format.ts';
import type { AnnualReport, Finding } from '../types.ts';
import { makeFinding, quote } from './finding.ts';
import { FIGURE_PATTERN } from './chinese-numbers.ts';
import { normalizeNarrative } from './narrative-text.ts';

const FEE_STATEMENTS: readonly RegExp[] = [
  /处理费/u,
  // 未收取任何费用 / 不收取费用 / 没有收费 / 免费
  /(?:未|不|没有|无|免于?)[^。,;]{0,12}?(?:收取|收费|收缴|缴纳)/u,
  /免费/u,
  new RegExp(`(?:收取|收费|收缴)[^。;]{0,20}?(?:${FIGURE_PATTERN})(?:\\.\\d+)?(?:万)?元`, 'u'),
];

/** Whether a section 六 text states the fee collected (including that none was). */
export function statesFee(text: string): boolean {
  const normalized = normalizeNarrative(text);
  return FEE_STATEMENTS.some((pattern) => pattern.test(normalized));
}

const NO_PLACE = { table: null, row: null, column: null } as const;

export function checkFeeStatement(report: AnnualReport): Finding[] {
  const sections = report.sections;
  if (sections === undefined || Object.keys(sections).length === 0) return [];
  const title = quote(SECTION_TITLES['六']);
  const text: unknown = sections['六'];
  if (typeof text !== 'string' || normalizeNarrative(text) === '') {
    return [
      makeFinding(
        'narrative.fee-statement',
        NO_PLACE,
        null,
        null,
        `缺少${title}部分（或该部分为空），无法看到依申请公开信息处理费的收取情况。`,
      ),
    ];
  }
  if (statesFee(text)) return [];
  return [
    makeFinding(
      'narrative.fee-statement',
      NO_PLACE,
      null,
      null,
      `${title}部分未说明依申请公开信息处理费的收取情况（未收取也应写明）。`,
    ),
  ];
}
