// The text that dictionary terms are matched against: NFKC (full-width → half-width, compatibility
// ideographs and Kangxi radicals → ordinary characters), lower case, traditional → simplified, and
// without separators, so that 國家工商行政管理總局, ＡＢＣ and 按 . 装 are found as the terms they spell.
// Every character of the normalised text remembers the span of the original text it came from.
import { simplifiedCodePoint } from './simplified.ts';

/**
 * Characters that may be inserted between the characters of a term without changing what it says:
 * spaces, zero-width and other format characters, punctuation, and mathematical or modifier symbols.
 */
const SEPARATOR = /^[\p{Z}\p{P}\p{Cf}\p{Cc}\p{Sm}\p{Sk}]$/u;

/**
 * A term does not run across a line break or the end of a sentence, and at most this many separator
 * characters stand between two of its characters: 按装 is not found in “…按。装修…”.
 */
const HARD_BREAK = /[\n\r\u2028\u2029。！？；!?;]/;
export const MAX_SEPARATOR_RUN = 4;

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** For each UTF-16 unit of `text`: where the original character it came from starts and ends. */
  readonly originStart: Int32Array;
  readonly originEnd: Int32Array;
}

export function isSeparator(char: string): boolean {
  return SEPARATOR.test(char);
}

/** The normalised form of one original character: '' for a separator, else one or more characters. */
function foldCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) {
    if (SEPARATOR.test(char)) return '';
    return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 0x20) : char;
  }
  if (codePoint >= CJK_FIRST && codePoint <= CJK_LAST) {
    return String.fromCodePoint(simplifiedCodePoint(codePoint));
  }
  if (SEPARATOR.test(char)) return '';
  let folded = '';
  for (const part of char.normalize('NFKC').toLowerCase()) {
    if (SEPARATOR.test(part)) continue;
    folded += String.fromCodePoint(simplifiedCodePoint(part.codePointAt(0) ?? 0));
  }
  return folded;
}

/** Growable UTF-16 output with the original span of every unit. */
class Builder {
  units = new Uint16Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  length = 0;

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) {
      const size = this.length * 2;
      this.units = grow(this.units, new Uint16Array(size));
      this.starts = grow(this.starts, new Int32Array(size));
      this.ends = grow(this.ends, new Int32Array(size));
    }
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length += 1;
  }

  text(): string {
    const parts: string[] = [];
    const chunk = 8192;
    for (let from = 0; from < this.length; from += chunk) {
      parts.push(String.fromCharCode(...this.units.subarray(from, Math.min(this.length, from + chunk))));
    }
    return parts.join('');
  }
}

function grow<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export function normalizeForMatching(original: string): NormalizedText {
  const out = new Builder();
  let index = 0;
  while (index < original.length) {
    const unit = original.charCodeAt(index);
    // Most characters of an official text are common ideographs or ASCII: no string is built for them.
    if (unit >= CJK_FIRST && unit <= CJK_LAST) {
      const simplified = simplifiedCodePoint(unit);
      if (simplified <= 0xffff) {
        out.push(simplified, index, index + 1);
      } else {
        // A few simplified forms lie outside the Basic Multilingual Plane (絺 → 𫄨).
        const pair = String.fromCodePoint(simplified);
        out.push(pair.charCodeAt(0), index, index + 1);
        out.push(pair.charCodeAt(1), index, index + 1);
      }
      index += 1;
      continue;
    }
    if (unit < 0x80 && /[0-9a-z]/.test(original.charAt(index))) {
      out.push(unit, index, index + 1);
      index += 1;
      continue;
    }
    const char = String.fromCodePoint(original.codePointAt(index) ?? unit);
    const folded = foldCharacter(char);
    for (let position = 0; position < folded.length; position += 1) {
      out.push(folded.charCodeAt(position), index, index + char.length);
    }
    index += char.length;
  }
  return {
    original,
    text: out.text(),
    originStart: out.starts.slice(0, out.length),
    originEnd: out.ends.slice(0, out.length),
  };
}

/** A dictionary term in the form it is matched in ('' when nothing of it is left). */
export function normalizeTerm(term: string): string {
  let folded = '';
  for (const char of term) folded += foldCharacter(char);
  return folded;
}

/**
 * The original span of the normalised range [start, end), or null when the characters found lie too
 * far apart in the original (a line break, the end of a sentence, or a long run of separators) or when
 * the range takes only part of what one original character became (ﬁ → fi).
 */
export function originalSpan(
  normalized: NormalizedText,
  start: number,
  end: number,
): { readonly start: number; readonly end: number } | null {
  const { originStart, originEnd, original } = normalized;
  if (start > 0 && originStart[start - 1] === originStart[start]) return null;
  if (end < originStart.length && originStart[end] === originStart[end - 1]) return null;
  for (let unit = start; unit < end - 1; unit += 1) {
    const gapStart = originEnd[unit] ?? 0;
    const gapEnd = originStart[unit + 1] ?? 0;
    if (gapEnd <= gapStart) continue;
    if (gapEnd - gapStart > MAX_SEPARATOR_RUN) return null;
    if (HARD_BREAK.test(original.slice(gapStart, gapEnd))) return null;
  }
  return { start: originStart[start] ?? 0, end: originEnd[end - 1] ?? 0 };
}
