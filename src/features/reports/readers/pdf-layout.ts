// Rebuilds lines and table rows from positioned PDF text. A PDF has no rows or cells, only text
// drawn at positions: items on one baseline form a line, and a wide horizontal gap separates cells.
// A label that wraps inside its table cell leaves pieces on baselines of their own; those pieces are
// folded back into the row whose cell they continue (see `linkPieces`).
import type { DocLine } from '../../../core/report/document.ts';
import { dropPageFurniture } from './pdf-page-furniture.ts';
import type { PageLine } from './pdf-page-furniture.ts';

/** One run of text as the PDF draws it, in page coordinates with y growing downwards. */
export interface TextFragment {
  readonly text: string;
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
}

export interface PageText {
  readonly width: number;
  readonly height: number;
  readonly fragments: readonly TextFragment[];
}

export interface PlacedCell {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

// Fractions of the font size.
const SAME_BASELINE = 0.3;
const CELL_GAP = 0.8;
const WORD_SPACE = 0.15;
// The widest line pitch inside one wrapped cell, and the offset of a vertically centred neighbour.
const MAX_WRAP_PITCH = 1.8;
const MAX_CENTRED_OFFSET = 0.8;
// A page with more lines than this is not laid out like a report; its lines are left as printed.
const MAX_LINES_TO_MERGE = 1500;
// A line of this many cells without values is a table header row.
const MIN_HEADER_CELLS = 3;

export function layoutPages(pages: readonly PageText[]): DocLine[] {
  const pageLines = pages.map((page) => baselineLines(page.fragments));
  const kept = dropPageFurniture(pages, pageLines);
  return kept.flatMap((lines) => mergeWrappedCells(lines));
}

/** Groups fragments by baseline, then splits each line into cells at wide gaps. */
export function baselineLines(fragments: readonly TextFragment[]): PageLine[] {
  const sorted = fragments
    .filter((fragment) => fragment.text.trim() !== '')
    .toSorted((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextFragment[][] = [];
  for (const fragment of sorted) {
    const current = groups.at(-1);
    const first = current?.[0];
    if (current !== undefined && first !== undefined) {
      const tolerance = SAME_BASELINE * Math.max(first.fontSize, fragment.fontSize);
      if (Math.abs(fragment.y - first.y) <= tolerance) {
        current.push(fragment);
        continue;
      }
    }
    groups.push([fragment]);
  }
  return groups.map((group) => toLine(group.toSorted((a, b) => a.x - b.x)));
}

function toLine(fragments: readonly TextFragment[]): PageLine {
  const cells: PlacedCell[] = [];
  let text = '';
  let x0 = 0;
  let x1 = 0;
  let previous: TextFragment | undefined;
  for (const fragment of fragments) {
    const gap = previous === undefined ? 0 : fragment.x - x1;
    const fontSize = Math.max(fragment.fontSize, previous?.fontSize ?? 0);
    if (previous !== undefined && gap > CELL_GAP * fontSize) {
      cells.push({ text: text.trim(), x0, x1, y: previous.y });
      previous = undefined;
    }
    if (previous === undefined) {
      text = fragment.text;
      x0 = fragment.x;
    } else {
      text = joinText(text, fragment.text, gap > WORD_SPACE * fontSize);
    }
    x1 = Math.max(x1, fragment.x + fragment.width);
    previous = fragment;
  }
  if (previous !== undefined) cells.push({ text: text.trim(), x0, x1, y: previous.y });
  const fontSize = Math.max(...fragments.map((fragment) => fragment.fontSize));
  return { cells: cells.map((cell) => ({ ...cell, text: cell.text.replace(/\s+/g, ' ') })), fontSize };
}

/** Chinese runs join directly; Latin words and numbers that were drawn apart keep a space. */
function joinText(left: string, right: string, spaced: boolean): string {
  const needsSpace = spaced && /[A-Za-z0-9.,%]$/.test(left) && /^[A-Za-z0-9(]/.test(right);
  return needsSpace ? `${left} ${right}` : left + right;
}

interface Span {
  readonly x0: number;
  readonly x1: number;
}

function overlap(a: Span, b: Span): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** A printed value (count, amount, placeholder dash): a line holding one is a table row, not a wrapped piece. */
function isValueCell(cell: PlacedCell): boolean {
  return /^[-+]?[\d,，.]+%?$|^[-—–/／]$/.test(cell.text.replace(/\s+/g, ''));
}

/** The two cells are lines of one wrapped cell: they overlap and share an edge or a centre. */
function continuesCell(piece: PlacedCell, target: PlacedCell, fontSize: number): boolean {
  const narrower = Math.min(piece.x1 - piece.x0, target.x1 - target.x0);
  if (overlap(piece, target) < 0.5 * narrower) return false;
  const aligned =
    Math.abs(piece.x0 - target.x0) <= fontSize ||
    Math.abs(piece.x1 - target.x1) <= fontSize ||
    Math.abs(piece.x0 + piece.x1 - target.x0 - target.x1) <= fontSize;
  // A later line of a wrapped cell is never wider than the earlier ones.
  const below = piece.y > target.y;
  return aligned && (!below || piece.x1 - piece.x0 <= target.x1 - target.x0 + fontSize);
}

/**
 * How `piece` relates to `target`: each of its cells either continues a different single cell of
 * `target` or sits in a column where `target` has nothing (beside vertically centred values).
 */
function relation(piece: PageLine, target: PageLine): 'continues' | 'beside' | undefined {
  const tolerance = 0.1 * piece.fontSize;
  const used = new Set<PlacedCell>();
  let continued = 0;
  for (const cell of piece.cells) {
    const touched = target.cells.filter((other) => overlap(cell, other) > tolerance);
    if (touched.length === 0) continue;
    const [only] = touched;
    if (touched.length !== 1 || only === undefined || used.has(only)) return undefined;
    if (!continuesCell(cell, only, piece.fontSize)) return undefined;
    used.add(only);
    continued += 1;
  }
  return continued > 0 ? 'continues' : 'beside';
}

function lineY(line: PageLine): number {
  return line.cells[0]?.y ?? 0;
}

function similarFontSize(a: PageLine, b: PageLine): boolean {
  return Math.abs(a.fontSize - b.fontSize) <= 0.2 * Math.max(a.fontSize, b.fontSize);
}

/**
 * Links each line without values (a piece) into the group of the row it belongs to: a piece joins
 * the nearest line it continues, or a row it sits beside, provided that line is a row or a piece
 * already joined. Shortest links are made first, so a label wrapped over many lines is rebuilt from
 * the row outwards. When no link is left, the widest remaining line (a header row) becomes a row
 * too. Each piece has one link, so a group holds exactly one row.
 */
function linkPieces(lines: readonly PageLine[]): Map<number, number> {
  const links = new Map<number, number>();
  if (lines.length > MAX_LINES_TO_MERGE) return links;
  const isRow = lines.map((line) => line.cells.some(isValueCell));
  const joined = [...isRow];
  const candidates: { piece: number; target: number; distance: number; beside: boolean }[] = [];
  lines.forEach((piece, index) => {
    if (isRow[index] === true) return;
    lines.forEach((target, candidate) => {
      const distance = Math.abs(lineY(target) - lineY(piece));
      if (
        candidate === index ||
        distance > MAX_WRAP_PITCH * piece.fontSize ||
        !similarFontSize(piece, target)
      )
        return;
      const kind = relation(piece, target);
      if (kind === 'continues' || (kind === 'beside' && distance <= MAX_CENTRED_OFFSET * piece.fontSize)) {
        candidates.push({ piece: index, target: candidate, distance, beside: kind === 'beside' });
      }
    });
  });
  // Ties go to the line above: Word aligns cells to the top, so a wrap continues downwards.
  candidates.sort((a, b) => a.distance - b.distance || a.target - b.target);
  const linkShortest = (): boolean => {
    for (const { piece, target, beside } of candidates) {
      const reachable = beside ? isRow[target] === true : joined[target] === true;
      if (joined[piece] === true || !reachable) continue;
      links.set(piece, target);
      joined[piece] = true;
      return true;
    }
    return false;
  };
  for (;;) {
    if (linkShortest()) continue;
    const header = widestLoneLine(lines, joined);
    if (header === undefined) return links;
    isRow[header] = true;
    joined[header] = true;
  }
}

function widestLoneLine(lines: readonly PageLine[], joined: readonly boolean[]): number | undefined {
  let widest: number | undefined;
  lines.forEach((line, index) => {
    const cellCount = line.cells.length;
    if (joined[index] === true || cellCount < MIN_HEADER_CELLS) return;
    if (widest === undefined || cellCount > (lines[widest]?.cells.length ?? 0)) widest = index;
  });
  return widest;
}

/** Folds the pieces of wrapped cells into their rows and returns the page's lines in reading order. */
export function mergeWrappedCells(lines: readonly PageLine[]): DocLine[] {
  const links = linkPieces(lines);
  const rowOf = (index: number): number => {
    let current = index;
    for (let next = links.get(current); next !== undefined; next = links.get(current)) current = next;
    return current;
  };
  const bands = new Map<number, PageLine[]>();
  lines.forEach((line, index) => {
    const row = rowOf(index);
    bands.set(row, [...(bands.get(row) ?? []), line]);
  });
  return [...bands.values()]
    .map((band) => ({ top: Math.min(...band.map(lineY)), cells: bandCells(band) }))
    .sort((a, b) => a.top - b.top)
    .map((band) => band.cells);
}

/** The cells of a band: pieces that share columns are joined top to bottom. */
function bandCells(band: readonly PageLine[]): string[] {
  const [single] = band;
  if (band.length === 1 && single !== undefined) return single.cells.map((cell) => cell.text);
  const columns: PlacedCell[][] = [];
  for (const cell of band.flatMap((line) => line.cells)) {
    const touching = columns.filter((column) => column.some((other) => overlap(cell, other) > 0));
    const merged = [cell, ...touching.flat()];
    for (const column of touching) columns.splice(columns.indexOf(column), 1);
    columns.push(merged);
  }
  return columns
    .map((column) => column.toSorted((a, b) => a.y - b.y || a.x0 - b.x0))
    .sort((a, b) => Math.min(...a.map((cell) => cell.x0)) - Math.min(...b.map((cell) => cell.x0)))
    .map((column) => column.reduce((text, cell) => joinText(text, cell.text, true), ''));
}
