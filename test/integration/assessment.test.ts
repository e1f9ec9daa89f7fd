// Assessment end to end on a real database: a hand-computed fixture of four sub-units scored for 2023-Q4
// (expected numbers written out by hand below), ties ranked alike, recomputation after later records giving
// the same result, rule versions named by every run, and the back-office pages, downloads and refusals
// through HTTP.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { getRanking, runAssessment, saveRules } from '../../src/features/assessment/service.ts';
import { measureFreshness } from '../../src/features/freshness/measure.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
/** 10 January 2024 in China: 2023-Q4 is over. */
const AFTER_Q4 = new Date('2024-01-10T02:00:00Z');

const RULES_V1 = [
  { code: 'publications', weight: 4000, full: 1000, zero: 0 },
  { code: 'applications-on-time', weight: 3000, full: 10000, zero: 8000 },
  { code: 'applications-overdue', weight: 2000, full: 0, zero: 300 },
  { code: 'trainings', weight: 1000, full: 200, zero: 0 },
] as const;

describe(`assessment on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  const subs: Record<'a' | 'b' | 'c' | 'd', Unit> = {} as never;
  let other: Unit;
  const people: Record<string, SignedIn> = {};
  let serial = 0;

  const db = () => context.database.db;
  const stamp = () => fromDate(context.database.dialect, AFTER_Q4);

  async function item(unit: Unit, publishedOn: string): Promise<number> {
    const row = await db()
      .insertInto('publishing_items')
      .values({
        unit_id: unit.id,
        status: 'published',
        sub_column: 'proactive',
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

  async function application(unit: Unit, dueOn: string, closedOn: string | null): Promise<number> {
    serial += 1;
    const row = await db()
      .insertInto('applications')
      .values({
        query_code: `ASSESS${serial}`,
        unit_id: unit.id,
        channel: 'online',
        received_on: '2023-09-01',
        applicant_kind: 'person',
        applicant_type: 'person',
        applicant_name_sealed: 'sealed',
        id_type: 'passport',
        phone_sealed: 'sealed',
        phone_index: `p${serial}`,
        phone_tail_sealed: 'sealed',
        phone_tail_index: `t${serial}`,
        description: '所需信息',
        provision_form: 'electronic',
        obtain_way: 'collect',
        created_at: stamp(),
        status: closedOn === null ? 'open' : 'closed',
        due_on: dueOn,
        closed_on: closedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function training(organiser: Unit, heldOn: string, taking: Unit[] = []): Promise<number> {
    const row = await db()
      .insertInto('training_sessions')
      .values({
        unit_id: organiser.id,
        held_on: heldOn,
        topic: '条例培训',
        participants: 20,
        created_at: stamp(),
        updated_at: stamp(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const unit of taking) {
      await db()
        .insertInto('training_session_units')
        .values({ session_id: row.id, unit_id: unit.id })
        .execute();
    }
    return row.id;
  }

  const who = (name: string) => people[name] as SignedIn;
  const get = (person: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: person.cookie } });
  const base = () => `/admin/assessment/units/${district.id}`;

  let aItems: number[] = [];
  let aLate = 0;
  let cOpen = 0;

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    const city = await addUnit(operator, { parentId: null, name: '庚市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '庚区人民政府', kind: 'county' });
    subs.a = await addUnit(operator, { parentId: district.id, name: '庚区甲局', kind: 'department' });
    subs.b = await addUnit(operator, { parentId: district.id, name: '庚区乙局', kind: 'department' });
    subs.c = await addUnit(operator, { parentId: district.id, name: '庚区丙局', kind: 'department' });
    subs.d = await addUnit(operator, { parentId: district.id, name: '庚区丁局', kind: 'department' });
    // A grandchild is not a sibling of the sub-units and is not ranked.
    await addUnit(operator, { parentId: subs.a.id, name: '庚区甲局下属中心', kind: 'other' });
    other = await addUnit(operator, { parentId: null, name: '辛市人民政府', kind: 'city' });

    // 甲: 7 items in Q4 (one more in September); 8 applications closed in Q4, 7 on time and one late
    // (so also overdue); a training it organised, which 丙 attended.
    aItems = [];
    for (const day of ['10-08', '10-20', '11-01', '11-15', '12-01', '12-20', '12-31']) {
      aItems.push(await item(subs.a, `2023-${day}`));
    }
    await item(subs.a, '2023-09-30');
    for (let i = 1; i <= 7; i += 1)
      await application(subs.a, `2023-11-${String(10 + i)}`, `2023-11-0${String(i)}`);
    aLate = await application(subs.a, '2023-12-01', '2023-12-05');
    await training(subs.a, '2023-11-20', [subs.c]);
    // 乙 and 丁: 10 items each, nothing else (no applications: the rate is not assessed and earns its weight).
    for (const unit of [subs.b, subs.d]) {
      for (let i = 1; i <= 10; i += 1) await item(unit, `2023-10-${String(10 + i)}`);
    }
    // 丙: 3 items, 2 applications answered on time, 1 still open past its due date.
    for (const day of ['10-01', '11-11', '12-12']) await item(subs.c, `2023-${day}`);
    await application(subs.c, '2023-10-20', '2023-10-18');
    await application(subs.c, '2023-11-20', '2023-11-20');
    cOpen = await application(subs.c, '2023-12-15', null);

    const grants = {
      office: [{ unitId: district.id, role: 'supervisor' as const }],
      leader: [{ unitId: district.id, role: 'leader' as const }],
      editor: [{ unitId: district.id, role: 'editor' as const }],
      outsider: [{ unitId: other.id, role: 'supervisor' as const }],
    };
    for (const [name, held] of Object.entries(grants)) {
      await createUser(operator, {
        username: name,
        displayName: name,
        password: PASSWORD,
        phone: '13912345678',
        grants: held,
      });
      people[name] = await signInOverHttp(app, name, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  const summary = async (period = '2023-Q4') => {
    const run = await getRanking(operatorScope(context), district.id, period);
    return run?.scores.map((row) => [row.unitName, row.score, row.rank]);
  };

  it('refuses to compute before rules exist, then scores the hand-computed fixture with ties ranked alike', async () => {
    const operator = operatorScope(context);
    await expect(runAssessment(operator, district.id, '2023-Q4', AFTER_Q4)).rejects.toThrow(
      '尚未制定考核细则',
    );
    expect(await saveRules(operator, district.id, [...RULES_V1], AFTER_Q4)).toBe(1);
    await runAssessment(operator, district.id, '2023-Q4', AFTER_Q4);
    // 甲: 40 × 7/10 = 28; 30 × (87.5 − 80)/20 = 11.25; 20 × (3 − 1)/3 = 13.33; 10 × 1/2 = 5 → 57.58
    // 乙, 丁: 40 + 30 (not assessed) + 20 + 0 = 90
    // 丙: 40 × 3/10 = 12; 30 (2 of 2); 13.33 (one overdue); 5 (attended 甲's training) → 60.33
    expect(await summary()).toEqual([
      ['庚区乙局', 9000, 1],
      ['庚区丁局', 9000, 1],
      ['庚区丙局', 6033, 3],
      ['庚区甲局', 5758, 4],
    ]);
    const run = await getRanking(operator, district.id, '2023-Q4');
    const a = run?.scores.find((row) => row.unitId === subs.a.id);
    expect(a?.indicators.map((indicator) => [indicator.code, indicator.value, indicator.points])).toEqual([
      ['publications', { numerator: 7, denominator: 1 }, 2800],
      ['applications-on-time', { numerator: 700, denominator: 8 }, 1125],
      ['applications-overdue', { numerator: 1, denominator: 1 }, 1333],
      ['trainings', { numerator: 1, denominator: 1 }, 500],
    ]);
    expect(a?.indicators[0]?.records.map((ref) => ref.id)).toEqual(aItems);
    expect(a?.indicators[2]?.records.map((ref) => [ref.kind, ref.id])).toEqual([['application', aLate]]);
    expect(run?.ruleSet.version).toBe(1);
    expect(run?.asOf).toBe('2024-01-10');
  });

  it('gives the same scores when a past period is recomputed after later records were added', async () => {
    const before = await summary();
    await item(subs.a, '2024-01-05');
    await db()
      .updateTable('applications')
      .set({ closed_on: '2024-01-08', status: 'closed' })
      .where('id', '=', cOpen)
      .execute();
    await training(subs.b, '2024-01-06');
    const later = new Date('2024-02-01T02:00:00Z');
    await runAssessment(operatorScope(context), district.id, '2023-Q4', later);
    expect(await summary()).toEqual(before);
    const runs = await db().selectFrom('assessment_runs').select(['id', 'as_of']).orderBy('id').execute();
    expect(runs.map((run) => run.as_of)).toEqual(['2024-01-10', '2024-02-01']);
  });

  it('counts a deadline only once it has passed on the day of the run', async () => {
    // On 10 December 2023 丙's application due on the 15th and 甲's late one (due 1 December) differ.
    await runAssessment(operatorScope(context), district.id, '2023-Q4', new Date('2023-12-10T02:00:00Z'));
    const run = await getRanking(operatorScope(context), district.id, '2023-Q4');
    const overdue = (unit: Unit) =>
      run?.scores
        .find((row) => row.unitId === unit.id)
        ?.indicators.find((i) => i.code === 'applications-overdue')?.value;
    expect(overdue(subs.c)).toEqual({ numerator: 0, denominator: 1 });
    expect(overdue(subs.a)).toEqual({ numerator: 1, denominator: 1 });
    await runAssessment(operatorScope(context), district.id, '2023-Q4', AFTER_Q4);
  });

  it('names the rule version in every run and keeps earlier runs under their version', async () => {
    const operator = operatorScope(context);
    const v2 = RULES_V1.map((line) =>
      line.code === 'publications'
        ? { ...line, weight: 3000 }
        : line.code === 'trainings'
          ? { ...line, weight: 2000 }
          : line,
    );
    expect(await saveRules(operator, district.id, v2, AFTER_Q4)).toBe(2);
    await runAssessment(operator, district.id, '2023-Q4', AFTER_Q4);
    const run = await getRanking(operator, district.id, '2023-Q4');
    expect(run?.ruleSet.version).toBe(2);
    // 乙, 丁: 30 + 30 + 20 + 0 = 80; 丙: 9 + 30 + 13.33 + 10 = 62.33; 甲: 21 + 11.25 + 13.33 + 10 = 55.58
    expect(await summary()).toEqual([
      ['庚区乙局', 8000, 1],
      ['庚区丁局', 8000, 1],
      ['庚区丙局', 6233, 3],
      ['庚区甲局', 5558, 4],
    ]);
    const versions = await db()
      .selectFrom('assessment_runs as r')
      .innerJoin('assessment_rule_sets as s', 's.id', 'r.rule_set_id')
      .select('s.version')
      .orderBy('r.id')
      .execute();
    expect(versions.map((row) => row.version)).toEqual([1, 1, 1, 1, 2]);
    const saved = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'assessment.%')
      .orderBy('seq')
      .execute();
    expect(saved.map((row) => row.action)).toEqual([
      'assessment.rules.save',
      'assessment.run',
      'assessment.run',
      'assessment.run',
      'assessment.run',
      'assessment.rules.save',
      'assessment.run',
    ]);
  });

  it('saves rules and computes through the pages, refusing bad input with the field named', async () => {
    const office = who('office');
    const fields: Record<string, string> = {
      'use.publications': '1',
      'weight.publications': '60',
      'full.publications': '10',
      'zero.publications': '0',
      'use.applications-overdue': '1',
      'weight.applications-overdue': '30',
      'full.applications-overdue': '0',
      'zero.applications-overdue': '3',
    };
    const refused = await postAs(app, office, `${base()}/rules`, fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('data-field="rules"');
    expect(refused.body).toContain('各项指标分值之和须为 100，现为 90');
    const saved = await postAs(app, office, `${base()}/rules`, {
      ...fields,
      'weight.applications-overdue': '40',
    });
    expect(saved.statusCode).toBe(303);
    const rulesPage = await get(office, `${base()}/rules`);
    expect(rulesPage.body).toContain('现行为第 3 版。');

    const badPeriod = await postAs(app, office, `${base()}/runs`, { period: '2023-W53' });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.body).toContain('data-field="period"');
    expect(badPeriod.body).toContain('2023 年只有第 01 至第 52 周');
    const computed = await postAs(app, office, `${base()}/runs`, { period: '2023-11' });
    expect(computed.statusCode).toBe(303);
    expect(computed.headers.location).toBe(`${base()}?period=2023-11`);

    // November under v3: 甲 2 items → 60 × 2/10 = 12, none overdue → 40: 52; 丙 1 item → 6 + 40 = 46;
    // 乙 and 丁 published in October only → 0 + 40 = 40, tied.
    const page = await get(office, `${base()}?period=2023-11`);
    expect(page.statusCode).toBe(200);
    const rows = [
      ...(/data-testid="ranking"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page.body)?.[1] ?? '').matchAll(
        /<tr[^>]*>([\s\S]*?)<\/tr>/g,
      ),
    ].map((row) =>
      [...(row[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)]
        .slice(0, 3)
        .map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, '')),
    );
    expect(rows).toEqual([
      ['1', '庚区甲局', '52'],
      ['2', '庚区丙局', '46'],
      ['3', '庚区乙局', '40'],
      ['3', '庚区丁局', '40'],
    ]);
    expect(page.body).toContain('考核细则第 3 版');
    expect(page.body).toContain('下载月排名通报（Word）');

    const score = await get(office, `${base()}/score?period=2023-11&unit=${subs.a.id}`);
    expect(score.statusCode).toBe(200);
    expect(score.body).toContain('得分 52，第 1 名');
    for (const id of aItems.slice(2, 4)) expect(score.body).toContain(`href="/admin/publishing/items/${id}"`);
    expect(score.body).not.toContain(`href="/admin/publishing/items/${aItems[0]}"`);
  });

  it('exports the ranking as XLSX and the notices as Word, audited', async () => {
    const leader = who('leader');
    const xlsx = await get(leader, `${base()}/ranking.xlsx?period=2023-Q4`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('排名');
    const table = [4, 5, 6, 7].map((row) => [1, 2, 3].map((col) => sheet?.getRow(row).getCell(col).value));
    expect(table).toEqual([
      [1, '庚区乙局', 80],
      [1, '庚区丁局', 80],
      [3, '庚区丙局', 62.33],
      [4, '庚区甲局', 55.58],
    ]);

    const quarterly = await get(leader, `${base()}/notice.docx?period=2023-Q4`);
    expect(quarterly.statusCode).toBe(200);
    const xml = await (
      await JSZip.loadAsync(quarterly.rawPayload)
    )
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('关于2023年第四季度政府信息公开工作考核结果的通报');
    expect(xml).toContain('本期得分最高的是：庚区乙局、庚区丁局。');
    const monthly = await get(leader, `${base()}/notice.docx?period=2023-11`);
    const monthXml = await (
      await JSZip.loadAsync(monthly.rawPayload)
    )
      .file('word/document.xml')
      ?.async('string');
    expect(monthXml).toContain('关于2023年11月政府信息公开工作排名情况的通报');
    const exports = await db()
      .selectFrom('audit_log')
      .select(['actor_name', 'details'])
      .where('action', '=', 'assessment.export')
      .orderBy('seq')
      .execute();
    expect(
      exports.map((row) => [row.actor_name, (JSON.parse(row.details) as { format: string }).format]),
    ).toEqual([
      ['leader', 'xlsx'],
      ['leader', 'docx'],
      ['leader', 'docx'],
    ]);
  });

  it('counts stale or blank columns and zombie new-media accounts as they stood at the end of the period', async () => {
    const operator = operatorScope(context);
    const county = await addUnit(operator, { parentId: null, name: '癸区人民政府', kind: 'county' });
    const office = await addUnit(operator, { parentId: county.id, name: '癸区丙办', kind: 'department' });
    const channel = await db()
      .insertInto('channels')
      .values({
        unit_id: office.id,
        kind: 'new-media',
        platform: 'wechat',
        name: '癸区丙办微信',
        status: 'open',
        opened_on: '2023-09-01',
        created_at: stamp(),
        updated_at: stamp(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('channel_events')
      .values({ channel_id: channel.id, kind: 'opened', occurred_on: '2023-09-01', created_at: stamp() })
      .execute();
    // The last post on 1 December: silent for 30 days on 31 December.
    await db()
      .insertInto('channel_publications')
      .values({
        channel_id: channel.id,
        published_on: '2023-12-01',
        title: '一条推送',
        origin: 'entry',
        created_at: stamp(),
      })
      .execute();
    await saveRules(
      operator,
      county.id,
      [
        { code: 'columns-stale', weight: 5000, full: 0, zero: 100000 },
        { code: 'new-media-zombies', weight: 5000, full: 0, zero: 200 },
      ],
      AFTER_Q4,
    );
    await runAssessment(operator, county.id, '2023-Q4', AFTER_Q4);
    const run = await getRanking(operator, county.id, '2023-Q4');
    const [row] = run?.scores ?? [];
    const expectedColumns = (await measureFreshness(db(), [office.id], '2023-12-31')).get(office.id);
    const staleOrBlank = (expectedColumns?.staleColumns ?? -1) + (expectedColumns?.blankColumns ?? -1);
    expect(staleOrBlank).toBeGreaterThan(0);
    expect(row?.indicators.map((indicator) => [indicator.code, indicator.value])).toEqual([
      ['columns-stale', { numerator: staleOrBlank, denominator: 1 }],
      ['new-media-zombies', { numerator: 1, denominator: 1 }],
    ]);
    // One zombie of the two that would score nothing: half of 50.
    expect(row?.indicators[1]?.points).toBe(2500);
    expect(row?.indicators[1]?.records.map((ref) => [ref.kind, ref.id, ref.label])).toEqual([
      ['account', channel.id, '癸区丙办微信'],
    ]);
  });

  it('lets leaders read but not change, and answers 404 to everyone else', async () => {
    const leader = who('leader');
    expect((await get(leader, base())).statusCode).toBe(200);
    expect((await postAs(app, leader, `${base()}/runs`, { period: '2023-Q4' })).statusCode).toBe(404);
    expect((await postAs(app, leader, `${base()}/rules`, { 'use.publications': '1' })).statusCode).toBe(404);
    for (const name of ['editor', 'outsider']) {
      expect((await get(who(name), base())).statusCode, name).toBe(404);
      expect((await get(who(name), `${base()}/ranking.xlsx?period=2023-Q4`)).statusCode, name).toBe(404);
      expect((await postAs(app, who(name), `${base()}/runs`, { period: 'bad' })).statusCode, name).toBe(404);
    }
    expect((await get(who('editor'), '/admin/assessment')).statusCode).toBe(404);
    expect((await get(who('office'), '/admin/assessment')).body).toContain(`href="${base()}"`);
  });
});
