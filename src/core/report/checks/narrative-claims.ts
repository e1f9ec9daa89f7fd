// Figures a narrative states about the same things the tables count. Matching is deliberately narrow:
// a figure is taken only when the wording leaves no doubt about what it counts and whose it is,
// because a false warning costs a supervisor time and a missed one only costs a check.
import { FIGURE_PATTERN, parseFigure } from './chinese-numbers.ts';

export type ClaimKind =
  | 'received'
  | 'closed'
  | 'review'
  | 'litigation'
  | 'normative-issued'
  | 'normative-repealed'
  | 'normative-in-force';

export interface Claim {
  readonly kind: ClaimKind;
  readonly value: number;
  /** The matched words, for the message. */
  readonly excerpt: string;
}

const N = `(${FIGURE_PATTERN})`;
const AMOUNT_LEAD = '(?:共计|共|总计|合计|为|达)?';
const APPLICATION_WORDS = '(?:各类|了|的|政府信息公开|依申请公开|信息公开|公开|书面)*';
const NORMATIVE = '(?:了|的)?(?:行政)?规范性文件';

/**
 * How the clause before a figure must look. `whose`: only time words, adverbs and the name of an
 * agency (so "通过网络收到申请125件" or "协助市政府受理申请3件" are not read as totals).
 * `breakdown`: anything but words that make the figure a part or another year's.
 */
type Guard = 'whose' | 'breakdown';

interface ClaimPattern {
  readonly kind: ClaimKind;
  readonly pattern: RegExp;
  readonly guard: Guard;
}

const CLAIM_PATTERNS: readonly ClaimPattern[] = [
  {
    kind: 'received',
    pattern: new RegExp(
      `(?:受理|收到|接收|接到|新收)${APPLICATION_WORDS}申请(?:总数|数量)?${AMOUNT_LEAD}${N}件`,
      'gu',
    ),
    guard: 'whose',
  },
  {
    kind: 'closed',
    pattern: new RegExp(`(?:办结|办理完毕|答复)${APPLICATION_WORDS}(?:申请)?${AMOUNT_LEAD}${N}件`, 'gu'),
    guard: 'whose',
  },
  {
    kind: 'review',
    pattern: new RegExp(`行政复议(?:案件)?${AMOUNT_LEAD}${N}(?:件|起|宗|例)`, 'gu'),
    guard: 'breakdown',
  },
  {
    kind: 'litigation',
    pattern: new RegExp(`行政诉讼(?:案件)?${AMOUNT_LEAD}${N}(?:件|起|宗|例)`, 'gu'),
    guard: 'breakdown',
  },
  {
    kind: 'normative-issued',
    pattern: new RegExp(`(?:制发|印发|出台|制定|发布)${NORMATIVE}${AMOUNT_LEAD}${N}(?:件|个|份)`, 'gu'),
    guard: 'whose',
  },
  {
    kind: 'normative-repealed',
    pattern: new RegExp(`(?:清理废止|宣布废止|废止)${NORMATIVE}${AMOUNT_LEAD}${N}(?:件|个|份)`, 'gu'),
    guard: 'whose',
  },
  {
    kind: 'normative-in-force',
    pattern: new RegExp(`现行有效${NORMATIVE}${AMOUNT_LEAD}${N}(?:件|个|份)`, 'gu'),
    guard: 'whose',
  },
];

/** Text after NFKC: these end a clause. */
const CLAUSE_END = /[,;:!?。()[\]【】“”"]/u;

const TIME_WORDS = String.raw`\d{4}年度?(?:内|以来)?|本年度?内?|全年度?|今年|年内|年度内|本?报告期内|一年来`;
const ADVERBS = '共计|共|总共|一共|累计|合计|总计|已经|已|依法|均|全部|及时|按时|按期|新';
const AGENCY = String.raw`[\u4e00-\u9fff]{0,16}?(?:区|市|县|旗|州|盟|镇|乡|街道|局|委|办|厅|署|政府|机关|单位|部门)|我[局委办厅区市县镇乡署]|本(?:机关|单位|部门|级)`;
const WHOSE_PREFIX = new RegExp(`^(?:${TIME_WORDS}|${ADVERBS}|${AGENCY}|[的在了])*$`, 'u');

/** Words that make a figure somebody else's, a part (a channel, an outcome) or another year's. */
const FOREIGN_WORDS =
  /其中|协助|配合|代为|代理|转办|转交|转来|指导|督促|帮助|审核|审查|备案|起草|参与|评估|上年|去年|上一年|同比|较|通过|渠道|途径|方式|网络|信函|邮寄|现场|当面|当场|邮件|邮箱|传真|窗口|平台|网上|在线/u;
const PART_WORDS =
  /维持|纠正|纠错|撤销|驳回|确认违法|尚未|审结|复议后|直接|未经|胜诉|败诉|终止|上年|去年|上一年|同比|较/u;

function clauseBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !CLAUSE_END.test(text.charAt(start - 1))) start--;
  return text.slice(start, index);
}

function yearsAgree(prefix: string, year: number | null): boolean {
  if (year === null) return true;
  return [...prefix.matchAll(/(\d{4})年/gu)].every((match) => Number(match[1]) === year);
}

function passesGuard(guard: Guard, text: string, index: number, year: number | null): boolean {
  const prefix = clauseBefore(text, index);
  if (!yearsAgree(prefix, year)) return false;
  switch (guard) {
    case 'whose':
      // A list "受理申请202件、办结201件" restarts the clause at each enumeration comma.
      return !FOREIGN_WORDS.test(prefix) && WHOSE_PREFIX.test(prefix.slice(prefix.lastIndexOf('、') + 1));
    case 'breakdown':
      // "行政复议、行政诉讼案件共7件" counts both together, not litigation alone.
      return !PART_WORDS.test(prefix) && !/[、和及与或]$/u.test(prefix);
  }
}

/** The claims a normalised narrative makes, first occurrence of each kind and value only. */
export function extractClaims(text: string, year: number | null): Claim[] {
  const claims: Claim[] = [];
  for (const { kind, pattern, guard } of CLAIM_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const figure = match[1];
      if (figure === undefined || !passesGuard(guard, text, match.index, year)) continue;
      const value = parseFigure(figure);
      if (value === null) continue;
      if (claims.some((claim) => claim.kind === kind && claim.value === value)) continue;
      claims.push({ kind, value, excerpt: match[0] });
    }
  }
  return claims;
}
