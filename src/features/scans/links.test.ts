import { describe, expect, it } from 'vitest';
import { bodyLinks, classifyAddress, linkAddresses } from './links.ts';

describe('linkAddresses', () => {
  it('reads the href of links and the src of images, entities decoded, empty ones left out', () => {
    expect(
      linkAddresses(
        '<p><a href="/disclosure/items/3">甲</a><a href="">空</a><img src="/disclosure/items/9/attachments/2" alt="图"><a href="a?x=1&amp;y=2">乙</a></p>',
      ),
    ).toEqual(['/disclosure/items/3', '/disclosure/items/9/attachments/2', 'a?x=1&y=2']);
  });
});

describe('classifyAddress', () => {
  it('recognises item, attachment and unit pages, absolute or relative to the item page', () => {
    expect(classifyAddress('/disclosure/items/12', 5)).toEqual({
      kind: 'item',
      path: '/disclosure/items/12',
      itemId: 12,
    });
    expect(classifyAddress('5/attachments/7', 5)).toEqual({
      kind: 'attachment',
      path: '/disclosure/items/5/attachments/7',
      itemId: 5,
      attachmentId: 7,
    });
    expect(classifyAddress('../units/4/proactive?page=2#top', 5)).toEqual({
      kind: 'unit',
      path: '/disclosure/units/4/proactive',
      unitId: 4,
    });
  });

  it('calls http(s) links external and leaves other addresses unchecked', () => {
    expect(classifyAddress('https://www.gov.cn/zhengce/', 5)).toBe('external');
    expect(classifyAddress('HTTP://example.org', 5)).toBe('external');
    expect(classifyAddress('mailto:office@example.org', 5)).toBeNull();
    expect(classifyAddress('/admin/units', 5)).toBeNull();
    expect(classifyAddress('/disclosure/items/0', 5)).toBeNull();
  });
});

describe('bodyLinks', () => {
  it('lists each internal path once and counts external links', () => {
    expect(
      bodyLinks(
        '<a href="/disclosure/items/2">一</a><a href="/disclosure/items/2/">二</a><a href="https://a.example/">三</a><a href="https://a.example/">四</a>',
        1,
      ),
    ).toEqual({
      internal: [{ kind: 'item', path: '/disclosure/items/2', itemId: 2 }],
      external: 2,
    });
  });
});
