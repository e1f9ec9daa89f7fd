import { describe, expect, it } from 'vitest';
import { applyAccountEvent, validateAccountEvent } from './accounts.ts';
import { accountActivity, duplicatePlatforms, isOpenOn, lastOpenedOn } from './activity.ts';

describe('the zombie rule (僵尸号) at the 14-day edge', () => {
  it('counts the whole days after the last post up to and including the day of the check', () => {
    expect(accountActivity('2026-11-01', null, '2026-11-14')).toEqual({
      silentDays: 13,
      level: 'near-zombie',
    });
    expect(accountActivity('2026-11-01', null, '2026-11-15')).toEqual({ silentDays: 14, level: 'zombie' });
    expect(accountActivity('2026-11-01', null, '2026-11-16')).toEqual({ silentDays: 15, level: 'zombie' });
  });

  it('warns from 10 silent days, and a post on the day of the check leaves no silence', () => {
    expect(accountActivity('2026-11-01', null, '2026-11-10')).toEqual({ silentDays: 9, level: 'active' });
    expect(accountActivity('2026-11-01', null, '2026-11-11')).toEqual({
      silentDays: 10,
      level: 'near-zombie',
    });
    expect(accountActivity('2026-11-15', null, '2026-11-15')).toEqual({ silentDays: 0, level: 'active' });
  });

  it('counts from the opening before the first post, and flags an account with neither', () => {
    expect(accountActivity(null, '2026-11-01', '2026-11-14')).toEqual({
      silentDays: 13,
      level: 'near-zombie',
    });
    expect(accountActivity(null, '2026-11-01', '2026-11-15')).toEqual({ silentDays: 14, level: 'zombie' });
    expect(accountActivity(null, null, '2026-11-15')).toEqual({ silentDays: null, level: 'zombie' });
  });

  it('crosses months and years by calendar days', () => {
    expect(accountActivity('2026-12-25', null, '2027-01-08')).toEqual({ silentDays: 14, level: 'zombie' });
    expect(accountActivity('2028-02-20', null, '2028-03-05')).toEqual({ silentDays: 14, level: 'zombie' });
  });
});

describe('an account open as of a date', () => {
  const history = [
    { kind: 'opened', on: '2026-01-10', sequence: 1 },
    { kind: 'changed', on: '2026-03-01', sequence: 2 },
    { kind: 'closed', on: '2026-06-30', sequence: 3 },
    { kind: 'opened', on: '2026-09-01', sequence: 4 },
  ] as const;

  it('reads the last opening or closing on or before the date', () => {
    expect(isOpenOn(history, '2026-01-09')).toBe(false);
    expect(isOpenOn(history, '2026-01-10')).toBe(true);
    expect(isOpenOn(history, '2026-06-29')).toBe(true);
    expect(isOpenOn(history, '2026-06-30')).toBe(false);
    expect(isOpenOn(history, '2026-09-01')).toBe(true);
    expect(lastOpenedOn(history, '2026-08-31')).toBe('2026-01-10');
    expect(lastOpenedOn(history, '2026-09-01')).toBe('2026-09-01');
  });

  it('takes an account without any opening as open, and the later recorded event of one day', () => {
    expect(isOpenOn([], '2020-01-01')).toBe(true);
    expect(isOpenOn([{ kind: 'closed', on: '2026-05-01', sequence: 1 }], '2026-04-30')).toBe(true);
    const sameDay = [
      { kind: 'closed', on: '2026-05-01', sequence: 7 },
      { kind: 'opened', on: '2026-05-01', sequence: 3 },
    ] as const;
    expect(isOpenOn(sameDay, '2026-05-01')).toBe(false);
  });
});

describe('the account history', () => {
  it('validates events and moves the state', () => {
    expect(() => validateAccountEvent({ kind: 'moved', occurredOn: '2026-01-01' }, '2026-11-30')).toThrow(
      '请选择事项',
    );
    expect(() => validateAccountEvent({ kind: 'closed', occurredOn: '2026-12-01' }, '2026-11-30')).toThrow(
      '日期不能晚于今天',
    );
    expect(() => validateAccountEvent({ kind: 'changed', occurredOn: '2026-11-01' }, '2026-11-30')).toThrow(
      '变更须写明变更了什么',
    );
    const open = { status: 'active', openedOn: '2026-01-10', closedOn: null } as const;
    const closing = validateAccountEvent(
      { kind: 'closed', occurredOn: '2026-06-30', note: ' 撤并 ' },
      '2026-11-30',
    );
    expect(closing).toEqual({ kind: 'closed', occurredOn: '2026-06-30', note: '撤并' });
    const closed = applyAccountEvent(open, closing);
    expect(closed).toEqual({ status: 'closed', openedOn: '2026-01-10', closedOn: '2026-06-30' });
    expect(() => applyAccountEvent(closed, closing)).toThrow('该账号已关停');
    expect(() => applyAccountEvent(closed, { kind: 'opened', occurredOn: '2026-06-01', note: null })).toThrow(
      '重新开设的日期不能早于关停日期 2026-06-30',
    );
    expect(() => applyAccountEvent(open, { kind: 'closed', occurredOn: '2026-01-01', note: null })).toThrow(
      '关停日期不能早于开设日期 2026-01-10',
    );
  });

  it('names the platforms with more than one open account', () => {
    expect(
      duplicatePlatforms([
        { platform: 'wechat', open: true },
        { platform: 'wechat', open: true },
        { platform: 'weibo', open: true },
        { platform: 'weibo', open: false },
        { platform: null, open: true },
        { platform: null, open: true },
      ]),
    ).toEqual(['wechat']);
  });
});
