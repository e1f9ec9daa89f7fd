// Rich-text bodies: HTML an editor writes, cut down to an explicit allowlist before it is stored and again
// before it is shown. Stored as `body_html`; `body` keeps its text content, so the content checks (whose
// offsets refer to that text), search and every other reader of `body` see plain text.
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'a',
  'img',
];

/** The address of an item's attachment, as the public page serves it. */
export function attachmentHref(itemId: number, attachmentId: number): string {
  return `/disclosure/items/${itemId}/attachments/${attachmentId}`;
}

/**
 * The HTML kept from `html`: only the allowlisted tags; links only to http(s), mailto or relative
 * addresses; images only from `imageSources` (the item's own image attachments) and only with their alt
 * text; no style, class, script, iframe or event attributes. Disallowed tags are dropped with their text
 * kept, except script and style whose content goes too.
 */
export function sanitizeBody(html: string, imageSources: ReadonlySet<string> = new Set()): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href'],
      img: ['src', 'alt'],
      th: ['scope', 'colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
    exclusiveFilter: (frame) => frame.tag === 'img' && !imageSources.has(frame.attribs.src ?? ''),
  });
}

const BLOCKS = new Set(['p', 'br', 'h2', 'h3', 'h4', 'li', 'tr', 'caption', 'table', 'ul', 'ol']);

/**
 * The text content of sanitised HTML: one line per block (paragraph, heading, list item, table row,
 * caption), cells of a row separated by a space, entities decoded, no empty lines.
 */
export function textOfHtml(html: string): string {
  let text = '';
  const parser = new Parser(
    {
      ontext(data) {
        text += data.replace(/\s+/g, ' ');
      },
      onopentag(name) {
        if (BLOCKS.has(name)) text += '\n';
        else if (name === 'td' || name === 'th') text += ' ';
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) text += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** What the body of a submitted form will look like once saved: sanitised HTML, or the text's paragraphs. */
export function previewBody(
  form: Readonly<Record<string, unknown>>,
  imageSources: ReadonlySet<string> = new Set(),
): string {
  const body = typeof form.body === 'string' ? form.body : '';
  if (form.bodyFormat === 'html') return sanitizeBody(body, imageSources);
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}
