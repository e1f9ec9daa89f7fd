// Open data over HTTP: the index lists the published years only; the CSV (UTF-8 with BOM) and JSON of a
// unit's year carry exactly the numbers of the latest published version of its annual report, plus the
// year's publications per channel; an unpublished year has no open data; downloads carry ETags.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { table3Keys } from '../../src/core/report/format.ts';
import type { AnnualReport } from '../../src/core/report/types.ts';
import { insertPublishedReport } from '../../src/features/annual-report/publish-repo.ts';
import { addChannel, recordPublication } from '../../src/features/channels/service.ts';
import { renderReportJson } from '../../src/features/reports/render/index.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { referenceReport } from '../support/reference.ts';

const RECEIVED = '一、本年新收政府信息公开申请数量';

describe(`open data on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let other: Unit;
  let latest: AnnualReport;

  /** Stands in for publishAnnualReport (test/integration/annual-report-publish.test.ts covers it). */
  async function published(unit: Unit, year: number, version: number, report: AnnualReport) {
    await insertPublishedReport(
      context.database.db,
      context.database.dialect,
      { unitId: unit.id, year, version, reportJson: renderReportJson(report), publishedBy: null },
      new Date(`${year + 1}-02-18T02:00:00Z`),
    );
  }

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    context = await createTestContext();
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '沈阳市皇姑区人民政府', kind: 'county' });
    other = await addUnit(operator, { parentId: null, name: '示例县人民政府', kind: 'county' });
    // Version 1 is the reference report; version 2 corrects one number and is the one that counts.
    await published(district, 2023, 1, referenceReport());
    latest = referenceReport();
    latest.table3[RECEIVED] = [203, 0, 0, 0, 0, 0, 203];
    latest.table3['二、上年结转政府信息公开申请数量'] = [0, 0, 0, 0, 0, 0, 0];
    await published(district, 2023, 2, latest);
    const channel = await addChannel(operator, district.id, { kind: 'traditional', name: '皇姑新闻' });
    for (const date of ['2023-01-09', '2023-12-31', '2024-01-01']) {
      await recordPublication(operator, channel, { publishedOn: date, title: '区政府常务会议' });
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('lists only the published years, with their downloads', async () => {
    const index = await get('/disclosure/open-data');
    expect(index.statusCode).toBe(200);
    const rows = [...index.body.matchAll(/data-unit="(\d+)" data-year="(\d+)"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([[String(district.id), '2023']]);
    expect(index.body).toContain(`href="/disclosure/open-data/units/${district.id}/2023.csv"`);
    expect(index.body).toContain(`href="/disclosure/open-data/units/${district.id}/2023.json"`);
  });

  it('gives the JSON of the latest published version, table by table', async () => {
    const response = await get(`/disclosure/open-data/units/${district.id}/2023.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = JSON.parse(response.body) as {
      unit: unknown;
      source: unknown;
      table2: { block: string; row: string; column: string; value: number | null }[];
      table3: { columns: string[]; rows: { row: string; values: (number | null)[] }[] };
      publications: unknown;
    };
    expect(data.unit).toEqual({ id: district.id, name: '沈阳市皇姑区人民政府' });
    expect(data.source).toEqual({
      report: `/disclosure/units/${district.id}/annual-reports/2023`,
      version: 2,
      format: '2021',
    });
    expect(data.table3.columns).toEqual(latest.table3_columns);
    expect(data.table3.rows).toEqual(table3Keys('2021').map((row) => ({ row, values: latest.table3[row] })));
    expect(data.table3.rows[0]).toEqual({ row: RECEIVED, values: [203, 0, 0, 0, 0, 0, 203] });
    const table2 = Object.fromEntries(
      data.table2.map((cell) => [`${cell.block}/${cell.row}/${cell.column}`, cell.value]),
    );
    expect(table2).toEqual({
      '第二十条第（一）项/规章/本年制发件数': 0,
      '第二十条第（一）项/规章/本年废止件数': 0,
      '第二十条第（一）项/规章/现行有效件数': 0,
      '第二十条第（一）项/行政规范性文件/本年制发件数': 0,
      '第二十条第（一）项/行政规范性文件/本年废止件数': 0,
      '第二十条第（一）项/行政规范性文件/现行有效件数': 0,
      '第二十条第（五）项/行政许可/本年处理决定数量': 31909,
      '第二十条第（六）项/行政处罚/本年处理决定数量': 258,
      '第二十条第（六）项/行政强制/本年处理决定数量': 0,
      '第二十条第（八）项/行政事业性收费/本年收费金额（单位：万元）': 10644,
    });
    expect(data.publications).toEqual({
      total: 2,
      byChannel: [{ kind: '传统媒体', name: '皇姑新闻', count: 2 }],
    });
  });

  it('gives the same numbers as CSV with a byte-order mark', async () => {
    const response = await get(`/disclosure/open-data/units/${district.id}/2023.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('单位,年度,表,项目,指标,数值');
    expect(lines).toContain(
      '沈阳市皇姑区人民政府,2023,表二,第二十条第（五）项 行政许可,本年处理决定数量,31909',
    );
    expect(lines).toContain(`沈阳市皇姑区人民政府,2023,表三,${RECEIVED},自然人,203`);
    expect(lines).toContain(`沈阳市皇姑区人民政府,2023,表三,${RECEIVED},总计,203`);
    expect(lines).toContain('沈阳市皇姑区人民政府,2023,主动公开渠道,传统媒体 皇姑新闻,发布数量,2');
    expect(lines).toContain('沈阳市皇姑区人民政府,2023,主动公开渠道,合计,发布数量,2');
    const table3Lines = lines.filter((line) => line.includes(',表三,'));
    expect(table3Lines).toHaveLength(table3Keys('2021').length * 7);
    const csvTotal = (row: string) =>
      table3Lines
        .find((line) => line.includes(`,表三,${row},总计,`))
        ?.split(',')
        .at(-1);
    for (const row of table3Keys('2021')) expect(csvTotal(row)).toBe(String(latest.table3[row]?.[6]));
  });

  it('has no open data for a year or a unit without a published report', async () => {
    for (const url of [
      `/disclosure/open-data/units/${district.id}/2024.csv`,
      `/disclosure/open-data/units/${district.id}/2024.json`,
      `/disclosure/open-data/units/${other.id}/2023.json`,
      `/disclosure/open-data/units/${district.id}/2023.xlsx`,
      '/disclosure/open-data/units/0/2023.csv',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('answers 304 when the browser already holds the same download', async () => {
    const url = `/disclosure/open-data/units/${district.id}/2023.csv`;
    const first = await get(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const index = await get('/disclosure/open-data');
    expect(
      (await get('/disclosure/open-data', { 'if-none-match': String(index.headers.etag) })).statusCode,
    ).toBe(304);
  });
});
