// Search terms and what the databases are asked: the same terms become an FTS5 MATCH expression on
// SQLite and a tsquery on PostgreSQL; results are ordered alike on both (see order.ts).

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 100;
/** Most distinct terms of one query that take part in matching (the rest are ignored). */
export const MAX_TERMS = 12;

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

/** An FTS5 string: quoted, so no term is read as an operator. */
function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The filters of a search as facet tokens (see core/search/order.ts); null where not filtered. */
export interface FacetFilter {
  /** Tokens of the units searched (a unit and its subtree), any of which may match. */
  readonly units: readonly string[] | null;
  readonly year: string | null;
  readonly category: string | null;
  readonly genre: string | null;
}

/**
 * FTS5: every term in the title or the other text, and every filter in the facet column. The terms are
 * kept out of the facet column so that a query for a facet token finds nothing there.
 */
export function ftsMatchExpression(terms: readonly string[], filter: FacetFilter): string {
  const parts: string[] = [];
  if (terms.length > 0) parts.push(`{title body} : (${terms.map(ftsString).join(' AND ')})`);
  if (filter.units !== null) parts.push(`facets : (${filter.units.map(ftsString).join(' OR ')})`);
  for (const token of [filter.year, filter.category, filter.genre]) {
    if (token !== null) parts.push(`facets : ${ftsString(token)}`);
  }
  return parts.join(' AND ');
}

/** Most terms for which the rank tiers are asked one by one (ftsTitleTier); more take the hit lists. */
export const MAX_TIERED_TERMS = 5;

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, size - 1).map((subset) => [first, ...subset]), ...subsets(rest, size)];
}

/** FTS5: the matches of `expression` whose title holds exactly `rank` of the terms. */
export function ftsTitleTier(expression: string, terms: readonly string[], rank: number): string {
  if (rank === 0) return ftsNoTitleHit(expression, terms);
  const all = (list: readonly string[]) => `title : (${list.map(ftsString).join(' AND ')})`;
  if (rank === terms.length) return `(${expression}) AND ${all(terms)}`;
  const exactly = subsets(terms, rank).map((held) => {
    const others = terms.filter((term) => !held.includes(term));
    return `(${all(held)} NOT title : (${others.map(ftsString).join(' OR ')}))`;
  });
  return `(${expression}) AND (${exactly.join(' OR ')})`;
}

/** FTS5: the matches of `expression` whose title holds `term`. */
export function ftsTitleHits(expression: string, term: string): string {
  return `(${expression}) AND title : ${ftsString(term)}`;
}

/** FTS5: the matches of `expression` whose title holds none of the terms. */
export function ftsNoTitleHit(expression: string, terms: readonly string[]): string {
  return `(${expression}) NOT title : (${terms.map(ftsString).join(' OR ')})`;
}

/** PostgreSQL: every term must occur; each is a quoted lexeme so no term is read as an operator. */
export function tsqueryText(terms: readonly string[]): string {
  return terms.map((term) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`).join(' & ');
}

/** The space-padded form in which a term is looked for in a stored token list (PostgreSQL's rank). */
export function paddedTerm(term: string): string {
  return ` ${term} `;
}

/** The stored token list: space-separated, padded so that every term is found as ` term `. */
export function tokenList(tokens: readonly string[]): string {
  return tokens.length === 0 ? '' : ` ${tokens.join(' ')} `;
}
