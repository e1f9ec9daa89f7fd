// `gongkai calendar`: the working-day calendar's admin table from the command line, as the operator.
// Every change recomputes the due dates of the open applications, as on the back-office page.
import type { Command } from 'commander';
import type { ActingScope } from '../app-context.ts';
import type { CalendarChange, CalendarOverview, StoredDayOverride } from '../features/calendar/model.ts';
import { DAY_KIND_LABELS } from '../features/calendar/model.ts';
import { validateYear } from '../features/calendar/validate.ts';
import { openContext } from './server-commands.ts';

async function withOperator<T>(work: (scope: ActingScope) => Promise<T>): Promise<T> {
  const context = await openContext();
  try {
    return await work({ context, actor: { kind: 'operator' }, address: 'cli' });
  } finally {
    await context.database.close();
  }
}

const SHOWN_CHANGES = 50;

function describeOverride(override: StoredDayOverride): string {
  const name = override.name === null ? '' : ` ${override.name}`;
  return `  ${override.date} ${DAY_KIND_LABELS[override.kind]}${name}（依据：${override.notice}；${override.changed.name}）`;
}

function yearRanges(years: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const year of years) {
    const last = ranges.at(-1);
    if (last !== undefined && last[1] === year - 1) last[1] = year;
    else ranges.push([year, year]);
  }
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join('、');
}

function describeOverview(overview: CalendarOverview, year: number | undefined): string {
  const lines: string[] = [];
  const official = overview.years.filter((entry) => entry.official).map((entry) => entry.year);
  lines.push(`官方数据（chinese-days）覆盖：${yearRanges(official)} 年`);
  for (const entry of overview.years) {
    if (entry.declared !== null) {
      lines.push(`已确认全年录入：${entry.year} 年（依据：${entry.declared.notice}）`);
    } else if (!entry.covered) {
      lines.push(`已录入 ${entry.overrideCount} 天但未确认全年：${entry.year} 年（该年暂不能计算期限）`);
    }
  }
  if (year !== undefined) {
    lines.push('', `${year} 年节假日安排：`);
    if (overview.arrangement === null) lines.push('  （该年尚无数据）');
    for (const row of overview.arrangement ?? []) {
      const span = row.from === row.to ? row.from : `${row.from} 至 ${row.to}`;
      const what = row.working ? '上班' : '放假';
      const source = row.source === 'official' ? '官方数据' : '自定义';
      lines.push(`  ${span} ${what} ${row.days} 天 ${row.name ?? ''}（${source}）`);
    }
  }
  const overrides = overview.overrides.filter(
    (override) => year === undefined || override.date.startsWith(`${year}-`),
  );
  lines.push('', year === undefined ? '自定义日期：' : `${year} 年的自定义日期：`);
  lines.push(...(overrides.length === 0 ? ['  （无）'] : overrides.map(describeOverride)));
  return `${lines.join('\n')}\n`;
}

const DONE: Readonly<Record<CalendarChange['action'], string>> = {
  'day-set': '已设置',
  'day-remove': '已删除自定义设置',
  'year-complete': '已确认全年录入',
  'year-withdraw': '已撤回全年录入的确认',
};

function describeChange(change: CalendarChange): string {
  const { open, changed } = change.recomputation;
  const lines = [
    `${DONE[change.action]}：${change.subject}`,
    `${changed.length} 件在办申请的答复期限已重新计算（共核对在办申请 ${open} 件）。`,
    ...changed
      .slice(0, SHOWN_CHANGES)
      .map(
        (entry) =>
          `  申请 ${entry.id}：${dueText(entry.dueBefore, entry.stateBefore)} → ${dueText(entry.dueAfter, entry.stateAfter)}`,
      ),
  ];
  if (changed.length > SHOWN_CHANGES) lines.push(`  ……只列出前 ${SHOWN_CHANGES} 件（用 --json 查看全部）`);
  return `${lines.join('\n')}\n`;
}

