// `gongkai assess` through the real command: computes, stores and prints the ranking as JSON; a bad period
// is refused with a message and exit code 2, no stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveRules } from '../../src/features/assessment/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { repoRoot } from '../support/paths.ts';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function gongkai(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/gongkai.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe(`gongkai assess on ${testDialect}`, () => {
  let context: TestContext;
  let district: Unit;
  let env: Record<string, string>;

  beforeAll(async () => {
    context = await createTestContext();
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '壬区人民政府', kind: 'county' });
    const first = await addUnit(operator, { parentId: district.id, name: '壬区甲局', kind: 'department' });
    await addUnit(operator, { parentId: district.id, name: '壬区乙局', kind: 'department' });
    await saveRules(operator, district.id, [{ code: 'publications', weight: 10000, full: 400, zero: 0 }]);
    const now = fromDate(context.database.dialect, new Date());
    for (const day of ['2023-10-09', '2023-11-30', '2023-12-31', '2024-01-01']) {
      await context.database.db
        .insertInto('publishing_items')
        .values({
          unit_id: first.id,
          status: 'published',
          sub_column: 'proactive',
          title: `信息${day}`,
          summary: '',
          body: '正文',
          disclosure_method: 'website',
          disclosure_period: 'timely',
          format: 'html',
          version: 1,
          round: 1,
          published_on: day,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const database = context.config.database;
    env = {
      DATABASE_URL: database.kind === 'sqlite' ? `sqlite:${database.file}` : database.url,
      DATA_KEYS_FILE: context.config.dataKeysFile,
    };
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('prints the scores and ranking of the sub-units, and refuses a bad period', async () => {
    const run = await gongkai(['assess', '--unit', '壬区人民政府', '--period', '2023-q4', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    // 甲: 3 items in the quarter of the 4 needed: 100 × 3/4 = 75; 乙: none.
    expect(out).toMatchObject({
      unit: { id: district.id, name: '壬区人民政府' },
      period: '2023-Q4',
      ruleVersion: 1,
      scores: [
        {
          rank: 1,
          unitName: '壬区甲局',
          score: 75,
          indicators: [
            { code: 'publications', label: '主动公开信息发布数', value: 3, points: 75, records: 3 },
          ],
        },
        { rank: 2, unitName: '壬区乙局', score: 0 },
      ],
    });
    const audited = await context.database.db
      .selectFrom('audit_log')
      .select(['actor_name'])
      .where('action', '=', 'assessment.run')
      .execute();
    expect(audited).toEqual([{ actor_name: '命令行操作员' }]);

    const bad = await gongkai(['assess', '--unit', String(district.id), '--period', '2023-W53'], env);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('错误：2023 年只有第 01 至第 52 周，收到：2023-W53\n');
  });
});
