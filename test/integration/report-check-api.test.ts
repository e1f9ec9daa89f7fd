import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/core/report/types.ts';
import { renderReportDocx, renderReportMarkdown } from '../../src/features/reports/render/index.ts';
import { createApp } from '../../src/web/app.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postForm } from '../support/inject.ts';
import {
  mutateReferenceCell,
  referenceExpected,
  referenceReport,
  referenceText,
} from '../support/reference.ts';

function expectReferenceNumbers(report: AnnualReport) {
  expect(report.format).toBe('2021');
  expect(report.year).toBe(2023);
  expect(report.agency).toBe(referenceExpected.agency);
  expect(report.table2).toEqual(referenceExpected.table2);
  expect(report.table3).toEqual(referenceExpected.table3);
  expect(report.table4).toEqual(referenceExpected.table4);
}

describe(`POST /api/v1/report-checks on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    context = await createTestContext({ maxUploadBytes: 2 * 1024 * 1024 });
    app = await createApp(context);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('reads the reference report exactly, with no findings', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/report-checks',
      payload: { text: referenceText },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json<AnnualReport>();
    expectReferenceNumbers(report);
    expect(report.findings).toEqual([]);
  });

  it('names the exact row, column, expected and actual value of a wrong cell', async () => {
    const text = mutateReferenceCell('(一)予以公开', 0, '35');
    const response = await app.inject({ method: 'POST', url: '/api/v1/report-checks', payload: { text } });
    expect(response.statusCode).toBe(200);
    const errors = (response.json<AnnualReport>().findings ?? []).filter((f) => f.severity === 'error');
    const found = errors
      .map(({ rule, table, row, column, expected, actual }) => ({
        rule,
        table,
        row,
        column,
        expected,
        actual,
      }))
      .sort((a, b) => a.rule.localeCompare(b.rule));
    expect(found).toEqual([
      {
        rule: 't3.outcome-total',
        table: '三',
        row: '（七）总计',
        column: '自然人',
        expected: 202,
        actual: 201,
      },
      { rule: 't3.row-total', table: '三', row: '（一）予以公开', column: '总计', expected: 35, actual: 34 },
    ]);
  });

  it('accepts a Word upload and a previous year for year-over-year checks', async () => {
    const docx = await renderReportDocx(referenceReport());
    const previous = { ...referenceReport(), year: 2022 };
    previous.table3['四、结转下年度继续办理'] = [3, 0, 0, 0, 0, 0, 3];
    const response = await postForm(
      app,
      '/api/v1/report-checks',
      [
        { name: 'file', fileName: '2023.docx', data: docx },
        { name: 'previous', fileName: '2022.md', data: Buffer.from(renderReportMarkdown(previous)) },
      ],
      'application/json',
    );
    expect(response.statusCode).toBe(200);
    const report = response.json<AnnualReport>();
    expectReferenceNumbers(report);
    // 2022 carried 3 applications into 2023, but the 2023 report says none came over.
    const carryOver = (report.findings ?? []).filter((f) => f.rule === 'yoy.carry-over');
    expect(carryOver.map((f) => [f.column, f.expected, f.actual])).toEqual([
      ['自然人', 3, 0],
      ['总计', 3, 0],
    ]);
  });

  it('answers bad input with a clear message naming the field, never a 500', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/v1/report-checks', payload: { txt: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'invalid' } });

    const notJson = await app.inject({
      method: 'POST',
      url: '/api/v1/report-checks',
      headers: { 'content-type': 'application/json' },
      payload: '{"text":',
    });
    expect(notJson.statusCode).toBe(400);

    const nothing = await postForm(
      app,
      '/api/v1/report-checks',
      [{ name: 'text', value: '   ' }],
      'application/json',
    );
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json()).toMatchObject({ error: { code: 'invalid', field: 'file' } });

    const unreadable = await postForm(
      app,
      '/api/v1/report-checks',
      [{ name: 'file', fileName: 'x.bin', data: Buffer.from([0, 1, 2, 255, 254, 7, 0, 9]) }],
      'application/json',
    );
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json()).toMatchObject({ error: { code: 'unreadable' } });

    const tooLarge = await postForm(
      app,
      '/api/v1/report-checks',
      [{ name: 'file', fileName: 'big.txt', data: Buffer.alloc(3 * 1024 * 1024, 0x41) }],
      'application/json',
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<{ error: { message: string } }>().error.message).toContain('大小限制');
  });

  it('documents the endpoint in OpenAPI at /docs', async () => {
    const spec = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json<{ paths: object }>().paths)).toContain('/api/v1/report-checks');
    const ui = await app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });
});
