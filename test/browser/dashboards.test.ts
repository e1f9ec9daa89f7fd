// The dashboard's charts in a real browser under the site's Content-Security-Policy: the inline SVG is
// drawn (visible, its labels at the intended size), its data table holds the numbers, no policy
// violation is reported; the ranking chart of the latest assessment run is drawn and its table holds the
// scores of the ranking page; axe-core finds nothing on the dashboard or the open-data index.
import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { insertPublishedReport } from '../../src/features/annual-report/publish-repo.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { runAssessment, saveRules } from '../../src/features/assessment/service.ts';
import { addChannel, recordPublication } from '../../src/features/channels/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { renderReportJson } from '../../src/features/reports/render/index.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/database.ts';
import { referenceReport } from '../support/reference.ts';

const PASSWORD = 'Vb3#meadow-Crane-2026';

async function violationsOf(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run;
    const result = await run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (violation) => `${violation.id} @ ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
  return violations;
}

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('用户名').fill('chart.supervisor');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/admin$/);
}

describe('dashboard charts in the browser', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let city: Unit;

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    const district = await addUnit(operator, { parentId: city.id, name: '示例区人民政府', kind: 'county' });
    await createUser(operator, {
      username: 'chart.supervisor',
      displayName: '公开办',
      password: PASSWORD,
      grants: [{ unitId: city.id, role: 'supervisor' }],
    });
    // A second sub-unit, assessed on the statutory columns it published in during 2022-Q2 (a year the
    // charts of 2023 do not show): three of four for full marks → 75; the district none → 0.
    const county = await addUnit(operator, { parentId: city.id, name: '示例县人民政府', kind: 'county' });
    for (const [index, code] of ['a20-01', 'a20-02', 'a20-03'].entries()) {
      const stamp = fromDate(context.database.dialect, new Date('2022-05-10T02:00:00Z'));
      await context.database.db
        .insertInto('publishing_items')
        .values({
          unit_id: county.id,
          status: 'published',
          sub_column: 'statutory',
          category_code: code,
          title: `县信息${index}`,
          summary: '',
          body: '正文',
          disclosure_method: 'website',
          disclosure_period: 'timely',
          format: 'html',
          version: 1,
          round: 1,
          published_on: `2022-05-1${index}`,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
    }
    const assessed = new Date('2022-07-05T02:00:00Z');
    await saveRules(
      operator,
      city.id,
      [{ code: 'columns-published', weight: 10000, full: 400, zero: 0 }],
      assessed,
    );
    await runAssessment(operator, city.id, '2022-Q2', assessed);
    const channel = await addChannel(operator, district.id, { kind: 'traditional', name: '示例区报' });
    for (const date of ['2023-02-01', '2023-02-02', '2023-02-03', '2023-09-09']) {
      await recordPublication(operator, channel, { publishedOn: date, title: '工作动态' });
    }
    await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(district.id),
        applicantKind: 'person',
        applicantName: '申请人',
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '13912345678',
        description: '申请公开示例文件',
        provisionForm: 'electronic',
        obtainWay: 'collect',
      },
      new Date('2023-05-08T04:00:00Z'),
    );
    await insertPublishedReport(
      context.database.db,
      context.database.dialect,
      {
        unitId: city.id,
        year: 2023,
        version: 1,
        reportJson: renderReportJson(referenceReport()),
        publishedBy: null,
      },
      new Date('2024-02-18T02:00:00Z'),
    );
    app = await createApp(context);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await context.destroy();
  });

  it('draws the charts under the page policy, with the numbers in their tables', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text());
    });
    await signIn(page, base);
    await page.goto(`${base}/admin/dashboard?year=2023`);
    const figure = page.getByTestId(`chart-u${city.id}-publications`);
    const box = await figure.locator('svg').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(await figure.getAttribute('aria-label')).toBe(
      '2023年每月主动公开信息数（折线图，数据见下方数据表）',
    );
    // The labels keep their size: presentation attributes survive a policy that refuses inline styles.
    const label = figure.locator('svg text').getByText('2月', { exact: true });
    expect(await label.evaluate((node) => getComputedStyle(node).fontSize)).toBe('12px');
    expect(await figure.locator('svg path[stroke="#1f5fa8"]').count()).toBeGreaterThan(0);

    await page.getByText('2023年每月主动公开信息数：数据表').click();
    const rows = page.getByTestId(`chart-table-u${city.id}-publications`).locator('tbody tr');
    expect(await rows.count()).toBe(12);
    expect(await rows.nth(1).locator('th, td').allTextContents()).toEqual(['2月', '3']);
    expect(await rows.nth(8).locator('th, td').allTextContents()).toEqual(['9月', '1']);
    const applications = page.getByTestId(`chart-table-u${city.id}-applications`).locator('tbody tr');
    expect(await applications.nth(4).locator('th, td').allTextContents()).toEqual(['5月', '1', '0']);
    const subunits = page.getByTestId(`chart-table-u${city.id}-subunits`).locator('tbody tr');
    expect(await subunits.nth(0).locator('th, td').allTextContents()).toEqual([
      '示例区人民政府',
      '4',
      '1',
      '0',
    ]);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('draws the ranking of the latest assessment run, its table holding the scores of the ranking page', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text());
    });
    await signIn(page, base);
    await page.goto(`${base}/admin/dashboard?year=2023`);
    const figure = page.getByTestId(`chart-u${city.id}-ranking`);
    expect(await figure.getAttribute('aria-label')).toBe(
      '2022年第二季度下级单位考核得分排名（排名条形图，数据见下方数据表）',
    );
    const box = await figure.locator('svg').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(await figure.locator('svg text').getByText('示例县人民政府', { exact: true }).count()).toBe(1);
    expect(await figure.locator('svg path[fill="#1f5fa8"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId(`ranking-info-${city.id}`).textContent()).toBe(
      '2022年第二季度，考核细则第 1 版，计算日期 2022-07-05。查看考核排名和各项得分',
    );

    await page.getByText('2022年第二季度下级单位考核得分排名：数据表').click();
    const rows = page.getByTestId(`chart-table-u${city.id}-ranking`).locator('tbody tr');
    const charted: string[][] = [];
    for (let index = 0; index < (await rows.count()); index += 1) {
      charted.push(await rows.nth(index).locator('th, td').allTextContents());
    }
    expect(charted).toEqual([
      ['1. 示例县人民政府', '75分'],
      ['2. 示例区人民政府', '0分'],
    ]);

    await page.getByRole('link', { name: '查看考核排名和各项得分' }).click();
    await page.waitForURL(/\/admin\/assessment\/units\/\d+\?period=2022-Q2$/);
    const ranked = page.getByTestId('ranking').locator('tbody tr');
    const listed: string[][] = [];
    for (let index = 0; index < (await ranked.count()); index += 1) {
      const cells = await ranked.nth(index).locator('td').allTextContents();
      listed.push([`${cells[0] ?? ''}. ${cells[1] ?? ''}`, `${cells[2] ?? ''}分`]);
    }
    expect(listed).toEqual(charted);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('passes axe-core on the dashboard and the open-data index', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await signIn(page, base);
    await page.goto(`${base}/admin/dashboard?year=2023`);
    expect(await violationsOf(page)).toEqual([]);
    await page.goto(`${base}/disclosure/open-data`);
    expect(await page.locator('[data-testid="open-data"] tbody tr').count()).toBe(1);
    expect(await violationsOf(page)).toEqual([]);
    await page.close();
  });
});
