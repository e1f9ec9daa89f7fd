// Links that let an applicant download a letter without an account: the letter id and an expiry, bound
// together by an HMAC-SM3 under the data keys' index key (the blind-index facility). Nothing is stored;
// a link made under a key that is still in the ring keeps working through a key rotation.
import { timingSafeEqual } from 'node:crypto';
import { blindIndex, blindIndexes } from '../../security/field-crypto.ts';
import type { KeyRing } from '../../security/key-ring.ts';

const PURPOSE = 'letter-access';
const TOKEN = /^(\d{1,15})\.(\d{1,12})\.([0-9a-f]{64})$/;

function signedText(letterId: number, expires: number): string {
  return `${letterId}.${expires}`;
}

/** A token for `/apply/letters/:token`, valid until `expiresAt` (to the second). */
export function letterAccessToken(keys: KeyRing, letterId: number, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${signedText(letterId, expires)}.${blindIndex(keys, signedText(letterId, expires), PURPOSE)}`;
}

/** The letter id of a genuine token that has not expired at `now`; null for anything else. */
export function verifyLetterAccessToken(keys: KeyRing, token: string, now: Date): number | null {
  const match = TOKEN.exec(token);
  if (match === null) return null;
  const letterId = Number(match[1]);
  const expires = Number(match[2]);
  if (expires * 1000 <= now.getTime()) return null;
  const given = Buffer.from(match[3] ?? '', 'hex');
  const genuine = blindIndexes(keys, signedText(letterId, expires), PURPOSE).some((expected) =>
    timingSafeEqual(Buffer.from(expected, 'hex'), given),
  );
  return genuine ? letterId : null;
}
