import { describe, expect, it } from 'vitest';
import { categoriesForKind } from './categories.ts';
import {
  addMonths,
  columnsOf,
  defaultColumnKind,
  measureColumn,
  measureUnit,
  staleFrom,
  type ColumnDefinition,
  type ColumnInput,
} from './freshness.ts';

const column: ColumnDefinition = { key: 'subcat:1', name: '工作动态', parentKey: 'cat:a20-03' };

describe('news columns: 2 weeks', () => {
  it('is fresh after 13 days and stale after 14 and 15', () => {
    expect(measureColumn(column, 'news', false, '2026-11-01', '2026-11-14').status).toBe('fresh');
    const day14 = measureColumn(column, 'news', false, '2026-11-01', '2026-11-15');
    expect(day14).toMatchObject({ status: 'stale', staleSince: '2026-11-15', daysStale: 0 });
    const day15 = measureColumn(column, 'news', false, '2026-11-01', '2026-11-16');
    expect(day15).toMatchObject({ status: 'stale', staleSince: '2026-11-15', daysStale: 1 });
  });
});

describe('notice/policy columns: 6 calendar months', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 6)).toBe('2026-09-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(staleFrom('notice-policy', '2026-02-28')).toBe('2026-08-28');
  });

  it('is fresh the day before and stale on the day', () => {
    expect(measureColumn(column, 'notice-policy', false, '2026-08-31', '2027-02-27').status).toBe('fresh');
    expect(measureColumn(column, 'notice-policy', false, '2026-08-31', '2027-02-28')).toMatchObject({
      status: 'stale',
      daysStale: 0,
      longUnupdated: false,
    });
  });

  it('is long unupdated after a year', () => {
    expect(measureColumn(column, 'notice-policy', false, '2025-11-30', '2026-11-29').longUnupdated).toBe(
      false,
    );
    expect(measureColumn(column, 'notice-policy', false, '2025-11-30', '2026-11-30')).toMatchObject({
      status: 'stale',
      staleSince: '2026-05-30',
      daysStale: 184,
      longUnupdated: true,
    });
  });
});

describe('static and blank columns', () => {
  it('never makes a static column stale, but blank when it has nothing', () => {
    expect(measureColumn(column, 'static', false, '2010-01-01', '2026-11-30').status).toBe('fresh');
    expect(measureColumn(column, 'static', false, null, '2026-11-30').status).toBe('blank');
    expect(measureColumn(column, 'news', false, null, '2026-11-30')).toMatchObject({
      status: 'blank',
      longUnupdated: false,
      daysStale: null,
    });
  });
});

describe('default kinds', () => {
  it('follows the table', () => {
    expect(defaultColumnKind('sub:guide', '', null)).toBe('static');
    expect(defaultColumnKind('cat:a20-02', '', null)).toBe('static');
    expect(defaultColumnKind('cat:a20-01', '', null)).toBe('notice-policy');
    expect(defaultColumnKind('subcat:7', '部门动态', 'static')).toBe('news');
    expect(defaultColumnKind('subcat:7', '预算公开', 'static')).toBe('static');
  });

  it('lists a county department’s columns: 3 sub-columns, 22 categories, its sub-categories', () => {
    const columns = columnsOf(categoriesForKind('county'), [
      { id: 4, parentCode: 'a20-03', name: '工作动态' },
      { id: 5, parentCode: 'a21t-01', name: '不属于县的类目' },
    ]);
    expect(columns).toHaveLength(3 + 22 + 1);
    expect(columns.map((entry) => entry.key)).toContain('subcat:4');
    expect(columns.map((entry) => entry.key)).not.toContain('subcat:5');
  });
});

function inputs(count: number, kind: 'news' | 'static', last: string | null): ColumnInput[] {
  return Array.from({ length: count }, (_, index) => ({
    column: { key: `subcat:${index + 1}`, name: `栏目${index + 1}`, parentKey: null },
    kind,
    kindOverridden: false,
    lastPublishedOn: last,
  }));
}

describe('vetoes', () => {
  it('counts 4 stale and 4 blank as no veto, 5 as a veto', () => {
    const four = measureUnit(1, '2026-11-30', '2026-11-29', [
      ...inputs(4, 'news', '2026-10-01'),
      ...inputs(4, 'static', null),
    ]);
    expect(four).toMatchObject({ homepageStale: false, staleColumns: 4, blankColumns: 4, vetoes: [] });
    const five = measureUnit(1, '2026-11-30', '2026-11-29', [
      ...inputs(5, 'news', '2026-10-01'),
      ...inputs(5, 'static', null),
    ]);
    expect(five.vetoes.map((veto) => [veto.code, veto.count])).toEqual([
      ['stale-columns', 5],
      ['blank-columns', 5],
    ]);
  });

  it('vetoes 10 long-unupdated columns, not 9', () => {
    const nine = measureUnit(1, '2026-11-30', '2026-11-29', inputs(9, 'news', '2025-11-01'));
    expect(nine.vetoes.map((veto) => veto.code)).toEqual(['stale-columns']);
    expect(nine.longUnupdatedColumns).toBe(9);
    const ten = measureUnit(1, '2026-11-30', '2026-11-29', inputs(10, 'news', '2025-11-01'));
    expect(ten.vetoes.map((veto) => [veto.code, veto.count])).toEqual([
      ['stale-columns', 10],
      ['long-unupdated', 10],
    ]);
  });

  it('vetoes the homepage after 14 days without an item, not after 13', () => {
    expect(measureUnit(1, '2026-11-14', '2026-11-01', []).homepageStale).toBe(false);
    const stale = measureUnit(1, '2026-11-15', '2026-11-01', []);
    expect(stale.homepageStale).toBe(true);
    expect(stale.vetoes.map((veto) => veto.code)).toEqual(['homepage']);
    expect(measureUnit(1, '2026-11-15', null, []).vetoes[0]?.message).toBe(
      '政府信息公开栏目尚无任何已发布信息',
    );
  });
});
