// Computing one quarter's scores for 1,000 sub-units: `runAssessment` (measure the records of every unit,
// score, rank, store the run with 1,000 score rows and its audit entry, in one transaction), against a
// reference measured on the same database in the same run: reading every row of the tables it measures
// once, plainly. SQLite always; PostgreSQL too when DATABASE_URL names one (a fresh database is created
// beside it and dropped afterwards). The records are written in bulk (not through the use cases).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig, type DatabaseConfig } from '../src/config.ts';
import { defaultRuleSet } from '../src/core/assessment/scoring.ts';
import { addDays } from '../src/core/calendar/plain-date.ts';
import { runAssessment, saveRules } from '../src/features/assessment/service.ts';
import { addUnit } from '../src/features/units/service.ts';
import { fromDate } from '../src/db/dialect.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadKeyRing } from '../src/security/key-file.ts';
import { postgresTarget, sqliteTarget, type Target } from './targets.ts';

const Q_START = '2023-10-01';
const SLICE = 100;

async function inSlices<T>(rows: readonly T[], write: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += SLICE) await write(rows.slice(start, start + SLICE));
}

/** Per unit and quarter: 20 items, 6 applications closed (one late), 2 correction tasks, 1 training. */
async function seed(context: AppContext, units: number): Promise<{ parentId: number; records: number }> {
  const { db, dialect } = context.database;
  const operator = { context, actor: { kind: 'operator' as const }, address: 'bench' };
  const parent = await addUnit(operator, { parentId: null, name: '示例区人民政府', kind: 'county' });
  const now = fromDate(dialect, new Date());
  const unitRows = Array.from({ length: units }, (_, i) => ({
    parent_id: parent.id,
    path: `${parent.path}pending-${i}/`,
    name: `示例区第${i + 1}单位`,
    kind: 'department',
    created_at: now,
    updated_at: now,
  }));
  await inSlices(unitRows, (slice) => db.insertInto('units').values(slice).execute());
  await sql`UPDATE units SET path = ${parent.path} || CAST(id AS TEXT) || '/' WHERE parent_id = ${parent.id}`.execute(
    db,
  );
  const ids = (
    await db.selectFrom('units').select('id').where('parent_id', '=', parent.id).orderBy('id').execute()
  ).map((row) => row.id);
  const day = (n: number) => addDays(Q_START, n % 92);
  const items = ids.flatMap((unitId, u) =>
    Array.from({ length: 20 }, (_, k) => ({
      unit_id: unitId,
      status: 'published',
      sub_column: 'proactive',
      title: `信息${u}-${k}`,
      summary: '',
      body: '正文',
      disclosure_method: 'website',
      disclosure_period: 'timely',
      format: 'html',
      version: 1,
      round: 1,
      published_on: day(u + k * 4),
      created_at: now,
      updated_at: now,
    })),
  );
  await inSlices(items, (slice) => db.insertInto('publishing_items').values(slice).execute());
  let serial = 0;
  const applications = ids.flatMap((unitId, u) =>
    Array.from({ length: 6 }, (_, k) => {
      serial += 1;
      const due = day(u + k * 13 + 5);
      return {
        query_code: `BENCH${serial}`,
        unit_id: unitId,
        channel: 'online',
        received_on: Q_START,
        applicant_kind: 'person',
        applicant_type: 'person',
        applicant_name_sealed: 'x',
        id_type: 'passport',
        phone_sealed: 'x',
        phone_index: `p${serial}`,
        phone_tail_sealed: 'x',
        phone_tail_index: `t${serial}`,
        description: '所需信息',
        provision_form: 'electronic',
        obtain_way: 'collect',
        created_at: now,
        status: 'closed',
        due_on: due,
        closed_on: addDays(due, k === 0 && u % 3 === 0 ? 2 : -3),
      };
    }),
  );
  await inSlices(applications, (slice) => db.insertInto('applications').values(slice).execute());
  const tasks = ids.flatMap((unitId, u) =>
    Array.from({ length: 2 }, (_, k) => ({
      unit_id: unitId,
      source: 'dead-link',
      status: 'replied',
      description: '链接失效',
      received_on: day(u + k * 30),
      due_on: day(u + k * 30 + 7),
      replied_on: day(u + k * 30 + (u % 4 === 0 ? 9 : 3)),
      created_at: now,
      updated_at: now,
    })),
  );
  await inSlices(tasks, (slice) => db.insertInto('correction_tasks').values(slice).execute());
  const sessions = ids.map((unitId, u) => ({
    unit_id: unitId,
    held_on: day(u * 7),
    topic: '条例培训',
    participants: 20,
    created_at: now,
    updated_at: now,
  }));
  await inSlices(sessions, (slice) => db.insertInto('training_sessions').values(slice).execute());
  await saveRules(operator, parent.id, defaultRuleSet());
  return {
    parentId: parent.id,
    records: items.length + applications.length + tasks.length + sessions.length,
  };
}

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measureTarget(
  target: Target,
  keysFile: string,
  units: number,
  repeats: number,
): Promise<string[]> {
  const database = openDatabase(target.database);
  try {
    await migrateToLatest(database);
    const context: AppContext = {
      config: { ...loadConfig({ NODE_ENV: 'test' }), database: target.database, dataKeysFile: keysFile },
      database,
      keys: loadKeyRing(keysFile, 'test'),
    };
    const { parentId, records } = await seed(context, units);
    const scope = { context, actor: { kind: 'operator' as const }, address: 'bench' };
    const { db } = database;
    const reference = async () => {
      await db.selectFrom('publishing_items').select(['id', 'unit_id', 'published_on']).execute();
      await db.selectFrom('applications').select(['id', 'unit_id', 'due_on', 'closed_on']).execute();
      await db.selectFrom('correction_tasks').select(['id', 'unit_id', 'due_on', 'replied_on']).execute();
      await db.selectFrom('training_sessions').select(['id', 'unit_id', 'held_on']).execute();
    };
    await runAssessment(scope, parentId, '2023-Q4'); // warm up
    await reference();
    const computed: number[] = [];
    const referenced: number[] = [];
    for (let i = 0; i < repeats; i++) {
      computed.push(await timeMs(() => runAssessment(scope, parentId, '2023-Q4')));
      referenced.push(await timeMs(reference));
    }
    const ms = median(computed);
    const ref = median(referenced);
    return [
      target.name,
      String(units),
      String(records),
      ms.toFixed(0),
      ref.toFixed(0),
      (ms / ref).toFixed(1),
    ];
  } finally {
    await database.close();
    await target.drop();
  }
}

export const ASSESSMENT_HEADER = [
  '考核计算（一个季度）',
  '下级单位',
  '记录数',
  '计算并保存 毫秒',
  '参照：逐表读取 毫秒',
  '参照倍数（计算/参照）',
];

/** One row per database: SQLite always, PostgreSQL too when the configured database is one. */
export async function benchAssessment(
  configured: DatabaseConfig,
  options: { readonly units?: number; readonly repeats?: number } = {},
): Promise<string[][]> {
  const units = options.units ?? 1000;
  const repeats = options.repeats ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-assess-'));
  try {
    const keysFile = join(dir, 'keys.json');
    const sqlite = sqliteTarget(dir, 'assessment.db');
    const rows = [await measureTarget(sqlite, keysFile, units, repeats)];
    if (configured.kind === 'postgres') {
      rows.push(
        await measureTarget(
          await postgresTarget(configured.url, 'gongkai_bench_assess'),
          keysFile,
          units,
          repeats,
        ),
      );
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
