import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from './aho-corasick.ts';

function naive(patterns: readonly string[], text: string) {
  const matches: { pattern: number; start: number; end: number }[] = [];
  for (let end = 1; end <= text.length; end += 1) {
    for (const [pattern, value] of patterns.entries()) {
      if (value.length > 0 && end >= value.length && text.slice(end - value.length, end) === value) {
        matches.push({ pattern, start: end - value.length, end });
      }
    }
  }
  return matches;
}

const byPosition = (a: { pattern: number; end: number }, b: { pattern: number; end: number }) =>
  a.end - b.end || a.pattern - b.pattern;

describe('buildMatcher', () => {
  it('finds every occurrence, overlapping and nested ones included', () => {
    const matcher = buildMatcher(['he', 'she', 'his', 'hers']);
    expect(matcher.findAll('ushers').sort(byPosition)).toEqual([
      { pattern: 0, start: 2, end: 4 },
      { pattern: 1, start: 1, end: 4 },
      { pattern: 3, start: 2, end: 6 },
    ]);
  });

  it('matches Chinese terms and terms outside the Basic Multilingual Plane', () => {
    const matcher = buildMatcher(['工商', '国家工商行政管理总局', '𠀀𠀁']);
    expect(matcher.findAll('原国家工商行政管理总局与𠀀𠀁').sort(byPosition)).toEqual([
      { pattern: 0, start: 3, end: 5 },
      { pattern: 1, start: 1, end: 11 },
      { pattern: 2, start: 12, end: 16 },
    ]);
  });

  it('never matches an empty pattern', () => {
    expect(buildMatcher(['', 'a']).findAll('aa')).toEqual([
      { pattern: 1, start: 0, end: 1 },
      { pattern: 1, start: 1, end: 2 },
    ]);
  });

  it('finds exactly what a naive scan finds', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '国', '家');
    const word = fc.array(alphabet, { maxLength: 5 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 8 }),
        fc.array(alphabet, { maxLength: 40 }),
        (patterns, chars) => {
          const text = chars.join('');
          expect(buildMatcher(patterns).findAll(text).sort(byPosition)).toEqual(
            naive(patterns, text).sort(byPosition),
          );
        },
      ),
    );
  });
});
