import type { AnnualReport, Finding } from '../../../core/report/types.ts';
import { Table2 } from './Table2.tsx';
import { Table3 } from './Table3.tsx';
import { Table4 } from './Table4.tsx';

export interface ReportTablesProps {
  readonly report: AnnualReport;
  /** Findings to highlight; defaults to the report's own findings. */
  readonly findings?: readonly Finding[];
  /** Prefix of element ids, so that several reports can share a page. Default `report`. */
  readonly idPrefix?: string;
}

/** The three statutory tables (二 三 四) of an annual report. */
export function ReportTables({ report, findings, idPrefix = 'report' }: ReportTablesProps) {
  const marks = findings ?? report.findings ?? [];
  return (
    <div class="report-tables">
      <Table2 report={report} findings={marks} idPrefix={idPrefix} />
      <Table3 report={report} findings={marks} idPrefix={idPrefix} />
      <Table4 report={report} findings={marks} idPrefix={idPrefix} />
    </div>
  );
}

export { Table2, Table3, Table4 };
