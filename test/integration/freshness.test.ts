// The freshness monitor through HTTP: a unit's columns with exact statuses as of a fixed day, the vetoes,
// the sub-units worst first, the Art. 26 list, the audited change of a column's kind, 404 for people
// without a freshness role over the unit, and the daily scan opening one correction task per episode.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { measureFreshness, lateItems } from '../../src/features/freshness/measure.ts';
import { freshnessScanJob } from '../../src/features/freshness/job.ts';
import { scanFreshness } from '../../src/features/freshness/scan.ts';
import { runJobOnce } from '../../src/features/jobs/runner.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';
import { recordingLogger } from '../support/recording-logger.ts';

const PASSWORD = 'Qw7#cedar-Brook-2026';
const AS_OF = '2026-10-31';

describe(`freshness monitor on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  let district: Unit;
  let other: Unit;
  let newsId = 0;
  let lateId = 0;
  let serial = 0;
  const signedIn: Record<string, SignedIn> = {};

  async function publish(
    unit: Unit,
    fields: {
      subColumn?: string;
      category?: string | null;
      subcategoryId?: number | null;
      publishedOn: string;
      writtenOn?: string | null;
      withdrawnAt?: string;
    },
  ): Promise<number> {
    serial += 1;
    const at = fromDate(context.database.dialect, new Date(`${fields.publishedOn}T02:00:00.000Z`));
    const { id } = await context.database.db
      .insertInto('publishing_items')
      .values({
        unit_id: unit.id,
        status: fields.withdrawnAt === undefined ? 'published' : 'withdrawn',
        sub_column: fields.subColumn ?? 'statutory',
        category_code: fields.category ?? null,
        subcategory_id: fields.subcategoryId ?? null,
        title: `信息${serial}`,
        summary: '概述',
        body: '正文',
        written_on: fields.writtenOn ?? null,
        disclosure_method: '政府网站',
        disclosure_period: '长期公开',
        format: '文本',
        version: 1,
        round: 1,
        index_number: `TEST/${fields.publishedOn.slice(0, 4)}-${String(serial).padStart(5, '0')}`,
        published_year: Number(fields.publishedOn.slice(0, 4)),
        serial,
        published_at: at,
        published_on: fields.publishedOn,
        withdrawn_at:
          fields.withdrawnAt === undefined
            ? null
            : fromDate(context.database.dialect, new Date(fields.withdrawnAt)),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  const who = (name: string): SignedIn => {
    const session = signedIn[name];
    if (session === undefined) throw new Error(`${name} is not signed in`);
    return session;
  };
  const get = (session: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const rowOf = (body: string, attribute: string, value: string) =>
    new RegExp(`<tr ${attribute}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(body)?.[0];

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '甲市乙区人民政府', kind: 'county' });
    other = await addUnit(operator, { parentId: null, name: '丙县人民政府', kind: 'county' });
    const created = fromDate(context.database.dialect, new Date('2026-01-05T02:00:00.000Z'));
    ({ id: newsId } = await context.database.db
      .insertInto('publishing_subcategories')
      .values({ unit_id: district.id, parent_code: 'a20-03', name: '工作动态', created_at: created })
      .returning('id')
      .executeTakeFirstOrThrow());

    await publish(district, { subColumn: 'guide', publishedOn: '2025-01-10' });
    await publish(district, { category: 'a20-01', publishedOn: '2026-05-01' });
    await publish(district, { category: 'a20-03', subcategoryId: newsId, publishedOn: '2026-10-17' });
    await publish(district, { category: 'a20-04', publishedOn: '2026-04-30' });
    await publish(district, { category: 'a20-05', publishedOn: '2025-10-31' });
    // Published on 21 October, withdrawn on 26 October (10:00 in China).
    await publish(district, {
      category: 'a20-06',
      publishedOn: '2026-10-21',
      withdrawnAt: '2026-10-26T02:00:00.000Z',
    });
    // Art. 26: formed on Monday 2 March 2026, due by 30 March.
    await publish(district, { category: 'a20-02', publishedOn: '2026-03-30', writtenOn: '2026-03-02' });
    lateId = await publish(district, {
      category: 'a20-02',
      publishedOn: '2026-03-31',
      writtenOn: '2026-03-02',
    });

    for (const [username, role, unit] of [
      ['supervisor', 'supervisor', city],
      ['editor', 'editor', district],
      ['reviewer', 'reviewer', city],
      ['outsider', 'supervisor', other],
    ] as const) {
      await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      signedIn[username] = await signInOverHttp(app, username, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('shows every column of the district with its kind, last update, status and days stale', async () => {
    const response = await get(who('editor'), `/admin/units/${district.id}/freshness?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    const row = (key: string) => rowOf(body, 'data-column', key);
    expect(row('sub:guide')).toBe(
      '<tr data-column="sub:guide" data-kind="static" data-status="fresh" data-long="false">',
    );
    expect(row('cat:a20-01')).toContain('data-kind="notice-policy" data-status="fresh"');
    expect(row(`subcat:${newsId}`)).toBe(
      `<tr data-column="subcat:${newsId}" data-kind="news" data-status="stale" data-days-stale="0" data-long="false">`,
    );
    expect(row('cat:a20-03')).toContain('data-status="fresh"');
    expect(row('cat:a20-04')).toContain('data-status="stale" data-days-stale="1" data-long="false"');
    expect(row('cat:a20-05')).toContain('data-status="stale" data-days-stale="184" data-long="true"');
    expect(row('cat:a20-06')).toContain('data-status="blank"');
    expect(row('sub:rules')).toContain('data-kind="static" data-status="blank"');
    // 3 sub-columns, 22 categories of a county, 1 sub-category.
    expect(body.match(/<tr data-column=/g)).toHaveLength(26);
    expect(body.match(/data-status="blank"/g)).toHaveLength(19);
    expect(body).toContain('<span data-testid="last-published">2026-10-17</span>');
    expect(body).toContain('<li data-veto="homepage" data-count="1">');
    expect(body).toContain('<li data-veto="blank-columns" data-count="19">');
    expect(body).not.toContain('data-veto="stale-columns"');
    // The editor sees the kinds but may not change them.
    expect(body).not.toContain('/freshness/kind');
    expect(body).toContain('<span data-testid="late-count">1</span>');
    expect(rowOf(body, 'data-item', String(lateId))).toBe(
      `<tr data-item="${lateId}" data-workdays-late="1">`,
    );
  });

  it('measures a past day the same later: the item withdrawn on 26 October still counts on the 25th', async () => {
    const before = (await measureFreshness(context.database.db, [district.id], '2026-10-25')).get(
      district.id,
    );
    expect(before?.lastPublishedOn).toBe('2026-10-21');
    expect(before?.homepageStale).toBe(false);
    expect(before?.columns.find((column) => column.key === 'cat:a20-06')?.status).toBe('fresh');
    expect([before?.staleColumns, before?.longUnupdatedColumns, before?.blankColumns]).toEqual([1, 0, 18]);
    const late = await lateItems(context.database.db, [district.id], '2026-01-01', AS_OF);
    expect(late.map((item) => [item.itemId, item.dueOn, item.workdaysLate])).toEqual([
      [lateId, '2026-03-30', 1],
    ]);
    expect(await lateItems(context.database.db, [district.id], '2026-04-01', AS_OF)).toEqual([]);
  });

  it('lists the supervisor’s units worst first, and the district under the city', async () => {
    const overview = await get(who('supervisor'), `/admin/freshness?asOf=${AS_OF}`);
    expect(overview.statusCode).toBe(200);
    const order = [...overview.body.matchAll(/<tr data-unit="(\d+)"[^>]*>/g)].map((match) => match[0]);
    expect(order).toEqual([
      `<tr data-unit="${district.id}" data-vetoes="2" data-stale="3" data-long="1" data-blank="19">`,
      `<tr data-unit="${city.id}" data-vetoes="2" data-stale="0" data-long="0" data-blank="25">`,
    ]);
    const cityPage = await get(who('supervisor'), `/admin/units/${city.id}/freshness?asOf=${AS_OF}`);
    expect(cityPage.body).toContain('data-testid="sub-units"');
    expect(cityPage.body).toContain(`<tr data-unit="${district.id}" data-vetoes="2"`);
    const districtPage = await get(who('supervisor'), `/admin/units/${district.id}/freshness?asOf=${AS_OF}`);
    expect(districtPage.body).not.toContain('data-testid="sub-units"');
    expect(districtPage.body).toContain(`action="/admin/units/${district.id}/freshness/kind"`);
    expect(districtPage.body).toContain('<option value="static" selected>');
    expect((await get(who('supervisor'), `/admin/freshness?asOf=2099-01-01`)).statusCode).toBe(400);
  });

  it('answers 404 to people without a freshness role over the unit', async () => {
    for (const url of [`/admin/units/${district.id}/freshness`, `/admin/units/${city.id}/freshness`]) {
      expect((await get(who('outsider'), url)).statusCode).toBe(404);
      expect((await get(who('reviewer'), url)).statusCode).toBe(404);
    }
    expect((await get(who('reviewer'), '/admin/freshness')).statusCode).toBe(404);
    const outsiderOverview = await get(who('outsider'), `/admin/freshness?asOf=${AS_OF}`);
    expect([...outsiderOverview.body.matchAll(/<tr data-unit="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([
      other.id,
    ]);
    const refused = await postAs(app, who('editor'), `/admin/units/${district.id}/freshness/kind`, {
      column: 'cat:a20-01',
      kind: 'news',
    });
    expect(refused.statusCode).toBe(404);
    const outsider = await postAs(app, who('outsider'), `/admin/units/${district.id}/freshness/kind`, {
      column: 'cat:a20-01',
      kind: 'news',
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('lets the supervisor change a column’s kind, audited, and names the field of a refused change', async () => {
    const url = `/admin/units/${district.id}/freshness/kind`;
    const bad = await postAs(app, who('supervisor'), url, { column: 'cat:a20-01', kind: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('data-field="kind"');
    const foreign = await postAs(app, who('supervisor'), url, { column: 'cat:a21t-01', kind: 'news' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('data-field="column"');

    const ok = await postAs(app, who('supervisor'), url, { column: 'cat:a20-01', kind: 'news' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/admin/units/${district.id}/freshness`);
    const page = await get(who('editor'), `/admin/units/${district.id}/freshness?asOf=${AS_OF}`);
    // Updated 1 May; stale from 15 May; 169 days by 31 October.
    expect(rowOf(page.body, 'data-column', 'cat:a20-01')).toBe(
      '<tr data-column="cat:a20-01" data-kind="news" data-status="stale" data-days-stale="169" data-long="false">',
    );
    const audits = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'details'])
      .where('action', '=', 'freshness.column-kind')
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actor_name).toBe('supervisor');
    expect(JSON.parse(audits[0]?.details ?? '{}')).toEqual({ column: 'cat:a20-01', from: null, to: 'news' });
  });

  it('opens one correction task per staleness episode, however often and however many run the scan', async () => {
    const logger = recordingLogger();
    const tasks = () =>
      context.database.db
        .selectFrom('correction_tasks')
        .select(['unit_id', 'source', 'description'])
        .where('source', '=', 'stale-column')
        .orderBy('id')
        .execute();
    const day = new Date(`${AS_OF}T04:00:00.000Z`);
    // A run stopped before the first unit does not count as today's scan.
    const stopped = await runJobOnce(context, freshnessScanJob, {
      holder: 'process-a',
      logger,
      now: day,
      signal: AbortSignal.abort(),
    });
    expect(stopped.ran && stopped.result).toBe(
      '未完成（已停止）：检查 3 个单位，未按要求更新的栏目 0 个，新开纠错任务 0 件',
    );
    const first = await runJobOnce(context, freshnessScanJob, { holder: 'process-a', logger, now: day });
    expect(first).toMatchObject({ ran: true, ok: true });
    // District: 工作动态, a20-01 (now news), a20-04, a20-05; the city has no item and nothing goes stale.
    expect(first.ran && first.result).toBe(
      '今日栏目更新检查已完成：检查 3 个单位，未按要求更新的栏目 4 个，新开纠错任务 4 件',
    );
    const again = await runJobOnce(context, freshnessScanJob, {
      holder: 'process-b',
      logger,
      now: new Date(day.getTime() + 3_600_000),
    });
    expect(again.ran && again.result).toBe(`今日栏目更新检查已完成（${AS_OF}）`);
    const together = await Promise.all([scanFreshness(context, day), scanFreshness(context, day)]);
    expect(together.map((result) => result.opened)).toEqual([0, 0]);
    const opened = await tasks();
    expect(opened).toHaveLength(4);
    expect(opened.every((task) => task.unit_id === district.id)).toBe(true);
    expect(opened.map((task) => task.description)).toContain(
      '栏目“工作动态”（动态要闻类（2周））自 2026-10-31 起未按要求更新，最近发布：2026-10-17',
    );

    // 工作动态 is updated on 1 November and lapses again from 15 November: a new episode, one new task.
    await publish(district, { category: 'a20-03', subcategoryId: newsId, publishedOn: '2026-11-01' });
    // Two processes scanning at the same moment open it once.
    const racing = await Promise.all([
      scanFreshness(context, new Date('2026-11-16T04:00:00.000Z')),
      scanFreshness(context, new Date('2026-11-16T04:00:00.000Z')),
    ]);
    expect(racing.map((result) => result.stale)).toEqual([4, 4]);
    expect(racing.reduce((sum, result) => sum + result.opened, 0)).toBe(1);
    const all = await tasks();
    expect(all).toHaveLength(5);
    expect(all[4]?.description).toBe(
      '栏目“工作动态”（动态要闻类（2周））自 2026-11-15 起未按要求更新，最近发布：2026-11-01',
    );
    const episodes = await context.database.db
      .selectFrom('freshness_episodes')
      .select(['column_key', 'stale_since'])
      .where('column_key', '=', `subcat:${newsId}`)
      .orderBy('stale_since')
      .execute();
    expect(episodes).toEqual([
      { column_key: `subcat:${newsId}`, stale_since: '2026-10-31' },
      { column_key: `subcat:${newsId}`, stale_since: '2026-11-15' },
    ]);
    expect(logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
  });
});
