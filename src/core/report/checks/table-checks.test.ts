import { describe, expect, it } from 'vitest';
import { FORMATS, T3, TABLE3_COLUMNS, TABLE4_COLUMNS, table3Keys, table3OutcomeKeys } from '../format.ts';
import { RULES } from '../rules.ts';
import type { AnnualReport } from '../types.ts';
import { checkReport, summarizeFindings } from './index.ts';
import {
  buildReport,
  essentials,
  referenceReport,
  referenceSections,
  withTable2Cell,
  withTable3Cell,
  withTable4Cell,
} from './test-reports.ts';

const [PERSON, BUSINESS, , , , , TOTAL] = TABLE3_COLUMNS;
const SUB_ROW = table3OutcomeKeys('2021')[2] ?? ''; // （三）1.属于国家秘密
const REVIEW_TOTAL = TABLE4_COLUMNS[4] ?? '';
const REVIEW_KEPT = TABLE4_COLUMNS[0] ?? '';
const [BLOCK_ONE, , , BLOCK_EIGHT] = FORMATS['2021'].table2;
const rows = table3Keys('2021');

type Expected = ReturnType<typeof essentials>;

describe('checkReport on consistent reports', () => {
  it('finds nothing in the real reference report with its narrative', () => {
    const report = { ...referenceReport(), sections: referenceSections() };
    expect(checkReport(report)).toEqual([]);
  });

  it('finds nothing in consistent 2021 and 2019 reports built from the format data', () => {
    expect(checkReport(buildReport())).toEqual([]);
    const report2019 = buildReport({ format: '2019' });
    expect(table3Keys('2019')).toContain(table3OutcomeKeys('2019').at(-1));
    expect(checkReport(report2019)).toEqual([]);
  });

  it('takes every severity from the rule catalogue', () => {
    const report = withTable3Cell(referenceReport(), T3.disclosed, PERSON, -1);
    for (const finding of checkReport(report)) {
      expect(finding.severity).toBe(RULES[finding.rule as keyof typeof RULES].severity);
    }
  });
});

