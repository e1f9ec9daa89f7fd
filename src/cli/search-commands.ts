// The search index of published items: kept current on every publication, correction and withdrawal;
// rebuilt by hand after an upgrade that brings search to a database with items already published.
import type { Command } from 'commander';

export function registerSearchCommands(program: Command): void {
  const search = program.command('search').description('站内检索索引').helpOption('-h, --help', '显示帮助');
  search
    .command('rebuild')
    .description('按已发布的主动公开信息重建检索索引（升级后首次启用检索时运行一次）')
    .helpOption('-h, --help', '显示帮助')
    .action(async () => {
      const { openContext } = await import('./server-commands.ts');
      const { rebuildSearchIndex } = await import('../features/search/service.ts');
      const context = await openContext();
      try {
        const count = await rebuildSearchIndex(context);
        process.stdout.write(`检索索引已重建：${count} 条已发布信息。\n`);
      } finally {
        await context.database.close();
      }
    });
}
