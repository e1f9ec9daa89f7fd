import { describe, expect, it } from 'vitest';
import { table3Keys } from '../../../core/report/format.ts';
import type { AnnualReport, Finding } from '../../../core/report/types.ts';
import { renderReportJson } from './index.ts';
import { referenceReport, report2019 } from './test-fixtures.ts';

const TOP_KEYS = [
  'format',
  'year',
  'agency',
  'table2',
  'table3_columns',
  'table3',
  'table4_columns',
  'table4',
  'sections',
  'findings',
];

function reversed<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).reverse());
}

describe('renderReportJson', () => {
  const finding: Finding = {
    message: '表三：总计列应等于各类申请人之和。',
    actual: 3,
    expected: 2,
    column: '总计',
    row: '（一）予以公开',
    table: '三',
    rule: 't3.row-total',
    severity: 'error',
  };

  it('writes the keys in the fixed order, pretty-printed with a final newline', () => {
    const source = referenceReport();
    const scrambled = {
      findings: [finding],
      sections: { 六: source.sections?.['六'], 一: source.sections?.['一'] },
      table4: source.table4,
      table3: reversed(source.table3),
      table2: reversed(source.table2),
      agency: source.agency,
      year: source.year,
      format: source.format,
      table3_columns: source.table3_columns,
      table4_columns: source.table4_columns,
    } as AnnualReport;
    const json = renderReportJson(scrambled);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "format": "2021",');
    const parsed = JSON.parse(json) as AnnualReport;
    expect(Object.keys(parsed)).toEqual(TOP_KEYS);
    expect(Object.keys(parsed.table3)).toEqual(table3Keys('2021'));
    expect(Object.keys(parsed.table2)).toEqual(Object.keys(source.table2));
    expect(Object.keys(parsed.sections ?? {})).toEqual(['一', '六']);
    expect(Object.keys(parsed.findings?.[0] ?? {})).toEqual([
      'severity',
      'rule',
      'table',
      'row',
      'column',
      'expected',
      'actual',
      'message',
    ]);
    expect(parsed.table3).toEqual(source.table3);
    expect(parsed.table4).toEqual(source.table4);
  });

  it('omits absent optional parts, keeps nulls and non-standard rows', () => {
    const report = report2019();
    report.table3['属于工作秘密'] = [1, null, 0, 0, 0, 0, 1];
    const parsed = JSON.parse(renderReportJson(report)) as AnnualReport;
    expect(Object.keys(parsed)).toEqual(TOP_KEYS.slice(0, 8));
    expect(Object.keys(parsed.table3)).toEqual([...table3Keys('2019'), '属于工作秘密']);
    expect(parsed.table3['属于工作秘密']).toEqual([1, null, 0, 0, 0, 0, 1]);
    expect(parsed).toEqual(report);
  });
});
