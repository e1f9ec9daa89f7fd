// Personal data fields for every feature (个人信息保护法; 等保 8.1.4.7–8.1.4.9): a value is stored only
// sealed (SM4 + HMAC-SM3, src/security/field-crypto.ts) beside a blind index for exact look-up, and is
// shown masked unless someone reveals it in an audited action. Features keep their columns in the
// rotation registry (./rotation.ts) so that `gongkai keys rotate` re-encrypts them.
import { maskAddress, maskEmail, maskIdNumber, maskMobile, maskName } from '../../core/privacy/mask.ts';
import {
  blindIndex,
  blindIndexes,
  FieldIntegrityError,
  openField,
  sealField,
} from '../../security/field-crypto.ts';
import type { KeyRing } from '../../security/key-ring.ts';

/** The kinds of personal data; each kind masks in its own way and indexes under its own purpose. */
export type PersonalKind = 'id-number' | 'phone' | 'email' | 'name' | 'address';

/** Shown in place of a value whose seal does not verify (storage corrupted or tampered with). */
export const UNREADABLE_PERSONAL_VALUE = '（数据无法解密）';

/** Seals a value under the current data key; the result is safe to store. */
export function sealPersonal(keys: KeyRing, value: string): string {
  return sealField(keys, value);
}

/**
 * Opens a sealed value (null stays null). Throws FieldIntegrityError when it does not verify: that is a
 * security event, not bad input.
 */
export function openPersonal(keys: KeyRing, sealed: string): string;
export function openPersonal(keys: KeyRing, sealed: string | null): string | null;
export function openPersonal(keys: KeyRing, sealed: string | null): string | null {
  return sealed === null ? null : openField(keys, sealed);
}

/**
 * Like openPersonal, but a value that does not verify yields UNREADABLE_PERSONAL_VALUE, so that one
 * damaged row does not take a whole list down.
 */
export function openPersonalForDisplay(keys: KeyRing, sealed: string | null): string | null {
  try {
    return openPersonal(keys, sealed);
  } catch (error) {
    if (error instanceof FieldIntegrityError) return UNREADABLE_PERSONAL_VALUE;
    throw error;
  }
}

/** The blind index to store beside a sealed value, under the current key. */
export function indexPersonal(keys: KeyRing, value: string, purpose: PersonalKind): string {
  return blindIndex(keys, value, purpose);
}

/**
 * Every index the value may be stored under (one per key of the ring, current first): look up with
 * `column IN (...)` so that a look-up works before, during and after a key rotation.
 */
export function indexesForLookup(keys: KeyRing, value: string, purpose: PersonalKind): string[] {
  return blindIndexes(keys, value, purpose);
}

/** A sealed value and its blind index, ready for the two columns. */
export interface ProtectedValue {
  readonly sealed: string;
  readonly index: string;
}

/** Seals and indexes a value in one step (null stays null). */
export function protectPersonal(
  keys: KeyRing,
  value: string | null,
  purpose: PersonalKind,
): ProtectedValue | null {
  if (value === null) return null;
  return { sealed: sealPersonal(keys, value), index: indexPersonal(keys, value, purpose) };
}

/** The masked form for lists and exports; null stays null and the placeholder of a damaged value stays. */
export function presentMasked(kind: PersonalKind, plaintext: string | null): string | null {
  if (plaintext === null) return null;
  if (plaintext === UNREADABLE_PERSONAL_VALUE) return plaintext;
  switch (kind) {
    case 'id-number':
      return maskIdNumber(plaintext);
    case 'phone':
      return maskMobile(plaintext);
    case 'email':
      return maskEmail(plaintext);
    case 'name':
      return maskName(plaintext);
    case 'address':
      return maskAddress(plaintext);
  }
}
