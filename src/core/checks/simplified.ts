// Traditional → simplified Chinese, one character at a time, from OpenCC's character tables (the
// opencc-js package). Phrase tables are left out on purpose: matching needs every character of the text
// to keep its own offset, and the same mapping is applied to dictionary terms, so a character mapped
// "wrongly" out of context (乾坤 → 干坤) still matches its term.
import { from, to } from 'opencc-js/preset/t2cn';

// opencc-js 1.4.2 ships typings, but its preset typings import './core' without an extension, which
// NodeNext resolution does not follow (the types come out as any): the shapes used here are spelt out.
type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
type Presets = Readonly<Record<string, readonly DictGroup[] | undefined>>;
const fromPresets = from as Presets;
const toPresets = to as Presets;

let table: Map<number, number> | undefined;

function singleCodePoint(text: string): number | undefined {
  const codePoint = text.codePointAt(0);
  if (codePoint === undefined) return undefined;
  return String.fromCodePoint(codePoint).length === text.length ? codePoint : undefined;
}

function* pairsOf(dict: DictLike): Generator<readonly [number, number]> {
  const entries: readonly (readonly [string, string])[] =
    typeof dict === 'string'
      ? dict.split('|').map((entry) => {
          const [source = '', target = ''] = entry.split(' ');
          return [source, target] as const;
        })
      : dict;
  for (const [source, target] of entries) {
    const sourcePoint = singleCodePoint(source);
    const targetPoint = singleCodePoint(target);
    if (sourcePoint !== undefined && targetPoint !== undefined) yield [sourcePoint, targetPoint];
  }
}

function characterMap(groups: readonly DictGroup[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const group of groups) {
    for (const dict of group) {
      for (const [source, target] of pairsOf(dict)) if (!map.has(source)) map.set(source, target);
    }
  }
  return map;
}

function buildTable(): Map<number, number> {
  // Taiwan and Hong Kong variant forms first become OpenCC's standard traditional form, then simplified.
  const variants = characterMap([...(fromPresets.tw ?? []), ...(fromPresets.hk ?? [])]);
  const simplified = characterMap(toPresets.cn ?? []);
  const result = new Map<number, number>();
  for (const source of new Set([...variants.keys(), ...simplified.keys()])) {
    const standard = variants.get(source) ?? source;
    const target = simplified.get(standard) ?? standard;
    if (target !== source) result.set(source, target);
  }
  return result;
}

/** The simplified form of one code point (itself when it has none). */
export function simplifiedCodePoint(codePoint: number): number {
  table ??= buildTable();
  return table.get(codePoint) ?? codePoint;
}
