// The demo deployment, created through the services, reproduces table 三 and the channel counts of the
// reference report (沈阳市皇姑区2023年政府信息公开工作年度报告) from its records.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationStatistics } from '../../src/features/applications/statistics.ts';
import { compileAnnualReport } from '../../src/features/annual-report/compile.ts';
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
  readonly narrative_figures: { readonly applications_by_channel: Record<string, number> };
}

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
});
