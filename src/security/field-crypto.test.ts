import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  blindIndexes,
  FieldIntegrityError,
  normaliseForIndex,
  openField,
  resealField,
  sealedKeyId,
  sealField,
} from './field-crypto.ts';
import { addKey, generateKeyFile, parseKeyFile } from './key-ring.ts';
import type { KeyRing } from './key-ring.ts';

const newRing = (): KeyRing => parseKeyFile(generateKeyFile(new Date('2026-03-14T00:00:00.000Z')));
const ring = newRing();

function integrityErrorOf(action: () => unknown): FieldIntegrityError {
  try {
    action();
  } catch (error) {
    if (error instanceof FieldIntegrityError) return error;
    throw error;
  }
  throw new Error('expected FieldIntegrityError');
}

describe('sealField and openField', () => {
  it.each([
    ['Chinese text', '辽宁省沈阳市皇姑区北陵大街 45 号'],
    ['an identity number', '11010519491231002X'],
    ['the empty string', ''],
    ['a 10 KB string', '政务公开'.repeat(1000) + 'x'.repeat(4000)],
    ['text outside the BMP', '𠀀𪚥 emoji 🙂'],
  ])('round-trips %s', (_name, plaintext) => {
    const sealed = sealField(ring, plaintext);
    expect(openField(ring, sealed)).toBe(plaintext);
  });

  it('writes the compact v1 form under the current key', () => {
    const sealed = sealField(ring, '13800138000');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{43}$/);
    expect(sealedKeyId(sealed)).toBe(ring.current.id);
  });

  it('uses a fresh IV, so two seals of the same value differ', () => {
    const a = sealField(ring, '13800138000');
    const b = sealField(ring, '13800138000');
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
  });

  it('never shows the plaintext in the sealed string', () => {
    const plaintext = 'zhangsan@example.com';
    const sealed = sealField(ring, plaintext);
    expect(sealed).not.toContain(plaintext);
    expect(sealed).not.toContain(Buffer.from(plaintext).toString('base64url').slice(0, 8));
    expect(sealed).not.toContain(Buffer.from(plaintext).toString('hex').slice(0, 8));
  });

  it('rejects a change to any single character', () => {
    const sealed = sealField(ring, '张三 11010519491231002X');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let position = 0; position < sealed.length; position++) {
      const original = sealed.charAt(position);
      // The next letter of the alphabet differs only in the low bits, which the last character of a
      // base64url field partly ignores on decoding; a distant letter and a separator cover the rest.
      const next = alphabet.charAt((alphabet.indexOf(original) + 1) % alphabet.length);
      for (const replacement of [next, original === 'A' ? 'B' : 'A', ':']) {
        if (replacement === original) continue;
        const tampered = sealed.slice(0, position) + replacement + sealed.slice(position + 1);
        expect(() => openField(ring, tampered), `position ${position} → ${replacement}`).toThrow(
          FieldIntegrityError,
        );
      }
    }
  });

  it.each([
    ['an empty string', ''],
    ['plain text', '13800138000'],
    ['a missing part', 'v1:k:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA'],
    ['an unknown version', 'v2:k:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:' + 'A'.repeat(43)],
    ['padding characters', 'v1:k:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAA:' + 'A'.repeat(43)],
    ['a short IV', 'v1:k:AAAA:AAAAAAAAAAAAAAAAAAAAAA:' + 'A'.repeat(43)],
  ])('rejects malformed input: %s', (_name, input) => {
    expect(integrityErrorOf(() => openField(ring, input)).reason).toBe('malformed');
  });

  it('rejects a value sealed under a key that is not in the ring', () => {
    const sealed = sealField(newRing(), 'secret');
    const error = integrityErrorOf(() => openField(ring, sealed));
    expect(error.reason).toBe('unknown-key');
    expect(error.message).toContain('不在密钥环中');
  });

  it('rejects a value moved to another key id of the same ring', () => {
    const rotated = addKey(ring, new Date('2027-01-01T00:00:00.000Z'));
    const sealed = sealField(rotated, 'secret');
    const moved = sealed.replace(`:${rotated.current.id}:`, `:${ring.current.id}:`);
    expect(integrityErrorOf(() => openField(rotated, moved)).reason).toBe('mac-mismatch');
  });

  it('is not an Invalid error but a FieldIntegrityError with a zh-CN message', () => {
    const sealed = sealField(ring, 'x');
    const error = integrityErrorOf(() => openField(ring, sealed.slice(0, -2) + 'AA'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FieldIntegrityError');
    expect(error.message).toMatch(/篡改|损坏/);
  });
});

