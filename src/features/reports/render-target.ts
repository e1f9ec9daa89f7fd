import type { AnnualReport } from '../../core/report/types.ts';
import {
  renderReportDocx,
  renderReportHtml,
  renderReportJson,
  renderReportMarkdown,
} from './render/index.ts';

export const RENDER_TARGETS = ['html', 'docx', 'md', 'json'] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];

/** Renders a report to one of the publishable forms. */
export async function renderReport(report: AnnualReport, target: RenderTarget): Promise<string | Buffer> {
  switch (target) {
    case 'html':
      return renderReportHtml(report);
    case 'md':
      return renderReportMarkdown(report);
    case 'json':
      return renderReportJson(report);
    case 'docx':
      return renderReportDocx(report);
  }
}
