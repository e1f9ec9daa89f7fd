import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Conflict, Invalid } from '../core/errors.ts';
import { loadConfig } from '../config.ts';
import { generateKeyFile, parseKeyFile } from '../security/key-ring.ts';
import { saveKeyRing } from '../security/key-file.ts';
import type { RotationOutcome, RotationStatus } from '../features/privacy/rotation.ts';
import { openContext } from './server-commands.ts';

interface RotateOptions {
  readonly status?: boolean;
  readonly batchSize?: string;
}

function batchSizeOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 10_000) {
    throw new Invalid('--batch-size', '--batch-size 应为 1–10000 之间的整数');
  }
  return size;
}

function printStatus(status: RotationStatus): void {
  const lines = [`当前密钥：${status.currentKeyId}`];
  for (const column of status.columns) {
    const old = Object.entries(column.oldKeys).map(([id, count]) => `${id} ${count} 个`);
    const unknown = column.unknown > 0 ? `，无法识别密钥 ${column.unknown} 个` : '';
    lines.push(
      `  ${column.column}：共 ${column.total} 个，当前密钥 ${column.current} 个` +
        `${old.length > 0 ? `，旧密钥 ${old.join('、')}` : ''}${unknown}`,
    );
  }
  lines.push(`仍使用旧密钥加密的值：${status.underOldKeys} 个`);
  if (status.unknown > 0) lines.push(`无法识别密钥（已损坏或密钥已删除）的值：${status.unknown} 个`);
  if (status.underOldKeys > 0) {
    lines.push('轮换尚未完成：请再次运行 gongkai keys rotate 继续；完成前不得从密钥文件中删除任何旧密钥。');
  } else if (status.retirableKeyIds.length > 0) {
    lines.push(
      `已没有数据使用旧密钥 ${status.retirableKeyIds.join('、')}；` +
        '确认所有仍含旧数据的备份都已过期后，才可以把它们从密钥文件中删除。',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printOutcome(outcome: RotationOutcome): void {
  const total = Object.values(outcome.resealed).reduce((sum, count) => sum + count, 0);
  const lines = [
    outcome.keyAdded
      ? `已添加新密钥 ${outcome.keys.current.id} 并设为当前密钥（旧密钥 ${outcome.previousKeyId} 仍保留在密钥文件中）。`
      : `继续上次未完成的轮换：当前密钥 ${outcome.keys.current.id}。`,
    `已重新加密 ${total} 个值，重新计算盲索引 ${outcome.reindexed} 个。`,
  ];
  if (outcome.changedMeanwhile > 0) lines.push(`${outcome.changedMeanwhile} 个值在处理期间被修改，已跳过。`);
  for (const damaged of outcome.damaged) {
    lines.push(`无法解密（${damaged.reason}）：${damaged.column}，行 ${String(damaged.key)}`);
  }
  lines.push(
    outcome.complete
      ? '请重启所有应用进程，使其读取新的密钥文件。用 gongkai keys rotate --status 查看是否还有值使用旧密钥。'
      : '轮换已中断：再次运行 gongkai keys rotate 即从中断处继续。',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!outcome.complete || outcome.damaged.length > 0) process.exitCode = 1;
}

async function rotate(options: RotateOptions): Promise<void> {
  const batchSize = batchSizeOf(options.batchSize);
  const context = await openContext();
  try {
    const { rotateDataKeys, rotationStatus } = await import('../features/privacy/rotation.ts');
    if (options.status === true) {
      printStatus(await rotationStatus(context.database.db, context.keys));
      return;
    }
    const stop = new AbortController();
    const onInterrupt = () => {
      process.stderr.write('收到中断信号：当前批次提交后停止。\n');
      stop.abort();
    };
    process.once('SIGINT', onInterrupt);
    try {
      const outcome = await rotateDataKeys(
        { context, actor: { kind: 'operator' }, address: 'cli' },
        {
          signal: stop.signal,
          ...(batchSize === undefined ? {} : { batchSize }),
          onBatch: ({ column, resealed }) => process.stderr.write(`${column}：已重新加密 ${resealed} 个\n`),
        },
      );
      printOutcome(outcome);
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  } finally {
    await context.database.close();
  }
}

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
  keys
    .command('rotate')
    .description(
      '轮换密钥：在密钥文件中添加新的当前密钥（旧密钥保留），再用新密钥分批重新加密数据库中的全部个人信息并重算盲索引；' +
        '中断后再次运行即继续。旧密钥只有在 --status 显示已无数据使用它之后才可删除。' +
        '轮换期间应停止应用进程，或在新密钥写入后立即重启它们',
    )
    .helpOption('-h, --help', '显示帮助')
    .option('--status', '只显示各列仍使用旧密钥加密的值的数量，不做修改')
    .option('--batch-size <行数>', '每个事务处理的行数（默认 500）')
    .action(async (options: RotateOptions) => {
      await rotate(options);
    });
}
