// 统一社会信用代码 (unified social credit code) as defined by GB 32100-2015: 18 characters,
// 1 登记管理部门码 + 1 机构类别码 + 6 登记管理机关行政区划码 + 9 主体标识码（组织机构代码）+ 1 校验码.
import { Invalid } from '../errors.ts';
import { normalizeCode } from './normalize-code.ts';

const LABEL = '统一社会信用代码';
export const USCC_LENGTH = 18;

/** GB 32100-2015 §4.2: digits and capital letters without I, O, Z, S, V (too easily misread). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §4.3.1: weight of position i is 3^(i−1) mod 31. */
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const MODULUS = 31;

/** Positions 3–8 (1-based) hold a GB/T 2260 administrative division code, which is all digits. */
const DIVISION_CODE_FIRST = 3;
const DIVISION_CODE_LAST = 8;

export type UsccResult =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly position: number | null; readonly message: string };

function charValue(char: string): number {
  return USCC_ALPHABET.indexOf(char);
}

/**
 * The check character for the first 17 characters of a code, or null when they are not 17 characters
 * of the alphabet. C18 = 31 − (Σ Ci·Wi mod 31), where a result of 31 is written as 0
 * (GB 32100-2015 §4.3.1).
 */
export function computeUsccCheckCharacter(first17: string): string | null {
  const chars = Array.from(first17);
  if (chars.length !== USCC_LENGTH - 1) return null;
  let sum = 0;
  for (const [index, char] of chars.entries()) {
    const value = charValue(char);
    if (value < 0) return null;
    sum += value * (CHECK_WEIGHTS[index] ?? 0);
  }
  return USCC_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

function failure(position: number | null, message: string): UsccResult {
  return { ok: false, position, message };
}

/** Checks a code after normalising it (trim, upper-case, full-width → half-width). */
export function validateUscc(input: string): UsccResult {
  const code = normalizeCode(input);
  const chars = Array.from(code);
  if (chars.length === 0) return failure(null, `${LABEL}不能为空`);
  if (chars.length !== USCC_LENGTH) {
    return failure(null, `${LABEL}应为${USCC_LENGTH}位，实为${chars.length}位`);
  }
  for (const [index, char] of chars.entries()) {
    const position = index + 1;
    if (charValue(char) < 0) {
      return failure(
        position,
        `${LABEL}第${position}位“${char}”不是允许的字符（只能是数字或除I、O、Z、S、V以外的大写字母）`,
      );
    }
    if (position >= DIVISION_CODE_FIRST && position <= DIVISION_CODE_LAST && !/^[0-9]$/.test(char)) {
      return failure(
        position,
        `${LABEL}第${position}位“${char}”应为数字（第${DIVISION_CODE_FIRST}至${DIVISION_CODE_LAST}位为登记管理机关行政区划码）`,
      );
    }
  }
  const expected = computeUsccCheckCharacter(chars.slice(0, USCC_LENGTH - 1).join('')) ?? '';
  const actual = chars[USCC_LENGTH - 1] ?? '';
  if (expected !== actual) {
    return failure(USCC_LENGTH, `${LABEL}第${USCC_LENGTH}位（校验码）应为“${expected}”，实为“${actual}”`);
  }
  return { ok: true, code };
}

/** The normalised code, or Invalid naming the field and the broken rule. */
export function assertUscc(field: string, input: string): string {
  const result = validateUscc(input);
  if (!result.ok) throw new Invalid(field, result.message);
  return result.code;
}