describe('checkReport mutations of one cell', () => {
  const reference = referenceReport();
  const cases: { name: string; report: AnnualReport; findings: Expected[] }[] = [
    {
      name: '（一）予以公开 自然人 + 1',
      report: withTable3Cell(reference, T3.disclosed, PERSON, 35),
      findings: [
        ['t3.row-total', '三', T3.disclosed, TOTAL, 35, 34],
        ['t3.outcome-total', '三', T3.total, PERSON, 202, 201],
      ],
    },
    {
      name: '（七）总计 总计 − 1 (column sum, row sum and balance)',
      report: withTable3Cell(reference, T3.total, TOTAL, 200),
      findings: [
        ['t3.outcome-total', '三', T3.total, TOTAL, 201, 200],
        ['t3.row-total', '三', T3.total, TOTAL, 201, 200],
        ['t3.balance', '三', null, TOTAL, 202, 201],
      ],
    },
    {
      name: '结转下年度 商业企业 + 1 (balance and row total)',
      report: withTable3Cell(reference, T3.carriedOut, BUSINESS, 1),
      findings: [
        ['t3.row-total', '三', T3.carriedOut, TOTAL, 2, 1],
        ['t3.balance', '三', null, BUSINESS, 0, 1],
      ],
    },
    {
      name: 'a blank cell is reported once and its sums are skipped',
      report: withTable3Cell(reference, T3.disclosed, PERSON, null),
      findings: [['value.blank', '三', T3.disclosed, PERSON, null, null]],
    },
    {
      name: 'a negative count',
      report: withTable3Cell(reference, SUB_ROW, PERSON, -1),
      findings: [['value.type', '三', SUB_ROW, PERSON, null, -1]],
    },
    {
      name: 'a fractional count',
      report: withTable3Cell(reference, SUB_ROW, PERSON, 1.5),
      findings: [['value.type', '三', SUB_ROW, PERSON, null, 1.5]],
    },
    {
      name: 'a string where a count should be',
      report: withTable3Cell(reference, SUB_ROW, PERSON, '1'),
      findings: [['value.type', '三', SUB_ROW, PERSON, null, null]],
    },
    {
      name: 'NaN',
      report: withTable3Cell(reference, SUB_ROW, PERSON, Number.NaN),
      findings: [['value.type', '三', SUB_ROW, PERSON, null, null]],
    },
    {
      name: 'table 四 group total wrong',
      report: withTable4Cell(reference, REVIEW_TOTAL, 4),
      findings: [['t4.group-total', '四', null, REVIEW_TOTAL, 5, 4]],
    },
    {
      name: 'table 四 blank part skips the group sum',
      report: withTable4Cell(reference, REVIEW_KEPT, null),
      findings: [['value.blank', '四', null, REVIEW_KEPT, null, null]],
    },
    {
      name: 'a table 三 row outside the national format',
      report: { ...reference, table3: { ...reference.table3, 属于工作秘密: [0, 0, 0, 0, 0, 0, 0] } },
      findings: [['format.nonstandard-row', '三', '属于工作秘密', null, null, null]],
    },
  ];

  it.each(cases)('$name', ({ report, findings }) => {
    expect(checkReport(report).map(essentials)).toEqual(findings);
  });

  it('accepts 4 decimals of 万元 and rejects 5', () => {
    const label = BLOCK_EIGHT?.label ?? '';
    const row = BLOCK_EIGHT?.rows[0] ?? '';
    const column = BLOCK_EIGHT?.columns[0] ?? '';
    expect(checkReport(withTable2Cell(reference, label, row, column, 1.2345))).toEqual([]);
    expect(checkReport(withTable2Cell(reference, label, row, column, 1.23456)).map(essentials)).toEqual([
      ['value.type', '二', `${label}/${row}`, column, null, 1.23456],
    ]);
  });

  it('accepts a negative 本年增/减 in the 2019 format but not a negative count', () => {
    const block = FORMATS['2019'].table2[1];
    const label = block?.label ?? '';
    const row = block?.rows[0] ?? '';
    const [previousCount, change] = block?.columns ?? [];
    const report = buildReport({ format: '2019' });
    expect(checkReport(withTable2Cell(report, label, row, change ?? '', -3))).toEqual([]);
    expect(checkReport(withTable2Cell(report, label, row, previousCount ?? '', -3)).map(essentials)).toEqual([
      ['value.type', '二', `${label}/${row}`, previousCount ?? '', null, -3],
    ]);
  });

  it('words the messages with the place and both numbers', () => {
    const [rowTotal, outcome] = checkReport(withTable3Cell(reference, T3.disclosed, PERSON, 35));
    expect(outcome?.message).toBe('表三“（七）总计”行“自然人”列应为202（各项办理结果之和），实为201。');
    expect(rowTotal?.message).toBe(
      '表三“（一）予以公开”行“总计”列应为35（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和），实为34。',
    );
    const [balance] = checkReport(withTable3Cell(reference, T3.carriedOut, BUSINESS, 1)).slice(1);
    expect(balance?.message).toContain('应为0');
    expect(balance?.message).toContain('实为1');
  });
});

