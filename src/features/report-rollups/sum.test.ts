import { describe, expect, it } from 'vitest';
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../../core/report/format.ts';
import type { AnnualReport, Cell } from '../../core/report/types.ts';
import { change, keyFigures, sumTables } from './sum.ts';

function report(
  licensing: Cell,
  received: readonly Cell[],
  table4: readonly Cell[],
  fees: Cell = null,
): AnnualReport {
  return {
    format: '2021',
    year: 2023,
    agency: null,
    table2: {
      '第二十条第（五）项': { 行政许可: { 本年处理决定数量: licensing } },
      '第二十条第（八）项': { 行政事业性收费: { '本年收费金额（单位：万元）': fees } },
    },
    table3_columns: [...TABLE3_COLUMNS],
    table3: { '一、本年新收政府信息公开申请数量': [...received] },
    table4_columns: [...TABLE4_COLUMNS],
    table4: [...table4],
  };
}

const cases = (review: number, direct: number, after: number): Cell[] => [
  0,
  0,
  0,
  0,
  review,
  0,
  0,
  0,
  0,
  direct,
  0,
  0,
  0,
  0,
  after,
];

describe('sumTables', () => {
  it('adds cell by cell, leaving out empty cells, and keeps a cell empty only when all are', () => {
    const a = report(5, [1, 0, 0, 0, 0, 2, 3], cases(1, 0, 2), 1.5);
    const b = report(null, [4, 1, 0, 0, 0, 0, 5], cases(2, 1, 0));
    const sum = sumTables([a, b]);
    expect(sum.table2).toEqual({
      '第二十条第（五）项': { 行政许可: { 本年处理决定数量: 5 } },
      '第二十条第（八）项': { 行政事业性收费: { '本年收费金额（单位：万元）': 1.5 } },
    });
    expect(sum.table3).toEqual({ '一、本年新收政府信息公开申请数量': [5, 1, 0, 0, 0, 2, 8] });
    expect(sum.table4).toEqual(cases(3, 1, 2));
    expect(sumTables([report(null, [], [])]).table2['第二十条第（五）项']).toEqual({
      行政许可: { 本年处理决定数量: null },
    });
    expect(sumTables([]).table4).toEqual(Array.from({ length: 15 }, () => null));
  });
});

describe('keyFigures and change', () => {
  it('reads received, carried over, reviews and lawsuits (direct and after review)', () => {
    expect(keyFigures(report(0, [1, 0, 0, 0, 0, 2, 3], cases(4, 1, 2)))).toEqual({
      received: 3,
      carriedOver: null,
      reviews: 4,
      lawsuits: 3,
    });
    expect(change(202, 190)).toBe(12);
    expect(change(5, null)).toBeNull();
  });
});
