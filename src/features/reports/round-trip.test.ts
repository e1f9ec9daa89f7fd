// Render → read back gives the same numbers, for every publishable form and both formats.
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../core/report/types.ts';
import { renderReportDocx, renderReportHtml, renderReportMarkdown } from './render/index.ts';
import { referenceReport, report2019, reportWithBlanks } from './render/test-fixtures.ts';
import { checkReportSource, readReport } from './service.ts';

const renderers: Record<string, (report: AnnualReport) => Promise<Uint8Array>> = {
  html: (report) => Promise.resolve(Buffer.from(renderReportHtml(report))),
  md: (report) => Promise.resolve(Buffer.from(renderReportMarkdown(report))),
  docx: (report) => renderReportDocx(report),
};

const reports: Record<string, () => AnnualReport> = {
  'the reference report (2021)': referenceReport,
  'a 2019-format report with negatives and decimals': report2019,
  'a report with printed blanks': reportWithBlanks,
};

describe('render → read round trip', () => {
  for (const [form, render] of Object.entries(renderers)) {
    for (const [name, build] of Object.entries(reports)) {
      it(`${form}: ${name}`, async () => {
        const original = build();
        const read = await readReport({ kind: 'file', data: await render(original), name: `report.${form}` });
        if ('reason' in read) throw new Error(`unreadable: ${read.reason}`);
        expect(read.format).toBe(original.format);
        expect(read.year).toBe(original.year);
        expect(read.agency).toBe(original.agency);
        expect(read.table2).toEqual(original.table2);
        expect(read.table3).toEqual(original.table3);
        expect(read.table4).toEqual(original.table4);
      });
    }
  }

  it('keeps the narrative sections readable, so a rendered reference report checks clean', async () => {
    for (const render of Object.values(renderers)) {
      const outcome = await checkReportSource({ kind: 'file', data: await render(referenceReport()) });
      expect(outcome.kind).toBe('checked');
      if (outcome.kind === 'checked') expect(outcome.report.findings).toEqual([]);
    }
  });
});
