import { describe, expect, it } from 'vitest';
import { readMarkdown } from './read-markdown.ts';

describe('readMarkdown', () => {
  it('reads pipe tables, skipping separator rows and keeping blank cells', () => {
    const text = '| 信息内容 | 本年处理决定数量 |\n|:---|---:|\n| 行政许可 |  |';
    expect(readMarkdown(text).lines).toEqual([
      ['信息内容', '本年处理决定数量'],
      ['行政许可', ''],
    ]);
  });

  it('joins `<br>` inside a cell and strips emphasis and headings', () => {
    const text = '## **二、主动公开政府信息情况**\n\n| 商业<br>企业 | **3** |';
    expect(readMarkdown(text).lines).toEqual([['二、主动公开政府信息情况'], ['商业 企业', '3']]);
  });

  it('drops page numbers', () => {
    const text = '正文。\n\n- 3 -\n\n第 3 页 共 5 页\n\n第3页/共5页\n\nPage 2 of 4\n\n后文。';
    expect(readMarkdown(text).lines).toEqual([['正文。'], ['后文。']]);
  });

  it('joins lines broken by the page width but not short lines or numbered items', () => {
    const text = [
      '2022年，本局坚持以公开为常态、不公开为例外，全年主动公开政府信息320条，受理',
      '申请21件。',
      '（一）主动公开情况',
      '短行',
      '另一行',
    ].join('\n');
    expect(readMarkdown(text).lines).toEqual([
      ['2022年，本局坚持以公开为常态、不公开为例外，全年主动公开政府信息320条，受理申请21件。'],
      ['（一）主动公开情况'],
      ['短行'],
      ['另一行'],
    ]);
  });

  it('keeps a running page header only the first time', () => {
    const header = '示例市示例局2022年政府信息公开工作年度报告';
    const text = [`# ${header}`, '', '正文一。', '', header, '', '正文二。', '', header, '', '正文三。'].join(
      '\n',
    );
    expect(readMarkdown(text).lines).toEqual([[header], ['正文一。'], ['正文二。'], ['正文三。']]);
  });

  it('keeps repeated short cells and numbers (table cells, not running headers)', () => {
    const text = '0\n\n0\n\n0\n\n结果维持\n\n结果维持\n\n结果维持';
    expect(readMarkdown(text).lines).toHaveLength(6);
  });

  it('reports its source', () => {
    expect(readMarkdown('').source).toBe('markdown');
  });
});
