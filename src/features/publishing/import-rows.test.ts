import { describe, expect, it } from 'vitest';
import { Invalid } from '../../core/errors.ts';
import { columnsOfHeader, parseImportRow } from './import-rows.ts';

const CODE = '11210105000000009X';
const HEADER = ['索引号', '标题', '栏目代码', '发布日期', '内容概述', '正文', '效力', '失效或废止日期'];
const context = { unitKind: 'county', unitCode: CODE, subcategories: [], today: '2026-11-28' };

function refusal(cells: string[]): { field: string; message: string } {
  try {
    parseImportRow(cells, columnsOfHeader(HEADER), context);
  } catch (error) {
    if (error instanceof Invalid) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('import rows', () => {
  it('finds the columns by header in any order and names the missing required ones', () => {
    expect([...columnsOfHeader(HEADER).entries()].slice(0, 3)).toEqual([
      ['indexNumber', 0],
      ['title', 1],
      ['categoryCode', 2],
    ]);
    expect(() => columnsOfHeader(['标题', '正文'])).toThrow(
      '第 1 行须为表头，缺少列：栏目代码、发布日期、内容概述',
    );
  });

  it('keeps the past publication date and the given index number', () => {
    const row = parseImportRow(
      [`${CODE}/2020-00031`, ' 旧文件 ', 'a20-01', '2020-02-03', '概述', '正文', '废止', '2022-01-01'],
      columnsOfHeader(HEADER),
      context,
    );
    expect(row.publishedOn).toBe('2020-02-03');
    expect(row.indexNumber).toEqual({ text: `${CODE}/2020-00031`, year: 2020, serial: 31 });
    expect(row.content.title).toBe('旧文件');
    expect(row.content.validity).toBe('repealed');
    expect(row.content.invalidOn).toBe('2022-01-01');
  });

  it('refuses each broken rule naming the field', () => {
    const good = [`${CODE}/2020-00031`, '旧文件', 'a20-01', '2020-02-03', '概述', '正文', '', ''];
    const changed = (position: number, value: string) =>
      good.map((cell, at) => (at === position ? value : cell));
    expect(refusal(changed(3, ''))).toEqual({ field: 'publishedOn', message: '请填写发布日期' });
    expect(refusal(changed(3, '2026-11-29'))).toEqual({
      field: 'publishedOn',
      message: '发布日期不能晚于今天（2026-11-28）',
    });
    expect(refusal(changed(0, `${CODE}/2020-31`))).toEqual({
      field: 'indexNumber',
      message: '索引号须为“统一社会信用代码/年份-五位顺序号”格式',
    });
    expect(refusal(changed(0, `${CODE}/2021-00031`))).toEqual({
      field: 'indexNumber',
      message: '索引号中的年份须与发布日期的年份一致',
    });
    expect(refusal(changed(6, '作废'))).toEqual({ field: 'validity', message: '有效性须为有效、失效或废止' });
    expect(refusal(changed(1, ''))).toEqual({ field: 'title', message: '请填写标题' });
  });
});
