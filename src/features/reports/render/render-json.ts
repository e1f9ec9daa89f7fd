// The interchange JSON with a stable key order, so that files diff cleanly between runs and tools.
// Known rows and columns come first in the statutory order; anything else the report carries
// (non-standard rows) follows in its own order rather than being dropped.
import { FORMATS, NARRATIVE_SECTION_IDS, SECTION_IDS, table3Keys } from '../../../core/report/format.ts';
import type { AnnualReport, Cell, Finding } from '../../../core/report/types.ts';

function orderedKeys(preferred: readonly string[], present: readonly string[]): string[] {
  const known = preferred.filter((key) => present.includes(key));
  return [...known, ...present.filter((key) => !preferred.includes(key))];
}

function orderedRecord<T, U>(
  record: Record<string, T>,
  preferred: readonly string[],
  map: (value: T, key: string) => U,
): Record<string, U> {
  const result: Record<string, U> = {};
  for (const key of orderedKeys(preferred, Object.keys(record))) {
    const value = record[key];
    if (value !== undefined) result[key] = map(value, key);
  }
  return result;
}

function orderedTable2(report: AnnualReport): AnnualReport['table2'] {
  const blocks = FORMATS[report.format].table2;
  return orderedRecord(
    report.table2,
    blocks.map((block) => block.label),
    (rows, blockLabel) => {
      const block = blocks.find((candidate) => candidate.label === blockLabel);
      return orderedRecord(rows, block?.rows ?? [], (columns) =>
        orderedRecord(columns, block?.columns ?? [], (value: Cell) => value),
      );
    },
  );
}

function orderedFinding(finding: Finding): Finding {
  return {
    severity: finding.severity,
    rule: finding.rule,
    table: finding.table,
    row: finding.row,
    column: finding.column,
    expected: finding.expected,
    actual: finding.actual,
    message: finding.message,
  };
}

/** The report as interchange JSON: 2-space indentation, keys in a fixed order, final newline. */
export function renderReportJson(report: AnnualReport): string {
  const ordered: AnnualReport = {
    format: report.format,
    year: report.year,
    agency: report.agency,
    table2: orderedTable2(report),
    table3_columns: [...report.table3_columns],
    table3: orderedRecord(report.table3, table3Keys(report.format), (values) => [...values]),
    table4_columns: [...report.table4_columns],
    table4: [...report.table4],
  };
  if (report.sections !== undefined) {
    const sectionOrder = SECTION_IDS.filter((id) => NARRATIVE_SECTION_IDS.includes(id));
    ordered.sections = orderedRecord(report.sections, [...sectionOrder, ...SECTION_IDS], (text) => text);
  }
  if (report.findings !== undefined) ordered.findings = report.findings.map(orderedFinding);
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
