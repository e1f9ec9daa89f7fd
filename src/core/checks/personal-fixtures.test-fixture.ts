// Numbers for the tests of the checks, built with their check characters so that every test states
// which rule it exercises. None of them belongs to anyone.
import { computeResidentIdCheckCharacter } from '../identity/resident-id.ts';
import { passesLuhn } from './personal-numbers.ts';

/** The day the tests run “on”: birth dates after it are implausible. */
export const TODAY = new Date('2025-06-01T00:00:00+08:00');

/** An 18-character resident ID number with its GB 11643 check character. */
export function residentId(first17: string): string {
  return `${first17}${computeResidentIdCheckCharacter(first17) ?? ''}`;
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const wrong = id.endsWith('0') ? '1' : '0';
  return `${id.slice(0, 17)}${wrong}`;
}

/** A digit string completed with the check digit that makes it pass Luhn. */
export function luhnNumber(prefix: string): string {
  for (let digit = 0; digit <= 9; digit += 1) {
    if (passesLuhn(`${prefix}${digit}`)) return `${prefix}${digit}`;
  }
  throw new Error('unreachable');
}

/** The same number with its last digit changed, so that it fails Luhn. */
export function failingLuhn(number: string): string {
  const last = Number(number.slice(-1));
  return `${number.slice(0, -1)}${(last + 1) % 10}`;
}

export function toFullWidth(text: string): string {
  return Array.from(text)
    .map((char) => (/[!-~]/.test(char) ? String.fromCharCode(char.charCodeAt(0) + 0xfee0) : char))
    .join('');
}

export const ID_X = residentId('11010519491231002'); // …002X
export const ID_DIGIT = residentId('21010219851203456'); // …4567
/** Valid as a resident ID number and as a 统一社会信用代码 (the two check characters agree). */
export const ID_AND_USCC = '121101198001010590';
/** A valid ID number that also passes Luhn. */
export const ID_PASSING_LUHN = '110105198001010753';
export const USCC = '91350100M000100Y43'; // GB 32100-2015 example
export const CARD_19 = luhnNumber('622202123456789123');
export const CARD_16 = luhnNumber('622848001234567');
