// The content-check and per-column indicators of assessment, and the dashboard's ranking, on a real
// database: a hand-computed fixture of four sub-units scored for 2023-Q4 (expected numbers written out by
// hand below), a rule version saved before these indicators keeping its runs, recomputation after later
// records giving the same result, the drill-down through HTTP, and the ranking chart of the latest run
// with its table on the supervisor's dashboard.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { getRanking, runAssessment, saveRules } from '../../src/features/assessment/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Qm4#willow-Ledger-2026';
/** 10 January 2024 in China: 2023-Q4 is over. */
const AFTER_Q4 = new Date('2024-01-10T02:00:00Z');

/** The rows of a chart's data table: the row header, then the cells. */
function chartTable(html: string, chartId: string): string[][] {
  const table = new RegExp(`<table data-testid="chart-table-${chartId}">([\\s\\S]*?)</table>`).exec(
    html,
  )?.[1];
  if (table === undefined) return [];
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((cell) => cell[1] ?? ''),
  );
}

describe(`assessment indicators and the dashboard ranking on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  const subs: Record<'a' | 'b' | 'c' | 'd', Unit> = {} as never;
  let office: SignedIn;
  let serial = 0;
  const aFindings: number[] = [];

  const db = () => context.database.db;
  const stamp = () => fromDate(context.database.dialect, AFTER_Q4);

  async function item(unit: Unit, categoryCode: string | null, publishedOn: string): Promise<number> {
    const row = await db()
      .insertInto('publishing_items')
      .values({
        unit_id: unit.id,
        status: 'published',
        sub_column: categoryCode === null ? 'guide' : 'statutory',
        category_code: categoryCode,
        title: `信息${(serial += 1)}`,
        summary: '',
        body: '正文',
        disclosure_method: 'website',
        disclosure_period: 'timely',
        format: 'html',
        version: 1,
        round: 1,
        published_on: publishedOn,
        created_at: stamp(),
        updated_at: stamp(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function task(unit: Unit, source: string, receivedOn: string, onItem = true): Promise<number> {
    const itemId = onItem ? await item(unit, null, '2023-06-01') : null;
    const row = await db()
      .insertInto('correction_tasks')
      .values({
        unit_id: unit.id,
        item_id: itemId,
        source,
        status: 'open',
        description: '扫描发现的问题',
        received_on: receivedOn,
        due_on: receivedOn,
        created_at: stamp(),
        updated_at: stamp(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: office.cookie } });
  const base = () => `/admin/assessment/units/${district.id}`;
  const summary = async (period = '2023-Q4') => {
    const run = await getRanking(operatorScope(context), district.id, period);
    return run?.scores.map((row) => [row.unitName, row.score, row.rank]);
  };

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '壬区人民政府', kind: 'county' });
    subs.a = await addUnit(operator, { parentId: district.id, name: '壬区甲局', kind: 'department' });
    subs.b = await addUnit(operator, { parentId: district.id, name: '壬区乙局', kind: 'department' });
    subs.c = await addUnit(operator, { parentId: district.id, name: '壬区丙局', kind: 'department' });
    subs.d = await addUnit(operator, { parentId: district.id, name: '壬区丁局', kind: 'department' });

    // 甲: two statutory columns in Q4 (a20-01 twice, a20-07 on the last day); a20-03 only in September and
    // a guide item (not a statutory column) do not count. Findings: a dictionary-scan and a privacy-scan
    // task in Q4; a public report, a stale-column notice and scan tasks outside Q4 do not count.
    await item(subs.a, 'a20-01', '2023-10-10');
    await item(subs.a, 'a20-01', '2023-11-05');
    await item(subs.a, 'a20-07', '2023-12-31');
    await item(subs.a, 'a20-03', '2023-09-30');
    await item(subs.a, null, '2023-11-01');
    aFindings.push(await task(subs.a, 'dictionary-scan', '2023-10-15'));
    aFindings.push(await task(subs.a, 'privacy-scan', '2023-12-31'));
    await task(subs.a, 'public', '2023-11-01');
    await task(subs.a, 'stale-column', '2023-11-02', false);
    await task(subs.a, 'dictionary-scan', '2023-09-30');
    // 乙: four columns, one of them of Art. 21 (a21c-01); no findings.
    await item(subs.b, 'a20-01', '2023-10-03');
    await item(subs.b, 'a20-02', '2023-11-03');
    await item(subs.b, 'a21c-01', '2023-12-03');
    await item(subs.b, 'a20-05', '2023-12-04');
    // 丙: one column three times; three findings.
    for (const day of ['10-11', '11-11', '12-11']) await item(subs.c, 'a20-01', `2023-${day}`);
    for (const day of ['10-02', '11-02', '12-02']) await task(subs.c, 'dictionary-scan', `2023-${day}`);
    // 丁: nothing.

    await createUser(operator, {
      username: 'office',
      displayName: '公开办',
      password: PASSWORD,
      phone: '13912345678',
      grants: [{ unitId: district.id, role: 'supervisor' }],
    });
    office = await signInOverHttp(app, 'office', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('keeps a run under a rule version saved without the new indicators as it was', async () => {
    const operator = operatorScope(context);
    await saveRules(
      operator,
      district.id,
      [{ code: 'publications', weight: 10000, full: 1000, zero: 0 }],
      AFTER_Q4,
    );
    await runAssessment(operator, district.id, '2023-10', AFTER_Q4);
    // October: 甲, 乙, 丙 one statutory item each → 100 × 1/10 = 10; 丁 none.
    expect(await summary('2023-10')).toEqual([
      ['壬区甲局', 1000, 1],
      ['壬区乙局', 1000, 1],
      ['壬区丙局', 1000, 1],
      ['壬区丁局', 0, 4],
    ]);
    await saveRules(
      operator,
      district.id,
      [
        { code: 'content-findings', weight: 5000, full: 0, zero: 400 },
        { code: 'columns-published', weight: 5000, full: 400, zero: 0 },
      ],
      AFTER_Q4,
    );
    const october = await getRanking(operator, district.id, '2023-10');
    expect(october?.ruleSet.version).toBe(1);
    expect(october?.scores[0]?.indicators.map((indicator) => indicator.code)).toEqual(['publications']);
  });

  it('scores findings that reached the public and statutory columns published in, by hand', async () => {
    await runAssessment(operatorScope(context), district.id, '2023-Q4', AFTER_Q4);
    // 甲: findings 2 → 50 × (4 − 2)/4 = 25; columns 2 → 50 × 2/4 = 25 → 50
    // 乙: findings 0 → 50; columns 4 → 50 → 100
    // 丙: findings 3 → 50 × 1/4 = 12.5; columns 1 → 12.5 → 25
    // 丁: findings 0 → 50; columns 0 → 0 → 50, tied with 甲
    expect(await summary()).toEqual([
      ['壬区乙局', 10000, 1],
      ['壬区甲局', 5000, 2],
      ['壬区丁局', 5000, 2],
      ['壬区丙局', 2500, 4],
    ]);
    const run = await getRanking(operatorScope(context), district.id, '2023-Q4');
    expect(run?.ruleSet.version).toBe(2);
    const a = run?.scores.find((row) => row.unitId === subs.a.id);
    expect(a?.indicators.map((indicator) => [indicator.code, indicator.value, indicator.points])).toEqual([
      ['content-findings', { numerator: 2, denominator: 1 }, 2500],
      ['columns-published', { numerator: 2, denominator: 1 }, 2500],
    ]);
    expect(a?.indicators[0]?.records.map((ref) => [ref.kind, ref.id, ref.on, ref.ok])).toEqual([
      ['correction', aFindings[0], '2023-10-15', false],
      ['correction', aFindings[1], '2023-12-31', false],
    ]);
    // Every statutory column of a department (15 of Art. 20 and 7 of Art. 21), with its count.
    const columns = a?.indicators[1]?.records ?? [];
    expect(columns).toHaveLength(22);
    expect(columns.filter((ref) => ref.ok).map((ref) => [ref.label, ref.count, ref.on])).toEqual([
      ['法规规章和规范性文件', 2, '2023-11-05'],
      ['财政预算决算', 1, '2023-12-31'],
    ]);
    expect(columns.reduce((sum, ref) => sum + (ref.count ?? -100), 0)).toBe(3);
    expect(columns[2]).toEqual({
      kind: 'column',
      id: 0,
      label: '发展规划与相关政策',
      on: '2023-12-31',
      ok: false,
      unitId: subs.a.id,
      count: 0,
    });
  });

  it('gives the same scores when the quarter is recomputed after later findings and items', async () => {
    const before = await summary();
    await task(subs.b, 'dictionary-scan', '2024-01-12');
    await task(subs.b, 'privacy-scan', '2024-01-13');
    await item(subs.d, 'a20-01', '2024-01-14');
    await runAssessment(operatorScope(context), district.id, '2023-Q4', new Date('2024-02-01T02:00:00Z'));
    expect(await summary()).toEqual(before);
    const runs = await db().selectFrom('assessment_runs').select('as_of').orderBy('id').execute();
    expect(runs.map((run) => run.as_of)).toEqual(['2024-01-10', '2024-01-10', '2024-02-01']);
  });

  it('drills down to the tasks and the columns with their counts', async () => {
    const page = await get(`${base()}/score?period=2023-Q4&unit=${subs.a.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>已公开信息内容检查问题数</h2>');
    expect(page.body).toContain(
      `<a href="/admin/corrections/${aFindings[0]}">纠错任务 ${aFindings[0]}</a> 2023-10-15`,
    );
    expect(page.body).toContain(
      `<a href="/admin/corrections/${aFindings[1]}">纠错任务 ${aFindings[1]}</a> 2023-12-31`,
    );
    expect(page.body).toContain(
      `<a href="/admin/units/${subs.a.id}/freshness">栏目“法规规章和规范性文件”</a> 期间内发布 2 条，最近 2023-11-05（有发布）`,
    );
    expect(page.body).toContain(
      `<a href="/admin/units/${subs.a.id}/freshness">栏目“发展规划与相关政策”</a> 期间内发布 0 条（未发布）`,
    );
    expect(page.body).toContain('数值：<span data-testid="value">2个</span>；得分 25 / 50');
  });

  it('shows the supervisor the latest run as a ranking chart with its table, linking to the ranking', async () => {
    const page = await get('/admin/dashboard?year=2023');
    expect(page.statusCode).toBe(200);
    const chartId = `u${district.id}-ranking`;
    expect(chartTable(page.body, chartId)).toEqual([
      ['1. 壬区乙局', '100分'],
      ['2. 壬区甲局', '50分'],
      ['2. 壬区丁局', '50分'],
      ['4. 壬区丙局', '25分'],
    ]);
    expect(page.body).toContain(
      `<p data-testid="ranking-info-${district.id}">2023年第四季度，考核细则第 2 版，计算日期 2024-02-01。<a href="${base()}?period=2023-Q4">`,
    );
    expect(page.body).toContain(
      '同分同名次：壬区乙局 第 1 名（100 分），壬区甲局 第 2 名（50 分），壬区丁局 第 2 名（50 分），壬区丙局 第 4 名（25 分）。',
    );
    expect(page.body).toMatch(
      new RegExp(
        `<figure role="img" aria-label="2023年第四季度下级单位考核得分排名（排名条形图，数据见下方数据表）" data-testid="chart-${chartId}"><svg `,
      ),
    );
  });

  it('offers the new indicators on the rules form and saves them as a new version', async () => {
    const saved = await postAs(app, office, `${base()}/rules`, {
      'use.content-findings': '1',
      'weight.content-findings': '30',
      'full.content-findings': '0',
      'zero.content-findings': '5',
      'use.columns-published': '1',
      'weight.columns-published': '70',
      'full.columns-published': '10',
      'zero.columns-published': '0',
    });
    expect(saved.statusCode).toBe(303);
    const rules = await get(`${base()}/rules`);
    expect(rules.body).toContain('现行为第 3 版。');
    expect(rules.body).toContain('第 3 版（');
    expect(rules.body).toContain('已公开信息内容检查问题数 30 分；有信息发布的法定栏目数 70 分');
    expect(rules.body).toContain('第 1 版（');
    expect(rules.body).toContain('主动公开信息发布数 100 分');
  });
});
