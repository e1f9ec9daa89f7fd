import type { LabelSpan } from './label-search.ts';
import type { Token, ValueToken } from './tokens.ts';

// Which values belong to which label. A value belongs to the label before it, including values inside
// a label's span (a long label wrapped around its numbers in a PDF). Text after a label's values that
// is followed by values of its own is a row that the national format does not have.

export interface LabelPlacement {
  readonly span: LabelSpan;
  /** Whether the row carries values (false for group headers and block labels). */
  readonly carriesValues: boolean;
}

export interface ExtraRow {
  /** The row's label as printed. */
  readonly label: string;
  readonly values: readonly ValueToken[];
}

export interface RowSlice {
  readonly values: readonly ValueToken[];
  readonly extraRows: readonly ExtraRow[];
}

interface Segment {
  norm: string;
  printed: string;
  values: ValueToken[];
}

/**
 * Slices the tokens among the placed labels. Tokens at or after `limit` (an offset in the matching
 * string) belong to no label. `isIgnorable` tells header and note text (column headers repeated on a
 * new page) from the label of an extra row.
 */
export function sliceRows(
  tokens: readonly Token[],
  placements: readonly (LabelPlacement | null)[],
  limit: number,
  isIgnorable: (norm: string) => boolean,
): (RowSlice | null)[] {
  const order = placements.flatMap((placement, index) => (placement ? [{ placement, index }] : []));
  const own: ValueToken[][] = order.map(() => []);
  const segments: Segment[][] = order.map(() => []);

  let owner = -1;
  for (const token of tokens) {
    const at = token.kind === 'text' ? token.start : token.pos;
    if (token.kind === 'text' ? at >= limit : at > limit) break;
    while (
      owner + 1 < order.length &&
      startsBefore(order[owner + 1]?.placement.span.start ?? Infinity, token)
    ) {
      owner += 1;
    }
    const current = order[owner];
    if (current === undefined) continue;
    const spanEnd = current.placement.span.end;
    if (token.kind === 'value' && token.pos <= spanEnd) {
      own[owner]?.push(token);
      continue;
    }
    if (token.kind === 'text' && token.start < spanEnd) continue;
    const list = segments[owner] ?? [];
    const last = list.at(-1);
    if (token.kind === 'text') {
      if (last === undefined || last.values.length > 0)
        list.push({ norm: token.norm, printed: token.printed, values: [] });
      else {
        last.norm += token.norm;
        last.printed += token.printed;
      }
    } else if (last === undefined) {
      list.push({ norm: '', printed: '', values: [token] });
    } else {
      last.values.push(token);
    }
    segments[owner] = list;
  }

  const slices: (RowSlice | null)[] = placements.map(() => null);
  order.forEach(({ placement, index }, position) => {
    slices[index] = resolveSegments(own[position] ?? [], segments[position] ?? [], placement, isIgnorable);
  });
  return slices;
}

function startsBefore(labelStart: number, token: Token): boolean {
  return token.kind === 'text' ? labelStart <= token.start : labelStart < token.pos;
}

function resolveSegments(
  inSpan: readonly ValueToken[],
  segments: readonly Segment[],
  placement: LabelPlacement,
  isIgnorable: (norm: string) => boolean,
): RowSlice {
  const values = [...inSpan];
  const extraRows: ExtraRow[] = [];
  segments.forEach((segment, position) => {
    if (segment.values.length === 0) return;
    const labelled = segment.norm.length > 0 && !isIgnorable(segment.norm);
    if (!labelled) {
      const onlyBlanks = segment.values.every((token) => token.value === null);
      // A repeated header row with merged (blank) cells is not data.
      if (!(onlyBlanks && segment.norm.length > 0)) for (const item of segment.values) values.push(item);
      return;
    }
    // The label's own words continuing after a partial (approximate) match.
    const continuation = position === 0 && placement.carriesValues && values.length === 0;
    if (continuation) for (const item of segment.values) values.push(item);
    else extraRows.push({ label: segment.printed, values: segment.values });
  });
  return { values, extraRows };
}
