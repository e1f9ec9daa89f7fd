import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { Invalid } from '../core/errors.ts';
import { reportFromInterchange } from '../core/report/interchange.ts';
import type { AnnualReport } from '../core/report/types.ts';
import { renderReport, RENDER_TARGETS, type RenderTarget } from '../features/reports/render-target.ts';
import { exitCodeOf, readReport } from '../features/reports/service.ts';
import { checkFiles } from './check-files.ts';
import { formatOutcome, formatSummary } from './format-outcome.ts';

async function loadPrevious(file: string | undefined): Promise<AnnualReport | undefined> {
  if (file === undefined) return undefined;
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new Invalid('--previous', `上一年度报告文件无法读取：${file}`);
  }
  const read = await readReport({ kind: 'file', data, name: file });
  if ('reason' in read) throw new Invalid('--previous', `上一年度报告无法读取：${read.reason}`);
  return read;
}

async function readJsonReport(file: string): Promise<AnnualReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Invalid('FILE', `文件无法读取：${file}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Invalid('FILE', `文件不是有效的 JSON：${file}`);
  }
  return reportFromInterchange(value);
}

export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('政府信息公开工作年度报告：检查、生成')
    .helpOption('-h, --help', '显示帮助');

  report
    .command('check')
    .description(
      '读取已发布的年度报告（txt/md/html/docx/pdf），按国家格式检查；退出码 0 无错误，1 有错误，2 无法读取',
    )
    .helpOption('-h, --help', '显示帮助')
    .argument('<FILE...>', '报告文件，可一次给多个')
    .option('--json', '输出交换格式 JSON（一个文件为对象，多个文件为数组）')
    .option('--previous <FILE>', '上一年度报告，用于跨年度核对')
    .addOption(new Option('--concurrency <N>', '并行处理的文件数（默认为 CPU 核数）').argParser(Number))
    .action(async (files: string[], options: { json?: boolean; previous?: string; concurrency?: number }) => {
      const previous = await loadPrevious(options.previous);
      const jobs = files.map((file) => (previous ? { file, previous } : { file }));
      const outcomes = await checkFiles(jobs, {
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        onResult: (outcome, index) => {
          if (!options.json) process.stdout.write(`${formatOutcome(outcome, files[index] ?? '')}\n`);
        },
      });
      if (options.json) {
        const objects = outcomes.map((outcome, index) =>
          outcome.kind === 'checked'
            ? { file: files[index], ...outcome.report }
            : { file: files[index], error: { code: 'unreadable', message: outcome.reason } },
        );
        process.stdout.write(`${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`);
      } else if (files.length > 1) {
        process.stdout.write(`${formatSummary(outcomes)}\n`);
      }
      process.exitCode = Math.max(0, ...outcomes.map(exitCodeOf));
    });

  report
    .command('render')
    .description('把交换格式 JSON 的报告生成为 HTML、Word（docx）、Markdown 或规范化的 JSON')
    .helpOption('-h, --help', '显示帮助')
    .argument('<FILE.json>', '交换格式 JSON 文件')
    .addOption(new Option('--to <格式>', '输出格式').choices(RENDER_TARGETS).makeOptionMandatory())
    .option('-o, --out <FILE>', '输出文件（默认输出到标准输出；docx 须指定）')
    .action(async (file: string, options: { to: RenderTarget; out?: string }) => {
      const output = await renderReport(await readJsonReport(file), options.to);
      if (options.out) {
        await writeFile(options.out, output);
        process.stdout.write(`已生成：${options.out}\n`);
      } else if (options.to === 'docx' && process.stdout.isTTY) {
        throw new Invalid('--out', 'Word 文件是二进制内容，请用 --out 指定输出文件');
      } else {
        process.stdout.write(output);
      }
    });

  report
    .command('build')
    .description(
      '由本单位全年记录编制年度报告（表二、表三、表四和正文草稿），运行全部勾稽检查后输出；有错误时退出码为 1',
    )
    .helpOption('-h, --help', '显示帮助')
    .requiredOption('--unit <单位>', '单位编号或单位全称')
    .requiredOption('--year <年度>', '报告年度（2021 年及以后）')
    .addOption(new Option('--to <格式>', '输出格式').choices(RENDER_TARGETS).default('json'))
    .option('--include-subunits', '依申请公开数据包括下级单位')
    .option('-o, --out <FILE>', '输出文件（默认输出到标准输出；docx 须指定）')
    .action(
      async (options: {
        unit: string;
        year: string;
        to: RenderTarget;
        includeSubunits?: boolean;
        out?: string;
      }) => {
        const { openContext } = await import('./server-commands.ts');
        const { compileAnnualReport, findUnitForReport } =
          await import('../features/annual-report/compile.ts');
        const context = await openContext();
        try {
          const scope = { context, actor: { kind: 'operator' as const }, address: 'cli' };
          const unitId = await findUnitForReport(context.database.db, options.unit);
          if (!/^\d{4}$/.test(options.year)) throw new Invalid('--year', '“--year”须为四位年份，如 2023');
          const compiled = await compileAnnualReport(scope, {
            unitId,
            year: Number(options.year),
            includeSubunits: options.includeSubunits ?? false,
          });
          const output = await renderReport(compiled.report, options.to);
          if (options.out) {
            await writeFile(options.out, output);
            process.stdout.write(`已生成：${options.out}\n`);
          } else if (options.to === 'docx') {
            throw new Invalid('--out', 'Word 文件是二进制内容，请用 --out 指定输出文件');
          } else {
            process.stdout.write(output);
          }
          const errors = compiled.findings.filter((finding) => finding.severity === 'error');
          for (const finding of compiled.findings) {
            process.stderr.write(`${finding.severity === 'error' ? '错误' : '提示'}：${finding.message}\n`);
          }
          process.exitCode = errors.length > 0 ? 1 : 0;
        } finally {
          await context.database.close();
        }
      },
    );
}
