// Publishing the annual report compiled from records: the demo district's clean 2023 report (published once by
// the demo itself, as version 1) is published again by its disclosure office over HTTP, shows in the public
// column with DOCX and JSON downloads, and every re-publication keeps the earlier versions; a report with errors
// and anyone but the supervisor are refused, nothing stored.
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/features/demo/seed.ts';
import { createApp } from '../../src/web/app.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

describe(`publishing the annual report on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let districtId = 0;
  let supervisor: SignedIn;
  let handler: SignedIn;

  // What the demo published while it was seeded; the tests look at what comes after.
  let seededReports = 0;
  let seededAuditSeq = 0;
  const stored = () =>
    context.database.db
      .selectFrom('annual_reports')
      .select(['unit_id', 'year', 'version'])
      .where('id', '>', seededReports)
      .orderBy('id')
      .execute();
  const publishAudits = () =>
    context.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'object_type', 'details'])
      .where('action', '=', 'annual_report.publish')
      .where('seq', '>', seededAuditSeq)
      .orderBy('seq')
      .execute();
  const publish = (who: SignedIn, year: string) =>
    postAs(app, who, `/admin/units/${districtId}/annual-report/publish`, { year });

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const signIn = await seedDemo(context);
    app = await createApp(context);
    const district = await context.database.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '沈阳市皇姑区人民政府')
      .executeTakeFirstOrThrow();
    districtId = district.id;
    const seeded = await context.database.db
      .selectFrom('annual_reports')
      .select(['id', 'year', 'version'])
      .orderBy('id')
      .execute();
    expect(seeded.map((row) => [row.year, row.version])).toEqual([[2023, 1]]);
    seededReports = seeded.at(-1)?.id ?? 0;
    const lastAudit = await context.database.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    seededAuditSeq = lastAudit.seq;
    supervisor = await signInOverHttp(app, 'demo.supervisor', signIn?.password ?? '');
    handler = await signInOverHttp(app, 'demo.handler', signIn?.password ?? '');
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('offers the publish button on the clean draft to the supervisor only', async () => {
    const draft = await app.inject({
      method: 'GET',
      url: `/admin/units/${districtId}/annual-report?year=2023`,
      headers: { cookie: supervisor.cookie },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toContain(`action="/admin/units/${districtId}/annual-report/publish"`);
    expect(draft.body).toContain('发布2023年度报告');
  });

  it('refuses a handler as if the unit did not exist, and stores nothing', async () => {
    const refused = await publish(handler, '2023');
    expect(refused.statusCode).toBe(404);
    expect(await stored()).toEqual([]);
    expect(await publishAudits()).toEqual([]);
  });

  it('refuses a report with errors (2024 has no statistics), naming the number of errors', async () => {
    const refused = await publish(supervisor, '2024');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatch(/2024年度报告有 [1-9]\d* 处错误，改正记录后才能发布/);
    expect(await stored()).toEqual([]);
    expect(await publishAudits()).toEqual([]);
    const noYear = await publish(supervisor, 'last');
    expect(noYear.statusCode).toBe(400);
  });

  it('publishes 2023 into the public column with HTML, DOCX and JSON', async () => {
    const published = await publish(supervisor, '2023');
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/disclosure/units/${districtId}/annual-reports#year-2023`);
    expect(await stored()).toEqual([{ unit_id: districtId, year: 2023, version: 2 }]);
    const audits = await publishAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actor_name).toBe('demo.supervisor');
    expect(audits[0]?.object_type).toBe('annual_report');
    expect(JSON.parse(audits[0]?.details ?? '{}')).toMatchObject({
      unitId: districtId,
      year: 2023,
      version: 2,
      errors: 0,
      applicationsReceived: 202,
    });

    const list = await app.inject({ method: 'GET', url: `/disclosure/units/${districtId}/annual-reports` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/disclosure/units/${districtId}/annual-reports/2023"`);
    expect(list.body).toContain('沈阳市皇姑区人民政府2023年政府信息公开工作年度报告');
    expect(list.body).toContain('第 2 版');

    const column = await app.inject({ method: 'GET', url: `/disclosure/units/${districtId}/annual-report` });
    expect(column.body).toContain(`href="/disclosure/units/${districtId}/annual-reports"`);

    const page = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${districtId}/annual-reports/2023`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('全年新收政府信息公开申请202件');

    const json = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${districtId}/annual-reports/2023/json`,
    });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe(
      `attachment; filename="annual-report-${districtId}-2023-v2.json"; filename*=UTF-8''` +
        encodeURIComponent('沈阳市皇姑区人民政府2023年政府信息公开工作年度报告（第2版）.json'),
    );
    const report = JSON.parse(json.body) as {
      year: number;
      agency: string;
      table3: Record<string, number[]>;
    };
    expect(report.year).toBe(2023);
    expect(report.agency).toBe('沈阳市皇姑区人民政府');
    expect(report.table3['一、本年新收政府信息公开申请数量']?.[6]).toBe(202);

    const docx = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${districtId}/annual-reports/2023/docx`,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toContain(
      `filename="annual-report-${districtId}-2023-v2.docx"`,
    );
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(documentXml).toContain('沈阳市皇姑区人民政府');
    expect(documentXml).toContain('>202<');
  });

  it('keeps version 2 when the report is published again as version 3', async () => {
    const again = await publish(supervisor, '2023');
    expect(again.statusCode).toBe(303);
    expect(await stored()).toEqual([
      { unit_id: districtId, year: 2023, version: 2 },
      { unit_id: districtId, year: 2023, version: 3 },
    ]);
    expect(
      (await publishAudits()).map((entry) => (JSON.parse(entry.details) as { version: number }).version),
    ).toEqual([2, 3]);
    const list = await app.inject({ method: 'GET', url: `/disclosure/units/${districtId}/annual-reports` });
    expect(list.body).toContain('第 3 版');
    expect(list.body).toContain(`href="/disclosure/units/${districtId}/annual-reports/2023?version=2"`);
    const json = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${districtId}/annual-reports/2023/json`,
    });
    expect(json.headers['content-disposition']).toContain('-2023-v3.json');
    const first = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${districtId}/annual-reports/2023/json?version=2`,
    });
    expect(first.headers['content-disposition']).toContain('-2023-v2.json');
    expect(JSON.parse(first.body)).toEqual(JSON.parse(json.body));
  });

  it('gives two publications at the same moment consecutive versions', async () => {
    const both = await Promise.all([publish(supervisor, '2023'), publish(supervisor, '2023')]);
    expect(both.map((response) => response.statusCode)).toEqual([303, 303]);
    expect((await stored()).map((row) => row.version)).toEqual([2, 3, 4, 5]);
  });

  it('answers 404 for a year never published and for a unit that does not exist', async () => {
    const missing = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${districtId}/annual-reports/2022`,
    });
    expect(missing.statusCode).toBe(404);
    const noUnit = await app.inject({ method: 'GET', url: '/disclosure/units/999999/annual-reports' });
    expect(noUnit.statusCode).toBe(404);
  });
});
