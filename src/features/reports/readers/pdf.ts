// PDF → ReportDocument through pdfjs-dist: text items with their positions, laid out by pdf-layout.
// Everything pdfjs needs (worker code, CMaps for Chinese CID fonts, standard fonts) is read from the
// installed package; nothing is fetched at run time.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { ReportDocument } from '../../../core/report/document.ts';
import { ReadError } from './errors.ts';
import { layoutPages } from './pdf-layout.ts';
import type { PageText, TextFragment } from './pdf-layout.ts';

const MAX_PAGES = 300;
const MAX_TEXT_ITEMS = 300_000;
const TIME_LIMIT_MS = 60_000;
// Fewer printable characters than this in the whole file: the pages are pictures.
const MIN_TEXT_CHARS = 10;

const SCANNED = '扫描版PDF没有文字层，无法读取（需要先做文字识别OCR）';
const ENCRYPTED = 'PDF文件设置了打开密码，无法读取，请取消密码后再上传';
const CORRUPT = 'PDF文件已损坏或不完整，无法读取';
const TOO_MANY_PAGES = `PDF页数过多（超过${MAX_PAGES}页），无法读取`;
const TOO_COMPLEX = 'PDF文件内容过多或过于复杂，无法在限定时间内读取';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

// pdfjs takes most of a second to load, so it is loaded on the first PDF, not on start-up.
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => {
    // In Node pdfjs always runs its worker code on the main thread ("fake worker"); it loads that code
    // with a dynamic import of workerSrc, which must therefore point at the installed file.
    module.GlobalWorkerOptions.workerSrc = pathToFileURL(
      join(pdfjsRoot, 'legacy', 'build', 'pdf.worker.mjs'),
    ).href;
    return module;
  });
  return pdfjs;
}

/** Reads a PDF with a text layer. Throws ReadError for scans, encrypted or damaged files. */
export async function readPdf(data: Buffer | Uint8Array): Promise<ReportDocument> {
  const deadline = Date.now() + TIME_LIMIT_MS;
  // pdfjs takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const bytes = new Uint8Array(data);
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    wasmUrl: join(pdfjsRoot, 'wasm') + '/',
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await withDeadline(task.promise, deadline);
    if (pdf.numPages > MAX_PAGES) throw new ReadError(TOO_MANY_PAGES, 'too-large');
    const pages = await readPages(pdf, deadline);
    const printable = pages.reduce(
      (sum, page) => sum + page.fragments.reduce((count, fragment) => count + fragment.text.trim().length, 0),
      0,
    );
    if (printable < MIN_TEXT_CHARS) throw new ReadError(SCANNED, 'scanned-pdf');
    return { lines: layoutPages(pages), source: 'pdf' };
  } catch (error) {
    throw toReadError(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readPages(pdf: PDFDocumentProxy, deadline: number): Promise<PageText[]> {
  const pages: PageText[] = [];
  let itemCount = 0;
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
    const page = await withDeadline(pdf.getPage(pageNumber), deadline);
    const text = await withDeadline(pageText(page), deadline);
    itemCount += text.fragments.length;
    if (itemCount > MAX_TEXT_ITEMS) throw new ReadError(TOO_COMPLEX, 'too-large');
    pages.push(text);
    page.cleanup();
  }
  return pages;
}

async function pageText(page: PDFPageProxy): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const fragments: TextFragment[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const fragment = toFragment(item, viewport.transform);
    if (fragment !== undefined) fragments.push(fragment);
  }
  return { width: viewport.width, height: viewport.height, fragments };
}

/** Places an item on the page (y downwards); rotated text such as watermarks is left out. */
function toFragment(item: TextItem, viewportTransform: number[]): TextFragment | undefined {
  if (item.str.trim() === '') return undefined;
  const [a, b, c, d, x, y] = multiplyTransforms(viewportTransform, item.transform as number[]);
  const fontSize = Math.hypot(c, d) || item.height;
  const horizontal = a > 0 && Math.abs(b) <= 0.05 * a && Math.abs(c) <= 0.05 * Math.abs(d);
  if (!horizontal || !(fontSize > 0) || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return { text: item.str, x, y, width: Math.max(0, item.width), fontSize };
}

/** The product of two PDF affine transforms [a b c d e f]. */
function multiplyTransforms(
  m: readonly number[],
  n: readonly number[],
): [number, number, number, number, number, number] {
  const [m0 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0, m5 = 0] = m;
  const [n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0] = n;
  return [
    m0 * n0 + m2 * n1,
    m1 * n0 + m3 * n1,
    m0 * n2 + m2 * n3,
    m1 * n2 + m3 * n3,
    m0 * n4 + m2 * n5 + m4,
    m1 * n4 + m3 * n5 + m5,
  ];
}

function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        reject(new ReadError(TOO_COMPLEX, 'too-large'));
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

function toReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ReadError(ENCRYPTED, 'unsupported', { cause: error });
  return new ReadError(CORRUPT, 'corrupt', { cause: error });
}
