// 公民身份号码 (resident identity number) as defined by GB 11643-1999: 6 address code (GB/T 2260),
// 8 birth date YYYYMMDD, 3 sequence code (odd for men, even for women), 1 check character.
// The 15-digit numbers issued before 1999 have a 6-digit birth date in the 1900s and no check character.
import { Invalid } from '../errors.ts';
import { normalizeCode } from './normalize-code.ts';

const LABEL = '居民身份证号码';
export const RESIDENT_ID_LENGTH = 18;
export const LEGACY_RESIDENT_ID_LENGTH = 15;

/** GB 11643-1999 §8.2 (ISO 7064 MOD 11-2): weight of position i is 2^(18−i) mod 11. */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/**
 * First two digits of GB/T 2260 province-level codes. 71 is Taiwan Province in GB/T 2260; 81 and 82
 * start the numbers of residence permits for Hong Kong and Macao residents, 83 those for Taiwan
 * residents (国务院办公厅 国办发〔2018〕81号).
 */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

/** No one born before this year is expected to apply; earlier dates are typing errors. */
export const EARLIEST_BIRTH_YEAR = 1890;

/** Birth dates are calendar days in China (UTC+8, no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export type ResidentIdRule = 'length' | 'format' | 'addressCode' | 'birthDate' | 'checkCharacter';
export type Sex = 'male' | 'female';

export type ResidentIdResult =
  | {
      readonly ok: true;
      /** The normalised number (half-width, upper-case X). */
      readonly id: string;
      readonly addressCode: string;
      /** YYYY-MM-DD */
      readonly birthDate: string;
      readonly sex: Sex;
    }
  | { readonly ok: false; readonly rule: ResidentIdRule; readonly message: string };

function failure(rule: ResidentIdRule, message: string): ResidentIdResult {
  return { ok: false, rule, message };
}

/** The check character for the first 17 digits, or null when they are not 17 digits. */
export function computeResidentIdCheckCharacter(first17: string): string | null {
  if (!/^[0-9]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let index = 0; index < first17.length; index += 1) {
    sum += Number(first17.charAt(index)) * (CHECK_WEIGHTS[index] ?? 0);
  }
  return CHECK_CHARACTERS.charAt(sum % 11);
}

function chinaToday(today: Date): { year: number; month: number; day: number } {
  const shifted = new Date(today.getTime() + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Null when the date is plausible; otherwise the zh-CN reason. */
function birthDateProblem(year: number, month: number, day: number, today: Date): string | null {
  const written = `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `${LABEL}中的出生日期“${written}”不是有效的日期`;
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return `${LABEL}中的出生日期“${written}”早于${EARLIEST_BIRTH_YEAR}年，不合理`;
  }
  const now = chinaToday(today);
  const isFuture = year * 10000 + month * 100 + day > now.year * 10000 + now.month * 100 + now.day;
  if (isFuture) return `${LABEL}中的出生日期“${written}”晚于今天，不合理`;
  return null;
}

function addressCodeProblem(addressCode: string): string | null {
  if (PROVINCE_PREFIXES.has(addressCode.slice(0, 2))) return null;
  return `${LABEL}的地址码“${addressCode}”不正确：前两位“${addressCode.slice(0, 2)}”不是省级行政区代码`;
}

function sexOf(sequenceDigit: string): Sex {
  return Number(sequenceDigit) % 2 === 1 ? 'male' : 'female';
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Checks an 18-character number: length, digits, address code, birth date (a real day between 1890 and
 * today in China), then the check character. `today` defaults to the current time.
 */
export function validateResidentId(input: string, today: Date = new Date()): ResidentIdResult {
  const id = normalizeCode(input);
  const length = Array.from(id).length;
  if (length === 0) return failure('length', `${LABEL}不能为空`);
  if (length !== RESIDENT_ID_LENGTH) {
    return failure('length', `${LABEL}长度应为${RESIDENT_ID_LENGTH}位，实为${length}位`);
  }
  if (!/^[0-9]{17}/.test(id)) return failure('format', `${LABEL}前17位应为数字`);
  if (!/[0-9X]$/.test(id)) return failure('format', `${LABEL}第18位应为数字或X`);

  const addressCode = id.slice(0, 6);
  const addressProblem = addressCodeProblem(addressCode);
  if (addressProblem !== null) return failure('addressCode', addressProblem);

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const dateProblem = birthDateProblem(year, month, day, today);
  if (dateProblem !== null) return failure('birthDate', dateProblem);

  const expected = computeResidentIdCheckCharacter(id.slice(0, 17)) ?? '';
  const actual = id.charAt(17);
  if (expected !== actual) {
    return failure('checkCharacter', `${LABEL}第18位（校验码）应为“${expected}”，实为“${actual}”`);
  }
  return { ok: true, id, addressCode, birthDate: isoDate(year, month, day), sex: sexOf(id.charAt(16)) };
}

/** Checks a 15-digit number issued before 1999 (birth date YYMMDD in the 1900s, no check character). */
export function validateLegacyResidentId(input: string, today: Date = new Date()): ResidentIdResult {
  const id = normalizeCode(input);
  const length = Array.from(id).length;
  if (length === 0) return failure('length', `${LABEL}不能为空`);
  if (length !== LEGACY_RESIDENT_ID_LENGTH) {
    return failure('length', `15位${LABEL}长度应为${LEGACY_RESIDENT_ID_LENGTH}位，实为${length}位`);
  }
  if (!/^[0-9]{15}$/.test(id)) return failure('format', `15位${LABEL}应全部为数字`);

  const addressCode = id.slice(0, 6);
  const addressProblem = addressCodeProblem(addressCode);
  if (addressProblem !== null) return failure('addressCode', addressProblem);

  const year = 1900 + Number(id.slice(6, 8));
  const month = Number(id.slice(8, 10));
  const day = Number(id.slice(10, 12));
  const dateProblem = birthDateProblem(year, month, day, today);
  if (dateProblem !== null) return failure('birthDate', dateProblem);

  return { ok: true, id, addressCode, birthDate: isoDate(year, month, day), sex: sexOf(id.charAt(14)) };
}

/**
 * The 18-character form of a valid 15-digit number (century "19" inserted, check character appended,
 * as was done when the cards were re-issued), so one person's old and new numbers compare equal.
 * Null when the legacy number is not valid.
 */
export function upgradeLegacyResidentId(input: string, today: Date = new Date()): string | null {
  const result = validateLegacyResidentId(input, today);
  if (!result.ok) return null;
  const first17 = `${result.id.slice(0, 6)}19${result.id.slice(6)}`;
  return `${first17}${computeResidentIdCheckCharacter(first17) ?? ''}`;
}

/** The normalised 18-character number, or Invalid naming the field and the broken rule. */
export function assertResidentId(field: string, input: string, today: Date = new Date()): string {
  const result = validateResidentId(input, today);
  if (!result.ok) throw new Invalid(field, result.message);
  return result.id;
}
