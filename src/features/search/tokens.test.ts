import { describe, expect, it } from 'vitest';
import { indexTokens, queryTerms } from './tokens.ts';

describe('segmentation with jieba', () => {
  it('indexes the words and the shorter words inside long ones, without punctuation', () => {
    const tokens = indexTokens('甲区2026年部门预算公开说明（甲财〔2026〕1号）');
    expect(tokens).toEqual(expect.arrayContaining(['甲区', '2026', '部门', '预算', '公开', '说明', '甲财']));
    expect(tokens.every((token) => /^[\p{L}\p{N}]+$/u.test(token))).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(indexTokens('中华人民共和国')).toEqual(
      expect.arrayContaining(['中华人民共和国', '人民', '共和国']),
    );
  });

  it('cuts a query into distinct terms, operators and quotes included as plain words', () => {
    expect(queryTerms('预算 "公开 OR *')).toEqual(['预算', '公开', 'or']);
    expect(queryTerms('政府信息公开')).toEqual(['政府', '信息', '公开']);
    expect(queryTerms('“”《》')).toEqual([]);
    expect(queryTerms('预算 '.repeat(20))).toEqual(['预算']);
  });
});
