// Which findings point at a printed cell. A finding names a table, a row and a column; a null row or
// column means "every cell along the other axis" (e.g. a column-wide balance check). A finding with
// neither says nothing about a particular cell and marks none.
import type { Finding, Severity, TableId } from '../../../core/report/types.ts';

export interface CellMark {
  readonly severity: Severity;
  readonly rules: readonly string[];
  readonly messages: readonly string[];
}

export interface CellAddress {
  readonly table: TableId;
  /** Keys the cell answers to as a row: e.g. the table 三 row key, or `<block>/<row>` in table 二. */
  readonly rows: readonly string[];
  /** Keys the cell answers to as a column: the column label, for table 四 also `<group>/<result>`. */
  readonly columns: readonly string[];
}

function matches(finding: Finding, address: CellAddress): boolean {
  if (finding.table !== address.table) return false;
  if (finding.row === null && finding.column === null) return false;
  const rowMatches = finding.row === null || address.rows.includes(finding.row);
  const columnMatches = finding.column === null || address.columns.includes(finding.column);
  return rowMatches && columnMatches;
}

export function markForCell(findings: readonly Finding[], address: CellAddress): CellMark | null {
  const hits = findings.filter((finding) => matches(finding, address));
  if (hits.length === 0) return null;
  return {
    severity: hits.some((finding) => finding.severity === 'error') ? 'error' : 'warning',
    rules: [...new Set(hits.map((finding) => finding.rule))],
    messages: [...new Set(hits.map((finding) => finding.message))],
  };
}
