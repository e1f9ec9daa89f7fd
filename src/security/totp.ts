// Second factor for staff logins: TOTP (RFC 6238) with HMAC-SHA-1, 6 digits and 30-second steps,
// the parameters every authenticator app supports; recovery codes for a lost phone.
// Implemented on node:crypto rather than otplib so verification is synchronous and reports the time
// step it matched, which the caller stores to refuse a replay of the same code.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { Invalid } from '../core/errors.ts';
import { sm3Hex } from './sm3.ts';

const STEP_SECONDS = 30;
const DIGITS = 6;
const SECRET_BYTES = 20; // RFC 4226 §4 recommends 160 bits, the size of an SHA-1 output
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const MAX_WINDOW = 10;

/** RFC 4648 base32 without padding, as authenticator apps expect. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET.charAt((buffer >>> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

/** Decodes base32, tolerating lower case, spaces and padding as people copy secrets by hand. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new Invalid('secret', 'TOTP 密钥不是有效的 base32 编码');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** A new shared secret: 20 random bytes in base32 (32 characters). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** The provisioning URI (Key Uri Format) that the QR code carries. */
export function totpUri(secret: string, accountName: string, issuer = '公开 Gongkai'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${DIGITS}`,
    `period=${STEP_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

/** HOTP (RFC 4226 §5.3): HMAC-SHA-1 of the counter, dynamically truncated. */
function hotp(key: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}

/** The code for the time step containing `now` (digits other than 6 only for the RFC vectors). */
export function totpCode(secret: string, now: Date, digits = DIGITS): string {
  return hotp(base32Decode(secret), totpStep(now), digits);
}

export type TotpVerdict = { ok: true; step: number } | { ok: false };

/**
 * Checks a code against the steps from `window` before to `window` after `now` (clock drift).
 * On success returns the matched step: the caller must refuse any step at or before the last one
 * accepted for this account, or a code seen over a shoulder could be used again within its window.
 */
export function verifyTotp(secret: string, code: string, now: Date, window = 1): TotpVerdict {
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new Invalid('window', `TOTP 容差窗口必须是 0–${MAX_WINDOW} 的整数`);
  }
  const given = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(given)) return { ok: false };
  const key = base32Decode(secret);
  const current = totpStep(now);
  const offsets = [0];
  for (let distance = 1; distance <= window; distance++) offsets.push(-distance, distance);
  let matched: number | undefined;
  // Every candidate step is computed and compared, so the time taken does not reveal which matched.
  for (const offset of offsets) {
    const step = current + offset;
    if (step < 0) continue;
    const equal = timingSafeEqual(Buffer.from(hotp(key, step, DIGITS)), Buffer.from(given));
    if (equal && matched === undefined) matched = step;
  }
  return matched === undefined ? { ok: false } : { ok: true, step: matched };
}

/** The provisioning URI as an SVG QR code, to embed in the enrolment page. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

// No 0/o, 1/l/i: codes are read off paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_PATTERN = new RegExp(`^[${RECOVERY_ALPHABET}]{8}$`);

function randomRecoveryCode(): string {
  let chars = '';
  for (let i = 0; i < 8; i++) chars += RECOVERY_ALPHABET.charAt(randomInt(RECOVERY_ALPHABET.length));
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Single-use recovery codes in the form xxxx-xxxx; show them once, store only their hashes. */
export function newRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new Invalid('count', '恢复码数量必须是 1–100 的整数');
  }
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomRecoveryCode());
  return [...codes];
}

// Case, spaces and the hyphen do not count, so "ABCD EFGH" matches "abcd-efgh".
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** SM3 of the normalised code, prefixed so the hash cannot be mistaken for another use of SM3. */
export function hashRecoveryCode(code: string): string {
  const normalised = normaliseRecoveryCode(code);
  if (!RECOVERY_PATTERN.test(normalised)) {
    throw new Invalid('code', '恢复码格式应为 xxxx-xxxx（小写字母与数字）');
  }
  return sm3Hex(`gongkai-recovery-code\0${normalised}`);
}

export function recoveryCodeMatches(code: string, hash: string): boolean {
  const normalised = normaliseRecoveryCode(code);
  if (!RECOVERY_PATTERN.test(normalised) || !/^[0-9a-f]{64}$/.test(hash)) return false;
  return timingSafeEqual(Buffer.from(hashRecoveryCode(normalised), 'hex'), Buffer.from(hash, 'hex'));
}
