import type { Command } from 'commander';
import { openContext } from './server-commands.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志').helpOption('-h, --help', '显示帮助');
  audit
    .command('verify')
    .description('校验审计日志的 SM3 哈希链，指出第一条被修改、删除或调换的记录；退出码 0 完整，1 已被篡改')
    .helpOption('-h, --help', '显示帮助')
    .action(async () => {
      const context = await openContext();
      try {
        const { verifyAudit } = await import('../features/audit/service.ts');
        const result = await verifyAudit(context.database.db);
        if (result.ok) {
          process.stdout.write(`审计日志完整：共 ${result.count} 条记录，哈希链无断点。\n`);
        } else {
          process.stdout.write(`审计日志已被篡改：${result.message}\n`);
          process.exitCode = 1;
        }
      } finally {
        await context.database.close();
      }
    });

  audit
    .command('archive')
    .description(
      '把保留期（AUDIT_RETENTION_DAYS，至少 180 天）以前的审计记录移入归档文件（JSON Lines）；其余记录仍可从归档点继续校验',
    )
    .helpOption('-h, --help', '显示帮助')
    .requiredOption('--before <日期>', '归档此日期（YYYY-MM-DD，北京时间）以前的记录')
    .requiredOption('--to <文件>', '归档文件（不会覆盖已有文件；请与备份一同离线保存）')
    .action(async (options: { before: string; to: string }) => {
      const context = await openContext();
      try {
        const { archiveAuditLog } = await import('../features/audit/archive.ts');
        const result = await archiveAuditLog(context, options.before, options.to);
        process.stdout.write(
          result.count === 0
            ? `${options.before} 以前没有可归档的审计记录。\n`
            : `已归档 ${result.count} 条审计记录（至第 ${result.upToSeq} 条）到 ${result.file}。\n`,
        );
      } finally {
        await context.database.close();
      }
    });
}
