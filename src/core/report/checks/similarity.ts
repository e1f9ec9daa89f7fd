// How alike two narratives are: cosine similarity of their character-bigram counts, after removing
// digits and whitespace so that changed figures and dates do not hide a copied text.

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text.normalize('NFKC').replace(/[\s\d]+/gu, ''));
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < chars.length; index++) {
    const gram = `${chars[index] ?? ''}${chars[index + 1] ?? ''}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Characters that count towards the minimum length of a comparable text. */
export function comparableLength(text: string): number {
  return Array.from(text.normalize('NFKC').replace(/[\s\d]+/gu, '')).length;
}

/** 0 (nothing shared) … 1 (same bigrams in the same proportions). */
export function bigramCosine(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let dot = 0;
  for (const [gram, count] of left) dot += count * (right.get(gram) ?? 0);
  const norm = (counts: Map<string, number>): number =>
    Math.sqrt([...counts.values()].reduce((total, count) => total + count * count, 0));
  const denominator = norm(left) * norm(right);
  return denominator === 0 ? 0 : dot / denominator;
}
