import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSm3, sm3Hex } from './sm3.ts';

describe('sm3Hex', () => {
  // The two examples of GB/T 32905-2016, Appendix A.
  it('hashes "abc" to the value of GB/T 32905-2016 example 1', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes the 512-bit message "abcd" × 16 to the value of example 2', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(sm3Hex('政府信息公开')).toBe(sm3Hex(new TextEncoder().encode('政府信息公开')));
    expect(sm3Hex('')).toHaveLength(64);
  });
});

describe('hmacSm3', () => {
  it('is HMAC (RFC 2104) over SM3 with a 64-byte block', () => {
    // HMAC computed by hand from the definition, so the test does not trust createHmac alone.
    const key = Buffer.from('key');
    const block = Buffer.alloc(64);
    key.copy(block);
    const inner = Buffer.from(
      sm3Hex(Buffer.concat([block.map((b) => b ^ 0x36), Buffer.from('data')])),
      'hex',
    );
    const outer = sm3Hex(Buffer.concat([block.map((b) => b ^ 0x5c), inner]));
    expect(hmacSm3(key, 'data').toString('hex')).toBe(outer);
    expect(hmacSm3('key', 'data')).toEqual(createHmac('sm3', 'key').update('data').digest());
    expect(hmacSm3('key', 'data')).toHaveLength(32);
  });

  it('depends on the key', () => {
    expect(hmacSm3('key-a', 'data').equals(hmacSm3('key-b', 'data'))).toBe(false);
  });
});
