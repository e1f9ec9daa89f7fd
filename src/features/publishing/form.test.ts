import { describe, expect, it } from 'vitest';
import { Invalid } from '../../core/errors.ts';
import { parseItemForm } from './form.ts';

const context = {
  unitKind: 'county',
  subcategories: [{ id: 7, unitId: 1, parentCode: 'a20-07', name: '部门预算' }],
  today: '2026-11-30',
};
const base = { categoryCode: 'a20-07', title: ' 标题 ', summary: '概述', body: '正文' };

function fieldOf(form: Record<string, string>): string {
  try {
    parseItemForm(form, context);
  } catch (error) {
    if (error instanceof Invalid) return `${error.field}: ${error.message}`;
    throw error;
  }
  return 'ok';
}

describe('the item form', () => {
  it('takes the catalogue fields, fills the defaults and never reads a publication date', () => {
    const content = parseItemForm(
      { ...base, subcategoryId: '7', publishedOn: '2020-01-01', indexNumber: 'X/2020-00001' },
      context,
    );
    expect(content).toEqual({
      subColumn: 'statutory',
      categoryCode: 'a20-07',
      subcategoryId: 7,
      title: '标题',
      summary: '概述',
      body: '正文',
      bodyHtml: null,
      documentNumber: null,
      writtenOn: null,
      genre: null,
      keywords: null,
      validity: null,
      effectiveOn: null,
      invalidOn: null,
      disclosureMethod: '政府网站',
      disclosurePeriod: '长期公开',
      format: '文本',
    });
    expect(Object.keys(content)).not.toContain('publishedOn');
  });

  it('keeps an HTML body sanitised, with its text for the checks, and names the field of an empty one', () => {
    const content = parseItemForm(
      { ...base, bodyFormat: 'html', body: '<p>第一段<script>x()</script></p><ul><li>甲</li></ul>' },
      context,
    );
    expect([content.bodyHtml, content.body]).toEqual(['<p>第一段</p><ul><li>甲</li></ul>', '第一段\n甲']);
    expect(fieldOf({ ...base, bodyFormat: 'html', body: '<script>x()</script>' })).toBe(
      'body: 正文去除不允许的标签后没有文字内容',
    );
    expect(fieldOf({ ...base, bodyFormat: 'pdf' })).toBe('bodyFormat: 正文格式须为纯文本或 HTML');
  });

  it('names the field and the rule', () => {
    expect(fieldOf({ ...base, categoryCode: '' })).toBe('categoryCode: 法定主动公开内容须选择主题分类');
    expect(fieldOf({ ...base, categoryCode: 'a21t-01' })).toBe(
      'categoryCode: 主题分类不是本单位可用的法定主动公开类别',
    );
    expect(fieldOf({ ...base, subcategoryId: '8' })).toMatch(/^subcategoryId: /);
    expect(fieldOf({ ...base, title: '' })).toBe('title: 请填写标题');
    expect(fieldOf({ ...base, writtenOn: '2026-12-01' })).toBe(
      'writtenOn: 成文日期不能晚于今天（2026-11-30）',
    );
    expect(fieldOf({ ...base, writtenOn: '2026-02-30' })).toBe(
      'writtenOn: 成文日期须为“YYYY-MM-DD”格式的日期',
    );
    expect(fieldOf({ ...base, subColumn: 'news' })).toMatch(/^subColumn: 所属栏目须为：政府信息公开指南/);
  });

  it('asks validity dates of normative documents only, and consistent ones', () => {
    expect(fieldOf({ ...base, effectiveOn: '2026-01-01' })).toMatch(/^validity: /);
    expect(fieldOf({ ...base, validity: 'repealed' })).toBe(
      'invalidOn: 失效或废止的文件须填写失效或废止日期',
    );
    expect(fieldOf({ ...base, validity: 'valid', invalidOn: '2026-01-01' })).toBe(
      'invalidOn: 有效的文件不填写失效或废止日期',
    );
    expect(
      fieldOf({ ...base, validity: 'expired', effectiveOn: '2026-03-01', invalidOn: '2026-02-01' }),
    ).toBe('invalidOn: 失效或废止日期不能早于生效日期');
    expect(
      fieldOf({ ...base, validity: 'expired', effectiveOn: '2025-03-01', invalidOn: '2026-02-01' }),
    ).toBe('ok');
    expect(fieldOf({ ...base, validity: 'void' })).toBe('validity: 有效性须为有效、失效或废止');
  });

  it('keeps categories to the statutory sub-column', () => {
    const content = parseItemForm({ ...base, subColumn: 'annual-report' }, context);
    expect([content.subColumn, content.categoryCode, content.subcategoryId]).toEqual([
      'annual-report',
      null,
      null,
    ]);
  });
});
