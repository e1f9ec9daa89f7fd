import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Conflict } from '../core/errors.ts';
import { loadConfig } from '../config.ts';
import { generateKeyFile, parseKeyFile } from '../security/key-ring.ts';
import { saveKeyRing } from '../security/key-file.ts';

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('个人信息加密密钥').helpOption('-h, --help', '显示帮助');
  keys
    .command('init')
    .description('生成个人信息加密密钥文件（DATA_KEYS_FILE，权限 0600）；已存在时不覆盖')
    .helpOption('-h, --help', '显示帮助')
    .action(() => {
      const file = loadConfig().dataKeysFile;
      if (existsSync(file)) throw new Conflict(`密钥文件已存在，不会覆盖：${file}`);
      saveKeyRing(file, parseKeyFile(generateKeyFile(new Date())));
      process.stdout.write(`已生成密钥文件：${file}\n请离线备份此文件：丢失后已加密的个人信息无法解密。\n`);
    });
}
