// Highlighted snippets of search results: the text is cut around the first term found and split into
// runs that are or are not a term, so views mark the terms without building HTML from text.

export interface Run {
  readonly text: string;
  readonly hit: boolean;
}

/** Splits `text` into runs, marking every occurrence of a term (case-insensitive, longest first). */
export function highlight(text: string, terms: readonly string[]): Run[] {
  const ordered = [...new Set(terms.filter((term) => term !== ''))].sort((a, b) => b.length - a.length);
  if (ordered.length === 0 || text === '') return text === '' ? [] : [{ text, hit: false }];
  const lower = text.toLowerCase();
  const runs: Run[] = [];
  let plain = 0;
  let at = 0;
  while (at < text.length) {
    const term = ordered.find((candidate) => lower.startsWith(candidate, at));
    if (term === undefined) {
      at += 1;
      continue;
    }
    if (at > plain) runs.push({ text: text.slice(plain, at), hit: false });
    runs.push({ text: text.slice(at, at + term.length), hit: true });
    at += term.length;
    plain = at;
  }
  if (plain < text.length) runs.push({ text: text.slice(plain), hit: false });
  return runs;
}

/**
 * A window of about `width` characters of `text` around the first term found (the start of the text
 * when none is), with an ellipsis where it was cut, split into runs.
 */
export function snippet(text: string, terms: readonly string[], width = 80): Run[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  const lower = flat.toLowerCase();
  const first = terms
    .filter((term) => term !== '')
    .map((term) => lower.indexOf(term))
    .filter((index) => index >= 0)
    .reduce((min, index) => Math.min(min, index), Number.POSITIVE_INFINITY);
  // Index in code units → index in characters, so the cut never splits a surrogate pair.
  const firstChar = Number.isFinite(first) ? Array.from(flat.slice(0, first)).length : 0;
  const start = Math.max(0, Math.min(firstChar - Math.floor(width / 4), chars.length - width));
  const end = Math.min(chars.length, start + width);
  const cut = `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
  return highlight(cut, terms);
}
