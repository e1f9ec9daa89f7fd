import type { DocLine } from '../document.ts';
import { foldWidth, isCloseBracket, isOpenBracket, isPageNoise, normalizeFolded } from './normalize.ts';

// The table part of a document as a token stream: text tokens, whose normalised forms are concatenated
// into one matching string, and value tokens (numbers and printed blanks), which sit at a position of
// that string. Labels are found in the matching string; a value belongs to the label before it.

export interface TextToken {
  readonly kind: 'text';
  /** Normalised for matching (see normalizeForMatch); never empty. */
  readonly norm: string;
  readonly printed: string;
  /** Offsets of `norm` in the matching string. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export interface ValueToken {
  readonly kind: 'value';
  /** `null` is a printed blank. */
  readonly value: number | null;
  /** The digit string when the number is a plain digit run (a candidate for splitting), else null. */
  readonly digits: string | null;
  readonly raw: string;
  /** Offset in the matching string: the value comes after everything before this offset. */
  readonly pos: number;
  readonly line: number;
}

export type Token = TextToken | ValueToken;

export interface TokenStream {
  readonly tokens: readonly Token[];
  /** The matching string: the normalised text tokens, concatenated. */
  readonly text: string;
}

export interface TokenizeOptions {
  /** Whether `-` before a number is a sign (only the 2019 本年增/减 columns may be negative). */
  readonly allowSign: boolean;
}

