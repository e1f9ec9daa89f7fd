import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { currentEntries, parseStatisticValue, table2StatisticsBlocks } from './statistics.ts';

describe('administrative statistics', () => {
  it('keeps fees in 万元 to four places and counts as whole numbers', () => {
    expect(parseStatisticValue('fees', '12.3400')).toBe('12.34');
    expect(parseStatisticValue('fees', '0.0001')).toBe('0.0001');
    expect(parseStatisticValue('fees', '1,234.5')).toBe('1234.5');
    expect(parseStatisticValue('fees', '007')).toBe('7');
    expect(parseStatisticValue('licensing', ' 1024 ')).toBe('1024');
    expect(() => parseStatisticValue('fees', '1.23456')).toThrow(Invalid);
    expect(() => parseStatisticValue('fees', '-1')).toThrow(Invalid);
    expect(() => parseStatisticValue('penalty', '3.5')).toThrow(/整数/);
  });

  it('takes the latest entry per year and kind, and reports the kinds never entered', () => {
    const entries = [
      { id: 1, year: 2023, kind: 'licensing' as const, value: '10' },
      { id: 4, year: 2023, kind: 'licensing' as const, value: '12' },
      { id: 2, year: 2023, kind: 'fees' as const, value: '3.5' },
      { id: 3, year: 2022, kind: 'penalty' as const, value: '99' },
      { id: 5, year: 2023, kind: 'penalty' as const, value: '7' },
    ];
    expect(currentEntries(entries, 2023).licensing?.id).toBe(4);
    expect(table2StatisticsBlocks(entries, 2023)).toEqual({
      blocks: {
        '第二十条第（五）项': { 行政许可: { 本年处理决定数量: 12 } },
        '第二十条第（六）项': { 行政处罚: { 本年处理决定数量: 7 } },
        '第二十条第（八）项': { 行政事业性收费: { '本年收费金额（单位：万元）': 3.5 } },
      },
      entryIds: { licensing: 4, penalty: 5, fees: 2 },
      missing: ['enforcement'],
    });
  });
});
