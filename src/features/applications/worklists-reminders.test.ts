import { describe, expect, it } from 'vitest';
import { reminderDedupeKey, reminderMark, reminderText } from './worklists-reminders.ts';

describe('reminderMark', () => {
  const thresholds = [5, 2];
  it.each([
    [9, 0, null],
    [6, 0, null],
    [5, 0, 5],
    [3, 0, 5],
    [2, 0, 2],
    [1, 0, 2],
    [0, 0, 2],
    [0, 1, 'overdue'],
    [0, 12, 'overdue'],
  ] as const)('%i working days left, %i overdue → %s', (left, overdue, expected) => {
    expect(reminderMark(left, overdue, thresholds)).toBe(expected);
  });

  it('follows the configured thresholds', () => {
    expect(reminderMark(7, 0, [7, 3, 1])).toBe(7);
    expect(reminderMark(3, 0, [7, 3, 1])).toBe(3);
    expect(reminderMark(1, 0, [7, 3, 1])).toBe(1);
    expect(reminderMark(8, 0, [7, 3, 1])).toBeNull();
  });
});

describe('the reminder', () => {
  const application = { id: 42, queryCode: 'ABCD2345EFGH', unitName: '皇姑区教育局', dueOn: '2026-03-30' };

  it('names the code, unit, due date, days left and the page', () => {
    const { subject, body } = reminderText(application, { left: 5, overdue: 0 });
    expect(subject).toBe('依申请公开：申请 ABCD2345EFGH 距答复期限还有 5 个工作日');
    expect(body.split('\n').slice(0, 3)).toEqual([
      '查询码：ABCD2345EFGH',
      '受理机关：皇姑区教育局',
      '答复期限：2026年3月30日（还有 5 个工作日，按工作日计算，节假日不计）',
    ]);
    expect(body).toContain('办理页面：/admin/applications/42');
    expect(body).toContain('《政府信息公开条例》第三十三条');
  });

  it('says when the due date has come and how far it is overdue', () => {
    expect(reminderText(application, { left: 0, overdue: 0 }).subject).toBe(
      '依申请公开：申请 ABCD2345EFGH 的答复期限已到（2026年3月30日）',
    );
    const overdue = reminderText(application, { left: 0, overdue: 3 });
    expect(overdue.subject).toBe('依申请公开：申请 ABCD2345EFGH 已超过答复期限 3 个工作日');
    expect(overdue.body).toContain('答复期限：2026年3月30日（已逾期 3 个工作日');
  });

  it('is keyed once per application, mark, due date and recipient', () => {
    expect(reminderDedupeKey(42, 5, '2026-03-30', 7)).toBe('reminder:42:5:2026-03-30:7');
    expect(reminderDedupeKey(42, 'overdue', '2026-03-30', null)).toBe('reminder:42:overdue:2026-03-30:none');
  });
});
