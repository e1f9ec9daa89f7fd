import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { openContext } from './server-commands.ts';
import { loadConfig, type Config } from '../config.ts';
import { Invalid } from '../core/errors.ts';
import type { TableCount } from '../db/backup.ts';

function describeTarget(config: Config): string {
  const db = config.database;
  if (db.kind === 'sqlite') return `SQLite ${db.file}`;
  const url = new URL(db.url);
  return `PostgreSQL ${url.hostname}${url.port === '' ? '' : `:${url.port}`}${url.pathname}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function formatTables(tables: readonly TableCount[]): string {
  const width = Math.max(...tables.map((t) => t.name.length), 0);
  return tables.map((t) => `  ${t.name.padEnd(width)}  ${t.rows} 行`).join('\n');
}

async function confirmRestore(config: Config, file: string): Promise<boolean> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await readline.question(
      `将用备份 ${file} 覆盖当前数据库（${describeTarget(config)}），现有数据将全部被替换。\n` +
        '请确认已停止 gongkai serve 等所有使用该数据库的进程。输入 yes 继续：',
    );
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    readline.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      '在线备份数据库到一个新文件（SQLite：一致的单文件副本，服务可继续运行；PostgreSQL：pg_dump 自定义格式）',
    )
    .argument('<文件>', '备份文件的路径（不得已存在）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.database.kind === 'sqlite' && config.database.file !== ':memory:') {
        const { existsSync } = await import('node:fs');
        if (!existsSync(config.database.file)) {
          throw new Invalid('DATABASE_URL', `数据库文件不存在：${config.database.file}`);
        }
      }
      const { openDatabase } = await import('../db/connection.ts');
      const { backupDatabase } = await import('../db/backup.ts');
      const database = openDatabase(config.database);
      try {
        const summary = await backupDatabase(config.database, database, file);
        process.stdout.write(
          `已备份 ${describeTarget(config)} 到 ${summary.file}（${formatBytes(summary.bytes)}，${summary.tables.length} 张表）：\n` +
            `${formatTables(summary.tables)}\n` +
            `注意：个人信息加密密钥文件不在数据库中，请另行妥善备份：${config.dataKeysFile}\n`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .description('用备份文件替换整个数据库（须先停止服务；先完整校验备份文件，校验不通过则不改动数据库）')
    .argument('<文件>', '由 gongkai backup 生成的备份文件')
    .option('--yes', '不再询问，直接恢复（非交互运行时必需）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (file: string, options: { yes?: boolean }) => {
      const config = loadConfig();
      if (options.yes !== true) {
        if (!process.stdin.isTTY) {
          throw new Invalid('--yes', '恢复会替换当前数据库的全部数据；非交互运行时请加 --yes 确认');
        }
        if (!(await confirmRestore(config, file))) {
          process.stdout.write('已取消，数据库未改动。\n');
          return;
        }
      }
      const { restoreDatabase } = await import('../db/backup.ts');
      const summary = await restoreDatabase(config.database, file);
      const context = await openContext();
      try {
        const { endSessionsAfterRestore } = await import('../features/accounts/after-restore.ts');
        await endSessionsAfterRestore(context, summary.file);
      } finally {
        await context.database.close();
      }
      process.stdout.write(
        `已从 ${summary.file}（${formatBytes(summary.bytes)}）恢复 ${describeTarget(config)}，${summary.tables.length} 张表：\n` +
          `${formatTables(summary.tables)}\n` +
          `备份的数据库结构版本：${summary.latestMigration}（较新的迁移已执行）。恢复前的所有登录会话均已失效。\n`,
      );
    });
}
