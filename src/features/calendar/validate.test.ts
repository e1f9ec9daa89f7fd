import { describe, expect, it } from 'vitest';
import { Invalid } from '../../core/errors.ts';
import { validateCompleteYear, validateDayOverride, validateYear } from './validate.ts';

function refusal(action: () => unknown): { field: string; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof Invalid) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected Invalid');
}

const good = { date: '2027-02-05', kind: 'holiday', name: ' 春节 ', notice: ' 国办发明电〔2026〕9号 ' };

describe('a day override as typed in', () => {
  it('is trimmed, with an empty name dropped', () => {
    expect(validateDayOverride(good)).toEqual({
      date: '2027-02-05',
      kind: 'holiday',
      name: '春节',
      notice: '国办发明电〔2026〕9号',
    });
    expect(validateDayOverride({ ...good, name: '  ' }).name).toBeNull();
  });

  it('needs a real date in a year the calendar takes', () => {
    expect(refusal(() => validateDayOverride({ ...good, date: '' }))).toEqual({
      field: 'date',
      message: '“日期”必填，格式为 YYYY-MM-DD（如 2027-02-05）',
    });
    expect(refusal(() => validateDayOverride({ ...good, date: '2027-02-30' }))).toEqual({
      field: 'date',
      message: '“日期”不是存在的日期：2027-02-30',
    });
    expect(refusal(() => validateDayOverride({ ...good, date: '2027/02/05' })).message).toBe(
      '“日期”应为 YYYY-MM-DD 格式（如 2027-02-05），收到：2027/02/05',
    );
    expect(refusal(() => validateDayOverride({ ...good, date: '0227-02-05' })).message).toBe(
      '“日期”应在 2000—2099 年之间，收到：0227-02-05',
    );
  });

  it('needs a kind, a notice of at most 200 characters and a name of at most 50', () => {
    expect(refusal(() => validateDayOverride({ ...good, kind: 'weekend' }))).toEqual({
      field: 'kind',
      message: '“类型”应为 workday（工作日）或 holiday（休息日）',
    });
    expect(refusal(() => validateDayOverride({ ...good, notice: ' ' })).field).toBe('notice');
    expect(validateDayOverride({ ...good, notice: '通'.repeat(200) }).notice).toHaveLength(200);
    expect(refusal(() => validateDayOverride({ ...good, notice: '通'.repeat(201) }))).toEqual({
      field: 'notice',
      message: '“依据”不能超过 200 个字',
    });
    expect(validateDayOverride({ ...good, name: '节'.repeat(50) }).name).toHaveLength(50);
    expect(refusal(() => validateDayOverride({ ...good, name: '节'.repeat(51) }))).toEqual({
      field: 'name',
      message: '“名称”不能超过 50 个字',
    });
    expect(refusal(() => validateDayOverride({ ...good, name: '春\n节' })).field).toBe('name');
  });
});

describe('a year', () => {
  it('is four digits within 2000–2099', () => {
    expect(validateYear(' 2027 ')).toBe(2027);
    expect(validateYear(2027)).toBe(2027);
    for (const bad of ['27', '1999', '2100', '2027.5', '', undefined]) {
      expect(refusal(() => validateYear(bad))).toEqual({
        field: 'year',
        message: '“年份”应为 2000—2099 之间的四位年份',
      });
    }
    expect(refusal(() => validateCompleteYear({ year: '2027', notice: '' })).field).toBe('notice');
  });
});
