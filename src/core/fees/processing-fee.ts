// 信息处理费 under 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号, in force 2021-01-01). Providing
// information is free; a fee may be charged only when quantity or frequency clearly exceeds a reasonable
// range, and per application the agency picks ONE of the two methods below, never both. Amounts in 元.
import { Invalid } from '../errors.ts';

export type FeeMethod = 'by_count' | 'by_pages';

function assertWholeNumber(value: number, field: string, label: string, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new Invalid(field, `${label}须为不小于 ${minimum} 的整数，收到：${String(value)}`);
  }
}

/**
 * 按件计收: the fee of the n-th application of the same applicant in the same calendar month (counted
 * cumulatively). 1–10 free; 11–30 100 元 each; from 31 on, each bracket of 10 costs
 * 100 元 more per application (31–40 200 元, 41–50 300 元, …).
 */
export function feeByCount(nthThisMonth: number): number {
  assertWholeNumber(nthThisMonth, 'nthThisMonth', '本月第几件申请', 1);
  if (nthThisMonth <= 10) return 0;
  if (nthThisMonth <= 30) return 100;
  return 100 * (1 + Math.ceil((nthThisMonth - 30) / 10));
}

/** The total by-count fee of `count` applications of one applicant in one calendar month. */
export function cumulativeFeeByCount(count: number): number {
  assertWholeNumber(count, 'count', '本月申请件数', 0);
  let total = 0;
  for (let nth = 11; nth <= count; nth++) total += feeByCount(nth);
  return total;
}

interface PageBracket {
  readonly firstPage: number;
  readonly lastPage: number;
  readonly yuanPerPage: number;
}

// Marginal brackets: each rate applies only to the pages inside its bracket.
const PAGE_BRACKETS: readonly PageBracket[] = [
  { firstPage: 31, lastPage: 100, yuanPerPage: 10 },
  { firstPage: 101, lastPage: 200, yuanPerPage: 20 },
  { firstPage: 201, lastPage: Number.POSITIVE_INFINITY, yuanPerPage: 40 },
];

/**
 * 按量计收: the fee of one application for `pages` pages (paper copies, or email / copied electronic data
 * counted in pages). ≤30 free; pages 31–100 10 元/page; 101–200 20 元/page; from 201 40 元/page.
 */
export function feeByPages(pages: number): number {
  assertWholeNumber(pages, 'pages', '页数', 0);
  return PAGE_BRACKETS.reduce((total, bracket) => {
    const pagesInBracket = Math.min(pages, bracket.lastPage) - bracket.firstPage + 1;
    return total + Math.max(0, pagesInBracket) * bracket.yuanPerPage;
  }, 0);
}
