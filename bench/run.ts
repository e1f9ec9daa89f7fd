// `npm run bench`: throughput of the report checker, per core, in each layout, as a ratio against a
// reference measured in the same run (a bare scan of the same bytes for every number, the least work
// any reader has to do), so that noisy shared machines still give comparable numbers.
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import {
  renderReportDocx,
  renderReportHtml,
  renderReportMarkdown,
} from '../src/features/reports/render/index.ts';
import { checkReportSource } from '../src/features/reports/service.ts';
import type { AnnualReport } from '../src/core/report/types.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { ASSESSMENT_HEADER, benchAssessment } from './assessment.ts';
import { benchIntake, INTAKE_HEADER } from './intake.ts';
import {
  benchContentChecks,
  benchItemCount,
  benchItemPages,
  CHECKS_HEADER,
  ITEMS_HEADER,
  SEARCH_HEADER,
} from './items.ts';
import { reportAsText, type TextLayout } from './layouts.ts';
import { benchReport, REPORT_BENCH_DEFAULT, REPORT_HEADER, type ReportBenchSize } from './report.ts';

const quick = process.argv.includes('--quick');
const budgetMs = quick ? 150 : 2000;

const shared = new URL('../../shared/reference/reports/', import.meta.url);
const referenceText = readFileSync(new URL('shenyang-huanggu-2023.txt', shared));
const expected = JSON.parse(
  readFileSync(new URL('shenyang-huanggu-2023.expected.json', shared), 'utf8'),
) as AnnualReport;

async function measure(work: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await work(); // warm up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    await work();
    count++;
  }
  return (count * 1000) / (performance.now() - start);
}

function scanNumbers(data: Uint8Array): number {
  const text = new TextDecoder().decode(data);
  let sum = 0;
  for (const match of text.matchAll(/\d+/g)) sum += match[0].length;
  return sum;
}

interface Input {
  readonly name: string;
  readonly data: Uint8Array;
  readonly fileName: string;
}

/** Prints HTML to PDF with Debian's chromium when it is installed (CI installs it). */
async function printToPdf(html: string): Promise<Uint8Array | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    return await page.pdf({ format: 'A4' });
  } finally {
    await browser.close();
  }
}

async function inputs(): Promise<Input[]> {
  const report: AnnualReport = { ...expected, findings: [] };
  const list: Input[] = [
    { name: '参考报告（逐格一行，原样）', data: referenceText, fileName: 'reference.txt' },
  ];
  const layouts: [TextLayout, string][] = [
    ['tabs', '生成：逐行，制表符分隔'],
    ['pipes', '生成：逐行，竖线分隔'],
    ['flattened', '生成：数字无分隔（按和值拆分）'],
  ];
  for (const [layout, name] of layouts) {
    list.push({ name, data: Buffer.from(reportAsText(report, layout)), fileName: `${layout}.txt` });
  }
  list.push({
    name: '生成：Markdown',
    data: Buffer.from(renderReportMarkdown(report)),
    fileName: 'report.md',
  });
  list.push({ name: '生成：HTML', data: Buffer.from(renderReportHtml(report)), fileName: 'report.html' });
  list.push({ name: '生成：Word（docx）', data: await renderReportDocx(report), fileName: 'report.docx' });
  const pdf = await printToPdf(renderReportHtml(report));
  if (pdf) list.push({ name: '生成：PDF（Chromium 打印）', data: pdf, fileName: 'report.pdf' });
  return list;
}

const rows: string[][] = [];
for (const input of await inputs()) {
  const outcome = await checkReportSource({ kind: 'file', data: input.data, name: input.fileName });
  const ok = outcome.kind === 'checked' && outcome.errors === 0 ? '是' : '否';
  const reference = await measure(() => scanNumbers(input.data));
  const perSecond = await measure(() =>
    checkReportSource({ kind: 'file', data: input.data, name: input.fileName }),
  );
  rows.push([
    input.name,
    (input.data.length / 1024).toFixed(1),
    perSecond.toFixed(1),
    (reference / perSecond).toFixed(1),
    ok,
  ]);
}

const header = ['报告检查吞吐量（单核）', '大小 KB', '份/秒', '参照倍数（数字扫描/检查）', '无错误'];
// Chinese characters take two columns in a terminal.
const displayWidth = (text: string) =>
  Array.from(text).reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function printTable(head: string[], body: string[][]): void {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(
    `${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${body.map(line).join('\n')}\n`,
  );
}

printTable(header, rows);
process.stdout.write(
  `（每项测量 ${budgetMs} 毫秒；参照倍数越小越好：检查一份报告所花时间相当于把同一份输入扫描数字多少次。）\n\n`,
);

// Sustained intake runs longer than the checker: every acknowledgment waits for a durable commit.
const intakeBudgetMs = quick ? 150 : 5000;
printTable(INTAKE_HEADER, await benchIntake(intakeBudgetMs, loadConfig().database));
process.stdout.write(
  `（每项测量 ${intakeBudgetMs} 毫秒，逐件提交，每件在事务提交后才确认；参照为同一数据库、同一轮中逐行` +
    `插入并提交一行同样大小的数据。参照倍数越小越好：受理一件申请所花时间相当于多少次裸插入提交。` +
    `设置 DATABASE_URL=postgres://… 时同时测量 PostgreSQL。）\n`,
);

// Issue-size runs (1,000,000 items, 100,000 applications) take many minutes to generate; the default is a
// tenth of that, `--quick` (the CI smoke run) a token size, and GONGKAI_BENCH_FULL=1 the full size.
const full = process.env.GONGKAI_BENCH_FULL === '1';
const itemCount = quick ? 2_000 : full ? 1_000_000 : benchItemCount();
const items = await benchItemPages(quick ? 150 : 3000, itemCount);
process.stdout.write(
  `\n主动公开页面与检索：${items.items.toLocaleString('en-US')} 条信息、100 个单位的 SQLite 数据库` +
    `（生成用时 ${(items.generatedInMs / 1000).toFixed(1)} 秒）\n`,
);
printTable(ITEMS_HEADER, items.pages);
printTable(SEARCH_HEADER, [items.search]);
process.stdout.write('\n');
printTable(CHECKS_HEADER, benchContentChecks(quick ? 150 : 2000));

const reportSize: ReportBenchSize = quick
  ? { applications: 200, items: 2_000, units: 20 }
  : full
    ? REPORT_BENCH_DEFAULT
    : { applications: 10_000, items: 100_000, units: 1_000 };
process.stdout.write('\n');
printTable(REPORT_HEADER, await benchReport(loadConfig().database, reportSize));

process.stdout.write('\n');
printTable(
  ASSESSMENT_HEADER,
  await benchAssessment(loadConfig().database, quick ? { units: 50, repeats: 1 } : { repeats: 5 }),
);
process.stdout.write(
  `（年报汇编、汇总与考核计算均先生成数据再计时；设置 DATABASE_URL=postgres://… 时同时测量 PostgreSQL；` +
    `GONGKAI_BENCH_FULL=1 时按 1,000,000 条信息、100,000 件申请的规模运行。）\n`,
);
