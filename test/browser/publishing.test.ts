// An editor writes an item in a real browser, submits it; after 初审, 复审 and 保密审查 the leader sees the
// checks' findings, gives a reason for the one error, approves 终审; the public page, read with scripts
// off, shows the item with its 索引号 and publication date.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { decideReview } from '../../src/features/publishing/review.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { launchBrowser } from '../support/browser.ts';
import { tinyPdf } from '../support/files.ts';
import { createTestContext, type TestContext } from '../support/database.ts';

const PASSWORD = 'Qm4#cedar-Brook-2026';
const USCC = `11210105000000003${computeUsccCheckCharacter('11210105000000003') ?? ''}`;

describe('publishing through review in a real browser', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let district: Unit;
  const ids: Record<string, number> = {};

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${base}/admin/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    district = await addUnit(operator, {
      parentId: null,
      name: '示例区人民政府',
      kind: 'county',
      uscc: USCC,
    });
    const accounts: [string, Role][] = [
      ['editor', 'editor'],
      ['first', 'reviewer'],
      ['second', 'reviewer'],
      ['secrecy', 'reviewer'],
      ['leader', 'leader'],
    ];
    for (const [name, role] of accounts) {
      const user = await createUser(operator, {
        username: `b-${name}`,
        displayName: `${name}审`,
        password: PASSWORD,
        grants: [{ unitId: district.id, role }],
      });
      ids[name] = user.id;
    }
    app = await createApp(context);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await context.destroy();
  });

  it('writes, reviews and publishes an item', async () => {
    const editor = await browser.newPage();
    await signIn(editor, 'b-editor');
    await editor.goto(`${base}/admin/publishing`);
    await editor.getByRole('link', { name: '新建信息（示例区人民政府）' }).click();
    await editor.getByLabel('主题分类（法定主动公开内容）').selectOption('a20-14');
    await editor.getByLabel('标题').fill('示例区2026年公务员招录拟录用人员公示');
    await editor.getByLabel('内容概述').fill('拟录用人员名单及公示期');
    await editor.getByLabel('正文', { exact: true }).fill('公示期为五个工作日。\n联系电话：13912345678');
    await editor.getByLabel('成文日期').fill('2026-03-02');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    const itemUrl = editor.url();
    const itemId = Number(/\/admin\/publishing\/items\/(\d+)$/.exec(itemUrl)?.[1]);
    expect(itemId).toBeGreaterThan(0);
    expect(await editor.textContent('[data-testid="findings"]')).toContain('13912345678');
    await editor.getByRole('button', { name: '送审' }).click();
    expect(await editor.textContent('[data-testid="item-state"]')).toContain('审核中（待初审）');
    await editor.close();

    for (const [name, stage] of [
      ['first', 'first'],
      ['second', 'second'],
      ['secrecy', 'secrecy'],
    ] as const) {
      await decideReview(scopeOf(context, staff([['reviewer', district]], ids[name], `b-${name}`)), itemId, {
        stage,
        decision: 'approve',
      });
    }

    const leader = await browser.newPage();
    await signIn(leader, 'b-leader');
    await leader.goto(`${base}/admin/publishing`);
    await leader.getByRole('link', { name: '示例区2026年公务员招录拟录用人员公示' }).first().click();
    await leader.getByRole('button', { name: '通过' }).click();
    expect(await leader.textContent('body')).toContain('尚未修改或说明理由');
    await leader.goto(itemUrl);
    await leader.getByLabel('不予修改的理由').fill('该号码为招录工作咨询电话，依规公开');
    await leader.getByRole('button', { name: '说明理由' }).click();
    expect(await leader.textContent('[data-testid="finding-resolution"]')).toContain('不予修改');
    await leader.getByRole('button', { name: '通过' }).click();
    expect(await leader.textContent('[data-testid="item-state"]')).toContain(`已发布 · 索引号 ${USCC}/`);
    await leader.close();

    const reader = await browser.newContext({ javaScriptEnabled: false });
    const visitor = await reader.newPage();
    await visitor.goto(`${base}/disclosure`);
    await visitor.getByRole('link', { name: '示例区人民政府' }).click();
    await visitor.getByRole('link', { name: '示例区2026年公务员招录拟录用人员公示' }).first().click();
    expect(await visitor.textContent('[data-field="索引号"]')).toMatch(new RegExp(`^${USCC}/\\d{4}-00001$`));
    expect(await visitor.textContent('[data-field="主题分类"]')).toBe('公务员招考');
    expect(await visitor.textContent('[data-testid="published-on"]')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await reader.close();
  });

  it('publishes a rich-text item with an attachment through review and shows both on the public page', async () => {
    const editor = await browser.newPage();
    await signIn(editor, 'b-editor');
    await editor.goto(`${base}/admin/publishing`);
    await editor.getByRole('link', { name: '新建信息（示例区人民政府）' }).click();
    await editor.getByLabel('主题分类（法定主动公开内容）').selectOption('a20-07');
    await editor.getByLabel('标题').fill('示例区2026年部门预算');
    await editor.getByLabel('内容概述').fill('部门预算及说明');
    await editor.getByLabel('正文格式').selectOption('html');
    await editor
      .getByLabel('正文', { exact: true })
      .fill(
        '<h2>一、收支总体情况</h2><p onclick="x()">详见<strong>附件</strong>。<script>alert(1)</script></p>',
      );
    await editor.getByRole('button', { name: '预览正文' }).click();
    expect(await editor.innerHTML('[data-testid="body-preview"] .rich-body')).toBe(
      '<h2>一、收支总体情况</h2><p>详见<strong>附件</strong>。</p>',
    );
    await editor.getByRole('button', { name: '保存草稿' }).click();
    const itemId = Number(/\/admin\/publishing\/items\/(\d+)$/.exec(editor.url())?.[1]);
    expect(itemId).toBeGreaterThan(0);
    await editor.getByLabel(/添加附件/).setInputFiles({
      name: '部门预算表.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('budget'),
    });
    await editor.getByRole('button', { name: '上传' }).click();
    expect(await editor.textContent('[data-testid="attachments"]')).toContain('部门预算表.pdf');
    await editor.getByRole('button', { name: '送审' }).click();
    expect(await editor.textContent('[data-testid="item-state"]')).toContain('审核中（待初审）');
    await editor.close();

    for (const [name, stage, role] of [
      ['first', 'first', 'reviewer'],
      ['second', 'second', 'reviewer'],
      ['secrecy', 'secrecy', 'reviewer'],
      ['leader', 'final', 'leader'],
    ] as const) {
      await decideReview(scopeOf(context, staff([[role, district]], ids[name], `b-${name}`)), itemId, {
        stage,
        decision: 'approve',
      });
    }

    const reader = await browser.newContext({ javaScriptEnabled: false });
    const visitor = await reader.newPage();
    await visitor.goto(`${base}/disclosure/items/${itemId}`);
    expect(await visitor.innerHTML('.rich-body')).toBe(
      '<h2>一、收支总体情况</h2><p>详见<strong>附件</strong>。</p>',
    );
    expect(await visitor.textContent('[data-testid="public-attachments"]')).toMatch(
      /部门预算表\.pdf（PDF，1KB）/,
    );
    const href = await visitor.getAttribute('[data-testid="public-attachments"] a', 'href');
    const download = await visitor.request.get(`${base}${href ?? ''}`);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(tinyPdf('budget'))).toBe(true);
    await reader.close();
  });
});
