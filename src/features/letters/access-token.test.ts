import { describe, expect, it } from 'vitest';
import { addKey, generateKeyFile, parseKeyFile } from '../../security/key-ring.ts';
import { letterAccessToken, verifyLetterAccessToken } from './access-token.ts';

const NOW = new Date('2024-03-15T08:00:00Z');
const IN_A_WEEK = new Date('2024-03-22T08:00:00Z');
const keys = parseKeyFile(generateKeyFile(NOW));

describe('letter access tokens', () => {
  it('names the letter until the expiry, and nothing after it', () => {
    const token = letterAccessToken(keys, 42, IN_A_WEEK);
    expect(token).toMatch(/^42\.1711094400\.[0-9a-f]{64}$/);
    expect(verifyLetterAccessToken(keys, token, NOW)).toBe(42);
    expect(verifyLetterAccessToken(keys, token, new Date('2024-03-22T07:59:59Z'))).toBe(42);
    expect(verifyLetterAccessToken(keys, token, IN_A_WEEK)).toBeNull();
  });

  it('refuses a token whose letter, expiry or MAC was changed, or that was made under another ring', () => {
    const token = letterAccessToken(keys, 42, IN_A_WEEK);
    const [, expires, mac] = token.split('.') as [string, string, string];
    expect(verifyLetterAccessToken(keys, `43.${expires}.${mac}`, NOW)).toBeNull();
    expect(verifyLetterAccessToken(keys, `42.${Number(expires) + 86_400}.${mac}`, NOW)).toBeNull();
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('0') ? '1' : '0'}`;
    expect(verifyLetterAccessToken(keys, `42.${expires}.${flipped}`, NOW)).toBeNull();
    const other = parseKeyFile(generateKeyFile(NOW));
    expect(verifyLetterAccessToken(other, token, NOW)).toBeNull();
    for (const junk of [
      '',
      '42',
      `42.${expires}`,
      `${token}.x`,
      token.toUpperCase(),
      `-42.${expires}.${mac}`,
    ]) {
      expect(verifyLetterAccessToken(keys, junk, NOW), junk).toBeNull();
    }
  });

  it('keeps working after a key rotation, while the old key is in the ring', () => {
    const token = letterAccessToken(keys, 7, IN_A_WEEK);
    expect(verifyLetterAccessToken(addKey(keys, NOW), token, NOW)).toBe(7);
  });
});
