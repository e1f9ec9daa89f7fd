// Sending a letter over HTTP, for the back office and the applicant's link alike.
import type { FastifyReply } from 'fastify';
import type { LetterDocument } from './model.ts';
import { renderLetterDocx } from './render-docx.ts';
import { LETTER_PAGE_CSP, renderLetterHtml } from './render-html.tsx';

/** The file name of a letter's Word file: ASCII for old clients, the title for the others. */
export function attachmentHeader(letter: LetterDocument): string {
  const name = `${letter.title}${letter.number === null ? '' : `（${letter.number}）`}.docx`;
  return `attachment; filename="letter-${letter.id}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a letter as a print page (with its own CSP for the inline stylesheet) or as a Word file. */
export async function sendLetter(reply: FastifyReply, letter: LetterDocument, format: 'html' | 'docx') {
  reply.header('cache-control', 'no-store');
  if (format === 'docx') {
    return reply
      .type(DOCX)
      .header('content-disposition', attachmentHeader(letter))
      .send(await renderLetterDocx(letter));
  }
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', LETTER_PAGE_CSP)
    .send(renderLetterHtml(letter));
}
