// Search terms and what the databases are asked: the same terms become an FTS5 MATCH expression on
// SQLite and a tsquery on PostgreSQL, and the same rank expression orders the results on both.

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 100;
/** Most distinct terms of one query that take part in matching (the rest are ignored). */
export const MAX_TERMS = 12;
/** How much more a term found in the title counts than one found elsewhere. */
export const TITLE_WEIGHT = 2;

/**
 * Normalises one token of the segmenter: full-width to half-width, lower case, and only letters and
 * digits kept. A token that is all punctuation or space disappears. Both databases then see tokens that
 * neither FTS5's unicode61 tokenizer nor a tsquery would split or alter.
 */
export function normaliseToken(token: string): string {
  return token
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Distinct normalised tokens in first-seen order, at most `limit`. */
export function distinctTerms(tokens: readonly string[], limit = Number.POSITIVE_INFINITY): string[] {
  const seen = new Set<string>();
  for (const token of tokens) {
    const term = normaliseToken(token);
    if (term !== '' && !seen.has(term)) seen.add(term);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

/** FTS5: every term must occur; each is a quoted string so no term is read as an operator. */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ');
}

/** PostgreSQL: every term must occur; each is a quoted lexeme so no term is read as an operator. */
export function tsqueryText(terms: readonly string[]): string {
  return terms.map((term) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`).join(' & ');
}

/** The space-padded form in which a term is looked for in a stored token list (for the rank). */
export function paddedTerm(term: string): string {
  return ` ${term} `;
}

/** The stored token list: space-separated, padded so that every term is found as ` term `. */
export function tokenList(tokens: readonly string[]): string {
  return tokens.length === 0 ? '' : ` ${tokens.join(' ')} `;
}
