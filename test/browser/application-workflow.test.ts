// A handler works an application in a real browser: takes it on, asks for a correction, records the
// corrected application, decides it; the reply letter is listed; the applicant then sees the decision.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/database.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

describe('handling an application in a real browser', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let applicationId = 0;
  let queryCode = '';
  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    const district = await addUnit(operator, { parentId: null, name: '示例区人民政府', kind: 'county' });
    await createUser(operator, {
      username: 'li.handler',
      displayName: '李办理',
      password: PASSWORD,
      grants: [{ unitId: district.id, role: 'handler' }],
    });
    const acknowledgment = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(district.id),
        applicantKind: 'person',
        applicantName: '王五',
        idType: 'passport',
        idNumber: 'E98765432',
        phone: '13800001234',
        description: '本区2025年老旧小区改造项目清单',
        provisionForm: 'electronic',
        obtainWay: 'email',
        email: 'wangwu@example.cn',
      },
      new Date('2026-10-12T02:00:00Z'),
    );
    applicationId = acknowledgment.id;
    queryCode = acknowledgment.queryCode;
    app = await createApp(context);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await context.destroy();
  });

  it('takes the application on, asks for a correction, records it, and decides', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/admin/login`);
    await page.getByLabel('用户名').fill('li.handler');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/applications/${applicationId}`);

    await page.getByRole('button', { name: '由我办理（接办）' }).click();
    expect(await page.textContent('[data-testid="handler"]')).toBe('李办理');

    const correction = page.locator('[data-action="correction-request"]');
    await correction.locator('summary').click();
    await correction.getByLabel('需要补正的事项').fill('请说明所需清单的街道范围');
    await correction.getByLabel('日期').fill('2026-10-14');
    await correction.getByRole('button', { name: '发出补正告知' }).click();
    expect(await page.textContent('[data-testid="clock-state"]')).toContain('等待申请人补正');

    const corrected = page.locator('[data-action="corrected"]');
    await corrected.locator('summary').click();
    await corrected.getByLabel('日期').fill('2026-10-16');
    await corrected.getByRole('button', { name: '登记收到补正' }).click();
    expect(await page.textContent('[data-testid="action-done"]')).toContain('收到补正');

    const decision = page.locator('[data-action="decision"]');
    await decision.locator('summary').click();
    await decision.getByLabel('答复类型').selectOption('public-provided');
    await decision.getByLabel('公开的信息及获取方式').fill('项目清单一份，已通过电子邮件发送');
    await decision.getByLabel('日期').fill('2026-10-20');
    await decision.getByRole('button', { name: '作出决定并生成答复书' }).click();
    expect(await page.textContent('[data-testid="status"]')).toContain('已办结');
    expect(await page.textContent('[data-testid="outcome"]')).toContain('予以公开');
    expect(await page.locator('[data-step="letter_issued"]').count()).toBe(2);
    await page.close();

    const applicant = await browser.newPage();
    await applicant.goto(`${base}/apply/status`);
    await applicant.getByLabel('查询码').fill(queryCode);
    await applicant.getByLabel('联系电话后四位').fill('1234');
    await applicant.getByRole('button', { name: '查询' }).click();
    expect(await applicant.textContent('body')).toContain('答复日期');
    // The correction notice and the reply letter, each with a signed link.
    expect(await applicant.locator('[data-testid="letters"] li').count()).toBe(2);
    await applicant.getByRole('link', { name: '查看' }).last().click();
    const letter = (await applicant.textContent('body')) ?? '';
    expect(letter).toContain('王五');
    expect(letter).toContain('行政复议');
    await applicant.close();
  });
});
