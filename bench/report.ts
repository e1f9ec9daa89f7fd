// The annual report at scale: compiling one unit-year with many applications (100,000 by default) and
// published items (1,000,000 by default), and a rollup of many sub-units' published reports (1,000 by
// default). The data is generated in the database itself (INSERT … SELECT over a generated series, copies
// of one application handled through the services), not through the services: the bench measures the
// reading side. SQLite runs on a file with the settings of production; PostgreSQL runs when DATABASE_URL
// names one (a fresh database is created beside it and dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig, type DatabaseConfig } from '../src/config.ts';
import type { Actor } from '../src/core/access/roles.ts';
import { createUser } from '../src/features/accounts/service.ts';
import { compileAnnualReport } from '../src/features/annual-report/compile.ts';
import { submitOnlineApplication } from '../src/features/applications/service.ts';
import { decideApplication } from '../src/features/applications/workflow.ts';
import { renderReportJson } from '../src/features/reports/render/index.ts';
import { getRollup } from '../src/features/report-rollups/service.ts';
import { addUnit } from '../src/features/units/service.ts';
import type { DatabaseHandle } from '../src/db/connection.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadKeyRing } from '../src/security/key-file.ts';
import { postgresTarget, sqliteTarget, type Target } from './targets.ts';

export interface ReportBenchSize {
  readonly applications: number;
  readonly items: number;
  readonly units: number;
}

export const REPORT_BENCH_DEFAULT: ReportBenchSize = {
  applications: 100_000,
  items: 1_000_000,
  units: 1_000,
};

export const REPORT_HEADER = [
  '年报汇编与汇总',
  '规模',
  '生成数据 秒',
  '汇编一个单位年度 秒',
  '汇总下级单位年报 秒',
];

/** Rows numbered 1…n, as `n(i)`, in the dialect's way. */
function series(database: DatabaseHandle, n: number): RawBuilder<unknown> {
  return database.dialect === 'postgres'
    ? sql`generate_series(1, ${sql.lit(n)}) as n(i)`
    : sql`(with recursive s(i) as (select 1 union all select i + 1 from s where i < ${sql.lit(n)}) select i from s) as n`;
}

/** The day `i mod 365` days after 1 January of `year`, as 'YYYY-MM-DD' text. */
function dayOfYear(database: DatabaseHandle, year: number): RawBuilder<unknown> {
  return database.dialect === 'postgres'
    ? sql`to_char(date ${sql.lit(`${year}-01-01`)} + (n.i % 365), 'YYYY-MM-DD')`
    : sql`date(${sql.lit(`${year}-01-01`)}, '+' || (n.i % 365) || ' days')`;
}

const OUTCOMES = ['public-already', 'public-provided', 'partial', 'unavailable-not-held', 'other'];

/** n copies of one application handled through the services: same ledger, a spread of outcomes. */
async function copyApplications(database: DatabaseHandle, template: number, n: number): Promise<void> {
  const { db } = database;
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', template)
    .executeTakeFirstOrThrow();
  const columns = Object.keys(row).filter((column) => column !== 'id');
  const outcome = sql.join(
    OUTCOMES.map((code, index) => sql`when ${sql.lit(index)} then ${sql.lit(code)}`),
    sql` `,
  );
  const values = columns.map((column) =>
    column === 'query_code'
      ? sql`t.query_code || '-' || n.i`
      : column === 'outcome'
        ? sql`case n.i % ${sql.lit(OUTCOMES.length)} ${outcome} end`
        : sql.ref(`t.${column}`),
  );
  await sql`insert into applications (${sql.join(columns.map((column) => sql.id(column)))})
    select ${sql.join(values)} from applications t cross join ${series(database, n)}
    where t.id = ${template}`.execute(db);
  const event = await db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', template)
    .executeTakeFirstOrThrow();
  const eventColumns = Object.keys(event).filter((column) => column !== 'id' && column !== 'application_id');
  await sql`insert into application_events (application_id, ${sql.join(eventColumns.map((c) => sql.id(c)))})
    select a.id, ${sql.join(eventColumns.map((c) => sql.ref(`e.${c}`)))}
    from applications a cross join application_events e
    where a.id > ${template} and e.application_id = ${template}`.execute(db);
}

async function insertItems(database: DatabaseHandle, unitId: number, year: number, n: number): Promise<void> {
  const now = database.dialect === 'postgres' ? sql`now()` : sql.lit(new Date().toISOString());
  await sql`insert into publishing_items (unit_id, status, sub_column, title, summary, body, disclosure_method,
      disclosure_period, format, version, round, published_year, serial, published_on, created_at, updated_at)
    select ${unitId}, 'published', 'fdzdgknr', '示例信息第' || n.i || '条', '摘要', '正文', '政府网站', '长期公开',
      '电子', 1, 1, ${year}, n.i, ${dayOfYear(database, year)}, ${now}, ${now}
    from ${series(database, n)}`.execute(database.db);
}

