// The re-scan of published items after a dictionary change: one correction task for an item with a new
// error finding, none for a finding overridden at publication, none for a withdrawn item; a scan stopped
// after a batch continues from its cursor; a later version does not report the same finding again; the
// job runs under its lease; the progress shows on /admin/dictionaries.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { SCAN_JOB_NAME } from '../../src/features/checks/model.ts';
import { dictionaryScanJob, runDictionaryScan } from '../../src/features/checks/rescan.ts';
import { addEntry } from '../../src/features/checks/service.ts';
import { runJobOnce } from '../../src/features/jobs/runner.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { signInOverHttp } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const NOW = new Date('2026-11-30T02:00:00Z');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe(`re-scan of published items on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let unit: Unit;
  const ids: Record<string, number> = {};

  async function insertItem(name: string, status: string, body: string): Promise<number> {
    const at = fromDate(context.database.dialect, NOW);
    const { id } = await context.database.db
      .insertInto('publishing_items')
      .values({
        unit_id: unit.id,
        status,
        sub_column: 'proactive',
        title: `${name}通知`,
        summary: '概述',
        body,
        disclosure_method: '主动公开',
        disclosure_period: '长期公开',
        format: 'HTML',
        version: 1,
        round: 2,
        index_number: `TEST-2026-${name}`,
        published_year: 2026,
        serial: Object.keys(ids).length + 1,
        published_at: at,
        published_on: '2026-11-02',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[name] = id;
    return id;
  }
  const tasks = () =>
    context.database.db
      .selectFrom('correction_tasks')
      .select(['item_id', 'source', 'status', 'description'])
      .orderBy('id')
      .execute();
  const scanRow = () =>
    context.database.db.selectFrom('dictionary_scan').selectAll().executeTakeFirstOrThrow();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    unit = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' });
    await createUser(operator, {
      username: 'dict-admin',
      displayName: '词库管理员',
      password: PASSWORD,
      grants: [{ unitId: unit.id, role: 'system-admin' }],
    });
    await insertItem('A', 'published', '本项目涉及新禁用词的内容。');
    await insertItem('B', 'published', '这里也有新禁用词，发布时已说明理由。');
    await insertItem('C', 'withdrawn', '已撤回的新禁用词。');
    await insertItem('D', 'published', '没有问题的正文。');
    await insertItem('E', 'published', '正文提到新禁用词。');
    // B's finding was overridden with a reason in the round that published it; the same key in an older
    // round does not count for A.
    const at = fromDate(context.database.dialect, NOW);
    await context.database.db
      .insertInto('publishing_overrides')
      .values([
        {
          item_id: ids.B ?? 0,
          round: 2,
          finding_key: 'body:sensitive:新禁用词',
          reason: '引用原文',
          decided_by: null,
          decided_at: at,
        },
        {
          item_id: ids.A ?? 0,
          round: 1,
          finding_key: 'body:sensitive:新禁用词',
          reason: '旧轮次',
          decided_by: null,
          decided_at: at,
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('scans the seeded version once and finds nothing in clean items', async () => {
    const summary = await runDictionaryScan(context, { now: NOW });
    expect(summary).toEqual({ version: 1, batches: 1, checked: 4, tasksOpened: 0, finished: true });
    expect(await tasks()).toEqual([]);
    expect(await runDictionaryScan(context, { now: NOW })).toEqual({
      version: 1,
      batches: 0,
      checked: 0,
      tasksOpened: 0,
      finished: true,
    });
  });

  it('opens one task per newly matching item, resuming from the cursor after a stop', async () => {
    await addEntry(
      operatorScope(context),
      { term: '新禁用词', category: 'sensitive', severity: 'error' },
      NOW,
    );
    const first = await runDictionaryScan(context, { now: NOW, batchSize: 2, maxBatches: 1 });
    expect(first).toEqual({ version: 2, batches: 1, checked: 2, tasksOpened: 1, finished: false });
    const stopped = await scanRow();
    expect([stopped.target_version, stopped.last_item_id, stopped.checked, stopped.total]).toEqual([
      2,
      ids.B,
      2,
      4,
    ]);
    expect(stopped.finished_at).toBeNull();
    expect((await tasks()).map((task) => task.item_id)).toEqual([ids.A]);

    const rest = await runDictionaryScan(context, { now: NOW, batchSize: 2 });
    expect(rest).toEqual({ version: 2, batches: 2, checked: 2, tasksOpened: 1, finished: true });
    const opened = await tasks();
    expect(opened.map((task) => [task.item_id, task.source, task.status])).toEqual([
      [ids.A, 'dictionary-scan', 'open'],
      [ids.E, 'dictionary-scan', 'open'],
    ]);
    expect(opened[0]?.description).toBe(
      '词库更新（第 2 版）后复查已公开信息，发现以下问题：\n正文：“新禁用词”——含敏感词“新禁用词”，请核实能否公开',
    );
    const done = await scanRow();
    expect([done.checked, done.tasks_opened, done.last_item_id]).toEqual([4, 2, ids.E]);
    expect(done.finished_at).not.toBeNull();
    const reports = await context.database.db
      .selectFrom('dictionary_scan_reports')
      .select(['item_id', 'dictionary_version', 'finding_keys'])
      .orderBy('id')
      .execute();
    expect(reports).toEqual([
      { item_id: ids.A, dictionary_version: 2, finding_keys: '["body:sensitive:新禁用词"]' },
      { item_id: ids.E, dictionary_version: 2, finding_keys: '["body:sensitive:新禁用词"]' },
    ]);
  });

  it('does not report the same finding again for a later version; the job runs it under its lease', async () => {
    await addEntry(operatorScope(context), { term: '通知', category: 'typo', severity: 'warning' }, NOW);
    const outcome = await runJobOnce(context, dictionaryScanJob, {
      holder: 'process-a',
      logger: silent,
      now: NOW,
    });
    expect(outcome).toEqual({
      name: SCAN_JOB_NAME,
      ran: true,
      ok: true,
      result: '词库第 3 版复查：本次检查 4 条，新开纠错任务 0 件，已完成',
      leaseLost: false,
    });
    expect((await tasks()).length).toBe(2);
    const scan = await scanRow();
    expect([scan.target_version, scan.checked, scan.tasks_opened]).toEqual([3, 4, 0]);
  });

  it('shows the progress on the dictionaries page', async () => {
    const admin = await signInOverHttp(app, 'dict-admin', PASSWORD);
    const page = await app.inject({
      method: 'GET',
      url: '/admin/dictionaries',
      headers: { cookie: admin.cookie },
    });
    expect(page.body).toContain('data-testid="scan-status" data-version="3" data-checked="4"');
    expect(page.body).toContain('第 3 版复查已完成');
    expect(page.body).toContain('检查已公开信息 4 条，新开纠错任务 0 件。');
  });
});