describe('key rotation', () => {
  it('opens a value sealed under an old key and reseals it under the new key', () => {
    const old = newRing();
    const sealed = sealField(old, '沈阳市皇姑区');
    const rotated = addKey(old, new Date('2027-01-01T00:00:00.000Z'));
    expect(openField(rotated, sealed)).toBe('沈阳市皇姑区');
    const resealed = resealField(rotated, sealed);
    expect(sealedKeyId(resealed)).toBe(rotated.current.id);
    expect(sealedKeyId(resealed)).not.toBe(old.current.id);
    expect(openField(rotated, resealed)).toBe('沈阳市皇姑区');
  });

  it('returns a value already under the current key unchanged', () => {
    const sealed = sealField(ring, 'x');
    expect(resealField(ring, sealed)).toBe(sealed);
  });

  it('refuses to reseal a tampered value', () => {
    const sealed = sealField(ring, 'x');
    const tampered = sealed.slice(0, -1) + (sealed.endsWith('A') ? 'B' : 'A');
    expect(() => resealField(ring, tampered)).toThrow(FieldIntegrityError);
  });
});

describe('blindIndex', () => {
  it('is stable and ignores spacing, case and full-width forms of an identity number', () => {
    const index = blindIndex(ring, '11010519491231002X', 'id-number');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(ring, '11010519491231002X', 'id-number')).toBe(index);
    expect(blindIndex(ring, ' 11010519491231002x ', 'id-number')).toBe(index);
    expect(blindIndex(ring, '１１０１０５１９４９１２３１００２ｘ', 'id-number')).toBe(index);
    expect(blindIndex(ring, '110105194912310021', 'id-number')).not.toBe(index);
  });

  it('differs between purposes and between rings', () => {
    const value = '13800138000';
    expect(blindIndex(ring, value, 'phone')).not.toBe(blindIndex(ring, value, 'id-number'));
    expect(blindIndex(ring, value, 'phone')).not.toBe(blindIndex(ring, value, 'other'));
    expect(blindIndex(newRing(), value, 'phone')).not.toBe(blindIndex(ring, value, 'phone'));
  });

  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['(+86) 138 0013 8000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['024-8688 1234', '02486881234'],
    ['86881234', '86881234'],
  ])('normalises the phone %s to %s', (input, expected) => {
    expect(normaliseForIndex(input, 'phone')).toBe(expected);
    expect(blindIndex(ring, input, 'phone')).toBe(blindIndex(ring, expected, 'phone'));
  });

  it('normalises emails and other values', () => {
    expect(normaliseForIndex('  ZhangSan@Example.COM ', 'email')).toBe('zhangsan@example.com');
    expect(normaliseForIndex('  北陵大街 45 号 ', 'address')).toBe('北陵大街 45 号');
  });

  it('rejects a purpose that could run into the value', () => {
    expect(() => blindIndex(ring, 'x', 'a\0b')).toThrow();
    expect(() => blindIndex(ring, 'x', '')).toThrow();
  });

  it('gives one index per key during a rotation, current key first', () => {
    const rotated = addKey(ring, new Date('2027-01-01T00:00:00.000Z'));
    const stored = blindIndex(ring, '13800138000', 'phone');
    const candidates = blindIndexes(rotated, '+86 13800138000', 'phone');
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toBe(blindIndex(rotated, '13800138000', 'phone'));
    expect(candidates).toContain(stored);
    expect(candidates[0]).not.toBe(stored);
  });
});
