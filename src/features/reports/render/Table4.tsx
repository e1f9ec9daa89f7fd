import { TABLE4_RESULTS } from '../../../core/report/format.ts';
import { markForCell } from './cell-findings.ts';
import { DataCell } from './DataCell.tsx';
import {
  sectionSubject,
  table4FlatLabel,
  table4Value,
  TABLE4_LEAF_COLUMNS,
  TABLE4_LITIGATION_GROUPS,
  TABLE4_LITIGATION_LABEL,
  TABLE4_REVIEW_GROUP,
} from './report-model.ts';
import type { TableProps } from './Table2.tsx';

/** Table 四: 行政复议 and 行政诉讼 (split into its two kinds) over the 15 result columns, one data row. */
export function Table4({ report, findings, idPrefix }: TableProps) {
  const id = (suffix: string) => `${idPrefix}-t4-${suffix}`;
  const groupId = (group: string) =>
    group === TABLE4_REVIEW_GROUP.key
      ? id('review')
      : id(`g${TABLE4_LITIGATION_GROUPS.findIndex((g) => g.key === group)}`);
  const headersOf = (columnIndex: number): string => {
    const column = TABLE4_LEAF_COLUMNS[columnIndex];
    if (column === undefined) return '';
    const parents = column.underLitigation
      ? [id('litigation'), groupId(column.group)]
      : [groupId(column.group)];
    return [...parents, id(`c${columnIndex}`)].join(' ');
  };
  const resultCount = TABLE4_RESULTS.length;
  return (
    <table class="report-table table4" data-testid="table4">
      <caption>{sectionSubject('四')}</caption>
      <thead>
        <tr>
          <th id={id('review')} scope="colgroup" colSpan={resultCount} rowSpan={2}>
            {TABLE4_REVIEW_GROUP.label}
          </th>
          <th id={id('litigation')} scope="colgroup" colSpan={resultCount * TABLE4_LITIGATION_GROUPS.length}>
            {TABLE4_LITIGATION_LABEL}
          </th>
        </tr>
        <tr>
          {TABLE4_LITIGATION_GROUPS.map((group) => (
            <th
              key={group.key}
              id={groupId(group.key)}
              scope="colgroup"
              colSpan={resultCount}
              headers={id('litigation')}
            >
              {group.label}
            </th>
          ))}
        </tr>
        <tr>
          {TABLE4_LEAF_COLUMNS.map((column, columnIndex) => (
            <th
              key={column.key}
              id={id(`c${columnIndex}`)}
              scope="col"
              headers={headersOf(columnIndex).split(' ').slice(0, -1).join(' ')}
            >
              {column.result}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {TABLE4_LEAF_COLUMNS.map((column, columnIndex) => (
            <DataCell
              key={column.key}
              value={table4Value(report, columnIndex)}
              testId={`t4-cell-${columnIndex}`}
              headers={headersOf(columnIndex)}
              mark={markForCell(findings, {
                table: '四',
                rows: [column.group],
                columns: [column.key, table4FlatLabel(column), column.result],
              })}
            />
          ))}
        </tr>
      </tbody>
    </table>
  );
}
