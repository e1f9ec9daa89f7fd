import { describe, expect, it } from 'vitest';
import { deadlineStatus, publicationDeadline, reminderDue, reportReminderDedupeKey } from './deadlines.ts';

describe('annual report deadlines', () => {
  it('gives departments 31 January and governments 31 March of the next year', () => {
    expect(publicationDeadline('department', 2025)).toBe('2026-01-31');
    expect(publicationDeadline('street', 2025)).toBe('2026-01-31');
    expect(publicationDeadline('county', 2025)).toBe('2026-03-31');
    expect(publicationDeadline('township', 2025)).toBe('2026-03-31');
  });

  it('tells on time, late, overdue and pending apart', () => {
    expect(deadlineStatus('2026-01-31', '2026-01-31', '2026-05-01')).toBe('on-time');
    expect(deadlineStatus('2026-01-31', '2026-02-01', '2026-05-01')).toBe('late');
    expect(deadlineStatus('2026-01-31', null, '2026-02-01')).toBe('overdue');
    expect(deadlineStatus('2026-01-31', null, '2026-01-31')).toBe('pending');
  });

  it('sends the tightest reminder reached, none after the date', () => {
    expect(reminderDue(11)).toBeNull();
    expect(reminderDue(10)).toBe(10);
    expect(reminderDue(4)).toBe(10);
    expect(reminderDue(3)).toBe(3);
    expect(reminderDue(0)).toBe(3);
    expect(reminderDue(-1)).toBeNull();
    expect(reportReminderDedupeKey(7, 2025, 3, null)).toBe('annual-report-deadline:7:2025:3:none');
  });
});
