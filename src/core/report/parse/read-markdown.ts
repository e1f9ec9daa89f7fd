import type { DocLine, ReportDocument } from '../document.ts';
import { foldWidth, isPageNoise } from './normalize.ts';
import { splitLines } from './read-plain-text.ts';

// Markdown as produced by PDF-to-Markdown converters: GFM pipe tables, headings, emphasis, `<br>` in
// cells, lines broken at the page width, running page headers/footers and page numbers.

const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/u;
const SENTENCE_END = /[。！？；：.!?;:]$/u;
const NUMBERED_START =
  /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十]+)/u;
/** A line at least this long that does not end a sentence was probably broken by the page width. */
const WRAPPED_LINE_LENGTH = 20;
const RUNNING_HEADER_REPEATS = 3;
const RUNNING_HEADER_MAX_LENGTH = 40;
// Shorter repeated lines are table cells (结果维持, 信息内容, 0), not running headers.
const RUNNING_HEADER_MIN_LENGTH = 8;

type Block = { kind: 'row'; cells: string[] } | { kind: 'text'; text: string; heading: boolean };

export function readMarkdown(text: string): ReportDocument {
  const blocks = dropRunningHeaders(toBlocks(splitLines(text.replace(/<!--[\s\S]*?-->/gu, ''))));
  const lines: DocLine[] = [];
  for (const block of blocks) {
    if (block.kind === 'row') lines.push(block.cells);
    else lines.push([block.text]);
  }
  return { lines, source: 'markdown' };
}

function toBlocks(rawLines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: { text: string; lastLine: string } | null = null;
  const flush = (): void => {
    if (paragraph !== null) blocks.push({ kind: 'text', text: paragraph.text, heading: false });
    paragraph = null;
  };

  for (const raw of rawLines) {
    const line = raw.trim();
    if (line.length === 0) {
      flush();
      continue;
    }
    if (isTableRow(line)) {
      flush();
      if (!SEPARATOR_ROW.test(line)) blocks.push({ kind: 'row', cells: tableCells(line) });
      continue;
    }
    if (isPageNoise(stripInline(line))) continue;
    const heading = /^#{1,6}\s/u.test(line);
    const content = stripInline(
      line
        .replace(/^#{1,6}\s+/u, '')
        .replace(/^>\s?/u, '')
        .replace(/^[-*+]\s+/u, ''),
    );
    if (content.length === 0) continue;
    if (heading) {
      flush();
      blocks.push({ kind: 'text', text: content, heading: true });
      continue;
    }
    if (paragraph !== null && continuesParagraph(paragraph.lastLine, content)) {
      paragraph = { text: joinWrapped(paragraph.text, content), lastLine: content };
    } else {
      flush();
      paragraph = { text: content, lastLine: content };
    }
  }
  flush();
  return blocks;
}

function isTableRow(line: string): boolean {
  if (line.startsWith('|')) return true;
  return (line.match(/(?<!\\)\|/gu)?.length ?? 0) >= 2;
}

function tableCells(line: string): string[] {
  const pieces = line.split(/(?<!\\)\|/u);
  if (line.startsWith('|')) pieces.shift();
  if (line.endsWith('|') && !line.endsWith('\\|') && pieces.length > 0) pieces.pop();
  return pieces.map((piece) => stripInline(piece.replace(/<br\s*\/?>/giu, ' ')));
}

/** Removes inline Markdown and HTML: emphasis, links, images, tags, escapes. */
function stripInline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/<br\s*\/?>/giu, '')
    .replace(/<\/?[a-z][^>]*>/giu, '')
    .replace(/&nbsp;/gu, ' ')
    .replace(/\*\*|__|~~|`/gu, '')
    .replace(/(^|[^\\])\*(\S[^*]*?)\*/gu, '$1$2')
    .replace(/\\([\\|*_#[\]()`~-])/gu, '$1')
    .trim();
}

function continuesParagraph(previous: string, next: string): boolean {
  if (previous.length < WRAPPED_LINE_LENGTH || SENTENCE_END.test(previous)) return false;
  return !NUMBERED_START.test(next);
}

/** Joins a line broken by the page width: CJK text joins directly, Latin words and numbers keep a space. */
function joinWrapped(left: string, right: string): string {
  const last = left.at(-1) ?? '';
  const first = right[0] ?? '';
  return /[\p{L}\p{N}]/u.test(last) && /[\p{L}\p{N}]/u.test(first) && !isCjk(last) && !isCjk(first)
    ? `${left} ${right}`
    : `${left}${right}`;
}

function isCjk(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}

/** A short line repeated on many pages (the running header or footer) is kept only the first time. */
function dropRunningHeaders(blocks: Block[]): Block[] {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind !== 'text') continue;
    const key = foldWidth(block.text).replace(/\s/gu, '');
    if (key.length > RUNNING_HEADER_MAX_LENGTH || key.length < RUNNING_HEADER_MIN_LENGTH) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  return blocks.filter((block) => {
    if (block.kind !== 'text') return true;
    const key = foldWidth(block.text).replace(/\s/gu, '');
    if ((counts.get(key) ?? 0) < RUNNING_HEADER_REPEATS) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
