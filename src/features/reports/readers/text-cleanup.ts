// Whitespace rules shared by the readers. Chinese text has no spaces between words, so a line break
// that falls between two CJK characters (an editor wrapping the source, a label broken over lines in
// a cell) is removed, not turned into a space as a browser would for Latin text.

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Han, CJK punctuation, full-width forms: the characters between which a line break means nothing.
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f\\u201c\\u201d\\u2018\\u2019';
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0\\u3000]*[\\r\\n][\\s]*(?=[${CJK}])`, 'g');

/** Collapses whitespace like HTML does, except that line breaks between CJK characters vanish. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(BREAK_BETWEEN_CJK, '').replace(/\s+/g, ' ');
}

/** The text of one cell or paragraph: collapsed and trimmed. */
export function cleanText(text: string): string {
  return collapseWhitespace(text).trim();
}

/** True when the cell holds nothing printable. */
export function isBlank(text: string): boolean {
  return cleanText(text) === '';
}
