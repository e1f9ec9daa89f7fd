import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching, normalizeTerm, originalSpan } from './normalize.ts';

describe('normalizeTerm', () => {
  it.each([
    ['國家工商行政管理總局', '国家工商行政管理总局'],
    ['臺灣', '台湾'],
    ['ＡＢＣ１２３', 'abc123'],
    ['Gov CN', 'govcn'],
    ['按 . 装', '按装'],
    ['按\u200b装', '按装'],
    ['“一带一路”倡议', '一带一路倡议'],
    ['再·接·再·励', '再接再励'],
    ['⼈民', '人民'], // Kangxi radical U+2F08
    ['機密★', '机密★'], // a star is a symbol of the term, not a separator
    ['，。、！', ''],
  ])('%j → %j', (term, normalized) => {
    expect(normalizeTerm(term)).toBe(normalized);
  });
});

describe('normalizeForMatching', () => {
  it('keeps, for every normalised unit, the span of the original character', () => {
    const normalized = normalizeForMatching('Ａ 國，𠀀b');
    expect(normalized.text).toBe('a国𠀀b');
    expect(Array.from(normalized.originStart)).toEqual([0, 2, 4, 4, 6]);
    expect(Array.from(normalized.originEnd)).toEqual([1, 3, 6, 6, 7]);
  });

  it('matches what normalizeTerm makes of the same text', () => {
    for (const text of ['國家旅遊局', '絺', 'ＡＢＣ，１２３', 'xﬁy', '𠀀𠀁', '⼈民']) {
      expect(normalizeForMatching(text).text, text).toBe(normalizeTerm(text));
    }
    expect(normalizeTerm('絺')).toBe('𫄨'); // a simplified form outside the Basic Multilingual Plane
  });

  it('agrees with normalizeTerm on any text, and maps every unit into the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const normalized = normalizeForMatching(text);
        expect(normalized.text).toBe(normalizeTerm(text));
        for (let unit = 0; unit < normalized.text.length; unit += 1) {
          const start = normalized.originStart[unit] ?? -1;
          const end = normalized.originEnd[unit] ?? -1;
          expect(start >= 0 && start < end && end <= text.length).toBe(true);
        }
      }),
    );
  });

  it('maps one original character that expands to several onto all of them', () => {
    const normalized = normalizeForMatching('xﬁy');
    expect(normalized.text).toBe('xfiy');
    expect(Array.from(normalized.originStart)).toEqual([0, 1, 1, 2]);
    expect(Array.from(normalized.originEnd)).toEqual([1, 2, 2, 3]);
  });
});

describe('originalSpan', () => {
  it('spans the separators between the characters found, not those around them', () => {
    const normalized = normalizeForMatching('请按 . 装好');
    expect(normalized.text).toBe('请按装好');
    expect(originalSpan(normalized, 1, 3)).toEqual({ start: 1, end: 6 });
  });

  it('refuses a line break, the end of a sentence or a long run of separators between two characters', () => {
    for (const text of ['按\n装', '按。装', '按；装', '按!装', '按 - - - 装']) {
      const normalized = normalizeForMatching(text);
      expect(normalized.text, text).toBe('按装');
      expect(originalSpan(normalized, 0, 2), text).toBeNull();
    }
    expect(originalSpan(normalizeForMatching('按 -- 装'), 0, 2)).toEqual({ start: 0, end: 6 });
  });

  it('refuses a range that takes only part of what one character became', () => {
    const normalized = normalizeForMatching('xﬁy');
    expect(originalSpan(normalized, 2, 4)).toBeNull();
    expect(originalSpan(normalized, 1, 3)).toEqual({ start: 1, end: 2 });
  });
});
