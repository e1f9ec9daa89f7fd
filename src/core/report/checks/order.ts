// The stable order of findings: by table (二, 三, 四, then findings about no table), by printed row,
// by printed column, then by the rule catalogue. Findings about a whole table (no row) follow its rows.
import { FORMATS, TABLE3_COLUMNS, TABLE4_COLUMNS, table3Keys, type FormatId } from '../format.ts';
import { RULES } from '../rules.ts';
import type { Finding, TableId } from '../types.ts';
import { table2RowKey } from './finding.ts';

const TABLE_ORDER: readonly (TableId | null)[] = ['二', '三', '四', null];
const RULE_ORDER: readonly string[] = Object.keys(RULES);
const UNKNOWN = 1e6;
const NO_ROW = 2e6;

function rankOf(list: readonly string[], item: string): number {
  const index = list.indexOf(item);
  return index < 0 ? UNKNOWN : index;
}

interface Ranker {
  row(finding: Finding): number;
  column(finding: Finding): number;
}

function table2Ranker(format: FormatId): Ranker {
  const blocks = FORMATS[format].table2;
  const rowKeys = blocks.flatMap((block) => [
    block.label,
    ...block.rows.map((row) => table2RowKey(block.label, row)),
  ]);
  return {
    row: (finding) => (finding.row === null ? NO_ROW : rankOf(rowKeys, finding.row)),
    column: (finding) => {
      if (finding.column === null) return -1;
      const block = blocks.find((candidate) => finding.row?.startsWith(`${candidate.label}/`) === true);
      return block === undefined ? UNKNOWN : rankOf(block.columns, finding.column);
    },
  };
}

function rankerFor(table: TableId | null, format: FormatId): Ranker {
  switch (table) {
    case '二':
      return table2Ranker(format);
    case '三': {
      const keys = table3Keys(format);
      return {
        row: (finding) => (finding.row === null ? NO_ROW : rankOf(keys, finding.row)),
        column: (finding) => (finding.column === null ? -1 : rankOf(TABLE3_COLUMNS, finding.column)),
      };
    }
    case '四':
      return {
        row: () => 0,
        column: (finding) => (finding.column === null ? -1 : rankOf(TABLE4_COLUMNS, finding.column)),
      };
    case null:
      return { row: () => 0, column: () => 0 };
  }
}

export function sortFindings(findings: readonly Finding[], format: FormatId): Finding[] {
  const keyed = findings.map((finding, index) => {
    const ranker = rankerFor(finding.table, format);
    return {
      finding,
      key: [
        TABLE_ORDER.indexOf(finding.table),
        ranker.row(finding),
        ranker.column(finding),
        RULE_ORDER.indexOf(finding.rule),
        index,
      ],
    };
  });
  keyed.sort((a, b) => {
    for (let position = 0; position < a.key.length; position++) {
      const difference = (a.key[position] ?? 0) - (b.key[position] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return keyed.map(({ finding }) => finding);
}
