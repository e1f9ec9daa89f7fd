import { TABLE2_ROW_HEADER } from '../../../core/report/format.ts';
import type { AnnualReport, Finding } from '../../../core/report/types.ts';
import { markForCell } from './cell-findings.ts';
import { DataCell } from './DataCell.tsx';
import { sectionSubject, table2ColumnSpan, table2Layout, table2RowKey, table2Value } from './report-model.ts';

export interface TableProps {
  readonly report: AnnualReport;
  readonly findings: readonly Finding[];
  /** Prefix of element ids, so that several reports can share a page. */
  readonly idPrefix: string;
}

/** Table 二: one body per 第二十条 block, each with its heading row and its own column headers. */
export function Table2({ report, findings, idPrefix }: TableProps) {
  const layout = table2Layout(report);
  const width = layout.dataColumns + 1;
  return (
    <table class="report-table table2" data-testid="table2">
      <caption>{sectionSubject('二')}</caption>
      {layout.blocks.map((block, blockIndex) => {
        const blockId = `${idPrefix}-t2-b${blockIndex}`;
        const contentId = `${blockId}-content`;
        return (
          <tbody key={block.label}>
            <tr class="block-heading">
              <th id={blockId} colSpan={width} scope="colgroup">
                {block.label}
              </th>
            </tr>
            <tr class="column-heading">
              <th id={contentId} scope="col" headers={blockId}>
                {TABLE2_ROW_HEADER}
              </th>
              {block.columns.map((column, columnIndex) => {
                const span = table2ColumnSpan(layout, block, columnIndex);
                return (
                  <th
                    key={column}
                    id={`${blockId}-c${columnIndex}`}
                    scope="col"
                    headers={blockId}
                    colSpan={span > 1 ? span : undefined}
                  >
                    {column}
                  </th>
                );
              })}
            </tr>
            {block.rows.map((row, rowIndex) => {
              const rowId = `${blockId}-r${rowIndex}`;
              const rowKey = table2RowKey(block.label, row);
              return (
                <tr key={row} data-row-key={rowKey}>
                  <th id={rowId} scope="row" class="label" headers={`${blockId} ${contentId}`}>
                    {row}
                  </th>
                  {block.columns.map((column, columnIndex) => (
                    <DataCell
                      key={column}
                      value={table2Value(report, block.label, row, column)}
                      testId={`t2-cell-${blockIndex}-${rowIndex}-${columnIndex}`}
                      headers={`${blockId} ${blockId}-c${columnIndex} ${rowId}`}
                      colSpan={table2ColumnSpan(layout, block, columnIndex)}
                      mark={markForCell(findings, { table: '二', rows: [rowKey, row], columns: [column] })}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        );
      })}
    </table>
  );
}
