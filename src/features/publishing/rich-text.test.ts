import { describe, expect, it } from 'vitest';
import { attachmentHref, sanitizeBody, textOfHtml } from './rich-text.ts';

describe('sanitizeBody', () => {
  it('removes scripts with their content, event handlers, style and javascript: links', () => {
    expect(
      sanitizeBody(
        '<p style="color:red" onclick="steal()">通知<script>alert(1)</script></p>' +
          '<a href="javascript:alert(1)">点我</a><style>p{}</style>',
      ),
    ).toBe('<p>通知</p><a>点我</a>');
  });

  it('drops iframes and unknown tags but keeps their text where they have one', () => {
    expect(sanitizeBody('<div><span>正文</span><iframe src="https://x.example/"></iframe></div>')).toBe(
      '正文',
    );
  });

  it('keeps the allowed tags: headings, lists, tables, emphasis and safe links', () => {
    const html =
      '<h2>一、目的</h2><p><strong>重点</strong>与<em>说明</em></p><ul><li>甲</li></ul><ol><li>乙</li></ol>' +
      '<table><caption>表一</caption><thead><tr><th scope="col">项目</th></tr></thead>' +
      '<tbody><tr><td colspan="2">1</td></tr></tbody></table>' +
      '<p><a href="https://www.gov.cn/">链接</a><a href="/disclosure">站内</a><a href="mailto:office@example.gov.cn">邮件</a></p>';
    expect(sanitizeBody(html)).toBe(html);
  });

  it('removes h1, h5 and class attributes', () => {
    expect(sanitizeBody('<h1 class="x">标题</h1><h5>小</h5><h3 class="y">三</h3>')).toBe('标题小<h3>三</h3>');
  });

  it('keeps images only from the item’s own attachments, with alt text only', () => {
    const own = attachmentHref(7, 3);
    expect(
      sanitizeBody(
        `<p><img src="${own}" alt="示意图" width="9" onerror="x()"><img src="https://evil.example/a.png" alt="外链"><img src="data:image/png;base64,AAAA"></p>`,
        new Set([own]),
      ),
    ).toBe(`<p><img src="${own}" alt="示意图" /></p>`);
  });
});

describe('textOfHtml', () => {
  it('gives one line per block, cells separated by spaces, entities decoded', () => {
    expect(
      textOfHtml(
        '<h2>标题</h2><p>第一段&amp;说明</p><ul><li>甲</li><li>乙</li></ul><table><tr><th>项目</th><td>1</td></tr></table>',
      ),
    ).toBe('标题\n第一段&说明\n甲\n乙\n项目 1');
  });
});
