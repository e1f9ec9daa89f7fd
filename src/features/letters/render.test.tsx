import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import type { LetterDocument, LetterSummary } from './model.ts';
import { LetterList } from './views/LetterList.tsx';
import { renderLetterDocx } from './render-docx.ts';
import { LETTER_PAGE_CSP, LETTER_STYLESHEET, renderLetterHtml } from './render-html.tsx';
import { createHash } from 'node:crypto';

const letter: LetterDocument = {
  id: 9,
  kind: 'decision',
  title: '政府信息公开申请答复书',
  number: '皇教公开〔2024〕3号',
  addressee: '欧阳<明月>',
  paragraphs: ['本机关于2024年2月26日收到您提出的政府信息公开申请。', '如对本答复不服，可以……申请行政复议。'],
  agencyName: '沈阳市皇姑区教育局',
  issuedOn: '2024-03-15',
  contactLines: ['通信地址：沈阳市皇姑区示例路1号（邮政编码：110031）', '联系电话：024-86000000'],
};

describe('renderLetterHtml', () => {
  it('prints title, number, addressee, paragraphs, signature and contact, escaped', () => {
    const html = renderLetterHtml(letter);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<title>政府信息公开申请答复书（皇教公开〔2024〕3号）</title>');
    expect(html).toContain('<p class="letter-number" data-testid="letter-number">皇教公开〔2024〕3号</p>');
    expect(html).toContain('<p class="addressee" data-testid="addressee">欧阳&lt;明月>：</p>');
    expect(html).toContain(
      '<div class="letter-text" data-testid="letter-text"><p>本机关于2024年2月26日收到您提出的政府信息公开申请。</p><p>如对本答复不服，可以……申请行政复议。</p></div>',
    );
    expect(html).toContain(
      '<div class="signature" data-testid="signature"><p>沈阳市皇姑区教育局</p><p>2024年3月15日</p></div>',
    );
    expect(html).toContain('<p>联系电话：024-86000000</p>');
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
  });

  it('allows exactly its own stylesheet in its CSP', () => {
    const hash = createHash('sha256').update(LETTER_STYLESHEET).digest('base64');
    expect(LETTER_PAGE_CSP).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(renderLetterHtml(letter)).toContain(`<style>${LETTER_STYLESHEET}</style>`);
  });

  it('leaves out the number of a receipt and an empty contact block', () => {
    const html = renderLetterHtml({ ...letter, kind: 'receipt', number: null, contactLines: [] });
    expect(html).not.toContain('data-testid="letter-number"');
    expect(html).not.toContain('data-testid="contact"');
  });
});

describe('renderLetterDocx', () => {
  it('writes real paragraphs in named styles, A4 margins, and fonts with fallbacks', async () => {
    const zip = await JSZip.loadAsync(await renderLetterDocx(letter));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const paragraphs = [...document.matchAll(/<w:p>.*?<\/w:p>/gs)].map((match) => ({
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(match[0])?.[1],
      text: [...match[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    expect(paragraphs).toEqual([
      { style: 'LetterTitle', text: '政府信息公开申请答复书' },
      { style: 'LetterNumber', text: '皇教公开〔2024〕3号' },
      { style: 'LetterAddressee', text: '欧阳&lt;明月&gt;：' },
      { style: 'LetterText', text: '本机关于2024年2月26日收到您提出的政府信息公开申请。' },
      { style: 'LetterText', text: '如对本答复不服，可以……申请行政复议。' },
      { style: 'LetterSignature', text: '沈阳市皇姑区教育局' },
      { style: 'LetterSignature', text: '2024年3月15日' },
      { style: 'LetterContactHeading', text: '联系方式' },
      { style: 'LetterContact', text: '通信地址：沈阳市皇姑区示例路1号（邮政编码：110031）' },
      { style: 'LetterContact', text: '联系电话：024-86000000' },
    ]);
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(document).toContain('w:top="2098"');
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('<w:name w:val="正文（仿宋）"/>');
    expect(styles).toContain('<w:name w:val="联系方式标题（黑体）"/>');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    const fonts = (await zip.file('word/fontTable.xml')?.async('string')) ?? '';
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
  });
});

describe('LetterList', () => {
  const summary = (id: number, deliveredOn: string | null): LetterSummary => ({
    id,
    applicationId: 5,
    kind: 'correction',
    title: '政府信息公开申请补正告知书',
    number: `皇教公开〔2024〕${id}号`,
    issuedOn: '2024-12-20',
    deliveredOn,
    deliveryMethod: deliveredOn === null ? null : '邮寄',
  });

  it('links each letter, shows a recorded delivery, and offers the form only to those who may record it', () => {
    const props = { applicationId: 5, csrfToken: 'tok', today: '2024-12-27' };
    const html = renderToString(
      <LetterList {...props} letters={[summary(1, '2024-12-23'), summary(2, null)]} canRecordDelivery />,
    );
    expect(html).toContain('<a href="/admin/applications/5/letters/1">打印</a>');
    expect(html).toContain('<a href="/admin/applications/5/letters/2/docx">下载 Word</a>');
    expect(html).toContain('<td data-testid="delivery">2024年12月23日，邮寄</td>');
    expect(html).toContain('action="/admin/applications/5/letters/2/delivery"');
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok"/>');
    expect(html).toContain('min="2024-12-20" max="2024-12-27" value="2024-12-27"');
    const readOnly = renderToString(
      <LetterList {...props} letters={[summary(2, null)]} canRecordDelivery={false} />,
    );
    expect(readOnly).not.toContain('<form');
    expect(readOnly).toContain('<td data-testid="delivery">未登记</td>');
    expect(renderToString(<LetterList {...props} letters={[]} canRecordDelivery />)).toBe(
      '<p data-testid="no-letters">尚未制发文书。</p>',
    );
  });
});
