import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ActingScope } from '../app-context.ts';
import { Invalid, NotFound } from '../core/errors.ts';
import { UNIT_KIND_LABELS, type Unit } from '../features/units/model.ts';
import { rowsFromCsv } from '../features/units/csv.ts';
import { openContext } from './server-commands.ts';

async function withOperator<T>(work: (scope: ActingScope) => Promise<T>): Promise<T> {
  const context = await openContext();
  try {
    return await work({ context, actor: { kind: 'operator' }, address: 'cli' });
  } finally {
    await context.database.close();
  }
}

/** A unit given on the command line by id, name or 统一社会信用代码. */
async function resolveUnit(scope: ActingScope, reference: string): Promise<Unit> {
  const { listUnits } = await import('../features/units/service.ts');
  const units = await listUnits(scope);
  const matches = units.filter(
    (u) => String(u.id) === reference || u.name === reference || u.uscc === reference.toUpperCase(),
  );
  if (matches.length === 1) return matches[0] as Unit;
  if (matches.length > 1) throw new Invalid('unit', `有多个单位名为“${reference}”，请用编号指定`);
  throw new NotFound(`未找到单位“${reference}”`);
}

function describeUnit(unit: Unit): string {
  const depth = unit.path.split('/').filter(Boolean).length - 1;
  return `${'  '.repeat(depth)}[${unit.id}] ${unit.name}（${UNIT_KIND_LABELS[unit.kind]}）${unit.uscc ? ` ${unit.uscc}` : ''}`;
}

export function registerUnitCommands(program: Command): void {
  const units = program
    .command('units')
    .description('单位（行政机关）管理')
    .helpOption('-h, --help', '显示帮助');

  units
    .command('add')
    .description('新增单位')
    .helpOption('-h, --help', '显示帮助')
    .requiredOption('--name <名称>', '单位名称')
    .requiredOption('--kind <类型>', `单位类型：${Object.keys(UNIT_KIND_LABELS).join(' | ')}`)
    .option('--parent <单位>', '上级单位（编号、名称或统一社会信用代码）；不填则为顶级单位')
    .option('--uscc <代码>', '统一社会信用代码')
    .option('--region-code <代码>', '行政区划代码')
    .action(
      async (options: {
        name: string;
        kind: string;
        parent?: string;
        uscc?: string;
        regionCode?: string;
      }) => {
        await withOperator(async (scope) => {
          const { addUnit } = await import('../features/units/service.ts');
          const parentId = options.parent ? (await resolveUnit(scope, options.parent)).id : null;
          const unit = await addUnit(scope, { ...options, parentId });
          process.stdout.write(`已新增：${describeUnit(unit)}\n`);
        });
      },
    );

  units
    .command('list')
    .description('按层级列出单位')
    .helpOption('-h, --help', '显示帮助')
    .option('--json', '输出 JSON')
    .action(async (options: { json?: boolean }) => {
      await withOperator(async (scope) => {
        const { listUnits } = await import('../features/units/service.ts');
        const all = await listUnits(scope);
        process.stdout.write(
          options.json
            ? `${JSON.stringify(all, null, 2)}\n`
            : `${all.map(describeUnit).join('\n') || '（暂无单位）'}\n`,
        );
      });
    });

  units
    .command('move')
    .description('把单位（连同下级单位）移到另一个上级单位之下')
    .helpOption('-h, --help', '显示帮助')
    .argument('<单位>', '要移动的单位（编号、名称或统一社会信用代码）')
    .requiredOption('--to <单位>', '新的上级单位')
    .action(async (reference: string, options: { to: string }) => {
      await withOperator(async (scope) => {
        const { moveUnit } = await import('../features/units/service.ts');
        const unit = await resolveUnit(scope, reference);
        const parent = await resolveUnit(scope, options.to);
        const moved = await moveUnit(scope, unit.id, parent.id);
        process.stdout.write(`已移动：${describeUnit(moved)}\n`);
      });
    });

  units
    .command('import')
    .description(
      '从 CSV 导入单位（全部成功或全部不导入）；表头可用 name,kind,parent,uscc,… 或 单位名称,单位类型,上级单位,统一社会信用代码,…',
    )
    .helpOption('-h, --help', '显示帮助')
    .argument('<FILE.csv>', 'UTF-8 编码的 CSV 文件')
    .action(async (file: string) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new Invalid('FILE', `文件无法读取：${file}`);
      }
      const rows = rowsFromCsv(text);
      await withOperator(async (scope) => {
        const { importUnits } = await import('../features/units/service.ts');
        const added = await importUnits(scope, rows);
        process.stdout.write(`已导入 ${added.length} 个单位。\n`);
      });
    });
}
