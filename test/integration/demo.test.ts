// The demo deployment, created through the services, reproduces table 三 and the channel counts of the
// reference report (沈阳市皇姑区2023年政府信息公开工作年度报告) from its records.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationStatistics } from '../../src/features/applications/statistics.ts';
import { compileAnnualReport } from '../../src/features/annual-report/compile.ts';
import type { ProactiveGroup } from '../../src/features/annual-report/narrative.ts';
import { checkReportSource } from '../../src/features/reports/service.ts';
import { seedDemo, type DemoSignIn } from '../../src/features/demo/seed.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { referenceReportJson } from '../support/paths.ts';
import { signInOverHttp } from '../support/staff-session.ts';

interface Expected {
  readonly table2: Record<string, Record<string, Record<string, number>>>;
  readonly table4: number[];
  readonly table3: Record<string, number[]>;
  readonly narrative_figures: {
    readonly proactive_total: number;
    readonly proactive_by_channel: Record<string, number>;
    readonly applications_received: number;
    readonly applications_by_channel: Record<string, number>;
    readonly assisted_city_government: number;
    readonly training_sessions: number;
    readonly service_guides_units: number;
    readonly district_wide_services: number;
    readonly fees_collected_yuan: number;
  };
}

/** The reference report's names of its five groups of proactive publication. */
const GROUP_OF_REFERENCE: Readonly<Record<string, ProactiveGroup>> = {
  区政府网站: 'website',
  区委区政府政务新媒体: 'own-new-media',
  各部门各街道政务新媒体: 'subunit-new-media',
  其他传统媒体报道: 'traditional',
  互联网监管系统及审批平台: 'platform',
};

