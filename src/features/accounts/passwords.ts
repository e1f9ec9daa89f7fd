// Password hashing with Argon2id (RFC 9106) at the OWASP-recommended cost (19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

// The algorithm is left at the library's default, Argon2id: its `Algorithm` is an ambient const enum,
// which cannot be read under isolatedModules. The integration tests check the stored hashes say argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification for a user name that does not exist, so the answer time does
 * not reveal which user names do.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('gongkai-no-such-user-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
