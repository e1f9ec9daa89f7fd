// Sustained intake: acknowledged, durable applications per second through `submitOnlineApplication`
// (validation, sealing of personal data, the application, its `received` event and the audit entry in
// one committed transaction), one after another as the public form receives them, against a reference
// measured on the same database in the same run: a bare INSERT + COMMIT of one row of the same size.
// SQLite runs on a file with the settings of production (WAL, synchronous=FULL); PostgreSQL runs when
// DATABASE_URL names one (a fresh database is created beside it and dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig, type DatabaseConfig } from '../src/config.ts';
import { submitOnlineApplication } from '../src/features/applications/service.ts';
import { addUnit } from '../src/features/units/service.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadKeyRing } from '../src/security/key-file.ts';
import { postgresTarget, sqliteTarget, type Target } from './targets.ts';

/** A typical online application of a person; the description has the length of a real request. */
function applicationForm(unitId: number, n: number): Record<string, string> {
  return {
    unitId: String(unitId),
    applicantKind: 'person',
    applicantName: '张晓明',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: `139${String(10_000_000 + (n % 89_999_999)).padStart(8, '0')}`,
    email: 'applicant@example.com',
    address: '辽宁省沈阳市皇姑区示例路 1 号 2 单元 301 室',
    postcode: '110031',
    description: `申请公开 2023 年本区老旧小区改造项目的资金安排文件、招标公告及验收报告（第 ${n} 件）`,
    title: '老旧小区改造资金安排',
    provisionForm: 'electronic',
    obtainWay: 'email',
  };
}

async function rate(budgetMs: number, work: (n: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await work(i); // warm up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    await work(count + 3);
    count++;
  }
  return (count * 1000) / (performance.now() - start);
}

async function measureTarget(target: Target, keysFile: string, budgetMs: number): Promise<string[]> {
  const database = openDatabase(target.database);
  try {
    await migrateToLatest(database);
    const context: AppContext = {
      config: { ...loadConfig({ NODE_ENV: 'test' }), database: target.database, dataKeysFile: keysFile },
      database,
      keys: loadKeyRing(keysFile, 'test'),
    };
    const unit = await addUnit(
      { context, actor: { kind: 'operator' }, address: 'cli' },
      { parentId: null, name: '示例区人民政府', kind: 'county' },
    );
    const scope = { context, address: '127.0.0.1' };
    const perSecond = await rate(budgetMs, (n) =>
      submitOnlineApplication(scope, applicationForm(unit.id, n)),
    );

    // The reference row is as large as a stored application row (sealed fields included).
    const stored = await database.db
      .selectFrom('applications')
      .selectAll()
      .limit(1)
      .executeTakeFirstOrThrow();
    const payload = 'x'.repeat(Buffer.byteLength(JSON.stringify(stored)));
    const idColumn = database.dialect === 'postgres' ? sql`bigserial` : sql`integer`;
    await sql`create table bench_reference (id ${idColumn} primary key, payload text not null)`.execute(
      database.db,
    );
    const reference = await rate(budgetMs, () =>
      database.db
        .transaction()
        .execute((trx) => sql`insert into bench_reference (payload) values (${payload})`.execute(trx)),
    );
    return [
      target.name,
      String(payload.length),
      perSecond.toFixed(1),
      reference.toFixed(1),
      (reference / perSecond).toFixed(2),
    ];
  } finally {
    await database.close();
    await target.drop();
  }
}

export const INTAKE_HEADER = [
  '持续受理（逐件提交并确认）',
  '行大小 B',
  '申请/秒',
  '参照：裸 INSERT+COMMIT 次/秒',
  '参照倍数（参照/申请）',
];

/** One row per database: SQLite always, PostgreSQL too when the configured database is one. */
export async function benchIntake(budgetMs: number, configured: DatabaseConfig): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const keysFile = join(dir, 'keys.json');
    const rows = [await measureTarget(sqliteTarget(dir, 'intake.db'), keysFile, budgetMs)];
    if (configured.kind === 'postgres') {
      rows.push(
        await measureTarget(await postgresTarget(configured.url, 'gongkai_bench'), keysFile, budgetMs),
      );
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
