import { describe, expect, it } from 'vitest';
import {
  distinctTerms,
  ftsMatchExpression,
  ftsNoTitleHit,
  ftsTitleHits,
  normaliseToken,
  tokenList,
  tsqueryText,
} from './query.ts';

const NO_FILTER = { units: null, year: null, category: null, genre: null };

describe('search terms', () => {
  it('keeps letters and digits only, half-width and lower case', () => {
    expect(normaliseToken('ＡＢＣ１２３')).toBe('abc123');
    expect(normaliseToken('〔2026〕')).toBe('2026');
    expect(normaliseToken('"OR"')).toBe('or');
    expect(normaliseToken('，。！')).toBe('');
  });

  it('drops empty and repeated tokens and stops at the limit', () => {
    expect(distinctTerms(['预算', ' ', '预算', '“', '公开', '说明'])).toEqual(['预算', '公开', '说明']);
    expect(distinctTerms(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
  });

  it('quotes every term, so no term is an operator on either database', () => {
    expect(ftsMatchExpression(['预算', 'or', 'near'], NO_FILTER)).toBe(
      '{title body} : ("预算" AND "or" AND "near")',
    );
    expect(ftsMatchExpression(['a"b'], NO_FILTER)).toBe('{title body} : ("a""b")');
  });

  it('keeps the terms out of the facet column and the filters in it', () => {
    const filter = { units: ['u3', 'u7'], year: 'y2023', category: null, genre: 'g901A' };
    expect(ftsMatchExpression(['预算'], filter)).toBe(
      '{title body} : ("预算") AND facets : ("u3" OR "u7") AND facets : "y2023" AND facets : "g901A"',
    );
    expect(ftsMatchExpression([], { ...NO_FILTER, year: 'y2024' })).toBe('facets : "y2024"');
  });

  it('asks for the title hits of one term and for the matches with no title hit', () => {
    expect(ftsTitleHits('E', '预算')).toBe('(E) AND title : "预算"');
    expect(ftsNoTitleHit('E', ['预算', '公开'])).toBe('(E) NOT title : ("预算" OR "公开")');
  });

  it('builds a tsquery of quoted lexemes', () => {
    expect(tsqueryText(['预算', 'or'])).toBe("'预算' & 'or'");
    expect(tsqueryText(["a'b\\c"])).toBe("'a''b\\\\c'");
  });

  it('pads the stored token list so a term is found whole', () => {
    expect(tokenList(['预算', '公开'])).toBe(' 预算 公开 ');
    expect(tokenList([])).toBe('');
  });
});
