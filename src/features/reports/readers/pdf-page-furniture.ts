// Running heads, running feet and page numbers are not part of the report: a stray "3" read from a
// page foot could land in a table. Only lines in the page's extreme margins are candidates, so a
// lone number that is a table cell is never taken for a page number.
import type { PlacedCell } from './pdf-layout.ts';

export interface PageLine {
  readonly cells: readonly PlacedCell[];
  readonly fontSize: number;
}

interface PageBox {
  readonly height: number;
}

// Fractions of the page height.
const PAGE_NUMBER_MARGIN = 0.1;
const RUNNING_LINE_MARGIN = 0.12;
const SAME_POSITION = 0.02;
// How many lines at each end of a page may be furniture.
const EDGE_LINES = 2;

const PAGE_NUMBER_PATTERNS = [
  /^[-—–－―~\s]*\d{1,4}[-—–－―~\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

function lineText(line: PageLine): string {
  return line.cells.map((cell) => cell.text).join(' ');
}

export function isPageNumberText(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER_PATTERNS.some((pattern) => pattern.test(trimmed));
}

function lineY(line: PageLine): number {
  return line.cells[0]?.y ?? 0;
}

/** Indexes of the lines at the top and bottom edge of a page that lie in the margin band. */
function edgeLineIndexes(lines: readonly PageLine[], page: PageBox, margin: number): number[] {
  const indexes: number[] = [];
  const count = lines.length;
  for (let index = 0; index < count; index += 1) {
    const atEdge = index < EDGE_LINES || index >= count - EDGE_LINES;
    const y = lineY(lines[index] ?? { cells: [], fontSize: 0 });
    const inMargin = y <= page.height * margin || y >= page.height * (1 - margin);
    if (atEdge && inMargin) indexes.push(index);
  }
  return indexes;
}

/** A running line's identity: its text with the digits (page numbers, dates) blurred. */
function runningKey(line: PageLine, page: PageBox): string {
  const band = Math.round(lineY(line) / (page.height * SAME_POSITION));
  return `${band}|${lineText(line).replace(/\s+/g, '').replace(/\d+/g, '#')}`;
}

export function dropPageFurniture(pages: readonly PageBox[], pageLines: readonly PageLine[][]): PageLine[][] {
  const pagesWithKey = new Map<string, number>();
  pageLines.forEach((lines, pageIndex) => {
    const page = pages[pageIndex];
    if (page === undefined) return;
    const keys = new Set(
      edgeLineIndexes(lines, page, RUNNING_LINE_MARGIN)
        .map((index) => lines[index])
        .filter((line): line is PageLine => line !== undefined && line.cells.length <= 2)
        .map((line) => runningKey(line, page)),
    );
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  });
  const repeatThreshold = Math.max(2, Math.ceil(pageLines.length * 0.5));

  return pageLines.map((lines, pageIndex) => {
    const page = pages[pageIndex];
    if (page === undefined) return [...lines];
    const dropped = new Set<number>();
    for (const index of edgeLineIndexes(lines, page, PAGE_NUMBER_MARGIN)) {
      const line = lines[index];
      if (line !== undefined && isPageNumberText(lineText(line))) dropped.add(index);
    }
    for (const index of edgeLineIndexes(lines, page, RUNNING_LINE_MARGIN)) {
      const line = lines[index];
      if (line === undefined || line.cells.length > 2) continue;
      if ((pagesWithKey.get(runningKey(line, page)) ?? 0) >= repeatThreshold) dropped.add(index);
    }
    return lines.filter((_, index) => !dropped.has(index));
  });
}
