// A city's rollup of its districts' 2023 reports: one published, one compiled from its records, one with
// nothing recorded (missing), and one district not on the platform whose report (the reference text) the
// city imports through the report checker. Sums, key figures, year-over-year change and the XLSX are exact.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { publishAnnualReport } from '../../src/features/annual-report/publish.ts';
import { enterStatistic } from '../../src/features/records/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { multipartBody } from '../support/multipart.ts';
import { referenceReportJson, referenceReportText } from '../support/paths.ts';
import { signInOverHttp, type SignedIn } from '../support/staff-session.ts';

interface Expected {
  readonly table3: Record<string, number[]>;
  readonly table4: number[];
}

const PASSWORD = 'Tz8&river-Pine-2026';
const at = (date: string) => new Date(`${date}T04:00:00Z`);

describe(`rollups of sub-units' annual reports on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  const districts: Record<'published' | 'compiled' | 'missing', Unit | undefined> = {
    published: undefined,
    compiled: undefined,
    missing: undefined,
  };
  let supervisor: SignedIn;
  let leader: SignedIn;
  let handler: SignedIn;
  const expected = JSON.parse(readFileSync(referenceReportJson, 'utf8')) as Expected;
  const reference = readFileSync(referenceReportText);

  const upload = (who: SignedIn, fields: Record<string, string>, file: Buffer | null) => {
    const { body, contentType } = multipartBody([
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      ...(file === null ? [] : [{ name: 'file', fileName: '外区2023年报.txt', data: file }]),
    ]);
    return app.inject({
      method: 'POST',
      url: `/admin/units/${city.id}/report-rollup/import?_csrf=${encodeURIComponent(who.csrf)}`,
      headers: { cookie: who.cookie, 'content-type': contentType },
      payload: body,
    });
  };
  const get = (who: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    const created = at('2022-01-03');
    city = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' }, created);
    for (const [key, name] of [
      ['published', '甲市乙区人民政府'],
      ['compiled', '甲市丙区人民政府'],
      ['missing', '甲市丁区人民政府'],
    ] as const) {
      districts[key] = await addUnit(operator, { parentId: city.id, name, kind: 'county' }, created);
    }
    for (const [username, role] of [
      ['city.supervisor', 'supervisor'],
      ['city.leader', 'leader'],
      ['city.handler', 'handler'],
    ] as const) {
      await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: city.id, role }],
      });
    }
    const office = scopeOf(context, staff([['supervisor', city]], 1, 'city.supervisor'));
    const published = districts.published as Unit;
    // 乙区 publishes 2022 and 2023 (statistics only, no applications); 丙区 enters one statistic of 2023.
    for (const [year, licensing] of [
      ['2022', '3'],
      ['2023', '5'],
    ] as const) {
      for (const [kind, value] of [
        ['行政许可', licensing],
        ['行政处罚', '2'],
        ['行政强制', '0'],
        ['行政事业性收费', '1.5'],
      ] as const) {
        await enterStatistic(office, published.id, { year, kind, value }, at(`${Number(year) + 1}-01-08`));
      }
      await publishAnnualReport(
        office,
        { unitId: published.id, year: Number(year) },
        at(`${Number(year) + 1}-01-20`),
      );
    }
    await enterStatistic(
      office,
      (districts.compiled as Unit).id,
      { year: '2023', kind: '行政许可', value: '7' },
      at('2024-01-08'),
    );
    app = await createApp(context);
    supervisor = await signInOverHttp(app, 'city.supervisor', PASSWORD);
    leader = await signInOverHttp(app, 'city.leader', PASSWORD);
    handler = await signInOverHttp(app, 'city.handler', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('imports the report of a district not on the platform through the report checker, audited', async () => {
    const refused = await upload(leader, { year: '2023', name: '甲市戊区人民政府' }, reference);
    expect(refused.statusCode).toBe(404);
    const wrongYear = await upload(supervisor, { year: '2022', name: '甲市戊区人民政府' }, reference);
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.body).toContain('文件中的报告年度为2023年，与所选的2022年不符');
    const noFile = await upload(supervisor, { year: '2023', name: '甲市戊区人民政府' }, null);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('请选择要导入的年度报告文件');
    expect(await context.database.db.selectFrom('external_annual_reports').select('id').execute()).toEqual(
      [],
    );

    const imported = await upload(supervisor, { year: '2023', name: '甲市戊区人民政府' }, reference);
    expect(imported.statusCode).toBe(200);
    expect(imported.body).toContain('已导入报告：错误 0 处');
    const rows = await context.database.db
      .selectFrom('external_annual_reports')
      .select(['id', 'unit_id', 'name', 'year', 'errors', 'file_name'])
      .execute();
    expect(rows).toEqual([
      {
        id: rows[0]?.id,
        unit_id: city.id,
        name: '甲市戊区人民政府',
        year: 2023,
        errors: 0,
        file_name: '外区2023年报.txt',
      },
    ]);
    const audits = await context.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'object_type', 'object_id'])
      .where('action', '=', 'report_rollup.import')
      .execute();
    expect(audits).toEqual([
      {
        actor_name: 'city.supervisor',
        object_type: 'external_annual_report',
        object_id: String(rows[0]?.id),
      },
    ]);
  });

  it('shows the districts side by side with status, errors, key figures and the change on last year', async () => {
    expect((await get(handler, `/admin/units/${city.id}/report-rollup?year=2023`)).statusCode).toBe(404);
    const page = await get(leader, `/admin/units/${city.id}/report-rollup?year=2023`);
    expect(page.statusCode).toBe(200);
    const statuses = [...page.body.matchAll(/data-unit="([^"]+)" data-status="([a-z]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(statuses).toEqual([
      ['甲市乙区人民政府', 'published'],
      ['甲市丙区人民政府', 'compiled'],
      ['甲市丁区人民政府', 'missing'],
      ['甲市戊区人民政府', 'imported'],
    ]);
    expect(page.body).toContain('合计（3 份报告）');
    // The leader reads; only the disclosure office imports.
    expect(page.body).not.toContain('/report-rollup/import');
  });

  it('exports the rollup and the summed tables as XLSX', async () => {
    const download = await get(supervisor, `/admin/units/${city.id}/report-rollup/xlsx?year=2023`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const values = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      const rows: unknown[][] = [];
      sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const overview = values('各单位年报');
    expect(overview[0]).toEqual(['甲市人民政府所属单位2023年政府信息公开工作年度报告汇总']);
    expect(overview[1]).toEqual([
      '单位',
      '状态',
      '错误数',
      '本年新收申请',
      '本年新收申请同比增减',
      '结转下年度',
      '结转下年度同比增减',
      '行政复议',
      '行政复议同比增减',
      '行政诉讼',
      '行政诉讼同比增减',
    ]);
    expect(overview[2]).toEqual(['甲市乙区人民政府', '已发布', 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const compiledRow = overview[3] ?? [];
    expect(compiledRow.slice(0, 2)).toEqual(['甲市丙区人民政府', '未发布（按记录汇编）']);
    expect(compiledRow[2]).toBeGreaterThan(0);
    expect(compiledRow.slice(3)).toEqual([0, undefined, 0, undefined, 0, undefined, 0]);
    expect(overview[4]).toEqual(['甲市丁区人民政府', '缺报']);
    expect(overview[5]).toEqual([
      '甲市戊区人民政府',
      '外部导入',
      0,
      202,
      undefined,
      1,
      undefined,
      5,
      undefined,
      4,
    ]);

    // Table 三 and 四: only the imported report has applications and cases, so the sums are its numbers.
    const table3 = values('表三合计');
    expect(table3.slice(1)).toEqual(Object.entries(expected.table3).map(([row, cells]) => [row, ...cells]));
    expect(values('表四合计')[1]).toEqual(expected.table4);
    // Table 二: 乙区 5 + 丙区 7 + 戊区 31909 licences; 乙区 1.5 + 戊区 10644 万元 of fees.
    const table2 = values('表二合计');
    expect(table2).toContainEqual(['第二十条第（五）项', '行政许可', '本年处理决定数量', 31921]);
    expect(table2).toContainEqual(['第二十条第（六）项', '行政处罚', '本年处理决定数量', 260]);
    expect(table2).toContainEqual([
      '第二十条第（八）项',
      '行政事业性收费',
      '本年收费金额（单位：万元）',
      10645.5,
    ]);
  });
});
