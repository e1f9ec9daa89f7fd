import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../core/errors.ts';
import { addKey, generateKeyFile, parseKeyFile, serializeKeyRing } from './key-ring.ts';

const now = new Date('2026-03-14T08:00:00.000Z');
const secret = () => randomBytes(32).toString('base64');

function keyFile(body: unknown): string {
  return JSON.stringify(body);
}

function invalidOf(text: string): Invalid {
  try {
    parseKeyFile(text);
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
  throw new Error('expected Invalid');
}

describe('generateKeyFile and parseKeyFile', () => {
  it('generates a ring with one current key of 32 random bytes', () => {
    const text = generateKeyFile(now);
    const data = JSON.parse(text) as {
      keys: { id: string; created: string; secret: string }[];
      current: string;
    };
    expect(data.keys).toHaveLength(1);
    const [key] = data.keys;
    expect(data.current).toBe(key?.id);
    expect(key?.id).toMatch(/^k20260314[0-9a-f]{6}$/);
    expect(key?.created).toBe('2026-03-14T08:00:00.000Z');
    expect(Buffer.from(key?.secret ?? '', 'base64')).toHaveLength(32);
    expect(generateKeyFile(now)).not.toBe(text);
  });

  it('derives distinct working keys of the right sizes', () => {
    const ring = parseKeyFile(generateKeyFile(now));
    const { encKey, macKey, indexKey } = ring.current;
    expect(encKey).toHaveLength(16);
    expect(macKey).toHaveLength(32);
    expect(indexKey).toHaveLength(32);
    expect(macKey.equals(indexKey)).toBe(false);
    expect(macKey.subarray(0, 16).equals(encKey)).toBe(false);
  });

  it('derives the same working keys from the same file', () => {
    const text = generateKeyFile(now);
    const a = parseKeyFile(text).current;
    const b = parseKeyFile(text).current;
    expect(a.encKey.equals(b.encKey) && a.macKey.equals(b.macKey) && a.indexKey.equals(b.indexKey)).toBe(
      true,
    );
  });

  it('round-trips through serializeKeyRing', () => {
    const ring = addKey(parseKeyFile(generateKeyFile(now)), now);
    const again = parseKeyFile(serializeKeyRing(ring));
    expect([...again.keys.keys()]).toEqual([...ring.keys.keys()]);
    expect(again.current.id).toBe(ring.current.id);
    expect(serializeKeyRing(again)).toBe(serializeKeyRing(ring));
  });
});

describe('parseKeyFile rejects malformed files, naming the field', () => {
  const good = { id: 'k2026a', created: '2026-01-01T00:00:00.000Z', secret: secret() };

  it.each([
    ['not JSON', '{keys:', 'keyFile', '不是有效的 JSON'],
    ['an array', '[]', 'keyFile', '必须是 JSON 对象'],
    ['no keys', keyFile({ current: 'k2026a' }), 'keys', 'keys'],
    ['empty keys', keyFile({ keys: [], current: 'k2026a' }), 'keys', '非空数组'],
    ['missing current', keyFile({ keys: [good] }), 'current', '缺少 current'],
    ['unknown current', keyFile({ keys: [good], current: 'k2025z' }), 'current', '“k2025z”不在 keys 中'],
    [
      'a 16-byte secret',
      keyFile({ keys: [{ ...good, secret: randomBytes(16).toString('base64') }], current: 'k2026a' }),
      'keys[0].secret',
      '32 字节',
    ],
    [
      'a secret that is not base64',
      keyFile({ keys: [{ ...good, secret: '这不是密钥' }], current: 'k2026a' }),
      'keys[0].secret',
      'base64',
    ],
    [
      'a missing secret',
      keyFile({ keys: [{ id: 'k2026a', created: good.created }], current: 'k2026a' }),
      'keys[0].secret',
      'keys[0].secret',
    ],
    [
      'a duplicate id',
      keyFile({ keys: [good, { ...good, secret: secret() }], current: 'k2026a' }),
      'keys[1].id',
      '“k2026a”重复',
    ],
    [
      'an id with a colon',
      keyFile({ keys: [{ ...good, id: 'k:1' }], current: 'k:1' }),
      'keys[0].id',
      'keys[0].id',
    ],
    [
      'a bad created date',
      keyFile({ keys: [{ ...good, created: 'yesterday' }], current: 'k2026a' }),
      'keys[0].created',
      'ISO 8601',
    ],
  ])('%s', (_name, text, field, fragment) => {
    const error = invalidOf(text);
    expect(error.field).toBe(field);
    expect(error.message).toContain(fragment);
  });

  it('accepts a well-formed hand-written file', () => {
    const ring = parseKeyFile(keyFile({ keys: [good], current: 'k2026a' }));
    expect(ring.current.id).toBe('k2026a');
    expect(ring.current.created).toBe(good.created);
  });
});

describe('addKey', () => {
  it('adds a new current key and keeps the old ones', () => {
    const first = parseKeyFile(generateKeyFile(now));
    const second = addKey(first, new Date('2027-01-02T00:00:00.000Z'));
    expect(second.current.id).not.toBe(first.current.id);
    expect(second.current.id).toMatch(/^k20270102/);
    expect(second.keys.get(first.current.id)).toBe(first.current);
    expect(second.keys.size).toBe(2);
    expect(second.current.secret.equals(first.current.secret)).toBe(false);
    expect(first.keys.size).toBe(1);
  });
});
