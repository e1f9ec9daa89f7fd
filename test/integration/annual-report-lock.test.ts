// The annual report after publication: the year lock refuses changes that would alter the published report
// (a decision dated in the year, a step on an application closed in it, a statistic of the year) and lets
// next year's work go on; an audited unlock by a supervisor with a reason; re-publication as version 2 with
// the edited narrative; narrative saves with number findings and the near-identity warning; drill-down of
// tables 二 and 四 with exact record ids; the deadlines page; the deadline reminders sent once.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActingScope } from '../../src/app-context.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { enqueueReportDeadlineReminders } from '../../src/features/annual-report/deadlines.ts';
import { publishAnnualReport } from '../../src/features/annual-report/publish.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { registerApplication } from '../../src/features/applications/registration.ts';
import { decideApplication } from '../../src/features/applications/workflow.ts';
import { enterStatistic, saveCase, saveDocument } from '../../src/features/records/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
/** Noon in China on a given day. */
const at = (date: string) => new Date(`${date}T04:00:00Z`);
const LOCK_MESSAGE = '丙区人民政府2025年政府信息公开工作年度报告已发布，该年度已锁定';

describe(`the annual report year lock on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  let district: Unit;
  let bureau: Unit;
  let supervisorScope: ActingScope;
  const people: Record<string, SignedIn> = {};
  const userIds: Record<string, number> = {};
  const ids: Record<string, number> = {};

  const person = (name: string): SignedIn => {
    const signedIn = people[name];
    if (signedIn === undefined) throw new Error(`${name} is not signed in`);
    return signedIn;
  };
  const page = (who: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const reportUrl = (year: number) => `/admin/units/${district.id}/annual-report?year=${year}`;
  const statistic = (year: string, kind: string, value: string, now: Date) =>
    enterStatistic(operatorScope(context), district.id, { year, kind, value }, now);
  const audits = (action: string) =>
    context.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  async function submit(name: string, date: string): Promise<void> {
    const form = {
      unitId: String(district.id),
      applicantKind: 'person',
      applicantName: '申请人',
      idType: 'passport',
      idNumber: 'E12345678',
      phone: '13912345678',
      description: `申请 ${name} 所需的信息`,
      provisionForm: 'electronic',
      obtainWay: 'collect',
    };
    ids[name] = (await submitOnlineApplication({ context, address: '127.0.0.1' }, form, at(date))).id;
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '丙市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '丙区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '丙区教育局', kind: 'department' });
    const grants = {
      office: [{ unitId: district.id, role: 'supervisor' as const }],
      cityoffice: [{ unitId: city.id, role: 'supervisor' as const }],
      leader: [{ unitId: district.id, role: 'leader' as const }],
      handler: [{ unitId: district.id, role: 'handler' as const }],
    };
    for (const [name, held] of Object.entries(grants)) {
      const user = await createUser(operator, {
        username: name,
        displayName: name,
        password: PASSWORD,
        phone: '13912345678',
        grants: held,
      });
      userIds[name] = user.id;
      people[name] = await signInOverHttp(app, name, PASSWORD);
    }
    supervisorScope = scopeOf(context, {
      ...staff([['supervisor', district]], userIds.office, 'office'),
    });

    // 2025: one application decided in the year, one received at its end and carried over.
    await submit('A', '2025-03-03');
    await decideApplication(
      operator,
      ids.A ?? 0,
      { outcome: 'public-provided', provided: '已提供' },
      at('2025-03-10'),
    );
    await submit('B', '2025-12-29');
    ids.licensing = await statistic('2025', 'licensing', '12', at('2026-01-05'));
    await statistic('2025', 'penalty', '3', at('2026-01-05'));
    await statistic('2025', 'enforcement', '0', at('2026-01-05'));
    await statistic('2025', 'fees', '0', at('2026-01-05'));
    ids.document = await saveDocument(
      operator,
      district.id,
      null,
      {
        kind: 'normative',
        title: '丙区政务公开工作规范',
        documentNumber: '丙政发〔2025〕1号',
        issuingUnit: '丙区人民政府',
        issuedOn: '2025-02-01',
      },
      at('2025-02-02'),
    );
    ids.case = await saveCase(
      operator,
      district.id,
      null,
      {
        kind: 'review',
        caseNumber: '丙复〔2025〕7号',
        filedOn: '2025-05-01',
        decidedOn: '2025-07-01',
        result: 'upheld',
        application: String(ids.A),
      },
      at('2025-07-02'),
    );
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('locks the year on publication and shows the lock on the report page', async () => {
    const published = await publishAnnualReport(
      supervisorScope,
      { unitId: district.id, year: 2025 },
      at('2026-01-20'),
    );
    expect(published.version).toBe(1);
    const events = await context.database.db
      .selectFrom('annual_report_lock_events')
      .select(['unit_id', 'year', 'event', 'version', 'reason', 'actor_name'])
      .execute();
    expect(events).toEqual([
      { unit_id: district.id, year: 2025, event: 'lock', version: 1, reason: null, actor_name: 'office' },
    ]);
    const report = await page(person('office'), reportUrl(2025));
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('2025年度报告已发布，该年度已锁定');
    expect(report.body).toContain('发布第 1 版并锁定');
    expect(report.body).toContain(`action="/admin/units/${district.id}/annual-report/unlock"`);
  });

  it('refuses a decision dated in the locked year and allows one dated in the next year', async () => {
    const operator = operatorScope(context);
    const form = { outcome: 'public-provided', provided: '已提供' };
    await expect(
      decideApplication(operator, ids.B ?? 0, { ...form, date: '2025-12-31' }, at('2026-01-06')),
    ).rejects.toThrow(LOCK_MESSAGE);
    const stillOpen = await context.database.db
      .selectFrom('applications')
      .select(['status', 'closed_on'])
      .where('id', '=', ids.B ?? 0)
      .executeTakeFirstOrThrow();
    expect(stillOpen).toEqual({ status: 'open', closed_on: null });
    await decideApplication(operator, ids.B ?? 0, { ...form, date: '2026-01-05' }, at('2026-01-06'));
    const decided = await context.database.db
      .selectFrom('applications')
      .select(['status', 'closed_on'])
      .where('id', '=', ids.B ?? 0)
      .executeTakeFirstOrThrow();
    expect(decided).toEqual({ status: 'closed', closed_on: '2026-01-05' });
  });

  it('refuses any change to an application closed in the locked year', async () => {
    await expect(
      decideApplication(
        operatorScope(context),
        ids.A ?? 0,
        { outcome: 'public-provided', provided: '再次' },
        at('2026-02-01'),
      ),
    ).rejects.toThrow(LOCK_MESSAGE);
  });

  it('refuses registering a late application received in the locked year, storing nothing', async () => {
    const form = {
      unitId: String(district.id),
      applicantKind: 'person',
      applicantName: '补登申请人',
      idType: 'passport',
      idNumber: 'E23456789',
      phone: '13912340000',
      description: '年末在窗口收到、次年才登记的申请',
      provisionForm: 'paper',
      obtainWay: 'collect',
      channel: 'in-person',
      receivedOn: '2025-12-30',
    };
    const count = async () =>
      Number(
        (
          await context.database.db
            .selectFrom('applications')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const scope = supervisorScope;
    await expect(
      registerApplication(scope, form, { files: [], tooManyFiles: false }, at('2026-01-06')),
    ).rejects.toThrow(LOCK_MESSAGE);
    expect(await count()).toBe(before);
    const next = await registerApplication(
      scope,
      { ...form, receivedOn: '2026-01-05' },
      { files: [], tooManyFiles: false },
      at('2026-01-06'),
    );
    expect(next.receivedOn).toBe('2026-01-05');
  });

  it('refuses a statistic of the locked year over HTTP and accepts one of the next year', async () => {
    const refused = await postAs(app, person('office'), `/admin/records/units/${district.id}/statistics`, {
      year: '2025',
      kind: 'licensing',
      value: '13',
    });
    // The records form comes back filled in, with the lock named on it, and nothing is stored.
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(LOCK_MESSAGE);
    const stored = await context.database.db
      .selectFrom('administrative_statistics')
      .select('value')
      .where('year', '=', 2025)
      .where('kind', '=', 'licensing')
      .execute();
    expect(stored).toEqual([{ value: '12' }]);
    expect(refused.body).toContain('政务公开办负责人');
    const next = await statistic('2026', 'licensing', '5', at('2026-02-01'));
    expect(next).toBeGreaterThan(0);
    await expect(
      saveCase(
        operatorScope(context),
        district.id,
        ids.case ?? 0,
        {
          kind: 'review',
          caseNumber: '丙复〔2025〕7号',
          filedOn: '2025-05-01',
          decidedOn: '2025-07-01',
          result: 'corrected',
        },
        at('2026-02-01'),
      ),
    ).rejects.toThrow(LOCK_MESSAGE);
  });

  it('refuses narrative saves while locked', async () => {
    const refused = await postAs(
      app,
      person('office'),
      `/admin/units/${district.id}/annual-report/narrative`,
      {
        year: '2025',
        section: '五',
        body: '本年度的问题。',
      },
    );
    expect(refused.statusCode).toBe(409);
  });

  it('lets only a supervisor unlock, with a reason, and audits it', async () => {
    const unlock = (who: SignedIn, reason: string) =>
      postAs(app, who, `/admin/units/${district.id}/annual-report/unlock`, { year: '2025', reason });
    expect((await unlock(person('handler'), '更正')).statusCode).toBe(404);
    expect((await unlock(person('leader'), '更正')).statusCode).toBe(404);
    const noReason = await unlock(person('office'), '  ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('解锁须填写理由');
    expect(await audits('annual_report.unlock')).toEqual([]);

    const unlocked = await unlock(person('cityoffice'), '行政许可统计漏报一件，需更正');
    expect(unlocked.statusCode).toBe(303);
    const logged = await audits('annual_report.unlock');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.actor_name).toBe('cityoffice');
    expect(JSON.parse(logged[0]?.details ?? '{}')).toEqual({
      unitId: district.id,
      year: 2025,
      reason: '行政许可统计漏报一件，需更正',
    });
    const again = await unlock(person('office'), '再次解锁');
    expect(again.statusCode).toBe(409);

    const report = await page(person('office'), reportUrl(2025));
    expect(report.body).toContain('2025年度报告已解锁');
    expect(report.body).toContain('行政许可统计漏报一件，需更正');
    // Unlocked, the correction goes through.
    await statistic('2025', 'licensing', '13', at('2026-02-02'));
  });

  it('saves narrative sections with history, checks their numbers and re-publishes them as version 2', async () => {
    const save = (section: string, body: string) =>
      postAs(app, person('office'), `/admin/units/${district.id}/annual-report/narrative`, {
        year: '2025',
        section,
        body,
      });
    expect((await save('二', '表格')).statusCode).toBe(400);
    expect((await save('一', '  ')).statusCode).toBe(400);
    const first = await save('一', '2025年，全年新收政府信息公开申请9件。');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(
      `/admin/units/${district.id}/annual-report?year=2025#narrative-%E4%B8%80`,
    );
    const withFinding = await page(person('office'), reportUrl(2025));
    expect(withFinding.body).toContain('全年新收政府信息公开申请9件');
    expect(withFinding.body).toMatch(/正文“[^”]*”部分称“[^”]*9件[^”]*”[^<]*为2/);

    expect((await save('一', '2025年，全年新收政府信息公开申请2件。')).statusCode).toBe(303);
    const fixed = 'MARK-五：本年度主动公开的及时性仍需提高，下一年度将建立发布前审核清单并按月检查更新情况。';
    expect((await save('五', fixed)).statusCode).toBe(303);
    const saves = await context.database.db
      .selectFrom('annual_report_narratives')
      .select(['section', 'body'])
      .orderBy('id')
      .execute();
    expect(saves.map((row) => row.section)).toEqual(['一', '一', '五']);
    const corrected = await page(person('office'), reportUrl(2025));
    expect(corrected.body).not.toMatch(/正文“[^”]*”部分称/);
    expect(corrected.body).toContain('已编辑（共保存 2 次，最近一次：office');

    const republished = await postAs(
      app,
      person('office'),
      `/admin/units/${district.id}/annual-report/publish`,
      {
        year: '2025',
      },
    );
    expect(republished.statusCode).toBe(303);
    const versions = await context.database.db
      .selectFrom('annual_reports')
      .select(['year', 'version'])
      .orderBy('id')
      .execute();
    expect(versions).toEqual([
      { year: 2025, version: 1 },
      { year: 2025, version: 2 },
    ]);
    const events = await context.database.db
      .selectFrom('annual_report_lock_events')
      .select(['event', 'version'])
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { event: 'lock', version: 1 },
      { event: 'unlock', version: null },
      { event: 'lock', version: 2 },
    ]);
    const publicPage = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${district.id}/annual-reports/2025`,
    });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('MARK-五');
    expect(publicPage.body).toContain('全年新收政府信息公开申请2件');
  });

  it('warns when a section is nearly identical to last year’s published one', async () => {
    const copied =
      'MARK-五：本年度主动公开的及时性仍需提高，下一年度将建立发布前审核清单并按月检查更新情况。';
    const saved = await postAs(app, person('office'), `/admin/units/${district.id}/annual-report/narrative`, {
      year: '2026',
      section: '五',
      body: copied,
    });
    expect(saved.statusCode).toBe(303);
    const report = await page(person('office'), reportUrl(2026));
    expect(report.body).toContain('data-testid="similarity-warnings"');
    expect(report.body).toContain('第五部分与上一年度已发布报告的相应部分几乎相同（相似度 100%）');
    const lastYear = await page(person('office'), reportUrl(2025));
    expect(lastYear.body).not.toContain('data-testid="similarity-warnings"');
  });

  it('lists the records behind every number of tables 二 and 四', async () => {
    const report = await page(person('leader'), reportUrl(2025));
    expect(report.statusCode).toBe(200);
    const refsOf = (cell: string) => {
      const row = new RegExp(`data-cell="${cell}"[\\s\\S]*?</tr>`).exec(report.body)?.[0] ?? '';
      return [...row.matchAll(/data-ref="([^"]+)"/g)].map((match) => match[1]);
    };
    expect(refsOf('drill-2-normative-issued')).toEqual([`document:${ids.document}`]);
    expect(refsOf('drill-2-normative-inForce')).toEqual([`document:${ids.document}`]);
    expect(refsOf('drill-2-rule-issued')).toEqual([]);
    const licensing = await context.database.db
      .selectFrom('administrative_statistics')
      .select('id')
      .where('year', '=', 2025)
      .where('kind', '=', 'licensing')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(refsOf('drill-2-licensing')).toEqual([`statistic:${licensing.id}`]);
    expect(refsOf('drill-4-0')).toEqual([`case:${ids.case}`]);
    expect(refsOf('drill-4-4')).toEqual([`case:${ids.case}`]);
    expect(refsOf('drill-4-1')).toEqual([]);
    expect(report.body).toContain(
      `href="/admin/records/units/${district.id}/documents?edit=${ids.document}"`,
    );
    expect(report.body).toContain(`href="/admin/records/units/${district.id}/cases?edit=${ids.case}"`);
  });

  it('shows a supervisor its units against the statutory dates', async () => {
    expect(
      (await page(person('handler'), `/admin/units/${city.id}/annual-report/deadlines?year=2025`)).statusCode,
    ).toBe(404);
    expect(
      (await page(person('office'), `/admin/units/${city.id}/annual-report/deadlines?year=2025`)).statusCode,
    ).toBe(404);
    const overview = await page(
      person('cityoffice'),
      `/admin/units/${city.id}/annual-report/deadlines?year=2025`,
    );
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('第四十九条');
    const rows = [
      ...overview.body.matchAll(/<tr data-unit="(\d+)" data-status="([a-z-]+)"[\s\S]*?<\/tr>/g),
    ].map((match) => [
      Number(match[1]),
      match[2],
      [...match[0].matchAll(/<td>([^<]*)<\/td>/g)].map((cell) => cell[1]),
    ]);
    // Today (the test runs after 31 March 2026) both the city and the bureau are overdue.
    expect(rows).toEqual([
      [city.id, 'overdue', ['市（地、州、盟）', '2026-03-31', '—', '逾期未发布']],
      [district.id, 'on-time', ['区（县、市、旗）', '2026-03-31', '2026-01-20', '已按期发布']],
      [bureau.id, 'overdue', ['部门', '2026-01-31', '—', '逾期未发布']],
    ]);
  });

  it('sends each deadline reminder once per unit, year and reminder', async () => {
    const outbox = () =>
      context.database.db
        .selectFrom('outbox')
        .select(['dedupe_key', 'recipient_user_id', 'subject'])
        .where('kind', '=', 'annual-report-deadline')
        .orderBy('id')
        .execute();
    // 25 January: the bureau (31 January) is 6 days away; governments (31 March) are not due yet.
    expect(await enqueueReportDeadlineReminders(context, at('2026-01-25'))).toEqual({
      considered: 1,
      enqueued: 1,
    });
    expect(await enqueueReportDeadlineReminders(context, at('2026-01-26'))).toEqual({
      considered: 1,
      enqueued: 0,
    });
    // 29 January: the 3-day reminder.
    expect(await enqueueReportDeadlineReminders(context, at('2026-01-29'))).toEqual({
      considered: 1,
      enqueued: 1,
    });
    // 25 March: the city (no report) is reminded; the district has published; the bureau's date has passed.
    expect(await enqueueReportDeadlineReminders(context, at('2026-03-25'))).toEqual({
      considered: 1,
      enqueued: 1,
    });
    expect(await outbox()).toEqual([
      {
        dedupe_key: `annual-report-deadline:${bureau.id}:2025:10:none`,
        recipient_user_id: null,
        subject: '年度报告：丙区教育局2025年政府信息公开工作年度报告距发布期限还有 6 天',
      },
      {
        dedupe_key: `annual-report-deadline:${bureau.id}:2025:3:none`,
        recipient_user_id: null,
        subject: '年度报告：丙区教育局2025年政府信息公开工作年度报告距发布期限还有 2 天',
      },
      {
        dedupe_key: `annual-report-deadline:${city.id}:2025:10:${userIds.cityoffice}`,
        recipient_user_id: userIds.cityoffice,
        subject: '年度报告：丙市人民政府2025年政府信息公开工作年度报告距发布期限还有 6 天',
      },
    ]);
  });
});
