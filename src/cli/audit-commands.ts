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
}
