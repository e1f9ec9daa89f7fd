import { describe, expect, it } from 'vitest';
import { Invalid } from '../../core/errors.ts';
import { rowsFromCsv } from './csv.ts';

describe('units from CSV', () => {
  it('reads Chinese or English headers, with a byte-order mark', () => {
    const rows = rowsFromCsv(
      '\uFEFF单位名称,单位类型,上级单位,联系电话\n示例区教育局,department,示例区人民政府,024-1234567\n',
    );
    expect(rows).toEqual([
      {
        name: '示例区教育局',
        kind: 'department',
        parent: '示例区人民政府',
        uscc: undefined,
        regionCode: undefined,
        contact: { phone: '024-1234567' },
      },
    ]);
    expect(rowsFromCsv('name,kind\n示例局,other\n')[0]?.name).toBe('示例局');
  });

  it('names an unknown header, and a broken file, instead of failing obscurely', () => {
    expect(() => rowsFromCsv('名字,类型\n示例局,other\n')).toThrow(/表头“名字”无法识别/);
    expect(() => rowsFromCsv('name,kind\n"示例局,other\n')).toThrow(Invalid);
  });
});
