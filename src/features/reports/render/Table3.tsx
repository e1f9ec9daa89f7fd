import {
  TABLE3_COLUMNS,
  TABLE3_CORNER_HEADER,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_NOTE,
} from '../../../core/report/format.ts';
import { markForCell } from './cell-findings.ts';
import { DataCell } from './DataCell.tsx';
import { sectionSubject, table3PrintedRows, table3Value } from './report-model.ts';
import type { TableProps } from './Table2.tsx';

const LEGAL_PERSON_FIRST = 1;
const LEGAL_PERSON_COUNT = 5;

function isUnderLegalPerson(columnIndex: number): boolean {
  return columnIndex >= LEGAL_PERSON_FIRST && columnIndex < LEGAL_PERSON_FIRST + LEGAL_PERSON_COUNT;
}

/**
 * Table 三 with the national header: the note in the corner, 申请人情况 over all seven columns,
 * 法人或其他组织 over its five. Labels sit in one column; header rows (三、, （三） …) span the whole
 * width so that every data row reads as its label followed by its seven numbers.
 */
export function Table3({ report, findings, idPrefix }: TableProps) {
  const id = (suffix: string) => `${idPrefix}-t3-${suffix}`;
  const columnHeaders = TABLE3_COLUMNS.map((_, columnIndex) =>
    [id('applicant'), isUnderLegalPerson(columnIndex) ? id('legal') : null, id(`c${columnIndex}`)]
      .filter((part) => part !== null)
      .join(' '),
  );
  let headingId: string | null = null;
  let groupId: string | null = null;

  const bodyRows = table3PrintedRows(report).map(({ row, dataIndex, depth }, printedIndex) => {
    const rowId = id(`r${printedIndex}`);
    if (row.kind === 'top') headingId = null;
    if (row.kind !== 'sub') groupId = null;
    const context = [headingId, groupId].filter((part) => part !== null);

    if (row.key === null || dataIndex === null) {
      if (row.kind === 'heading') headingId = rowId;
      else groupId = rowId;
      return (
        <tr key={row.label} class={`row-${row.kind}`}>
          <th id={rowId} colSpan={TABLE3_COLUMNS.length + 1} class={`label depth-${depth}`}>
            {row.label}
          </th>
        </tr>
      );
    }
    const key = row.key;
    return (
      <tr key={key} class={`row-${row.kind}`} data-row-key={key}>
        <th
          id={rowId}
          scope="row"
          class={`label depth-${depth}`}
          headers={context.length > 0 ? context.join(' ') : undefined}
          data-testid={`t3-label-${dataIndex}`}
        >
          {row.label}
        </th>
        {TABLE3_COLUMNS.map((column, columnIndex) => (
          <DataCell
            key={column}
            value={table3Value(report, key, columnIndex)}
            testId={`t3-cell-${dataIndex}-${columnIndex}`}
            headers={[columnHeaders[columnIndex], ...context, rowId].join(' ')}
            mark={markForCell(findings, { table: '三', rows: [key], columns: [column] })}
          />
        ))}
      </tr>
    );
  });

  return (
    <table class="report-table table3" data-testid="table3">
      <caption>{sectionSubject('三')}</caption>
      <thead>
        <tr>
          <td class="corner-note" rowSpan={3}>
            {TABLE3_NOTE}
          </td>
          <th id={id('applicant')} scope="colgroup" colSpan={TABLE3_COLUMNS.length}>
            {TABLE3_CORNER_HEADER}
          </th>
        </tr>
        <tr>
          {TABLE3_COLUMNS.map((column, columnIndex) => {
            if (columnIndex === LEGAL_PERSON_FIRST) {
              return (
                <th
                  key={TABLE3_LEGAL_PERSON_GROUP}
                  id={id('legal')}
                  scope="colgroup"
                  colSpan={LEGAL_PERSON_COUNT}
                  headers={id('applicant')}
                >
                  {TABLE3_LEGAL_PERSON_GROUP}
                </th>
              );
            }
            if (isUnderLegalPerson(columnIndex)) return null;
            return (
              <th key={column} id={id(`c${columnIndex}`)} scope="col" rowSpan={2} headers={id('applicant')}>
                {column}
              </th>
            );
          })}
        </tr>
        <tr>
          {TABLE3_COLUMNS.map((column, columnIndex) =>
            isUnderLegalPerson(columnIndex) ? (
              <th
                key={column}
                id={id(`c${columnIndex}`)}
                scope="col"
                headers={`${id('applicant')} ${id('legal')}`}
              >
                {column}
              </th>
            ) : null,
          )}
        </tr>
      </thead>
      <tbody>{bodyRows}</tbody>
    </table>
  );
}
