import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { assertUscc, computeUsccCheckCharacter, validateUscc } from './uscc.ts';

describe('computeUsccCheckCharacter', () => {
  // Published codes, checked by hand against GB 32100-2015 §4.3.1: the standard's own example and
  // the business-licence codes of well-known companies, as printed on their licences.
  it.each([
    ['91350100M000100Y4', '3'], // GB 32100-2015 example
    ['91440300708461136', 'T'], // 深圳市腾讯计算机系统有限公司
    ['91110108551385082', 'Q'], // 北京小米科技有限责任公司
    ['91440300192203821', '6'], // 华为技术有限公司
    ['91330100716105852', 'F'], // 阿里巴巴（中国）有限公司
    ['92110105MA0000011', '0'], // Σ mod 31 = 0 → 31, which is written as 0
    ['92110105MA0000001', 'Y'], // the highest value, 30
  ])('%s → %s', (first17, check) => {
    expect(computeUsccCheckCharacter(first17)).toBe(check);
  });

  it.each(['', '91350100M000100Y', '91350100M000100Y43', '91350100I000100Y4'])(
    'has no check for %j',
    (text) => {
      expect(computeUsccCheckCharacter(text)).toBeNull();
    },
  );
});

describe('validateUscc', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['91440300708461136T', '91440300708461136T'],
    ['92110105MA00000110', '92110105MA00000110'],
    ['  91350100m000100y43 ', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['\u300091110108551385082q\u3000', '91110108551385082Q'],
  ])('accepts %j as %s', (input, code) => {
    expect(validateUscc(input)).toEqual({ ok: true, code });
  });

  it.each([
    ['', null, '统一社会信用代码不能为空'],
    ['   ', null, '统一社会信用代码不能为空'],
    ['91350100M000100Y4', null, '统一社会信用代码应为18位，实为17位'],
    ['91350100M000100Y433', null, '统一社会信用代码应为18位，实为19位'],
    ['I1350100M000100Y43', 1, '统一社会信用代码第1位“I”不是允许的字符'],
    ['9O350100M000100Y43', 2, '统一社会信用代码第2位“O”不是允许的字符'],
    ['9135I100M000100Y43', 5, '统一社会信用代码第5位“I”不是允许的字符'],
    ['91350100M0S0100Y43', 11, '统一社会信用代码第11位“S”不是允许的字符'],
    ['91350100M000100Z43', 16, '统一社会信用代码第16位“Z”不是允许的字符'],
    ['91350100M000100Y4V', 18, '统一社会信用代码第18位“V”不是允许的字符'],
    ['91350100M000100Y4-', 18, '统一社会信用代码第18位“-”不是允许的字符'],
    ['913501 0M000100Y43', 7, '统一社会信用代码第7位“ ”不是允许的字符'],
    ['91A50100M000100Y43', 3, '统一社会信用代码第3位“A”应为数字'],
    ['9135010MM000100Y43', 8, '统一社会信用代码第8位“M”应为数字'],
    ['91350100M000100Y44', 18, '统一社会信用代码第18位（校验码）应为“3”，实为“4”'],
    ['91440300708461136X', 18, '统一社会信用代码第18位（校验码）应为“T”，实为“X”'],
    // A mistyped digit in the body is caught by the check character.
    ['91350100M000101Y43', 18, '统一社会信用代码第18位（校验码）应为'],
    // Two adjacent characters swapped.
    ['91530100M000100Y43', 18, '统一社会信用代码第18位（校验码）应为'],
  ])('rejects %j at position %s', (input, position, message) => {
    const result = validateUscc(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toBe(position);
    expect(result.message).toContain(message);
  });

  it('counts a character outside the BMP as one position', () => {
    const result = validateUscc('91350100M000100Y4𠀀');
    expect(result).toMatchObject({ ok: false, position: 18 });
  });
});

describe('assertUscc', () => {
  it('returns the normalised code', () => {
    expect(assertUscc('creditCode', ' 91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('throws Invalid naming the field and the rule', () => {
    let thrown: unknown;
    try {
      assertUscc('creditCode', '91350100M000100Y44');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Invalid);
    expect(thrown).toMatchObject({
      field: 'creditCode',
      message: expect.stringContaining('校验码') as unknown,
    });
  });
});