async function measureTarget(target: Target, keysFile: string, size: ReportBenchSize): Promise<string[]> {
  const database = openDatabase(target.database);
  try {
    await migrateToLatest(database);
    const context: AppContext = {
      config: { ...loadConfig({ NODE_ENV: 'test' }), database: target.database, dataKeysFile: keysFile },
      database,
      keys: loadKeyRing(keysFile, 'test'),
    };
    const operator = { context, actor: { kind: 'operator' as const }, address: 'bench' };
    const started = performance.now();
    const city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    // The compiled unit stands apart, so that the rollup reads only the published reports of the city's units.
    const unit = await addUnit(operator, { parentId: null, name: '示例区人民政府', kind: 'county' });
    const at = (date: string) => new Date(`${date}T04:00:00Z`);
    const { id } = await submitOnlineApplication(
      { context, address: 'bench' },
      {
        unitId: String(unit.id),
        applicantKind: 'person',
        applicantName: '张晓明',
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '13912345678',
        description: '申请公开本区老旧小区改造项目的资金安排文件',
        provisionForm: 'electronic',
        obtainWay: 'email',
        email: 'applicant@example.cn',
      },
      at('2023-03-01'),
    );
    const user = await createUser(operator, {
      username: 'bench.supervisor',
      displayName: '测试政务公开办',
      password: 'Tz8&river-Pine-2026',
      grants: [
        { unitId: city.id, role: 'supervisor' },
        { unitId: unit.id, role: 'supervisor' },
      ],
    });
    const supervisor: Actor = {
      kind: 'staff',
      userId: user.id,
      username: 'bench.supervisor',
      displayName: '测试政务公开办',
      grants: [
        { role: 'supervisor', unitId: city.id, unitPath: city.path },
        { role: 'supervisor', unitId: unit.id, unitPath: unit.path },
      ],
    };
    const office = { context, actor: supervisor, address: 'bench' };
    await decideApplication(
      office,
      id,
      { outcome: 'public-provided', date: '2023-03-10', provided: '提供电子文件' },
      at('2023-03-10'),
    );
    await copyApplications(database, id, size.applications - 1);
    await insertItems(database, unit.id, 2023, size.items);
    // The rollup: `units` districts under the city, each with a published report.
    const compiled = await compileAnnualReport(office, { unitId: unit.id, year: 2023 });
    const reportJson = renderReportJson(compiled.report);
    const subunits: number[] = [];
    for (let n = 0; n < size.units; n++) {
      subunits.push(
        (await addUnit(operator, { parentId: city.id, name: `示例下级单位${n + 1}`, kind: 'department' })).id,
      );
    }
    const publishedAt = database.dialect === 'postgres' ? new Date() : new Date().toISOString();
    for (let start = 0; start < subunits.length; start += 200) {
      await database.db
        .insertInto('annual_reports')
        .values(
          subunits.slice(start, start + 200).map((unitId) => ({
            unit_id: unitId,
            year: 2023,
            version: 1,
            report_json: reportJson,
            published_by: null,
            published_at: publishedAt,
          })),
        )
        .execute();
    }
    const generated = (performance.now() - started) / 1000;

    let start = performance.now();
    const result = await compileAnnualReport(office, { unitId: unit.id, year: 2023 });
    const compileSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const rollup = await getRollup(office, city.id, 2023);
    const rollupSeconds = (performance.now() - start) / 1000;
    const received = result.report.table3['一、本年新收政府信息公开申请数量']?.[6] ?? 0;
    const closed = Object.entries(result.report.table3)
      .filter(([row]) => row === '（七）总计')
      .map(([, cells]) => cells[6]);
    if (
      received !== size.applications ||
      closed[0] !== size.applications ||
      result.facts.proactiveByGroup.website !== size.items
    ) {
      throw new Error(
        `bench data not counted: ${received} applications, ${result.facts.proactiveTotal} items`,
      );
    }
    if (rollup.entries.filter((entry) => entry.status === 'published').length !== size.units) {
      throw new Error('bench rollup did not read every published report');
    }
    return [
      target.name,
      `${size.applications} 件申请、${size.items} 条信息；${size.units} 个下级单位`,
      generated.toFixed(1),
      compileSeconds.toFixed(2),
      rollupSeconds.toFixed(2),
    ];
  } finally {
    await database.close();
    await target.drop();
  }
}

/** One row per database: SQLite always, PostgreSQL too when the configured database is one. */
export async function benchReport(
  configured: DatabaseConfig,
  size: ReportBenchSize = REPORT_BENCH_DEFAULT,
): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-report-'));
  try {
    const keysFile = join(dir, 'keys.json');
    const sqlite = sqliteTarget(dir, 'report.db');
    const rows = [await measureTarget(sqlite, keysFile, size)];
    if (configured.kind === 'postgres') {
      rows.push(
        await measureTarget(await postgresTarget(configured.url, 'gongkai_bench_report'), keysFile, size),
      );
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: `npx tsx bench/report.ts [applications items units]`.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const [applications, items, units] = process.argv.slice(2).map(Number);
  const size: ReportBenchSize = {
    applications: applications ?? REPORT_BENCH_DEFAULT.applications,
    items: items ?? REPORT_BENCH_DEFAULT.items,
    units: units ?? REPORT_BENCH_DEFAULT.units,
  };
  const rows = await benchReport(loadConfig().database, size);
  process.stdout.write(`${[REPORT_HEADER, ...rows].map((row) => row.join(' | ')).join('\n')}\n`);
}
