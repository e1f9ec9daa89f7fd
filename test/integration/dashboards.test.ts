// The back-office dashboard over HTTP: applications submitted and decided through the services on fixed
// days of 2023 and publications recorded on channels, read back from the charts' data tables. The
// disclosure office of the city sees the whole subtree and its sub-units compared; a handler sees the
// own unit; an editor sees publications only; anyone else meets a missing page.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { decideApplication } from '../../src/features/applications/workflow.ts';
import { addChannel, recordPublication } from '../../src/features/channels/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Dz7#harbour-Lantern-2026';
/** Noon in China on a given day. */
const at = (date: string) => new Date(`${date}T04:00:00Z`);
const MONTHS = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);

/** The rows of the chart's data table: the row header, then the cells. */
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

/** Twelve months of one or more series, as the table prints them. */
const monthly = (...series: (readonly (string | number)[])[]) =>
  MONTHS.map((month, index) => [month, ...series.map((values) => String(values[index]))]);

describe(`dashboards on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  let north: Unit;
  let bureau: Unit;
  let south: Unit;
  const sessions = new Map<string, SignedIn>();
  const ids: Record<string, number> = {};

  async function submit(name: string, unit: Unit, date: string): Promise<void> {
    const form = {
      unitId: String(unit.id),
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

  const decide = (name: string, date: string) =>
    decideApplication(
      operatorScope(context),
      ids[name] ?? 0,
      { outcome: 'public-provided', provided: '已提供文件电子版' },
      at(date),
    );

  async function publish(unit: Unit, name: string, dates: readonly string[]): Promise<void> {
    const channel = await addChannel(operatorScope(context), unit.id, { kind: 'traditional', name });
    for (const date of dates) {
      await recordPublication(operatorScope(context), channel, { publishedOn: date, title: `${name}报道` });
    }
  }

  async function user(name: string, role: Role, unit: Unit): Promise<void> {
    await createUser(operatorScope(context), {
      username: name,
      displayName: name,
      password: PASSWORD,
      grants: [{ unitId: unit.id, role }],
    });
    sessions.set(name, await signInOverHttp(app, name, PASSWORD));
  }

  const dashboard = (name: string, query = '?year=2023') =>
    app.inject({
      method: 'GET',
      url: `/admin/dashboard${query}`,
      headers: { cookie: sessions.get(name)?.cookie ?? '' },
    });

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    north = await addUnit(operator, { parentId: city.id, name: '北区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: north.id, name: '北区教育局', kind: 'department' });
    south = await addUnit(operator, { parentId: city.id, name: '南区人民政府', kind: 'county' });

    // Received in 2022, decided on time in January 2023: decided in 2023, not received.
    await submit('S', north, '2022-12-20');
    await decide('S', '2023-01-05');
    await submit('P', north, '2023-03-01');
    await decide('P', '2023-03-10');
    // Due 2023-04-03 (20 working days), decided on 22 May: late.
    await submit('Q', bureau, '2023-03-06');
    await decide('Q', '2023-05-22');
    await submit('R', south, '2023-04-03');
    await decide('R', '2023-04-10');
    await submit('U', city, '2023-06-05');
    await decide('U', '2023-06-12');
    // Still open at the end of the year.
    await submit('T', north, '2023-11-01');
    // Another year: never counted in 2023.
    await submit('V', south, '2024-02-05');

    await publish(north, '北区日报', ['2023-03-15', '2023-03-20', '2024-01-02']);
    await publish(south, '南区广播', ['2023-07-01']);

    await user('city-supervisor', 'supervisor', city);
    await user('north-handler', 'handler', north);
    await user('north-editor', 'editor', north);
    await user('north-reviewer', 'reviewer', north);
    await user('city-admin', 'system-admin', city);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('shows the disclosure office the whole subtree month by month, and its sub-units compared', async () => {
    const page = await dashboard('city-supervisor');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('示例市人民政府（含下级单位）');
    const u = `u${city.id}`;
    expect(chartTable(page.body, `${u}-publications`)).toEqual(monthly([0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0]));
    expect(chartTable(page.body, `${u}-applications`)).toEqual(
      monthly([0, 0, 2, 1, 0, 1, 0, 0, 0, 0, 1, 0], [1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
    );
    expect(chartTable(page.body, `${u}-on-time`)).toEqual(
      monthly(['100%', '—', '100%', '100%', '0%', '100%', '—', '—', '—', '—', '—', '—']),
    );
    expect(chartTable(page.body, `${u}-subunits`)).toEqual([
      ['北区人民政府', '2', '3', '3'],
      ['南区人民政府', '1', '1', '1'],
    ]);
    expect(page.body).toContain(`data-testid="total-publications-${city.id}">3<`);
    expect(page.body).toContain(`data-testid="total-received-${city.id}">5<`);
    expect(page.body).toContain(`data-testid="total-decided-${city.id}">5<`);
    // The chart itself is inline SVG inside the labelled figure.
    expect(page.body).toMatch(
      new RegExp(
        `<figure role="img" aria-label="2023年每月主动公开信息数[^"]*" data-testid="chart-${u}-publications"><svg `,
      ),
    );
  });

  it('shows a handler the own unit only, without the sub-units', async () => {
    const page = await dashboard('north-handler');
    expect(page.statusCode).toBe(200);
    const u = `u${north.id}`;
    expect(page.body).not.toContain('（含下级单位）');
    expect(chartTable(page.body, `${u}-publications`)).toEqual(monthly([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(chartTable(page.body, `${u}-applications`)).toEqual(
      monthly([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0], [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    );
    expect(chartTable(page.body, `${u}-on-time`)).toEqual(
      monthly(['100%', '—', '100%', '—', '—', '—', '—', '—', '—', '—', '—', '—']),
    );
    expect(chartTable(page.body, `${u}-subunits`)).toEqual([]);
  });

  it('shows an editor the publications and no figure of applications', async () => {
    const page = await dashboard('north-editor');
    expect(page.statusCode).toBe(200);
    expect(chartTable(page.body, `u${north.id}-publications`)).toEqual(
      monthly([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    );
    expect(chartTable(page.body, `u${north.id}-applications`)).toEqual([]);
    expect(page.body).not.toContain('total-received');
    expect(page.body).toContain('依申请公开的统计仅向办理人、政务公开办和领导审批人显示。');
  });

  it('answers 404 to anyone without a dashboard role, and names the rule of a bad year', async () => {
    expect((await dashboard('north-reviewer')).statusCode).toBe(404);
    expect((await dashboard('city-admin')).statusCode).toBe(404);
    const bad = await dashboard('north-handler', '?year=1999');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('年度须为 2019 年至');
    const defaultYear = await dashboard('north-handler', '');
    expect(defaultYear.statusCode).toBe(200);
    expect(defaultYear.body).toMatch(/统计看板（\d{4}年）/);
  });
});
