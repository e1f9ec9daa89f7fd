// How close a narrative section is to last year's (the 2021 format warns against 内容雷同: text copied
// from the previous year). Figures change every year, so digits are stripped before comparing; what is
// left is compared as sets of character bigrams (Jaccard index), which tolerates reordered sentences.

/**
 * At or above this a section counts as nearly identical. Chosen from the tests' pairs: a copy with new
 * figures scores 1, a copy with one sentence changed stays above 0.8, while two independently written
 * sections on the same subject (sharing the statutory terms) stay well below 0.5.
 */
export const NEAR_IDENTICAL_THRESHOLD = 0.8;

/** Digits, whitespace and punctuation removed: only the wording is compared. */
export function normaliseNarrative(text: string): string {
  return text.normalize('NFKC').replace(/[\p{N}\p{P}\p{S}\s]+/gu, '');
}

function bigrams(text: string): Set<string> {
  const characters = Array.from(text);
  const result = new Set<string>();
  for (let index = 0; index + 1 < characters.length; index += 1) {
    result.add(`${characters[index] ?? ''}${characters[index + 1] ?? ''}`);
  }
  return result;
}

/** Jaccard index of the character bigrams of the two texts after normalising, 0–1 (two empty texts: 0). */
export function narrativeSimilarity(a: string, b: string): number {
  const left = bigrams(normaliseNarrative(a));
  const right = bigrams(normaliseNarrative(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const pair of left) if (right.has(pair)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export function isNearlyIdentical(a: string, b: string): boolean {
  return narrativeSimilarity(a, b) >= NEAR_IDENTICAL_THRESHOLD;
}
