import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postForm } from '../support/inject.ts';
import { mutateReferenceCell, referenceText } from '../support/reference.ts';

const html = { accept: 'text/html' };

describe(`年度报告检查 page on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    context = await createTestContext();
    app = await createApp(context);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('serves the form with security headers and a CSP without inline scripts', async () => {
    const response = await app.inject({ method: 'GET', url: '/report-check', headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-testid="check-form"');
    expect(response.body).toContain('name="file"');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('shows the findings and highlights the faulty cells of a pasted report', async () => {
    const response = await postForm(app, '/report-check', [
      { name: 'text', value: mutateReferenceCell('(一)予以公开', 0, '35') },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-testid="findings"');
    expect(response.body).toContain('cell-error');
    expect(response.body).toContain('沈阳市皇姑区人民政府');
  });

  it('reports a clean reference report as passing and counts the checks on the home page', async () => {
    const response = await postForm(app, '/report-check', [
      { name: 'file', fileName: 'huanggu-2023.txt', data: Buffer.from(referenceText) },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-testid="no-findings"');
    const home = await app.inject({ method: 'GET', url: '/', headers: html });
    expect(home.body).toMatch(/已检查报告 2 份，其中发现错误的 1 份/);
  });

  it('explains an empty submission on the page itself, and a missing page as 404', async () => {
    const empty = await postForm(app, '/report-check', [{ name: 'text', value: '' }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('data-testid="input-error"');
    expect(empty.body).toContain('请粘贴报告全文');
    const missing = await app.inject({ method: 'GET', url: '/no-such-page', headers: html });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('页面不存在');
  });
});