function dueText(due: string | null, state: string | null): string {
  if (due !== null) return due;
  return state === 'invalid' ? '无法计算（缺少节假日数据）' : '无';
}

function print(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text);
}

export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description(
      '工作日历：节假日和调休的自定义日期，新年份的录入确认（每次修改后重新计算在办申请的答复期限）',
    )
    .helpOption('-h, --help', '显示帮助');

  calendar
    .command('list')
    .description('列出可计算期限的年份和自定义日期；给出 --year 时另列该年的节假日安排')
    .helpOption('-h, --help', '显示帮助')
    .option('--year <年份>', '只看这一年')
    .option('--json', '输出 JSON')
    .action(async (options: { year?: string; json?: boolean }) => {
      const year = options.year === undefined ? undefined : validateYear(options.year, '--year');
      await withOperator(async (scope) => {
        const { getCalendarOverview } = await import('../features/calendar/service.ts');
        const overview = await getCalendarOverview(scope, year);
        const shown =
          year === undefined
            ? { ...overview, arrangement: undefined, selectedYear: undefined }
            : {
                ...overview,
                overrides: overview.overrides.filter((override) => override.date.startsWith(`${year}-`)),
              };
        print(options.json, shown, describeOverview(overview, year));
      });
    });

  calendar
    .command('set')
    .description('把某一天设为工作日或休息日（已有设置时替换），须写明依据的通知')
    .helpOption('-h, --help', '显示帮助')
    .argument('<日期>', 'YYYY-MM-DD')
    .requiredOption('--kind <类型>', 'workday（工作日）| holiday（休息日）')
    .requiredOption('--notice <通知>', '依据的通知及文号，如 国办发明电〔2020〕1号')
    .option('--name <名称>', '名称，如 春节')
    .option('--json', '输出 JSON')
    .action(
      async (date: string, options: { kind: string; notice: string; name?: string; json?: boolean }) => {
        await withOperator(async (scope) => {
          const { setDayOverride } = await import('../features/calendar/service.ts');
          const change = await setDayOverride(scope, { date, ...options });
          print(options.json, change, describeChange(change));
        });
      },
    );

  calendar
    .command('remove')
    .description('删除某一天的自定义设置，恢复按官方数据计算')
    .helpOption('-h, --help', '显示帮助')
    .argument('<日期>', 'YYYY-MM-DD')
    .option('--json', '输出 JSON')
    .action(async (date: string, options: { json?: boolean }) => {
      await withOperator(async (scope) => {
        const { removeDayOverride } = await import('../features/calendar/service.ts');
        const change = await removeDayOverride(scope, date);
        print(options.json, change, describeChange(change));
      });
    });

  calendar
    .command('complete-year')
    .description('确认某一年的节假日安排已全部录入（系统自带数据之外的年份），此后按该年计算期限')
    .helpOption('-h, --help', '显示帮助')
    .argument('<年份>', '四位年份')
    .requiredOption('--notice <通知>', '该年节假日安排的通知及文号')
    .option('--json', '输出 JSON')
    .action(async (year: string, options: { notice: string; json?: boolean }) => {
      await withOperator(async (scope) => {
        const { declareYearComplete } = await import('../features/calendar/service.ts');
        const change = await declareYearComplete(scope, { year, notice: options.notice });
        print(options.json, change, describeChange(change));
      });
    });

  calendar
    .command('withdraw-year')
    .description('撤回对某一年全年录入的确认（该年此后不能计算期限）')
    .helpOption('-h, --help', '显示帮助')
    .argument('<年份>', '四位年份')
    .option('--json', '输出 JSON')
    .action(async (year: string, options: { json?: boolean }) => {
      await withOperator(async (scope) => {
        const { withdrawYearDeclaration } = await import('../features/calendar/service.ts');
        const change = await withdrawYearDeclaration(scope, year);
        print(options.json, change, describeChange(change));
      });
    });
}