describe(`the demo deployment on ${testDialect}`, () => {
  let context: TestContext;
  let signIn: DemoSignIn | null = null;
  const expected = JSON.parse(readFileSync(referenceReportJson, 'utf8')) as Expected;

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    signIn = await seedDemo(context);
  }, 300_000);
  afterAll(async () => {
    await context.destroy();
  });

  it('is created once, with a sign-in for every role', async () => {
    expect(signIn?.accounts.map((account) => account.role).sort()).toEqual([
      'editor',
      'handler',
      'handler',
      'leader',
      'reviewer',
      'security-auditor',
      'supervisor',
      'system-admin',
    ]);
    expect(signIn?.password.length).toBeGreaterThanOrEqual(12);
    expect(await seedDemo(context)).toBeNull();
  });

  it('reproduces table 三 and the applications by channel of the reference report', async () => {
    const district = await context.database.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '沈阳市皇姑区人民政府')
      .executeTakeFirstOrThrow();
    const statistics = await applicationStatistics(operatorScope(context), {
      unitId: district.id,
      year: 2023,
    });
    expect(statistics.table3).toEqual(expected.table3);
    const byChannel = Object.fromEntries(
      Object.entries(statistics.receivedByChannel).filter(([, count]) => count > 0),
    );
    expect(byChannel).toEqual(expected.narrative_figures.applications_by_channel);
  });

  it('compiles the 2023 report from the records: tables 二, 三 and 四 as published, with no error', async () => {
    const district = await context.database.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '沈阳市皇姑区人民政府')
      .executeTakeFirstOrThrow();
    const compiled = await compileAnnualReport(operatorScope(context), { unitId: district.id, year: 2023 });
    expect(compiled.report.table2).toEqual(expected.table2);
    expect(compiled.report.table3).toEqual(expected.table3);
    expect(compiled.report.table4).toEqual(expected.table4);
    expect(compiled.missingStatistics).toEqual([]);
    expect(compiled.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(compiled.report.sections?.一).toContain('全年新收政府信息公开申请202件');
  });

  it('shows the compiled report in the back office, each table 三 number linked to its applications', async () => {
    const app = await createApp(context);
    try {
      const district = await context.database.db
        .selectFrom('units')
        .select('id')
        .where('name', '=', '沈阳市皇姑区人民政府')
        .executeTakeFirstOrThrow();
      const supervisor = await signInOverHttp(app, 'demo.supervisor', signIn?.password ?? '');
      const page = await app.inject({
        method: 'GET',
        url: `/admin/units/${district.id}/annual-report?year=2023`,
        headers: { cookie: supervisor.cookie },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('全部勾稽关系检查通过');
      const row = /data-row="（四）1\.本机关不掌握相关政府信息"><th[^>]*>[^<]*<\/th><td>(\d+)<\/td>/.exec(
        page.body,
      );
      expect(row?.[1]).toBe('126');
      const handler = await signInOverHttp(app, 'demo.handler', signIn?.password ?? '');
      const refused = await app.inject({
        method: 'GET',
        url: `/admin/units/${district.id}/annual-report?year=2023`,
        headers: { cookie: handler.cookie },
      });
      expect(refused.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('compiles the narrative figures of the reference report from the records, each with its records', async () => {
    const district = await context.database.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '沈阳市皇姑区人民政府')
      .executeTakeFirstOrThrow();
    const { facts, sources } = await compileAnnualReport(operatorScope(context), {
      unitId: district.id,
      year: 2023,
    });
    const figures = expected.narrative_figures;
    expect(facts.proactiveTotal).toBe(figures.proactive_total);
    expect(
      Object.fromEntries(
        Object.entries(GROUP_OF_REFERENCE).map(([name, group]) => [name, facts.proactiveByGroup[group]]),
      ),
    ).toEqual(figures.proactive_by_channel);
    expect(facts.applicationsReceived).toBe(figures.applications_received);
    expect(
      Object.fromEntries(Object.entries(facts.applicationsByChannel).filter(([, count]) => count > 0)),
    ).toEqual(figures.applications_by_channel);
    expect(facts.assistedOtherAgencies).toBe(figures.assisted_city_government);
    expect(facts.trainingSessions).toBe(figures.training_sessions);
    expect(facts.serviceGuides).toBe(figures.service_guides_units);
    expect(facts.districtWideServices).toBe(figures.district_wide_services);
    expect(facts.feesCollectedYuan).toBe(figures.fees_collected_yuan);

    // Each fact names its records: 12 registered channels in five groups, 3 co-handling tasks, 1 session.
    const channels = await context.database.db
      .selectFrom('channels')
      .innerJoin('units', 'units.id', 'channels.unit_id')
      .select(['channels.id', 'channels.kind', 'channels.unit_id'])
      .orderBy('channels.id')
      .execute();
    expect(channels).toHaveLength(12);
    const own = (kind: string) =>
      channels.filter((c) => c.kind === kind && c.unit_id === district.id).map((c) => c.id);
    expect(sources.facts.proactiveByGroup).toEqual({
      website: own('website'),
      'own-new-media': own('new-media'),
      'subunit-new-media': channels
        .filter((c) => c.kind === 'new-media' && c.unit_id !== district.id)
        .map((c) => c.id),
      traditional: own('traditional'),
      platform: own('platform'),
    });
    const tasks = await context.database.db
      .selectFrom('cohandling_tasks')
      .select('id')
      .where('unit_id', '=', district.id)
      .orderBy('id')
      .execute();
    expect(sources.facts.assistance).toEqual(tasks.map((task) => task.id));
    expect(sources.facts.assistance).toHaveLength(3);
    expect(sources.facts.training).toHaveLength(1);
    expect(sources.facts.serviceGuides).toHaveLength(1);
    expect(sources.facts.districtWideServices).toHaveLength(1);
    expect(sources.facts.fees).toEqual([]);
  });

  it('publishes the 2023 report; the checker reads the same tables from its HTML and Word files, with no error', async () => {
    const app = await createApp(context);
    try {
      const district = await context.database.db
        .selectFrom('units')
        .select('id')
        .where('name', '=', '沈阳市皇姑区人民政府')
        .executeTakeFirstOrThrow();
      const list = await app.inject({
        method: 'GET',
        url: `/disclosure/units/${district.id}/annual-reports`,
      });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('2023');
      const html = await app.inject({
        method: 'GET',
        url: `/disclosure/units/${district.id}/annual-reports/2023`,
      });
      const docx = await app.inject({
        method: 'GET',
        url: `/disclosure/units/${district.id}/annual-reports/2023/docx`,
      });
      expect([html.statusCode, docx.statusCode]).toEqual([200, 200]);
      for (const [name, data] of [
        ['report.html', html.rawPayload],
        ['report.docx', docx.rawPayload],
      ] as const) {
        const outcome = await checkReportSource({ kind: 'file', data, name });
        if (outcome.kind !== 'checked') throw new Error(`unreadable ${name}: ${outcome.reason}`);
        expect(outcome.errors).toBe(0);
        expect(outcome.report.table2).toEqual(expected.table2);
        expect(outcome.report.table3).toEqual(expected.table3);
        expect(outcome.report.table4).toEqual(expected.table4);
      }
    } finally {
      await app.close();
    }
  });
});
