// A system administrator signs in for the first time: password, then the mandatory TOTP enrolment
// (the test plays the authenticator app), recovery codes, then adds a unit in the back office.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../src/features/accounts/service.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { totpCode } from '../../src/security/totp.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/database.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

describe('back-office sign-in in a real browser', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    context = await createTestContext();
    const city = await addUnit(operatorScope(context), {
      parentId: null,
      name: '示例市人民政府',
      kind: 'city',
    });
    await createFirstAdmin(context, {
      username: 'wang.admin',
      displayName: '王管理',
      password: PASSWORD,
      unitId: city.id,
    });
    app = await createApp(context);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await context.destroy();
  });

  it('refuses a wrong password, then enrols TOTP, shows recovery codes, and lets the admin add a unit', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/admin/units`);
    expect(page.url()).toContain('/admin/login');

    await page.getByLabel('用户名').fill('wang.admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.textContent('[data-testid="login-error"]')).toContain('用户名或密码错误');

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin\/totp/);
    const secret = (await page.textContent('[data-testid="totp-secret"]')) ?? '';
    expect(await page.locator('[data-testid="totp-qr"] svg').count()).toBe(1);
    await page.getByLabel('动态码').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: '启用' }).click();
    expect(await page.locator('[data-testid="recovery-codes"] li').count()).toBe(10);

    await page.getByRole('link', { name: '进入工作台' }).click();
    expect(await page.textContent('[data-testid="signed-in-as"]')).toBe('王管理');
    await page.getByRole('link', { name: '单位', exact: true }).click();
    await page.getByRole('link', { name: '示例市人民政府' }).click();
    const addChild = page.locator('[data-testid="add-child-form"]');
    await addChild.getByLabel('单位名称').fill('示例市教育局');
    await addChild.getByLabel('单位类型').selectOption('department');
    await page.getByRole('button', { name: '新增' }).click();
    expect(await page.textContent('[data-testid="unit-name"]')).toBe('示例市教育局');
    await page.close();
  });
});
