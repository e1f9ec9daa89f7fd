// A report rendered to HTML and printed to PDF by Chromium (as agencies publish them) reads back with
// the same numbers: the PDF reader rebuilds the table rows from the positions of the text.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/features/reports/render/index.ts';
import { referenceReport, report2019 } from '../../src/features/reports/render/test-fixtures.ts';
import { checkReportSource } from '../../src/features/reports/service.ts';
import { launchBrowser } from '../support/browser.ts';

describe('HTML → PDF (Chromium) → read', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [name, build] of [
    ['the reference report', referenceReport],
    ['a 2019-format report', report2019],
  ] as const) {
    it(name, async () => {
      const report = build();
      const page = await browser.newPage();
      await page.setContent(renderReportHtml(report));
      const pdf = await page.pdf({ format: 'A4' });
      await page.close();
      const outcome = await checkReportSource({ kind: 'file', data: pdf, name: 'report.pdf' });
      if (outcome.kind !== 'checked') throw new Error(`unreadable: ${outcome.reason}`);
      expect(outcome.report.table2).toEqual(report.table2);
      expect(outcome.report.table3).toEqual(report.table3);
      expect(outcome.report.table4).toEqual(report.table4);
    });
  }
});
