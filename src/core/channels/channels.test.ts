import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { checkImportedRows, normaliseDate, validateChannel } from './channels.ts';

describe('channels', () => {
  it('reads the date forms people type in spreadsheets, and refuses impossible days', () => {
    expect(normaliseDate('2026-3-5')).toBe('2026-03-05');
    expect(normaliseDate('2026/03/05')).toBe('2026-03-05');
    expect(normaliseDate('2026年3月5日')).toBe('2026-03-05');
    expect(normaliseDate('2026-02-29')).toBeNull();
    expect(normaliseDate('05/03/2026')).toBeNull();
  });

  it('asks a new-media account for its platform and a closed channel for its closing date', () => {
    expect(() => validateChannel({ kind: 'new-media', name: '甲区发布' })).toThrow(
      new Invalid('platform', '政务新媒体须选择平台'),
    );
    expect(() =>
      validateChannel({ kind: 'traditional', name: '日报', status: 'closed', closedOn: '' }),
    ).toThrow(new Invalid('closedOn', '已关停的渠道须填写关停日期'));
    expect(
      validateChannel({
        kind: 'website',
        platform: 'wechat',
        name: ' 政策解读 ',
        recordNumber: '',
        accountId: 'gh_1',
      }),
    ).toEqual({
      kind: 'website',
      platform: null,
      name: '政策解读',
      recordNumber: null,
      status: 'active',
      openedOn: null,
      closedOn: null,
      accountId: null,
      operator: null,
    });
    expect(
      validateChannel({
        kind: 'new-media',
        platform: 'toutiao',
        name: '甲区发布',
        accountId: ' 1700000001 ',
        operator: '甲区融媒体中心',
      }),
    ).toMatchObject({ platform: 'toutiao', accountId: '1700000001', operator: '甲区融媒体中心' });
  });

  it('names the row and column of every rejected import row and skips blank rows', () => {
    const channels = [
      { id: 1, name: '日报', openedOn: '2026-01-01', closedOn: null },
      { id: 2, name: '重名', openedOn: null, closedOn: null },
      { id: 3, name: '重名', openedOn: null, closedOn: null },
    ];
    const result = checkImportedRows(
      [
        ['渠道', '日期', '标题'],
        ['日报', '2026-02-01', '甲'],
        ['', '', ''],
        ['重名', '2026-02-01', '乙'],
        ['日报', '2025-12-31', '丙'],
      ],
      channels,
    );
    expect(result.accepted).toEqual([{ channelId: 1, publishedOn: '2026-02-01', title: '甲', url: null }]);
    expect(result.rejected).toEqual([
      { row: 4, column: '渠道', message: '名为“重名”的渠道不止一个' },
      { row: 5, column: '日期', message: '日期早于该渠道的开设日期 2026-01-01' },
    ]);
  });
});
