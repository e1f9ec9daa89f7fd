import type { Cell } from '../../../core/report/types.ts';
import type { CellMark } from './cell-findings.ts';
import { formatCell } from './report-model.ts';

export interface DataCellProps {
  readonly value: Cell;
  readonly testId: string;
  /** Space-separated ids of the header cells that describe this cell. */
  readonly headers: string;
  readonly mark: CellMark | null;
  readonly colSpan?: number;
}

/** A number cell; a blank (null) prints as an empty cell, and a finding marks it. */
export function DataCell({ value, testId, headers, mark, colSpan }: DataCellProps) {
  const classes = ['num', mark === null ? null : `cell-${mark.severity}`].filter((c) => c !== null);
  return (
    <td
      class={classes.join(' ')}
      headers={headers}
      colSpan={colSpan !== undefined && colSpan > 1 ? colSpan : undefined}
      data-testid={testId}
      aria-invalid={mark?.severity === 'error' ? 'true' : undefined}
      title={mark === null ? undefined : mark.messages.join('；')}
      data-finding-rule={mark === null ? undefined : mark.rules.join(' ')}
    >
      {formatCell(value)}
    </td>
  );
}
