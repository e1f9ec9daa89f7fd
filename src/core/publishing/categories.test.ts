import { describe, expect, it } from 'vitest';
import { categoriesForKind, STATUTORY_CATEGORIES, SUB_COLUMN_LABELS } from './categories.ts';

describe('the 政府信息公开 column and its categories', () => {
  it('has the four sub-columns with their statutory names', () => {
    expect(Object.values(SUB_COLUMN_LABELS)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开年报',
    ]);
  });

  it('seeds the 15 items of Art. 20 for every unit and adds Art. 21 by kind', () => {
    const article20 = STATUTORY_CATEGORIES.filter((category) => category.scope === 'all');
    expect(article20).toHaveLength(15);
    expect(article20[0]).toEqual({
      code: 'a20-01',
      name: '法规规章和规范性文件',
      basis: '第二十条第（一）项',
      scope: 'all',
    });
    expect(article20[14]?.basis).toBe('第二十条第（十五）项');
    expect(categoriesForKind('other')).toHaveLength(15);
    expect(categoriesForKind('county')).toHaveLength(22);
    expect(categoriesForKind('township')).toHaveLength(23);
    expect(categoriesForKind('township').map((category) => category.code)).toContain('a21t-08');
    expect(new Set(STATUTORY_CATEGORIES.map((category) => category.code)).size).toBe(
      STATUTORY_CATEGORIES.length,
    );
  });
});
