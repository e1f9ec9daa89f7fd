// A letter as a standalone, print-ready HTML page (A4, the margins of GB/T 9704-2012): title, number,
// addressee, the text, the signing agency and date, and the disclosure office's contact details.
// Escaping is preact's; the stylesheet is inline, allowed by its hash in the page's own CSP.
import { createHash } from 'node:crypto';
import { render } from 'preact-render-to-string';
import { chineseDate } from '../../core/letters/numbering.ts';
import type { LetterDocument } from './model.ts';

const BODY_FONTS = '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "宋体", SimSun, "Songti SC", serif';
const HEADING_FONTS = '"黑体", SimHei, "Heiti SC", "Source Han Sans SC", "Noto Sans CJK SC", sans-serif';
const TITLE_FONTS = '"方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "宋体", SimSun, serif';

export const LETTER_STYLESHEET = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 42rem; padding: 2rem 1.5rem; font-family: ${BODY_FONTS};
  font-size: 16pt; line-height: 1.75; color: #000; background: #fff; }
h1 { font-family: ${TITLE_FONTS}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 0.5em;
  line-height: 1.5; }
.letter-number { text-align: center; margin: 0 0 1.5em; }
.addressee { margin: 0; }
.letter-text p { text-indent: 2em; margin: 0; text-align: justify; }
.signature { margin: 2em 0 0; text-align: right; }
.signature p { margin: 0; padding-right: 2em; }
.contact { margin-top: 2.5em; padding-top: 0.5em; border-top: 1px solid #000; font-size: 12pt; line-height: 1.6; }
.contact h2 { font-family: ${HEADING_FONTS}; font-size: 12pt; font-weight: normal; margin: 0; }
.contact p { margin: 0; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { max-width: none; padding: 0; }
  .signature, .contact { break-inside: avoid; page-break-inside: avoid; }
}
`;

/** The Content-Security-Policy of a letter page: nothing but its own inline stylesheet. */
export const LETTER_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(LETTER_STYLESHEET).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function LetterPage({ letter }: { letter: LetterDocument }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{letter.number === null ? letter.title : `${letter.title}（${letter.number}）`}</title>
        <style dangerouslySetInnerHTML={{ __html: LETTER_STYLESHEET }} />
      </head>
      <body>
        <article data-testid="letter" data-kind={letter.kind}>
          <h1>{letter.title}</h1>
          {letter.number === null ? null : (
            <p class="letter-number" data-testid="letter-number">
              {letter.number}
            </p>
          )}
          <p class="addressee" data-testid="addressee">
            {letter.addressee}：
          </p>
          <div class="letter-text" data-testid="letter-text">
            {letter.paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
          <div class="signature" data-testid="signature">
            <p>{letter.agencyName}</p>
            <p>{chineseDate(letter.issuedOn)}</p>
          </div>
          {letter.contactLines.length === 0 ? null : (
            <footer class="contact" data-testid="contact">
              <h2>联系方式</h2>
              {letter.contactLines.map((line, index) => (
                <p key={index}>{line}</p>
              ))}
            </footer>
          )}
        </article>
      </body>
    </html>
  );
}

/** The letter as a complete HTML5 document. */
export function renderLetterHtml(letter: LetterDocument): string {
  return `<!DOCTYPE html>\n${render(<LetterPage letter={letter} />)}\n`;
}
