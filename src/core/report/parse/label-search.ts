import { isNumberingParen, matchingClose } from './normalize.ts';

// Finding the expected labels, in order, in the matching string: exact matches first, then an
// approximate match (bounded edit distance) in the gaps, so local variants and typos still match,
// then labels printed without their numbering between found neighbours.

export interface LabelSpan {
  readonly start: number;
  readonly end: number;
}

/** Share of a label's characters that may differ in an approximate match. */
const MAX_EDIT_SHARE = 0.3;
/** How far an approximate search looks; keeps the search linear on huge inputs. */
const MAX_APPROXIMATE_WINDOW = 4000;
/** Longest annotation `(…)` absorbed into a label. */
const MAX_ANNOTATION_LENGTH = 80;

/**
 * Finds each label core in order between `from` and `to`. `valueAt` tells whether a value sits at an
 * offset, so that a bracket after a value is not taken for the label's annotation.
 */
export function findLabels(
  text: string,
  cores: readonly string[],
  from: number,
  to: number,
  valueAt: (offset: number) => boolean,
): (LabelSpan | null)[] {
  const spans: (LabelSpan | null)[] = cores.map(() => null);
  let cursor = from;
  cores.forEach((core, index) => {
    if (core.length === 0) return;
    const at = text.indexOf(core, cursor);
    if (at === -1 || at + core.length > to) return;
    spans[index] = { start: at, end: at + core.length };
    cursor = at + core.length;
  });

  let gapStart = from;
  cores.forEach((core, index) => {
    const found = spans[index];
    if (found) {
      gapStart = found.end;
      return;
    }
    const gapEnd = nextStart(spans, index + 1) ?? to;
    const approximate = findApproximate(text, core, gapStart, gapEnd);
    if (approximate) {
      spans[index] = approximate;
      gapStart = approximate.end;
    }
  });

  findUnnumbered(text, cores, spans, to);

  return spans.map((span, index) => {
    if (span === null) return null;
    const limit = nextStart(spans, index + 1) ?? to;
    return { start: span.start, end: annotationEnd(text, span.end, limit, valueAt) };
  });
}

// `1.`, `（三）`, `一、` as they look after normalisation, when followed by the label's words.
const LEADING_NUMBERING =
  /^(?:\d{1,2}|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3})(?=\p{Script=Han})/u;
const MIN_UNNUMBERED_LENGTH = 2;

/**
 * Labels printed without their numbering (`属于国家秘密`, `予以公开`, `其他`), looked for only
 * between the neighbouring labels already found, where a short word cannot be taken from elsewhere.
 */
function findUnnumbered(
  text: string,
  cores: readonly string[],
  spans: (LabelSpan | null)[],
  to: number,
): void {
  let gapStart: number | null = null;
  cores.forEach((core, index) => {
    const found = spans[index];
    if (found) {
      gapStart = found.end;
      return;
    }
    const numbering = LEADING_NUMBERING.exec(core);
    const words = numbering === null ? '' : core.slice(numbering[0].length);
    const gapEnd = nextStart(spans, index + 1);
    if (words.length < MIN_UNNUMBERED_LENGTH || gapStart === null || gapEnd === null) return;
    const at = text.indexOf(words, gapStart);
    if (at === -1 || at + words.length > Math.min(gapEnd, to)) return;
    spans[index] = { start: at, end: at + words.length };
    gapStart = at + words.length;
  });
}

function nextStart(spans: readonly (LabelSpan | null)[], from: number): number | null {
  for (let index = from; index < spans.length; index += 1) {
    const span = spans[index];
    if (span) return span.start;
  }
  return null;
}

/** A local annotation right after the label, e.g. `(一)予以公开(含…)`, belongs to the label. */
function annotationEnd(
  text: string,
  end: number,
  limit: number,
  valueAt: (offset: number) => boolean,
): number {
  if (text[end] !== '(' || valueAt(end)) return end;
  const close = matchingClose(text, end, Math.min(limit, end + MAX_ANNOTATION_LENGTH));
  if (close === -1 || isNumberingParen(text.slice(end + 1, close))) return end;
  return close + 1;
}

/**
 * The substring of text[from, to) closest to `pattern` in edit distance (Sellers' algorithm), if
 * within the allowed share of edits.
 */
export function findApproximate(text: string, pattern: string, from: number, to: number): LabelSpan | null {
  const length = pattern.length;
  const allowed = Math.floor(length * MAX_EDIT_SHARE);
  if (allowed === 0 || from >= to) return null;
  const end = Math.min(to, from + MAX_APPROXIMATE_WINDOW);
  const cost = new Int32Array(length + 1);
  const origin = new Int32Array(length + 1);
  for (let i = 0; i <= length; i += 1) {
    cost[i] = i;
    origin[i] = from;
  }
  let best: { distance: number; start: number; end: number } | null = null;
  for (let position = from; position < end; position += 1) {
    const char = text[position];
    let diagonalCost = cost[0] ?? 0;
    let diagonalOrigin = origin[0] ?? from;
    cost[0] = 0;
    origin[0] = position + 1;
    for (let i = 1; i <= length; i += 1) {
      const aboveCost = cost[i] ?? 0;
      const aboveOrigin = origin[i] ?? from;
      let value = diagonalCost + (pattern[i - 1] === char ? 0 : 1);
      let start = diagonalOrigin;
      const skipPattern = (cost[i - 1] ?? 0) + 1;
      // On a tie, leave the pattern's character out rather than take the text's: a label printed
      // without its `1.` must not swallow the last character of the text before it.
      if (skipPattern <= value) {
        value = skipPattern;
        start = origin[i - 1] ?? from;
      }
      if (aboveCost + 1 < value) {
        value = aboveCost + 1;
        start = aboveOrigin;
      }
      diagonalCost = aboveCost;
      diagonalOrigin = aboveOrigin;
      cost[i] = value;
      origin[i] = start;
    }
    const distance = cost[length] ?? 0;
    const start = origin[length] ?? from;
    if (best === null || distance < best.distance || (distance === best.distance && start === best.start)) {
      best = { distance, start, end: position + 1 };
    }
  }
  if (best === null || best.distance > allowed) return null;
  return { start: best.start, end: best.end };
}
