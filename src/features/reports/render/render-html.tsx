import { render } from 'preact-render-to-string';
import type { AnnualReport, Finding } from '../../../core/report/types.ts';
import { ReportDocument } from './ReportDocument.tsx';
import { reportTitle } from './report-model.ts';

export interface RenderHtmlOptions {
  /** Findings to highlight; defaults to the report's own findings. */
  readonly findings?: readonly Finding[];
  /** Overrides the title `<agency><year>年政府信息公开工作年度报告`. */
  readonly title?: string;
}

/** The report as a complete standalone HTML5 document. */
export function renderReportHtml(report: AnnualReport, options: RenderHtmlOptions = {}): string {
  const findings = options.findings ?? report.findings ?? [];
  const title = options.title ?? reportTitle(report);
  return `<!DOCTYPE html>\n${render(<ReportDocument report={report} findings={findings} title={title} />)}\n`;
}
