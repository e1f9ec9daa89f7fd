// SM3 (GB/T 32905-2016) and HMAC-SM3, from the SM3 implementation in Node's bundled OpenSSL 3.
// Strings are hashed as their UTF-8 bytes.
import { createHash, createHmac } from 'node:crypto';

export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: string | Uint8Array, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}