describe('checkReport completeness', () => {
  it('reports a missing table 三 row and skips the sums that need it', () => {
    const report = structuredClone(referenceReport());
    Reflect.deleteProperty(report.table3, SUB_ROW);
    expect(checkReport(report).map(essentials)).toEqual([
      ['completeness.row', '三', SUB_ROW, null, null, null],
    ]);
  });

  it('reports a table 三 row of the wrong length', () => {
    const report = structuredClone(referenceReport());
    report.table3[T3.disclosed] = [34, 0, 0, 0, 0, 34];
    expect(checkReport(report).map(essentials)).toEqual([
      ['completeness.row', '三', T3.disclosed, null, 7, 6],
    ]);
  });

  it('reports wrong table 三 column headers and does not trust the positions', () => {
    const report = structuredClone(referenceReport());
    report.table3_columns = report.table3_columns.slice(0, 6);
    report.table3[T3.disclosed] = [35, 0, 0, 0, 0, 0, 34];
    expect(checkReport(report).map(essentials)).toEqual([
      ['completeness.column', '三', null, TOTAL, null, null],
    ]);
  });

  it('reports table 四 without 15 values', () => {
    const report = structuredClone(referenceReport());
    report.table4 = report.table4.slice(0, 14);
    expect(checkReport(report).map(essentials)).toEqual([['completeness.column', '四', null, null, 15, 14]]);
  });

  it('reports missing table 二 blocks, rows and columns', () => {
    const report = structuredClone(referenceReport());
    const [regulation, normative] = BLOCK_ONE?.rows ?? [];
    const blockOne = report.table2[BLOCK_ONE?.label ?? ''] ?? {};
    Reflect.deleteProperty(blockOne, regulation ?? '');
    Reflect.deleteProperty(blockOne[normative ?? ''] ?? {}, BLOCK_ONE?.columns[2] ?? '');
    Reflect.deleteProperty(report.table2, BLOCK_EIGHT?.label ?? '');
    expect(checkReport(report).map(essentials)).toEqual([
      ['completeness.row', '二', `${BLOCK_ONE?.label ?? ''}/${regulation ?? ''}`, null, null, null],
      [
        'completeness.column',
        '二',
        `${BLOCK_ONE?.label ?? ''}/${normative ?? ''}`,
        BLOCK_ONE?.columns[2],
        null,
        null,
      ],
      ['completeness.row', '二', BLOCK_EIGHT?.label ?? '', null, null, null],
    ]);
  });

  it('reports 2021 rows missing from a report that uses the 2019 （六） row', () => {
    const report = structuredClone(referenceReport());
    const other = rows.filter((key) => key.startsWith('（六）'));
    for (const key of other) Reflect.deleteProperty(report.table3, key);
    report.table3[table3OutcomeKeys('2019').at(-1) ?? ''] = [10, 0, 0, 0, 0, 0, 10];
    expect(checkReport(report).map((finding) => finding.rule)).toEqual([
      'completeness.row',
      'completeness.row',
      'completeness.row',
      'format.nonstandard-row',
    ]);
  });

  it('refuses an unknown format', () => {
    const report = { ...referenceReport(), format: '2030' } as unknown as AnnualReport;
    expect(checkReport(report).map((finding) => finding.rule)).toEqual(['format.unknown']);
  });
});

describe('ordering and summary', () => {
  it('orders findings by table, row and column whatever the check order', () => {
    let report = withTable4Cell(referenceReport(), REVIEW_TOTAL, 4);
    report = withTable3Cell(report, T3.disclosed, PERSON, 35);
    report = withTable3Cell(report, T3.received, BUSINESS, null);
    report = withTable2Cell(
      report,
      BLOCK_ONE?.label ?? '',
      BLOCK_ONE?.rows[0] ?? '',
      BLOCK_ONE?.columns[0] ?? '',
      -1,
    );
    const places = checkReport(report).map((finding) => [
      finding.table,
      finding.row,
      finding.column,
      finding.rule,
    ]);
    expect(places).toEqual([
      ['二', `${BLOCK_ONE?.label ?? ''}/${BLOCK_ONE?.rows[0] ?? ''}`, BLOCK_ONE?.columns[0], 'value.type'],
      ['三', T3.received, BUSINESS, 'value.blank'],
      ['三', T3.disclosed, TOTAL, 't3.row-total'],
      ['三', T3.total, PERSON, 't3.outcome-total'],
      ['四', null, REVIEW_TOTAL, 't4.group-total'],
    ]);
  });

  it('counts errors and warnings', () => {
    const report = {
      ...withTable3Cell(referenceReport(), T3.disclosed, PERSON, 35),
      sections: { 一: '无' },
    };
    expect(summarizeFindings(checkReport(report))).toEqual({ errors: 2, warnings: 1 });
    expect(summarizeFindings([])).toEqual({ errors: 0, warnings: 0 });
  });
});
