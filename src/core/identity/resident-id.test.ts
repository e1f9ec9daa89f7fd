import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import {
  assertResidentId,
  computeResidentIdCheckCharacter,
  upgradeLegacyResidentId,
  validateLegacyResidentId,
  validateResidentId,
} from './resident-id.ts';

const TODAY = new Date('2024-06-15T04:00:00Z'); // 12:00 in Beijing

function withCheck(first17: string): string {
  return `${first17}${computeResidentIdCheckCharacter(first17) ?? '?'}`;
}

describe('computeResidentIdCheckCharacter', () => {
  // The two examples printed in GB 11643-1999 itself.
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, check) => {
    expect(computeResidentIdCheckCharacter(first17)).toBe(check);
  });

  it.each(['', '1101051949123100', '110105194912310021', '1101051949123100X'])(
    'has no check for %j',
    (text) => {
      expect(computeResidentIdCheckCharacter(text)).toBeNull();
    },
  );
});

describe('validateResidentId', () => {
  it.each([
    ['11010519491231002X', '110105', '1949-12-31', 'female'],
    ['11010519491231002x', '110105', '1949-12-31', 'female'],
    [' １１０１０５１９４９１２３１００２Ｘ ', '110105', '1949-12-31', 'female'],
    [withCheck('44030519900101123'), '440305', '1990-01-01', 'male'],
    [withCheck('65010219040229004'), '650102', '1904-02-29', 'female'], // leap day
    [withCheck('81000019950615005'), '810000', '1995-06-15', 'male'],
    [withCheck('83000020000301006'), '830000', '2000-03-01', 'female'],
    [withCheck('21010218900101007'), '210102', '1890-01-01', 'male'],
    // Born today in Beijing.
    [withCheck('32010220240615008'), '320102', '2024-06-15', 'female'],
  ])('accepts %s', (id, addressCode, birthDate, sex) => {
    expect(validateResidentId(id, TODAY)).toMatchObject({ ok: true, addressCode, birthDate, sex });
  });

  it('returns the normalised number', () => {
    expect(validateResidentId(' 11010519491231002x', TODAY)).toMatchObject({ id: '11010519491231002X' });
  });

  it.each([
    ['', 'length', '居民身份证号码不能为空'],
    ['11010519491231002', 'length', '长度应为18位，实为17位'],
    ['11010519491231002X1', 'length', '长度应为18位，实为19位'],
    ['1101051949123100X2', 'format', '前17位应为数字'],
    ['11010519491231002A', 'format', '第18位应为数字或X'],
    [withCheck('00010519491231002'), 'addressCode', '地址码“000105”不正确'],
    [withCheck('16010519491231002'), 'addressCode', '前两位“16”不是省级行政区代码'],
    [withCheck('90010519491231002'), 'addressCode', '前两位“90”'],
    [withCheck('11010519491331002'), 'birthDate', '出生日期“19491331”不是有效的日期'],
    [withCheck('11010519490001002'), 'birthDate', '出生日期“19490001”不是有效的日期'],
    [withCheck('11010519490230002'), 'birthDate', '出生日期“19490230”不是有效的日期'],
    [withCheck('11010519000229002'), 'birthDate', '出生日期“19000229”不是有效的日期'], // 1900 is no leap year
    [withCheck('11010519491200002'), 'birthDate', '不是有效的日期'],
    [withCheck('11010518891231002'), 'birthDate', '出生日期“18891231”早于1890年'],
    [withCheck('44052418800101001'), 'birthDate', '早于1890年'],
    [withCheck('11010520240616002'), 'birthDate', '出生日期“20240616”晚于今天'],
    ['110105194912310021', 'checkCharacter', '第18位（校验码）应为“X”，实为“1”'],
    ['11010519491231003X', 'checkCharacter', '校验码'],
  ])('rejects %j: %s', (id, rule, message) => {
    const result = validateResidentId(id, TODAY);
    expect(result).toMatchObject({ ok: false, rule });
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('judges "the future" by the calendar day in Beijing, not in UTC', () => {
    const id = withCheck('32010220240616008');
    // 2024-06-15T16:30Z is already 2024-06-16 00:30 in Beijing.
    expect(validateResidentId(id, new Date('2024-06-15T16:30:00Z')).ok).toBe(true);
    expect(validateResidentId(id, new Date('2024-06-15T15:30:00Z')).ok).toBe(false);
  });

  it('uses the current date by default', () => {
    expect(validateResidentId('11010519491231002X').ok).toBe(true);
    expect(validateResidentId(withCheck('11010530000101002')).ok).toBe(false);
  });
});

describe('validateLegacyResidentId', () => {
  it.each([
    ['110105491231002', '110105', '1949-12-31', 'female'],
    ['440305900101123', '440305', '1990-01-01', 'male'],
    [' ４４０３０５９００１０１１２３ ', '440305', '1990-01-01', 'male'],
    ['650102040229004', '650102', '1904-02-29', 'female'],
  ])('accepts %s', (id, addressCode, birthDate, sex) => {
    expect(validateLegacyResidentId(id, TODAY)).toMatchObject({ ok: true, addressCode, birthDate, sex });
  });

  it.each([
    ['', 'length', '不能为空'],
    ['11010549123100', 'length', '长度应为15位，实为14位'],
    ['11010519491231002X', 'length', '实为18位'],
    ['11010549123100X', 'format', '应全部为数字'],
    ['990105491231002', 'addressCode', '地址码“990105”'],
    ['110105491331002', 'birthDate', '出生日期“19491331”不是有效的日期'],
    ['110105000229002', 'birthDate', '出生日期“19000229”'],
  ])('rejects %j: %s', (id, rule, message) => {
    const result = validateLegacyResidentId(id, TODAY);
    expect(result).toMatchObject({ ok: false, rule });
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe('upgradeLegacyResidentId', () => {
  it('inserts the century and appends the check character', () => {
    expect(upgradeLegacyResidentId('110105491231002', TODAY)).toBe('11010519491231002X');
  });

  it('gives null for an invalid legacy number', () => {
    expect(upgradeLegacyResidentId('110105491331002', TODAY)).toBeNull();
  });
});

describe('assertResidentId', () => {
  it('returns the normalised number', () => {
    expect(assertResidentId('idNumber', '11010519491231002x', TODAY)).toBe('11010519491231002X');
  });

  it('throws Invalid naming the field', () => {
    expect(() => assertResidentId('idNumber', '110105194912310021', TODAY)).toThrow(Invalid);
    expect(() => assertResidentId('idNumber', '110105194912310021', TODAY)).toThrow(/校验码/);
  });
});
