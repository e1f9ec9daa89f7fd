// The public templates checked with axe-core (WCAG 2.1 A and AA rules) in a real browser, in the standard
// and the elder-friendly mode: home, the application form and guide, the disclosure column, a unit's
// column and catalogue, an item page and search results.
import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { decideReview, setReviewChain, submitForReview } from '../../src/features/publishing/review.ts';
import { createItem } from '../../src/features/publishing/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/database.ts';

const PASSWORD = 'Qm4#cedar-Brook-2026';
const USCC = `11210105000000031${computeUsccCheckCharacter('11210105000000031') ?? ''}`;

interface Violation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { target: readonly string[] }[];
}

async function violationsOf(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (options: object) => Promise<{ violations: Violation[] }> } }
    ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} @ ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility of the public portal', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let district: Unit;
  let itemId = 0;

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    district = await addUnit(operator, {
      parentId: null,
      name: '示例区人民政府',
      kind: 'county',
      uscc: USCC,
    });
    const ids: Record<string, number> = {};
    for (const role of ['editor', 'reviewer', 'supervisor'] as const) {
      const user = await createUser(operator, {
        username: `a11y-${role}`,
        displayName: role,
        password: PASSWORD,
        grants: [{ unitId: district.id, role }],
      });
      ids[role] = user.id;
    }
    const as = (role: 'editor' | 'reviewer' | 'supervisor') =>
      scopeOf(context, staff([[role, district]], ids[role], `a11y-${role}`));
    await setReviewChain(as('supervisor'), district.id, ['secrecy']);
    itemId = await createItem(as('editor'), district.id, {
      categoryCode: 'a20-07',
      title: '示例区2026年部门预算公开说明',
      summary: '本区各部门2026年预算情况',
      body: '一、收支总体情况\n二、财政拨款预算情况',
      documentNumber: '示财〔2026〕1号',
      writtenOn: '2026-01-05',
      genre: '预算',
      keywords: '预算',
    });
    await submitForReview(as('editor'), itemId);
    await decideReview(as('reviewer'), itemId, { stage: 'secrecy', decision: 'approve' });
    app = await createApp(context);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await context.destroy();
  });

  it('reports a violation where there is one (the check itself works)', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.setContent(
      '<!DOCTYPE html><html lang="zh-CN"><body><main><img src="/x.png"></main></body></html>',
    );
    expect((await violationsOf(page)).map((violation) => violation.split(':')[0])).toContain('image-alt');
    await page.close();
  });

  const paths = () => [
    '/',
    '/apply',
    '/apply/guide',
    '/disclosure',
    `/disclosure/units/${district.id}`,
    `/disclosure/units/${district.id}/statutory`,
    `/disclosure/items/${itemId}`,
    `/disclosure/search?q=${encodeURIComponent('预算')}`,
  ];

  for (const mode of ['standard', 'elder'] as const) {
    it(`finds no violations in the ${mode} mode`, async () => {
      // The site's CSP refuses inline scripts, axe's among them; only this test page bypasses it.
      const page = await browser.newPage({ bypassCSP: true });
      if (mode === 'elder') {
        await page.goto(`${base}/`);
        await page.getByRole('link', { name: '长者模式（大字体）' }).click();
        expect(await page.getAttribute('html', 'class')).toBe('elder');
        await expect(page.getByRole('link', { name: '退出长者模式' }).isVisible()).resolves.toBe(true);
      }
      const found: Record<string, string[]> = {};
      for (const path of paths()) {
        const response = await page.goto(`${base}${path}`);
        expect(response?.status(), path).toBe(200);
        const violations = await violationsOf(page);
        if (violations.length > 0) found[path] = violations;
      }
      await page.close();
      expect(found).toEqual({});
    });
  }

  it('shows the search results with the terms marked', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('站内检索').fill('预算 公开');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await expect(page.getByTestId('search-total').textContent()).resolves.toContain('共找到 1 条信息');
    await expect(page.locator('.search-results mark').allTextContents()).resolves.toEqual([
      '预算',
      '公开',
      '预算',
      '预算',
    ]);
    await page.close();
  });
});
