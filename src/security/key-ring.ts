// The data-protection key ring: the keys that encrypt personal data fields and compute blind indexes.
// The ring lives in a key file kept by the operator (mode 0600), never in the database, so a stolen
// database alone reveals no personal data. Old keys stay in the ring so values sealed under them
// still open; `addKey` makes a new current key and a rotation command reseals values to it.
import { hkdfSync, randomBytes } from 'node:crypto';
import { Invalid } from '../core/errors.ts';

export interface DataKey {
  readonly id: string;
  /** ISO 8601 time the key was created, as written in the key file. */
  readonly created: string;
  /** The 32-byte master secret; the working keys below are derived from it. */
  readonly secret: Buffer;
  /** SM4 key (GB/T 32907-2016 keys are 128 bits). */
  readonly encKey: Buffer;
  /** HMAC-SM3 key for the encrypt-then-MAC tag. */
  readonly macKey: Buffer;
  /** HMAC-SM3 key for blind indexes. */
  readonly indexKey: Buffer;
}

export interface KeyRing {
  /** All keys by id, in the order of the key file. */
  readonly keys: ReadonlyMap<string, DataKey>;
  /** The key new values are sealed and indexed with. */
  readonly current: DataKey;
}

const SECRET_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// HKDF (RFC 5869) with SM3 as the hash. Separate labels keep the cipher, MAC and index keys
// independent, so a weakness in one use cannot be turned against another. The secret is already
// uniformly random, so the salt adds nothing and is left empty.
function deriveKey(secret: Buffer, label: 'enc' | 'mac' | 'index', length: number): Buffer {
  return Buffer.from(hkdfSync('sm3', secret, Buffer.alloc(0), label, length));
}

function makeDataKey(id: string, created: string, secret: Buffer): DataKey {
  return {
    id,
    created,
    secret,
    encKey: deriveKey(secret, 'enc', 16),
    macKey: deriveKey(secret, 'mac', 32),
    indexKey: deriveKey(secret, 'index', 32),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSecret(value: unknown, field: string): Buffer {
  if (typeof value !== 'string') {
    throw new Invalid(field, `${field} 缺失或不是字符串，应为 32 字节随机数的 base64 编码`);
  }
  const bytes = Buffer.from(value, 'base64');
  // Node skips characters that are not base64; re-encoding catches a mangled or truncated secret.
  if (bytes.toString('base64') !== value) {
    throw new Invalid(field, `${field} 不是有效的 base64 编码`);
  }
  if (bytes.length !== SECRET_BYTES) {
    throw new Invalid(
      field,
      `${field} 必须是 ${SECRET_BYTES} 字节随机数的 base64 编码（实际为 ${bytes.length} 字节）`,
    );
  }
  return bytes;
}

function parseKey(value: unknown, index: number): DataKey {
  const path = `keys[${index}]`;
  if (!isRecord(value)) throw new Invalid(path, `${path} 必须是对象`);
  const { id, created, secret } = value;
  if (typeof id !== 'string' || !KEY_ID_PATTERN.test(id)) {
    throw new Invalid(`${path}.id`, `${path}.id 缺失或无效：只能包含字母、数字、“-”和“_”，长度 1–64 个字符`);
  }
  if (typeof created !== 'string' || Number.isNaN(Date.parse(created))) {
    throw new Invalid(`${path}.created`, `${path}.created 缺失或不是有效的 ISO 8601 日期`);
  }
  return makeDataKey(id, created, parseSecret(secret, `${path}.secret`));
}

/** Reads a key file. Throws Invalid naming the field when the file is malformed. */
export function parseKeyFile(text: string): KeyRing {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Invalid('keyFile', '密钥文件不是有效的 JSON');
  }
  if (!isRecord(data)) throw new Invalid('keyFile', '密钥文件必须是 JSON 对象');
  const { keys: rawKeys, current } = data;
  if (!Array.isArray(rawKeys) || rawKeys.length === 0) {
    throw new Invalid('keys', '密钥文件缺少 keys，或 keys 不是非空数组');
  }
  const keys = new Map<string, DataKey>();
  rawKeys.forEach((raw, index) => {
    const key = parseKey(raw, index);
    if (keys.has(key.id)) {
      throw new Invalid(`keys[${index}].id`, `密钥 ID“${key.id}”重复（keys[${index}]）`);
    }
    keys.set(key.id, key);
  });
  if (typeof current !== 'string' || current === '') {
    throw new Invalid('current', '密钥文件缺少 current（当前使用的密钥 ID）');
  }
  const currentKey = keys.get(current);
  if (currentKey === undefined) {
    throw new Invalid('current', `current 指定的密钥“${current}”不在 keys 中`);
  }
  return { keys, current: currentKey };
}

export function serializeKeyRing(ring: KeyRing): string {
  const keys = [...ring.keys.values()].map((key) => ({
    id: key.id,
    created: key.created,
    secret: key.secret.toString('base64'),
  }));
  return `${JSON.stringify({ keys, current: ring.current.id }, null, 2)}\n`;
}

function newKeyId(now: Date, taken: ReadonlyMap<string, DataKey>): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  for (;;) {
    const id = `k${day}${randomBytes(3).toString('hex')}`;
    if (!taken.has(id)) return id;
  }
}

function newDataKey(now: Date, taken: ReadonlyMap<string, DataKey>): DataKey {
  return makeDataKey(newKeyId(now, taken), now.toISOString(), randomBytes(SECRET_BYTES));
}

/** A new key file with one fresh key, as text for the caller to write with mode 0600. */
export function generateKeyFile(now: Date): string {
  const key = newDataKey(now, new Map());
  return serializeKeyRing({ keys: new Map([[key.id, key]]), current: key });
}

/** Adds a fresh key and makes it current; the old keys stay so existing values still open. */
export function addKey(ring: KeyRing, now: Date): KeyRing {
  const key = newDataKey(now, ring.keys);
  const keys = new Map(ring.keys);
  keys.set(key.id, key);
  return { keys, current: key };
}
