import type { DocLine, ReportDocument } from '../document.ts';

const EXPLICIT_SEPARATOR = /[\t|]/u;
// Two ordinary spaces, or any run containing an ideographic space, separate cells; one space does not.
const SPACE_SEPARATOR = /[ \u00a0]*\u3000[ \u00a0\u3000]*|[ \u00a0]{2,}/u;
const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/u;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

/** Cells of one line; `''` only between explicit separators (a printed blank). */
export function splitCells(line: string): DocLine {
  // A tab at either end still separates a cell: `行政事业性收费\t` prints its amount as blank.
  const trimmed = line.replace(/^[^\S\t]+|[^\S\t]+$/gu, '');
  if (trimmed.trim().length === 0 || MARKDOWN_RULE.test(trimmed)) return [];
  if (!EXPLICIT_SEPARATOR.test(trimmed)) return splitOnSpaces(trimmed);

  const pieces = trimmed.split(EXPLICIT_SEPARATOR);
  // The border pipes of a Markdown-style row `| a | b |` do not open or close a cell.
  if (trimmed.startsWith('|')) pieces.shift();
  if (trimmed.endsWith('|') && pieces.length > 0) pieces.pop();
  const cells: string[] = [];
  for (const piece of pieces) {
    const content = piece.trim();
    if (content.length === 0) cells.push('');
    else for (const item of splitOnSpaces(content)) cells.push(item);
  }
  return cells;
}

function splitOnSpaces(text: string): string[] {
  return text
    .split(SPACE_SEPARATOR)
    .map((cell) => cell.trim())
    .filter((cell) => cell.length > 0);
}

/** Plain text: one line per document line; cells split on tabs, `|` or runs of spaces. */
export function readPlainText(text: string): ReportDocument {
  const lines: DocLine[] = [];
  for (const line of splitLines(text)) {
    const cells = splitCells(line);
    if (cells.length > 0) lines.push(cells);
  }
  return { lines, source: 'text' };
}
