import { describe, expect, it } from 'vitest';
import {
  NEAR_IDENTICAL_THRESHOLD,
  isNearlyIdentical,
  narrativeSimilarity,
  normaliseNarrative,
} from './narrative-similarity.ts';

const LAST_YEAR =
  '2023年，本机关全年主动公开政府信息1523条，其中政府网站公开876条。' +
  '依申请公开方面，全年新收政府信息公开申请202件，均在法定期限内答复。' +
  '政府信息管理方面，坚持发文时同步确定公开属性，定期清理已公开的规范性文件。';

describe('narrative similarity', () => {
  it('strips digits, punctuation and spaces before comparing', () => {
    expect(normaliseNarrative('2023年， 新收申请 202 件。')).toBe('年新收申请件');
  });

  it('scores a copy with only the figures changed as identical', () => {
    const copied = LAST_YEAR.replaceAll('2023', '2024').replace('1523', '1688').replace('202', '187');
    expect(narrativeSimilarity(copied, LAST_YEAR)).toBe(1);
    expect(isNearlyIdentical(copied, LAST_YEAR)).toBe(true);
  });

  it('keeps a copy with one sentence reworded above the threshold', () => {
    const near = LAST_YEAR.replace('均在法定期限内答复', '全部按期答复');
    const score = narrativeSimilarity(near, LAST_YEAR);
    expect(score).toBeGreaterThanOrEqual(NEAR_IDENTICAL_THRESHOLD);
    expect(score).toBeLessThan(1);
  });

  it('keeps an independently written section on the same subject far below it', () => {
    const fresh =
      '本年度我们重点推进重大建设项目和公共资源配置领域的信息公开，' +
      '新建政策解读专栏，组织业务培训两次，并对答复文书进行了集中评查。';
    expect(narrativeSimilarity(fresh, LAST_YEAR)).toBeLessThan(0.2);
    expect(isNearlyIdentical(fresh, LAST_YEAR)).toBe(false);
  });

  it('scores empty or one-character texts as 0', () => {
    expect(narrativeSimilarity('', LAST_YEAR)).toBe(0);
    expect(narrativeSimilarity('2024', '2023')).toBe(0);
  });
});
