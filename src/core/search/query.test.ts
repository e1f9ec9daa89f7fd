import { describe, expect, it } from 'vitest';
import { distinctTerms, ftsMatchExpression, normaliseToken, tokenList, tsqueryText } from './query.ts';

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
    expect(ftsMatchExpression(['预算', 'or', 'near'])).toBe('"预算" AND "or" AND "near"');
    expect(ftsMatchExpression(['a"b'])).toBe('"a""b"');
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
