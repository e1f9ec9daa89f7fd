import { describe, expect, it } from 'vitest';
import { checkItem } from '../publishing/item-checks.ts';
import { deadLinkTaskDescription, newPrivacyFindings } from './descriptions.ts';

const TODAY = new Date('2026-11-30T02:00:00Z');

describe('newPrivacyFindings', () => {
  const findings = checkItem(
    {
      title: '关于张三的通知',
      summary: '联系电话13912345678',
      body: '身份证号码11010519491231002X，电话13912345678，再写一次11010519491231002X。',
    },
    { dictionaries: [], today: TODAY },
  );

  it('keeps error-severity personal data once per key, in text order, leaving overridden and reported keys out', () => {
    expect(
      newPrivacyFindings(
        findings,
        new Set(['summary:mobile:13912345678']),
        (key) => key === 'body:mobile:13912345678',
      ).map((finding) => finding.key),
    ).toEqual(['body:resident_id:11010519491231002X']);
    expect(newPrivacyFindings(findings, new Set(), () => false).map((finding) => finding.key)).toEqual([
      'summary:mobile:13912345678',
      'body:resident_id:11010519491231002X',
      'body:mobile:13912345678',
    ]);
  });
});

describe('deadLinkTaskDescription', () => {
  it('lists each dead path with its reason', () => {
    expect(
      deadLinkTaskDescription([{ path: '/disclosure/items/3', reason: '指向的信息已撤回或不存在' }]),
    ).toBe(
      '站内链接检查发现正文中的链接已失效，请修改或删除：\n/disclosure/items/3——指向的信息已撤回或不存在',
    );
  });
});
