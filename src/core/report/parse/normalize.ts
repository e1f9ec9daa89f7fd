// Text normalisation for matching printed reports against the statutory labels. Published reports
// mix full- and half-width forms, quote styles and punctuation, so matching happens on a folded form
// that keeps only letters, digits, CJK characters and round brackets.

const OPEN_BRACKETS = new Set(['(', '〔', '【', '[', '{', '［', '｛', '〈', '﹝']);
const CLOSE_BRACKETS = new Set([')', '〕', '】', ']', '}', '］', '｝', '〉', '﹞']);
const OPEN_BRACKET_PATTERN = /[〔【[{［｛〈﹝]/gu;
const CLOSE_BRACKET_PATTERN = /[〕】\]}］｝〉﹞]/gu;
/** Whitespace, punctuation, quotes and separators: they carry no meaning for matching a label. */
const IGNORED_PATTERN = /[\s.,;:!?、。·•…—–\-_/\\|*#~'"“”‘’「」『』《》<>`^=+・‧﹒\u200b\ufeff]/gu;

export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

export function isOpenBracket(char: string): boolean {
  return OPEN_BRACKETS.has(char);
}

export function isCloseBracket(char: string): boolean {
  return CLOSE_BRACKETS.has(char);
}

/** The folded form used for matching: NFKC, brackets unified to `()`, whitespace and punctuation dropped. */
export function normalizeForMatch(text: string): string {
  return normalizeFolded(foldWidth(text));
}

/** normalizeForMatch for text already folded by foldWidth. */
export function normalizeFolded(folded: string): string {
  return folded
    .replace(IGNORED_PATTERN, '')
    .replace(OPEN_BRACKET_PATTERN, '(')
    .replace(CLOSE_BRACKET_PATTERN, ')');
}

const NUMBERING = /^[一二三四五六七八九十\d]{1,3}$/u;

/** `(一)`, `(3)`: a numbering in brackets, as opposed to an annotation. */
export function isNumberingParen(content: string): boolean {
  return NUMBERING.test(content);
}

/**
 * The core of a normalised label: parenthetical annotations removed, numbering brackets kept, so
 * `(二)部分公开(区分处理的…)` matches `(二)部分公开` followed by any local annotation.
 */
export function labelCore(normalized: string): string {
  let out = '';
  let index = 0;
  while (index < normalized.length) {
    const char = normalized[index] ?? '';
    if (char === '(') {
      const close = matchingClose(normalized, index);
      if (close === -1) {
        out += char;
        index += 1;
        continue;
      }
      const content = normalized.slice(index + 1, close);
      if (isNumberingParen(content)) out += `(${content})`;
      index = close + 1;
      continue;
    }
    out += char;
    index += 1;
  }
  return out;
}

/** Index of the `)` closing the `(` at `open`, or -1. */
export function matchingClose(normalized: string, open: number, limit = normalized.length): number {
  let depth = 0;
  const end = Math.min(limit, normalized.length);
  for (let index = open; index < end; index += 1) {
    const char = normalized[index];
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** Length of the longest common subsequence (for fuzzy heading matching; inputs are short). */
export function commonSubsequenceLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const charA of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      current[j] =
        charA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const MAX_PAGE_NOISE_LENGTH = 40;
const PAGE_NOISE = [
  /^[-—–]+\d{1,4}[-—–]+$/u,
  /^第\d{1,4}页(共\d{1,4}页)?$/u,
  /^共\d{1,4}页第\d{1,4}页$/u,
  /^page\d{1,4}(of\d{1,4})?$/iu,
];

/** Page numbers left by PDF conversion: `- 3 -`, `第 3 页 共 5 页`, `Page 3 of 5`. */
export function isPageNoise(text: string): boolean {
  if (text.length > MAX_PAGE_NOISE_LENGTH || !/\d/u.test(text)) return false;
  const compact = foldWidth(text).replace(/[\s,，/／|]/gu, '');
  if (compact.length === 0 || compact.length > 24) return false;
  return PAGE_NOISE.some((pattern) => pattern.test(compact));
}
