// DOCX → ReportDocument: body paragraphs become lines (split into cells on tabs, since some reports
// lay their tables out with tabs), each table row becomes one line with one cell per w:tc.
// A horizontally merged cell (gridSpan) is one w:tc and so one cell; the continuation cells of a
// vertical merge are omitted, so no number is read twice.
import JSZip from 'jszip';
import { parseDocument } from 'htmlparser2';
import { isTag, isText } from 'domhandler';
import type { ChildNode, Element } from 'domhandler';
import type { DocLine, ReportDocument } from '../../../core/report/document.ts';
import { ReadError } from './errors.ts';
import { cleanText } from './text-cleanup.ts';
import { isOle2, isZip } from './file-signatures.ts';

const NOT_DOCX = '不是有效的Word文档（.docx）';
const LEGACY_DOC = '不支持旧版Word（.doc）格式，请另存为.docx';
const ENCRYPTED_DOCX = 'Word文档设置了打开密码，请取消密码后再上传';
const MAX_DOCUMENT_XML_CHARS = 60_000_000;

// Elements whose text is not part of the document as it reads now.
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:pPr',
  'w:rPr',
  'w:tblPr',
  'w:trPr',
  'w:tcPr',
  'w:sectPr',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
  'mc:Fallback',
]);

// Containers that hold blocks (paragraphs, tables) as if they were the body itself.
const BLOCK_CONTAINERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag']);

/** Reads a .docx file. Throws ReadError for .doc, encrypted or damaged files. */
export async function readDocx(data: Buffer | Uint8Array): Promise<ReportDocument> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isOle2(bytes)) {
    const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new ReadError(encrypted ? ENCRYPTED_DOCX : LEGACY_DOC, 'unsupported');
  }
  if (!isZip(bytes)) throw new ReadError(NOT_DOCX, 'corrupt');
  const xml = await loadDocumentXml(bytes);
  const dom = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const body = findFirst(dom.children, 'w:body');
  if (body === undefined) throw new ReadError(NOT_DOCX, 'corrupt');
  const lines: DocLine[] = [];
  walkBlocks(body.children, lines);
  return { lines, source: 'docx' };
}

async function loadDocumentXml(bytes: Uint8Array): Promise<string> {
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    const entry = zip.file('word/document.xml');
    if (entry === null) throw new ReadError(NOT_DOCX, 'corrupt');
    xml = await entry.async('string');
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(NOT_DOCX, 'corrupt', { cause: error });
  }
  if (xml.length > MAX_DOCUMENT_XML_CHARS) throw new ReadError('Word文档内容过大，无法读取', 'too-large');
  return xml;
}

function walkBlocks(nodes: readonly ChildNode[], lines: DocLine[]): void {
  for (const node of nodes) {
    if (!isTag(node) || SKIPPED.has(node.name)) continue;
    if (node.name === 'w:p') emitParagraph(node, lines);
    else if (node.name === 'w:tbl') emitTable(node, lines);
    else if (BLOCK_CONTAINERS.has(node.name)) walkBlocks(node.children, lines);
  }
}

interface InlineSink {
  text(value: string): void;
  tab(): void;
  lineBreak(): void;
  textbox(content: Element): void;
}

function walkInline(nodes: readonly ChildNode[], sink: InlineSink): void {
  for (const node of nodes) {
    if (!isTag(node) || SKIPPED.has(node.name)) continue;
    switch (node.name) {
      case 'w:t':
        sink.text(node.children.map((child) => (isText(child) ? child.data : '')).join(''));
        break;
      case 'w:tab':
      case 'w:ptab':
        sink.tab();
        break;
      case 'w:br':
      case 'w:cr':
        sink.lineBreak();
        break;
      case 'w:noBreakHyphen':
        sink.text('-');
        break;
      case 'w:txbxContent':
        sink.textbox(node);
        break;
      default:
        walkInline(node.children, sink);
    }
  }
}

function emitParagraph(paragraph: Element, lines: DocLine[]): void {
  const textboxes: Element[] = [];
  let cells: string[] = [''];
  const flushLine = (): void => {
    const cleaned = cells.map(cleanText);
    while (cleaned.length > 0 && cleaned[0] === '') cleaned.shift();
    while (cleaned.length > 0 && cleaned.at(-1) === '') cleaned.pop();
    // Tabs are layout: a run of tabs is one separator, not a row of blank cells.
    const line = cleaned.filter((cell) => cell !== '');
    if (line.length > 0) lines.push(line);
    cells = [''];
  };
  walkInline(paragraph.children, {
    text: (value) => {
      cells[cells.length - 1] = (cells.at(-1) ?? '') + value;
    },
    tab: () => cells.push(''),
    lineBreak: flushLine,
    textbox: (content) => textboxes.push(content),
  });
  flushLine();
  for (const textbox of textboxes) walkBlocks(textbox.children, lines);
}

function emitTable(table: Element, lines: DocLine[]): void {
  for (const row of childrenThrough(table, 'w:tr')) {
    if (isDeletedRow(row)) continue;
    const cells = childrenThrough(row, 'w:tc').filter((cell) => !isVerticalMergeContinuation(cell));
    if (cells.some((cell) => findFirst(cell.children, 'w:tbl') !== undefined)) {
      // A layout row around other tables: its cells read as ordinary content.
      for (const cell of cells) walkBlocks(cell.children, lines);
      continue;
    }
    const texts = cells.map(cellText);
    if (texts.some((text) => text !== '')) lines.push(texts);
  }
}

/** Direct children named `name`, looking through content controls and custom XML wrappers. */
function childrenThrough(parent: Element, name: string): Element[] {
  const found: Element[] = [];
  for (const node of parent.children) {
    if (!isTag(node)) continue;
    if (node.name === name) found.push(node);
    else if (BLOCK_CONTAINERS.has(node.name)) found.push(...childrenThrough(node, name));
  }
  return found;
}

function isDeletedRow(row: Element): boolean {
  const properties = findChild(row, 'w:trPr');
  return properties !== undefined && findChild(properties, 'w:del') !== undefined;
}

function isVerticalMergeContinuation(cell: Element): boolean {
  const properties = findChild(cell, 'w:tcPr');
  const merge = properties === undefined ? undefined : findChild(properties, 'w:vMerge');
  return merge !== undefined && merge.attribs['w:val'] !== 'restart';
}

function cellText(cell: Element): string {
  let text = '';
  const paragraphs = collectParagraphs(cell);
  for (const paragraph of paragraphs) {
    walkInline(paragraph.children, {
      text: (value) => (text += value),
      tab: () => (text += ' '),
      lineBreak: () => undefined,
      textbox: () => undefined,
    });
  }
  return cleanText(text);
}

function collectParagraphs(parent: Element): Element[] {
  const found: Element[] = [];
  for (const node of parent.children) {
    if (!isTag(node) || SKIPPED.has(node.name)) continue;
    if (node.name === 'w:p') found.push(node);
    else if (BLOCK_CONTAINERS.has(node.name)) found.push(...collectParagraphs(node));
  }
  return found;
}

function findChild(parent: Element, name: string): Element | undefined {
  return parent.children.find((node): node is Element => isTag(node) && node.name === name);
}

function findFirst(nodes: readonly ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    const inner = findFirst(node.children, name);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