// A number directly followed by one of these is prose (2023年, 202件, 15%), not a table value.
const PROSE_UNITS = new Set('年月日号件条个项次人份期届倍天%‰');
const CHINESE_NUMERALS = new Set('一二三四五六七八九十');
const DASHES = new Set(['-', '—', '–', '－', '―', '−', '/']);
const LIST_MARKS = new Set(['.', '、']);
const ANY_BRACKET = /[(〔【[{［｛〈﹝]/u;

export function tokenizeLines(
  lines: readonly DocLine[],
  from: number,
  to: number,
  options: TokenizeOptions,
): TokenStream {
  const tokens: Token[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let lineIndex = from; lineIndex < to; lineIndex += 1) {
    const lineTokens: Token[] = [];
    for (const cell of lines[lineIndex] ?? []) {
      for (const piece of scanCell(cell, options)) {
        if (piece.kind === 'text') {
          const start = length;
          parts.push(piece.norm);
          length += piece.norm.length;
          lineTokens.push({
            kind: 'text',
            norm: piece.norm,
            printed: piece.printed,
            start,
            end: length,
            line: lineIndex,
          });
        } else {
          const { value, digits, raw } = piece;
          lineTokens.push({ kind: 'value', value, digits, raw, pos: length, line: lineIndex });
        }
      }
    }
    for (const token of withoutMergedCellBlanks(lineTokens)) tokens.push(token);
  }
  return { tokens, text: parts.join('') };
}

/** Blank cells before a row's label are merged cells of a label column, not printed blanks. */
function withoutMergedCellBlanks(lineTokens: Token[]): Token[] {
  const firstFilled = lineTokens.findIndex((token) => token.kind === 'text' || token.value !== null);
  if (firstFilled <= 0 || lineTokens[firstFilled]?.kind !== 'text') return lineTokens;
  return lineTokens.slice(firstFilled);
}

type Piece =
  | { kind: 'text'; norm: string; printed: string }
  | { kind: 'value'; value: number | null; digits: string | null; raw: string };

const BLANK: Extract<Piece, { kind: 'value' }> = { kind: 'value', value: null, digits: null, raw: '' };

function scanCell(cell: string, options: TokenizeOptions): Piece[] {
  const folded = foldWidth(cell).trim();
  if (folded.length === 0) return [BLANK];
  if (isPageNoise(folded)) return [];
  if (folded === '无' || /^[-—–－―−/]+$/u.test(folded)) return [{ ...BLANK, raw: folded }];

  const closing = closedBrackets(folded);
  const pieces: Piece[] = [];
  let textBuffer = '';
  const flushText = (): void => {
    const norm = normalizeFolded(textBuffer);
    if (norm.length > 0) pieces.push({ kind: 'text', norm, printed: textBuffer.trim() });
    textBuffer = '';
  };

  let depth = 0;
  let index = 0;
  while (index < folded.length) {
    const char = folded[index] ?? '';
    if (isOpenBracket(char) && closing.has(index)) depth += 1;
    else if (isCloseBracket(char) && depth > 0) depth -= 1;
    if (depth > 0 || isOpenBracket(char) || isCloseBracket(char)) {
      textBuffer += char;
      index += 1;
      continue;
    }
    const blankEnd = standaloneDashEnd(folded, index);
    if (blankEnd > index) {
      flushText();
      pieces.push({ ...BLANK, raw: folded.slice(index, blankEnd) });
      index = blankEnd;
      continue;
    }
    const number = readNumber(folded, index, options);
    if (number === null) {
      textBuffer += char;
      index += 1;
      continue;
    }
    textBuffer += number.textPrefix;
    if (number.value !== null) {
      flushText();
      pieces.push(number.value);
    }
    textBuffer += number.textSuffix;
    index = number.end;
  }
  flushText();
  return pieces;
}

/** Offsets of opening brackets closed within the cell; digits inside those are part of a label. */
function closedBrackets(text: string): Set<number> {
  const closed = new Set<number>();
  if (!ANY_BRACKET.test(text)) return closed;
  const open: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (isOpenBracket(char)) open.push(index);
    else if (isCloseBracket(char)) {
      const opener = open.pop();
      if (opener !== undefined) closed.add(opener);
    }
  }
  return closed;
}

/** End of a dash or slash standing alone between spaces (a printed blank), or `index` if none. */
function standaloneDashEnd(text: string, index: number): number {
  if (!DASHES.has(text[index] ?? '') || (index > 0 && !isSpace(text[index - 1]))) return index;
  let end = index;
  while (DASHES.has(text[end] ?? '')) end += 1;
  return end === text.length || isSpace(text[end]) ? end : index;
}

interface NumberRead {
  /** A value token, or null when the digits turned out to be text (a list number, a year). */
  readonly value: Extract<Piece, { kind: 'value' }> | null;
  /** Text that precedes the value (when the whole run is text, the run itself). */
  readonly textPrefix: string;
  /** Text that follows the value (a list number's digit split off the end of a flattened run). */
  readonly textSuffix: string;
  readonly end: number;
}

function readNumber(text: string, start: number, options: TokenizeOptions): NumberRead | null {
  const char = text[start] ?? '';
  const signed = options.allowSign && (char === '-' || char === '−') && isDigit(text[start + 1]);
  if (!signed && !isDigit(char)) return null;
  if (signed && start > 0 && !isSpace(text[start - 1])) return null;

  let end = signed ? start + 1 : start;
  const digitsStart = end;
  while (isDigit(text[end])) end += 1;
  let integer = text.slice(digitsStart, end);
  let grouped = false;
  while (
    text[end] === ',' &&
    /^\d{3}$/u.test(text.slice(end + 1, end + 4)) &&
    !isDigit(text[end + 4]) &&
    (grouped || integer.length <= 3)
  ) {
    integer += text.slice(end + 1, end + 4);
    grouped = true;
    end += 4;
  }
  let fraction = '';
  if (text[end] === '.' && isDigit(text[end + 1])) {
    end += 1;
    while (isDigit(text[end])) fraction += text[end++] ?? '';
  }
  const raw = text.slice(start, end);
  const asText: NumberRead = { value: null, textPrefix: raw, textSuffix: '', end };
  const next = text[end] ?? '';

  if (text[start - 1] === '第' || PROSE_UNITS.has(next)) return asText;
  const plain = !signed && !grouped && fraction.length === 0;
  // `1.属于…`: a list number. In flattened rows the previous value runs into it (`10000012.其他…`).
  if (plain && LIST_MARKS.has(next) && !isDigit(text[end + 1])) {
    if (integer.length === 1) return asText;
    const value = integer.slice(0, -1);
    return { value: valuePiece(value, value, false), textPrefix: '', textSuffix: integer.slice(-1), end };
  }
  // A cell opening with `1属于…` is a label whose list mark was lost.
  if (plain && start === 0 && integer.length === 1 && isHan(next) && !CHINESE_NUMERALS.has(next))
    return asText;

  const magnitude = Number(`${integer}${fraction.length > 0 ? `.${fraction}` : ''}`);
  return {
    value: valuePiece(raw, plain ? integer : null, signed, magnitude),
    textPrefix: '',
    textSuffix: '',
    end,
  };
}

function valuePiece(
  raw: string,
  digits: string | null,
  negative: boolean,
  magnitude = Number(raw),
): Extract<Piece, { kind: 'value' }> {
  return { kind: 'value', value: negative ? -magnitude : magnitude, digits, raw };
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\u00a0' || char === '\u3000';
}

function isHan(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}
