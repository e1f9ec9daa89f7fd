// The internal scans of published items. Privacy: one correction task per item for its error-severity
// personal data, none for data overridden in the review that published the item or for a withdrawn item,
// once only when run twice or concurrently, again only for items published since or after a detector
// change. Dead links: a link to a withdrawn item, a removed attachment and a missing unit each open a task
// line once; external links are counted, never fetched. Both run as jobs; the state shows on /admin/scans.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { runJobOnce } from '../../src/features/jobs/runner.ts';
import { deadLinkScanJob, privacyScanJob } from '../../src/features/scans/job.ts';
import { runDeadLinkScan, runPrivacyScan } from '../../src/features/scans/scan.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { signInOverHttp } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const NOW = new Date('2026-11-30T02:00:00Z');
const NEXT_DAY = new Date('2026-12-01T02:00:00Z');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe(`internal scans of published items on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let unit: Unit;
  const ids: Record<string, number> = {};
  let serial = 0;
  let removedAttachment = 0;

  async function insertItem(
    name: string,
    status: string,
    fields: { summary?: string; body?: string; bodyHtml?: string },
  ): Promise<number> {
    const at = fromDate(context.database.dialect, NOW);
    serial += 1;
    const { id } = await context.database.db
      .insertInto('publishing_items')
      .values({
        unit_id: unit.id,
        status,
        sub_column: 'proactive',
        title: `${name}通知`,
        summary: fields.summary ?? '概述',
        body: fields.body ?? '正文。',
        body_html: fields.bodyHtml ?? null,
        disclosure_method: '主动公开',
        disclosure_period: '长期公开',
        format: 'HTML',
        version: 2,
        round: 2,
        index_number: `SCAN-2026-${name}`,
        published_year: 2026,
        serial,
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

  async function insertAttachment(itemId: number, removedInVersion: number | null): Promise<number> {
    const { id } = await context.database.db
      .insertInto('publishing_attachments')
      .values({
        item_id: itemId,
        file_name: '附件.pdf',
        media_type: 'application/pdf',
        size_bytes: 4,
        sha256: '0'.repeat(64),
        content: 'JVBERg==',
        added_in_version: 1,
        removed_in_version: removedInVersion,
        created_by: null,
        created_at: fromDate(context.database.dialect, NOW),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  const tasks = (source: string) =>
    context.database.db
      .selectFrom('correction_tasks')
      .select(['item_id', 'unit_id', 'status', 'description'])
      .where('source', '=', source)
      .orderBy('id')
      .execute();
  const scanRow = (name: string) =>
    context.database.db
      .selectFrom('content_scans')
      .select(['pass', 'last_item_id', 'checked', 'tasks_opened', 'external_links'])
      .where('name', '=', name)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    unit = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' });
    await createUser(operator, {
      username: 'scan-admin',
      displayName: '扫描管理员',
      password: PASSWORD,
      grants: [{ unitId: unit.id, role: 'system-admin' }],
    });
    await insertItem('A', 'published', { body: '申请人身份证号码11010519491231002X，联系电话13912345678。' });
    await insertItem('B', 'published', { summary: '联系电话13912345678' });
    await insertItem('C', 'withdrawn', { body: '身份证号码11010519491231002X' });
    const removedFileItem = await insertItem('D', 'published', {});
    const removed = await insertAttachment(removedFileItem, 2);
    removedAttachment = removed;
    const current = await insertAttachment(removedFileItem, null);
    await insertItem('E', 'published', {
      body: '见相关链接。',
      bodyHtml: [
        `<p><a href="/disclosure/items/${ids.C}">已撤回的信息</a>`,
        `<a href="/disclosure/items/${ids.A}">有效的信息</a>`,
        `<a href="${ids.D}/attachments/${removed}">已删除的附件</a>`,
        `<a href="/disclosure/items/${ids.D}/attachments/${current}">有效的附件</a>`,
        `<a href="/disclosure/units/${unit.id}/proactive">本单位</a>`,
        `<a href="/disclosure/units/999999">不存在的单位</a>`,
        `<a href="https://www.gov.cn/zhengce/">站外链接</a>`,
        `<a href="/disclosure/items/${ids.C}/">再次链接撤回的信息</a></p>`,
      ].join(''),
    });
    // B's phone number was overridden with a reason in the round that published it.
    await context.database.db
      .insertInto('publishing_overrides')
      .values({
        item_id: ids.B ?? 0,
        round: 2,
        finding_key: 'summary:mobile:13912345678',
        reason: '单位对外公开的联系电话',
        decided_by: null,
        decided_at: fromDate(context.database.dialect, NOW),
      })
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('opens one privacy task per item with personal data, once, even when two runs race', async () => {
    const [first, second] = await Promise.all([
      runPrivacyScan(context, { now: NOW }),
      runPrivacyScan(context, { now: NOW }),
    ]);
    expect(first.tasksOpened + second.tasksOpened).toBe(1);
    expect(first.checked + second.checked).toBe(4);
    const opened = await tasks('privacy-scan');
    expect(opened).toEqual([
      {
        item_id: ids.A,
        unit_id: unit.id,
        status: 'open',
        description: [
          '个人信息扫描（检测规则第 1 版）发现已公开信息中可能含有个人信息，请核实后遮盖或撤回：',
          '正文：居民身份证号码（遮盖后为“110105********002X”）——居民身份证号码属于敏感个人信息，公开前应遮盖',
          '正文：手机号码（遮盖后为“139****5678”）——手机号码属于个人信息，公开前应遮盖',
        ].join('\n'),
      },
    ]);
    expect(await runPrivacyScan(context, { now: NOW })).toEqual({
      pass: '1',
      batches: 1,
      checked: 0,
      tasksOpened: 0,
      externalLinks: 0,
      finished: true,
    });
    expect(await scanRow('privacy-scan')).toEqual({
      pass: '1',
      last_item_id: ids.E,
      checked: 4,
      tasks_opened: 1,
      external_links: 0,
    });
    const findings = await context.database.db
      .selectFrom('content_scan_findings')
      .select(['item_id', 'finding_key'])
      .where('scan', '=', 'privacy-scan')
      .execute();
    expect(findings.map((row) => [row.item_id, row.finding_key.length])).toEqual([
      [ids.A, 64],
      [ids.A, 64],
    ]);
    expect(JSON.stringify(findings)).not.toContain('13912345678');
  });

  it('checks items published since, and walks everything again for new detectors without repeating', async () => {
    await insertItem('F', 'published', { body: '经办人手机13800138000。' });
    const later = await runPrivacyScan(context, { now: NOW, batchSize: 1 });
    expect(later).toEqual({
      pass: '1',
      batches: 2,
      checked: 1,
      tasksOpened: 1,
      externalLinks: 0,
      finished: true,
    });
    expect((await tasks('privacy-scan')).map((task) => task.item_id)).toEqual([ids.A, ids.F]);
    // A detector change: the stored pass no longer matches PRIVACY_DETECTOR_VERSION.
    await context.database.db
      .updateTable('content_scans')
      .set({ pass: '0' })
      .where('name', '=', 'privacy-scan')
      .execute();
    const stopped = await runPrivacyScan(context, { now: NOW, batchSize: 2, maxBatches: 1 });
    expect([stopped.checked, stopped.finished]).toEqual([2, false]);
    expect((await scanRow('privacy-scan')).last_item_id).toBe(ids.B);
    const rest = await runPrivacyScan(context, { now: NOW, batchSize: 2 });
    expect([rest.checked, rest.tasksOpened, rest.finished]).toEqual([3, 0, true]);
    expect((await tasks('privacy-scan')).length).toBe(2);
  });

  it('checks an item again when it changes after the walk passed it (a correction, a late publication)', async () => {
    const later = new Date(NOW.getTime() + 60_000);
    await context.database.db
      .updateTable('publishing_items')
      .set({ body: '更正：联系人手机13700137000。', updated_at: fromDate(context.database.dialect, later) })
      .where('id', '=', ids.D ?? 0)
      .execute();
    const run = await runPrivacyScan(context, { now: new Date(NOW.getTime() + 120_000) });
    expect([run.checked, run.tasksOpened, run.finished]).toEqual([1, 1, true]);
    expect((await tasks('privacy-scan')).map((task) => task.item_id)).toEqual([ids.A, ids.F, ids.D]);
    expect((await scanRow('privacy-scan')).last_item_id).toBe(ids.D);
    // Nothing changed since: nothing is checked again.
    const again = await runPrivacyScan(context, { now: new Date(NOW.getTime() + 180_000) });
    expect([again.checked, again.tasksOpened]).toEqual([0, 0]);
  });

  it('opens one dead-link task for a withdrawn item, a removed attachment and a missing unit', async () => {
    const [first, second] = await Promise.all([
      runDeadLinkScan(context, { now: NOW }),
      runDeadLinkScan(context, { now: NOW }),
    ]);
    expect(first.tasksOpened + second.tasksOpened).toBe(1);
    expect(first.externalLinks + second.externalLinks).toBe(1);
    expect(await tasks('dead-link')).toEqual([
      {
        item_id: ids.E,
        unit_id: unit.id,
        status: 'open',
        description: [
          '站内链接检查发现正文中的链接已失效，请修改或删除：',
          `/disclosure/items/${ids.C}——指向的信息已撤回或不存在`,
          `/disclosure/items/${ids.D}/attachments/${removedAttachment}——指向的附件已删除或不存在`,
          '/disclosure/units/999999——指向的单位不存在',
        ].join('\n'),
      },
    ]);
    // Walked in change order: D, corrected last, comes last.
    expect(await scanRow('dead-link-scan')).toEqual({
      pass: '2026-11-30',
      last_item_id: ids.D,
      checked: 5,
      tasks_opened: 1,
      external_links: 1,
    });
    // Done for the day; the next day walks again and reports nothing twice.
    expect((await runDeadLinkScan(context, { now: NOW })).batches).toBe(0);
    const nextDay = await runDeadLinkScan(context, { now: NEXT_DAY });
    expect([nextDay.pass, nextDay.checked, nextDay.tasksOpened, nextDay.externalLinks]).toEqual([
      '2026-12-01',
      5,
      0,
      1,
    ]);
    expect((await tasks('dead-link')).length).toBe(1);
  });

  it('runs both scans as jobs under their leases and shows their state on /admin/scans', async () => {
    const day = new Date('2026-12-02T02:00:00Z');
    const privacy = await runJobOnce(context, privacyScanJob, {
      holder: 'process-a',
      logger: silent,
      now: day,
    });
    expect(privacy).toEqual({
      name: 'privacy-scan',
      ran: true,
      ok: true,
      result: '个人信息扫描（检测规则第 1 版）：本次检查 0 条，新开纠错任务 0 件',
      leaseLost: false,
    });
    const links = await runJobOnce(context, deadLinkScanJob, {
      holder: 'process-a',
      logger: silent,
      now: day,
    });
    expect(links.ran && links.result).toBe(
      '2026-12-02 站内链接检查：本次检查 5 条，新开纠错任务 0 件，站外链接 1 个（不访问）',
    );
    const admin = await signInOverHttp(app, 'scan-admin', PASSWORD);
    const page = await app.inject({ method: 'GET', url: '/admin/scans', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    const privacySection = page.body.slice(page.body.indexOf('data-testid="privacy-scan"'));
    expect(privacySection).toContain(
      '<dt>已检查信息</dt><dd data-testid="checked">6 条</dd><dt>本轮新开纠错任务</dt><dd data-testid="tasks-opened">1 件</dd><dt>累计开具纠错任务</dt><dd data-testid="total-tasks">3 件</dd>',
    );
    const linkSection = page.body.slice(page.body.indexOf('data-testid="dead-link-scan"'));
    expect(linkSection).toContain('<dd data-testid="total-tasks">1 件</dd>');
    expect(page.body).toContain('<dd data-testid="external-links">1 个</dd>');
    expect(page.body).toContain('<dd data-testid="last-run">2026-12-02 10:00</dd>');
  });
});
