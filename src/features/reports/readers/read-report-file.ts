// One entry point for an uploaded or downloaded report: the format is told by the content (sites
// serve HTML error pages as ".pdf", Word files as ".doc"), the file name is only a hint.
import type { ReportDocument } from '../../../core/report/document.ts';
import { readMarkdown, readPlainText } from '../../../core/report/parse/index.ts';
import { decodeText } from './decode-text.ts';
import { readDocx } from './docx.ts';
import { ReadError } from './errors.ts';
import { isImage, isOle2, isPdf, isRtf, isZip } from './file-signatures.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';

const MAX_FILE_BYTES = 100 * 1024 * 1024;

export type ReportFileFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

export async function readReportFile(data: Buffer | Uint8Array, filename?: string): Promise<ReportDocument> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length > MAX_FILE_BYTES) throw new ReadError('文件过大（超过100MB），无法读取', 'too-large');
  if (bytes.length === 0) throw new ReadError('文件是空的', 'corrupt');
  const extension = extensionOf(filename);
  if (isPdf(bytes)) return readPdf(bytes);
  if (isZip(bytes) || isOle2(bytes)) {
    rejectOtherOfficeFiles(bytes, extension);
    return readDocx(bytes);
  }
  rejectBinaryFiles(bytes, extension);
  const text = decodeText(bytes);
  rejectNonText(text);
  switch (textFormat(text, extension)) {
    case 'html':
      return readHtml(text);
    case 'markdown':
      return readMarkdown(text);
    case 'text':
      return readPlainText(text);
  }
}

function extensionOf(filename: string | undefined): string {
  const match = /\.([a-z0-9]+)$/i.exec(filename ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

function rejectOtherOfficeFiles(bytes: Uint8Array, extension: string): void {
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
  if (head.includes('xl/') || ['xls', 'xlsx', 'et'].includes(extension)) {
    throw new ReadError(
      '不支持Excel表格文件，请上传PDF、Word（.docx）、网页或文本格式的年度报告',
      'unsupported',
    );
  }
  if (head.includes('OFD.xml') || extension === 'ofd') {
    throw new ReadError('不支持OFD版式文件，请另存为PDF后再上传', 'unsupported');
  }
  if (head.includes('ppt/') || ['ppt', 'pptx'].includes(extension)) {
    throw new ReadError(
      '不支持演示文稿文件，请上传PDF、Word（.docx）、网页或文本格式的年度报告',
      'unsupported',
    );
  }
}

function rejectBinaryFiles(bytes: Uint8Array, extension: string): void {
  if (isImage(bytes)) {
    throw new ReadError('图片文件没有文字层，无法读取（需要先做文字识别OCR）', 'unsupported');
  }
  if (isRtf(bytes) || extension === 'rtf') {
    throw new ReadError('不支持RTF格式，请另存为.docx或PDF后再上传', 'unsupported');
  }
}

/** Decoded text that is mostly control characters or replacement marks was not text. */
function rejectNonText(text: string): void {
  const sample = text.slice(0, 8192);
  let junk = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0xfffd) junk += 1;
  }
  if (junk > sample.length * 0.05) {
    throw new ReadError(
      '无法识别的文件格式，请上传PDF、Word（.docx）、网页或文本格式的年度报告',
      'unsupported',
    );
  }
}

export function textFormat(text: string, extension = ''): 'html' | 'markdown' | 'text' {
  // PDF-to-Markdown converters leave comments (`<!-- image -->`) that are not HTML markup.
  const head = text.replace(/<!--[\s\S]*?-->/gu, '').slice(0, 4096);
  if (/^\s*</.test(head) && /<[a-z!?]/i.test(head)) return 'html';
  if (/<(!doctype\s+html|html|body|table|div|p)[\s>]/i.test(head)) return 'html';
  if (['md', 'markdown'].includes(extension)) return 'markdown';
  if (['htm', 'html', 'shtml', 'xhtml'].includes(extension) && /<[a-z]+[\s>]/i.test(head)) return 'html';
  const hasPipeTable = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m.test(text);
  const hasHeading = /^#{1,6}\s+\S/m.test(text);
  return hasPipeTable || hasHeading ? 'markdown' : 'text';
}
