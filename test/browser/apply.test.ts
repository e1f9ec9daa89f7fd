// A member of the public reads the guide, fills in the application form with an identity proof in a real
// browser, and gets the acknowledgment with the query code; the file is stored with the application.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_CODE_ALPHABET } from '../../src/features/applications/service.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/database.ts';
import { tinyPdf } from '../support/files.ts';

describe('the public application form in a real browser', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    context = await createTestContext();
    await addUnit(operatorScope(context), { parentId: null, name: '苏家屯区人民政府', kind: 'county' });
    app = await createApp(context);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await context.destroy();
  });

  it('submits the form with an identity proof and shows the query code', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/apply`);
    await page.getByRole('link', { name: /申请须知/ }).click();
    await page.waitForURL(/\/apply\/guide/);
    expect(await page.textContent('h1')).toBe('政府信息公开申请须知');
    await page.goBack();

    await page.getByLabel('向哪个机关申请（必填）').selectOption({ label: '苏家屯区人民政府' });
    await page.getByLabel('公民', { exact: true }).check();
    await page.getByLabel('姓名或组织名称（必填）').fill('慕容复');
    await page.getByLabel('证件类型', { exact: true }).selectOption('passport');
    await page.getByLabel('证件号码（选填）', { exact: true }).fill('E13572468');
    await page.getByLabel('联系电话（必填）').fill('13512349876');
    await page.getByLabel('所需政府信息的内容描述（必填）').fill('苏家屯区 2025 年农村道路养护资金分配表');
    await page.getByLabel('电子文件').check();
    await page.getByLabel('自行领取').check();
    await page.getByLabel('身份证明（选传）').setInputFiles({
      name: '身份证明.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForSelector('[data-testid="query-code"]');
    const code = (await page.textContent('[data-testid="query-code"]')) ?? '';
    expect(code).toMatch(new RegExp(`^[${QUERY_CODE_ALPHABET}]{12}$`));

    const stored = await context.database.db
      .selectFrom('application_attachments')
      .innerJoin('applications', 'applications.id', 'application_attachments.application_id')
      .select(['application_attachments.kind', 'application_attachments.media_type'])
      .where('applications.query_code', '=', code)
      .execute();
    expect(stored).toEqual([{ kind: 'identity-proof', media_type: 'application/pdf' }]);
    await page.close();
  });
});
