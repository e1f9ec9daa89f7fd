// Personal-data findings before overlaps are settled: when two detectors claim overlapping text, the
// longer span wins (an e-mail address beats the mobile number it starts with), then the higher priority
// (a valid 18-digit ID number beats a bank card number of the same digits).
import type { Finding, PersonalCategory } from './types.ts';
import type { Span } from './codes.ts';

export interface PersonalCandidate extends Finding {
  readonly category: PersonalCategory;
  readonly proposedMask: string;
  readonly priority: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Kept spans in order of start; they never overlap, so their ends are in order too. */
class DisjointSpans {
  private readonly spans: Span[] = [];

  /** Index of the first span that ends after `position`. */
  private firstEndingAfter(position: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.spans[middle] as Span).end <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Adds the span unless it overlaps one already kept; says whether it was added. */
  add(span: Span): boolean {
    const index = this.firstEndingAfter(span.start);
    const next = this.spans[index];
    if (next !== undefined && overlaps(next, span)) return false;
    this.spans.splice(index, 0, span);
    return true;
  }
}

export function settleOverlaps(
  candidates: readonly PersonalCandidate[],
  shielded: readonly Span[],
): Finding[] {
  const taken = new DisjointSpans();
  for (const span of [...shielded].sort((a, b) => a.start - b.start || b.end - a.end)) taken.add(span);
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const kept = ranked.filter((candidate) => taken.add(candidate));
  return kept.sort((a, b) => a.start - b.start).map(({ priority: _priority, ...finding }) => finding);
}
