import { describe, expect, it } from 'vitest';
import { isSimilarRequest, requestSimilarity, SIMILAR_REQUEST_THRESHOLD } from './repeated-request.ts';

describe('similar requests of one applicant', () => {
  it('ignores punctuation, spaces, digits and letter case', () => {
    expect(requestSimilarity('关于2023年“老旧小区改造”的文件！', '关于 2024 年老旧小区改造的文件')).toBe(1);
    expect(requestSimilarity('ABC 文件', 'abc文件')).toBe(1);
  });

  it('counts shared character bigrams: one of two shared is exactly the threshold', () => {
    expect(SIMILAR_REQUEST_THRESHOLD).toBe(0.5);
    expect(requestSimilarity('甲乙丙', '甲乙丁')).toBeCloseTo(0.5, 12);
    expect(isSimilarRequest('甲乙丙', '甲乙丁')).toBe(true);
    expect(requestSimilarity('甲乙丙丁', '甲乙戊己')).toBeCloseTo(1 / 3, 12);
    expect(isSimilarRequest('甲乙丙丁', '甲乙戊己')).toBe(false);
    expect(requestSimilarity('', '甲乙')).toBe(0);
  });

  it('tells a rephrased request from a different one', () => {
    const first = '2023 年本区老旧小区改造项目的资金安排文件';
    expect(isSimilarRequest(first, '请公开本区老旧小区改造项目资金安排的相关文件')).toBe(true);
    expect(isSimilarRequest(first, '某某路口交通信号灯设置的审批意见')).toBe(false);
  });
});
