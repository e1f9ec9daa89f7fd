import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/database.ts';
import { mutateReferenceCell, referenceText } from '../support/reference.ts';

describe('年度报告检查 in a real browser', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    context = await createTestContext();
    app = await createApp(context);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await context.destroy();
  });

  it('a person pastes a report with a wrong number and sees the faulty cells highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/report-check`);
    await page.getByLabel('粘贴报告全文').fill(mutateReferenceCell('(一)予以公开', 0, '35'));
    await page.getByRole('button', { name: '检查' }).click();
    await page.waitForSelector('[data-testid="result"]');
    expect(await page.textContent('[data-testid="verdict"]')).toContain('发现错误 2 处');
    expect(await page.locator('td.cell-error').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="findings"] tbody tr').count()).toBe(2);
    await page.close();
  });

  it('a person uploads a report file and sees that it passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-browser-'));
    const file = join(dir, '皇姑区2023年报.txt');
    writeFileSync(file, referenceText);
    const page = await browser.newPage();
    await page.goto(`${base}/report-check`);
    await page.getByLabel('或上传报告文件').setInputFiles(file);
    await page.getByRole('button', { name: '检查' }).click();
    await page.waitForSelector('[data-testid="result"]');
    expect(await page.textContent('[data-testid="agency"]')).toBe('沈阳市皇姑区人民政府');
    expect(await page.isVisible('[data-testid="no-findings"]')).toBe(true);
    await page.close();
  });
});
