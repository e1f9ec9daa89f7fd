// Identity codes arrive typed on phones and copied out of Word documents, where full-width forms
// (９１３５…, ｘ) and stray spaces are common; both are the same code to a person.

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  let result = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= FULL_WIDTH_START && codePoint <= FULL_WIDTH_END) {
      result += String.fromCodePoint(codePoint - FULL_TO_HALF_OFFSET);
    } else if (codePoint === IDEOGRAPHIC_SPACE) {
      result += ' ';
    } else {
      result += char;
    }
  }
  return result;
}

/** Half-width, trimmed, upper-case: the form in which codes are checked and stored. */
export function normalizeCode(text: string): string {
  return toHalfWidth(text).trim().toUpperCase();
}
