// HTML → ReportDocument. Paragraph-like blocks become one-cell lines; each row of a data table
// becomes one line with one cell per td/th in document order. Spans are not expanded: the parser
// anchors on row labels and reads the numbers after them, so a duplicated cell would duplicate a number.
import { parseDocument } from 'htmlparser2';
import { isTag, isText } from 'domhandler';
import type { ChildNode, Element } from 'domhandler';
import type { DocLine, ReportDocument } from '../../../core/report/document.ts';
import { cleanText } from './text-cleanup.ts';

const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'head',
  'title',
  'nav',
  'iframe',
  'select',
  'template',
  'svg',
  'object',
  'embed',
  'textarea',
  'button',
  'input',
]);

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'main',
  'aside',
  'blockquote',
  'pre',
  'address',
  'figure',
  'figcaption',
  'center',
  'caption',
  'hr',
  'body',
  'html',
  'header',
  'footer',
  'form',
  'fieldset',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
]);

// Inside a cell, block boundaries and <br> are joined without a separator (a label broken over lines).
const JOIN_MARK = '\ue000';
// A cell this long with several paragraphs is page layout, not a table cell.
const LAYOUT_CELL_MIN_CHARS = 100;

interface WalkContext {
  /** Inside <article>/<main>, where <header>/<footer> hold the report's own title, not site chrome. */
  readonly inArticle: boolean;
}

class LineCollector {
  readonly lines: DocLine[] = [];
  private inline = '';

  addText(text: string): void {
    this.inline += text;
  }

  breakLine(): void {
    const text = cleanText(this.inline);
    this.inline = '';
    if (text !== '') this.lines.push([text]);
  }

  addRow(cells: readonly string[]): void {
    this.breakLine();
    if (cells.some((cell) => cell !== '')) this.lines.push(cells);
  }
}

/** Reads an HTML page (already decoded to a string) into lines and table rows. */
export function readHtml(html: string): ReportDocument {
  const dom = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const out = new LineCollector();
  walkChildren(dom.children, out, { inArticle: false });
  out.breakLine();
  return { lines: out.lines, source: 'html' };
}

function walkChildren(nodes: readonly ChildNode[], out: LineCollector, context: WalkContext): void {
  for (const node of nodes) walkNode(node, out, context);
}

function walkNode(node: ChildNode, out: LineCollector, context: WalkContext): void {
  if (isText(node)) {
    out.addText(node.data);
    return;
  }
  if (!isTag(node) || isDropped(node, context)) return;
  const tag = node.name;
  if (tag === 'br') {
    out.breakLine();
    return;
  }
  if (tag === 'table') {
    out.breakLine();
    walkTable(node, out, context);
    out.breakLine();
    return;
  }
  const childContext = tag === 'article' || tag === 'main' ? { inArticle: true } : context;
  const isBlock = BLOCK_TAGS.has(tag);
  if (isBlock) out.breakLine();
  walkChildren(node.children, out, childContext);
  if (isBlock) out.breakLine();
}

function isDropped(element: Element, context: WalkContext): boolean {
  const tag = element.name;
  if (DROPPED_TAGS.has(tag) || isHidden(element)) return true;
  if ((tag === 'header' || tag === 'footer') && !context.inArticle) return true;
  // ASP.NET sites wrap the whole page in one <form>: only a form without the report in it is chrome.
  if (tag === 'form') return !hasDescendant(element, 'table') && textOf(element).length < 200;
  return false;
}

function isHidden(element: Element): boolean {
  const attributes = element.attribs;
  if ('hidden' in attributes || attributes['aria-hidden'] === 'true') return true;
  const style = (attributes.style ?? '').toLowerCase();
  return /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/.test(style);
}

function walkTable(table: Element, out: LineCollector, context: WalkContext): void {
  let strayCells: Element[] = [];
  const flushStrayCells = (): void => {
    if (strayCells.length > 0) emitRow(strayCells, out, context);
    strayCells = [];
  };
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isTag(node) && isDropped(node, context)) continue;
      if (isTag(node) && (node.name === 'td' || node.name === 'th')) {
        strayCells.push(node);
        continue;
      }
      flushStrayCells();
      if (!isTag(node)) walkNode(node, out, context);
      else if (node.name === 'tr') emitRow(cellsOfRow(node, context), out, context);
      else if (['thead', 'tbody', 'tfoot', 'colgroup'].includes(node.name)) visit(node.children);
      else walkNode(node, out, context);
    }
    flushStrayCells();
  };
  visit(table.children);
}

/** The td/th of a row, also when junk markup (<font>, <span>) sits between the tr and its cells. */
function cellsOfRow(row: Element, context: WalkContext): Element[] {
  const cells: Element[] = [];
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node) || isDropped(node, context) || node.name === 'table' || node.name === 'tr') continue;
      // An unclosed <font> or <span> makes the next <td> its child: it is still the next cell.
      if (node.name === 'td' || node.name === 'th') cells.push(node);
      visit(node.children);
    }
  };
  visit(row.children);
  return cells;
}

function emitRow(cells: readonly Element[], out: LineCollector, context: WalkContext): void {
  if (cells.some((cell) => isLayoutCell(cell, context, cells.length === 1))) {
    // A layout row: its cells' content reads as ordinary lines (and leaf tables as rows).
    for (const cell of cells) {
      out.breakLine();
      walkChildren(cell.children, out, context);
      out.breakLine();
    }
    return;
  }
  out.addRow(cells.map((cell) => cellText(cell, context)));
}

function isLayoutCell(cell: Element, context: WalkContext, isOnlyCell: boolean): boolean {
  if (hasDescendant(cell, 'table', context)) return true;
  if (hasDescendant(cell, /^h[1-6]$/, context)) return true;
  const blockCount = countDescendants(cell, (element) => ['p', 'div', 'li'].includes(element.name), context);
  return blockCount >= 2 && (isOnlyCell || textOf(cell).length >= LAYOUT_CELL_MIN_CHARS);
}

function cellText(cell: Element, context: WalkContext): string {
  let text = '';
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) text += node.data;
      else if (isTag(node) && !isDropped(node, context) && node.name !== 'td' && node.name !== 'th') {
        const isBoundary = node.name === 'br' || BLOCK_TAGS.has(node.name);
        if (isBoundary) text += JOIN_MARK;
        visit(node.children);
        if (isBoundary) text += JOIN_MARK;
      }
    }
  };
  visit(cell.children);
  return cleanText(text.replace(/\s*\ue000[\s\ue000]*/g, JOIN_MARK).replaceAll(JOIN_MARK, ''));
}

function hasDescendant(element: Element, name: string | RegExp, context?: WalkContext): boolean {
  const matches = (candidate: Element): boolean =>
    typeof name === 'string' ? candidate.name === name : name.test(candidate.name);
  return countDescendants(element, matches, context, 1) > 0;
}

function countDescendants(
  element: Element,
  matches: (candidate: Element) => boolean,
  context?: WalkContext,
  stopAt = Number.POSITIVE_INFINITY,
): number {
  let count = 0;
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (count >= stopAt) return;
      if (!isTag(node) || (context !== undefined && isDropped(node, context))) continue;
      if (matches(node)) count += 1;
      visit(node.children);
    }
  };
  visit(element.children);
  return count;
}

function textOf(element: Element): string {
  let text = '';
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) text += node.data;
      else if (isTag(node) && !DROPPED_TAGS.has(node.name)) visit(node.children);
    }
  };
  visit(element.children);
  return cleanText(text);
}
