// Aho–Corasick multi-pattern matching over UTF-16 units: one pass over the text finds every
// occurrence of every pattern, overlapping ones included, whatever the size of the dictionary.

export interface PatternMatch {
  /** Index of the pattern in the list the matcher was built from. */
  readonly pattern: number;
  /** UTF-16 offsets into the searched text. */
  readonly start: number;
  readonly end: number;
}

export interface Matcher {
  readonly patterns: readonly string[];
  findAll(text: string): PatternMatch[];
}

const ROOT = 0;
const NONE = -1;

/** Builds the automaton; empty patterns never match. */
export function buildMatcher(patterns: readonly string[]): Matcher {
  const transitions: Map<number, number>[] = [new Map<number, number>()];
  const outputs: number[][] = [[]];
  for (const [index, pattern] of patterns.entries()) {
    if (pattern.length === 0) continue;
    let node = ROOT;
    for (let position = 0; position < pattern.length; position += 1) {
      const unit = pattern.charCodeAt(position);
      const edges = transitions[node] as Map<number, number>;
      let next = edges.get(unit);
      if (next === undefined) {
        next = transitions.length;
        transitions.push(new Map<number, number>());
        outputs.push([]);
        edges.set(unit, next);
      }
      node = next;
    }
    (outputs[node] as number[]).push(index);
  }

  // Breadth-first: a node's failure link is the longest proper suffix of its path that is also a path;
  // the output link skips to the nearest node on the failure chain that ends a pattern.
  const failure = new Int32Array(transitions.length);
  const outputLink = new Int32Array(transitions.length).fill(NONE);
  const queue: number[] = [];
  for (const child of (transitions[ROOT] as Map<number, number>).values()) {
    failure[child] = ROOT;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] as number;
    for (const [unit, child] of transitions[node] as Map<number, number>) {
      let fallback = failure[node] as number;
      while (fallback !== ROOT && !(transitions[fallback] as Map<number, number>).has(unit)) {
        fallback = failure[fallback] as number;
      }
      const target = (transitions[fallback] as Map<number, number>).get(unit);
      const link = target !== undefined && target !== child ? target : ROOT;
      failure[child] = link;
      outputLink[child] = (outputs[link] as number[]).length > 0 ? link : (outputLink[link] as number);
      queue.push(child);
    }
  }

  const lengths = patterns.map((pattern) => pattern.length);

  return {
    patterns,
    findAll(text: string): PatternMatch[] {
      const matches: PatternMatch[] = [];
      let node = ROOT;
      for (let position = 0; position < text.length; position += 1) {
        const unit = text.charCodeAt(position);
        let next = (transitions[node] as Map<number, number>).get(unit);
        while (next === undefined && node !== ROOT) {
          node = failure[node] as number;
          next = (transitions[node] as Map<number, number>).get(unit);
        }
        node = next ?? ROOT;
        for (let found = node; found !== NONE && found !== ROOT; found = outputLink[found] as number) {
          for (const pattern of outputs[found] as number[]) {
            const end = position + 1;
            matches.push({ pattern, start: end - (lengths[pattern] ?? 0), end });
          }
        }
      }
      return matches;
    },
  };
}
