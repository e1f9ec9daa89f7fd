// Field-level encryption of personal data (identity numbers, phones, addresses, emails) with SM4-CBC
// (GB/T 32907-2016) and HMAC-SM3 in encrypt-then-MAC order, plus blind indexes for exact look-up.
//
// Sealed form: v1:<keyId>:<iv base64url>:<ciphertext base64url>:<mac base64url>
// The MAC covers the exact text before the last colon, so the version, key id, IV and ciphertext
// are all authenticated, and a value cannot be moved to another key id unnoticed.
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataKey, KeyRing } from './key-ring.ts';
import { hmacSm3 } from './sm3.ts';

export type FieldIntegrityReason = 'malformed' | 'unknown-key' | 'mac-mismatch';

/**
 * A sealed value that does not verify. Not Invalid: it is not bad user input but a sign of
 * corruption or tampering in storage, and the caller should log it as a security event.
 */
export class FieldIntegrityError extends Error {
  override readonly name = 'FieldIntegrityError';
  constructor(
    readonly reason: FieldIntegrityReason,
    message: string,
  ) {
    super(message);
  }
}

const VERSION = 'v1';
const CIPHER = 'sm4-cbc';
const BLOCK_BYTES = 16;
const MAC_BYTES = 32;

interface SealedParts {
  readonly keyId: string;
  /** The authenticated text: everything before the last colon. */
  readonly signedText: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly mac: Buffer;
}

function malformed(): FieldIntegrityError {
  return new FieldIntegrityError('malformed', '加密字段格式无效（数据已损坏或被篡改）');
}

// Node's base64url decoder skips foreign characters and ignores the spare low bits of the last
// character, so several strings decode to the same bytes. Only the canonical spelling is accepted,
// or a changed character in the MAC could still verify.
function decodeBase64Url(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw malformed();
  return bytes;
}

function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split(':');
  if (parts.length !== 5) throw malformed();
  const [version, keyId, ivText, ciphertextText, macText] = parts as [string, string, string, string, string];
  if (version !== VERSION || keyId === '') throw malformed();
  const iv = decodeBase64Url(ivText);
  const ciphertext = decodeBase64Url(ciphertextText);
  const mac = decodeBase64Url(macText);
  const cbcShaped = ciphertext.length > 0 && ciphertext.length % BLOCK_BYTES === 0;
  if (iv.length !== BLOCK_BYTES || !cbcShaped || mac.length !== MAC_BYTES) throw malformed();
  return { keyId, signedText: `${VERSION}:${keyId}:${ivText}:${ciphertextText}`, iv, ciphertext, mac };
}

function verifiedParts(ring: KeyRing, sealed: string): { parts: SealedParts; key: DataKey } {
  const parts = parseSealed(sealed);
  const key = ring.keys.get(parts.keyId);
  if (key === undefined) {
    throw new FieldIntegrityError('unknown-key', `加密字段使用的密钥“${parts.keyId}”不在密钥环中`);
  }
  const expected = hmacSm3(key.macKey, parts.signedText);
  if (!timingSafeEqual(expected, parts.mac)) {
    throw new FieldIntegrityError('mac-mismatch', '加密字段的校验值不符（数据已损坏或被篡改）');
  }
  return { parts, key };
}

/** Encrypts a value under the current key with a fresh random IV. */
export function sealField(ring: KeyRing, plaintext: string): string {
  const key = ring.current;
  const iv = randomBytes(BLOCK_BYTES);
  const cipher = createCipheriv(CIPHER, key.encKey, iv); // PKCS#7 padding is the default
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const signedText = `${VERSION}:${key.id}:${iv.toString('base64url')}:${ciphertext.toString('base64url')}`;
  return `${signedText}:${hmacSm3(key.macKey, signedText).toString('base64url')}`;
}

/** Verifies the MAC, then decrypts. Throws FieldIntegrityError on any defect. */
export function openField(ring: KeyRing, sealed: string): string {
  const { parts, key } = verifiedParts(ring, sealed);
  try {
    const decipher = createDecipheriv(CIPHER, key.encKey, parts.iv);
    const bytes = Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Only reachable if the MAC key verified but the cipher key differs, i.e. a broken key file.
    throw new FieldIntegrityError('mac-mismatch', '加密字段无法解密（密钥与数据不匹配）');
  }
}

/** The id of the key a value was sealed with (no verification: for choosing what to reseal). */
export function sealedKeyId(sealed: string): string {
  return parseSealed(sealed).keyId;
}

/**
 * Re-encrypts a value under the current key, for key rotation. A value already under the current
 * key is verified and returned unchanged, so a rotation run can be repeated or resumed.
 */
export function resealField(ring: KeyRing, sealed: string): string {
  if (sealedKeyId(sealed) === ring.current.id) {
    verifiedParts(ring, sealed);
    return sealed;
  }
  return sealField(ring, openField(ring, sealed));
}

const FULL_WIDTH_OFFSET = 0xfee0;

function toHalfWidth(value: string): string {
  return value
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ');
}

function normalisePhone(value: string): string {
  const compact = toHalfWidth(value).replace(/[^\d+]/g, '');
  let digits = compact;
  if (compact.startsWith('+86')) digits = compact.slice(3);
  else if (compact.startsWith('0086')) digits = compact.slice(4);
  digits = digits.replace(/\D/g, '');
  // "86 138…" without the plus: a mainland mobile number is 11 digits starting with 1.
  return /^861\d{10}$/.test(digits) ? digits.slice(2) : digits;
}

/** The form a value is reduced to before indexing, so equal values written differently match. */
export function normaliseForIndex(value: string, purpose: string): string {
  switch (purpose) {
    case 'id-number':
      return toHalfWidth(value).trim().toUpperCase();
    case 'phone':
      return normalisePhone(value);
    case 'email':
      return value.trim().toLowerCase();
    default:
      return value.trim();
  }
}

function indexWith(key: DataKey, value: string, purpose: string): string {
  if (purpose === '' || purpose.includes('\0')) {
    throw new Error(`blind index purpose must be a non-empty string without NUL: ${JSON.stringify(purpose)}`);
  }
  return hmacSm3(key.indexKey, `${purpose}\0${normaliseForIndex(value, purpose)}`).toString('hex');
}

/**
 * A keyed hash of the normalised value for exact look-up of an encrypted field, under the CURRENT
 * index key. The purpose is part of the input, so the same phone number indexed as 'phone' and as
 * something else gives unrelated hashes. Rotating keys changes every index: after `addKey` the
 * stored indexes must be recomputed (with the reseal run); until then look up with `blindIndexes`.
 */
export function blindIndex(ring: KeyRing, value: string, purpose: string): string {
  return indexWith(ring.current, value, purpose);
}

/** The blind index under every key of the ring, current key first: match any during a rotation. */
export function blindIndexes(ring: KeyRing, value: string, purpose: string): string[] {
  const others = [...ring.keys.values()].filter((key) => key !== ring.current);
  return [ring.current, ...others].map((key) => indexWith(key, value, purpose));
}
