// Loading the data-protection key file. Outside production a missing file is created (mode 0600) so
// that a fresh machine starts with one command; in production a missing key file stops the start.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Invalid } from '../core/errors.ts';
import { generateKeyFile, parseKeyFile, serializeKeyRing, type KeyRing } from './key-ring.ts';

export function loadKeyRing(
  path: string,
  env: 'development' | 'production' | 'test',
  now = new Date(),
): KeyRing {
  if (!existsSync(path)) {
    if (env === 'production') {
      throw new Invalid(
        'DATA_KEYS_FILE',
        `个人信息加密密钥文件不存在：${path}（生产环境不会自动生成：请用 gongkai keys init 生成，妥善备份，并用 DATA_KEYS_FILE 指向它）`,
      );
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, generateKeyFile(now), { mode: 0o600 });
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Invalid('DATA_KEYS_FILE', `个人信息加密密钥文件无法读取：${path}`);
  }
  return parseKeyFile(text);
}

export function saveKeyRing(path: string, ring: KeyRing): void {
  writeFileSync(path, serializeKeyRing(ring), { mode: 0o600 });
  chmodSync(path, 0o600);
}
