import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-days.ts';
import { Invalid } from '../errors.ts';
import type { ClockEvent } from './clock-ledger.ts';
import { deriveClock, dueStatus, overdueWorkdays, workdaysLeft } from './deadline-clock.ts';

const calendar = createWorkingDayCalendar();

function clock(received: string, events: ClockEvent[] = [], options = {}) {
  return deriveClock({ received, events }, calendar, options);
}

function invalid(received: string, events: ClockEvent[]): Invalid {
  try {
    clock(received, events);
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
  throw new Error('expected the ledger to be rejected');
}

// 2024-03-04 is a Monday; its 20th working day is Monday 2024-04-01. 清明 2024: 4–6 April off, Sunday 7
// April worked.
const RECEIVED = '2024-03-04';

describe('the start of the clock', () => {
  it('holds the spec example: received 2023-09-04 → due 2023-10-08', () => {
    const reading = clock('2023-09-04');
    expect(reading).toMatchObject({ state: 'running', due: '2023-10-08', pauses: [], warnings: [] });
  });

  it('runs 20 working days from receipt', () => {
    expect(clock(RECEIVED).due).toBe('2024-04-01');
  });

  it('reads the issue example: extended by 20 on 2024-10-25, looked at on 2024-10-28', () => {
    const reading = clock('2024-10-03', [{ type: 'extended', date: '2024-10-25', workdays: 20 }]);
    // Base due 2024-11-01 (holiday 1–7 Oct, Saturday 12 Oct worked); +20 working days.
    expect(reading.due).toBe('2024-11-29');
    expect(reading.extended).toEqual({ date: '2024-10-25', workdays: 20 });
    expect(workdaysLeft(reading, '2024-10-28', calendar)).toBe(24);
    expect(overdueWorkdays(reading, '2024-10-28', calendar)).toBe(0);
  });
});

describe('working days left and overdue', () => {
  const reading = clock(RECEIVED);
  it.each([
    ['2024-03-29', 1, 0, 'due_very_soon'],
    ['2024-04-01', 0, 0, 'due_very_soon'],
    ['2024-04-02', 0, 1, 'overdue'],
    ['2024-04-08', 0, 4, 'overdue'],
    ['2024-03-22', 6, 0, 'on_track'],
    ['2024-03-25', 5, 0, 'due_soon'],
  ] as const)('on %s: %i left, %i overdue, %s', (today, left, overdue, status) => {
    expect(workdaysLeft(reading, today, calendar)).toBe(left);
    expect(overdueWorkdays(reading, today, calendar)).toBe(overdue);
    expect(dueStatus(reading, today, calendar)).toBe(status);
  });
});

describe('correction (条例第三十条)', () => {
  it('stops the clock, shows the correction deadline, and restarts 20 days from the corrected date', () => {
    const waiting = clock(RECEIVED, [{ type: 'correction_requested', date: '2024-03-06' }]);
    expect(waiting).toMatchObject({ state: 'awaiting_correction', due: null, correctionDue: '2024-03-27' });
    expect(workdaysLeft(waiting, '2024-03-10', calendar)).toBeNull();
    expect(dueStatus(waiting, '2024-03-10', calendar)).toBe('not_running');

    const corrected = clock(RECEIVED, [
      { type: 'correction_requested', date: '2024-03-06' },
      { type: 'corrected', date: '2024-03-20' },
    ]);
    // 20 working days after 20 March, across 清明 (4–6 April off, Sunday 7 April worked).
    expect(corrected).toMatchObject({ state: 'running', due: '2024-04-18' });
    expect(corrected.correction).toEqual({
      requested: '2024-03-06',
      due: '2024-03-27',
      corrected: '2024-03-20',
    });
    expect(corrected.correctionDue).toBeUndefined();
  });

  it('uses the configured or the notified correction period', () => {
    expect(
      clock(RECEIVED, [{ type: 'correction_requested', date: '2024-03-06' }], {
        correctionPeriodWorkdays: 10,
      }).correctionDue,
    ).toBe('2024-03-20');
    expect(
      clock(RECEIVED, [{ type: 'correction_requested', date: '2024-03-06', workdays: 5 }]).correctionDue,
    ).toBe('2024-03-13');
  });

  it('warns when the correction notice comes later than 7 working days after receipt', () => {
    expect(clock(RECEIVED, [{ type: 'correction_requested', date: '2024-03-13' }]).warnings).toEqual([]);
    const late = clock(RECEIVED, [{ type: 'correction_requested', date: '2024-03-14' }]);
    expect(late.warnings).toMatchObject([{ event: 0, code: 'late_correction_request' }]);
    expect(late.warnings[0]?.message).toContain('7 个工作日');
  });

  it('warns when the correction arrives after its deadline', () => {
    const reading = clock(RECEIVED, [
      { type: 'correction_requested', date: '2024-03-06' },
      { type: 'corrected', date: '2024-03-28' },
    ]);
    expect(reading.warnings).toMatchObject([{ event: 1, code: 'late_correction' }]);
  });

  it('can end in a decision without correction (treated as abandoned), with no due date', () => {
    const reading = clock(RECEIVED, [
      { type: 'correction_requested', date: '2024-03-06' },
      { type: 'decided', date: '2024-04-01' },
    ]);
    expect(reading).toMatchObject({ state: 'decided', due: null, decided: '2024-04-01' });
  });
});

describe('pauses (条例第三十二条、第三十四条; 国办函〔2020〕109号)', () => {
  it('hold back the working days left and give them back from the resume date', () => {
    const paused = clock(RECEIVED, [{ type: 'consultation_started', date: '2024-03-11', party: 'agency' }]);
    expect(paused).toMatchObject({ state: 'paused', due: null, remainingWorkdays: 15 });
    expect(paused.pauses).toEqual([
      {
        kind: 'consultation',
        party: 'agency',
        from: '2024-03-11',
        to: null,
        limit: '2024-04-01',
        reason: '征求其他机关意见期间不计入答复期限（《政府信息公开条例》第三十四条）',
      },
    ]);
    expect(workdaysLeft(paused, '2024-03-20', calendar)).toBe(15);
    expect(overdueWorkdays(paused, '2024-05-20', calendar)).toBe(0);

    const resumed = clock(RECEIVED, [
      { type: 'consultation_started', date: '2024-03-11' },
      { type: 'consultation_ended', date: '2024-03-25' },
    ]);
    expect(resumed).toMatchObject({ state: 'running', due: '2024-04-16', remainingWorkdays: null });
  });

  it('count overlapping pauses once: the clock resumes when the last one ends', () => {
    const reading = clock(RECEIVED, [
      { type: 'consultation_started', date: '2024-03-11' },
      { type: 'fee_notice', date: '2024-03-18' },
      { type: 'consultation_ended', date: '2024-03-25' },
      { type: 'fee_paid', date: '2024-04-01' },
    ]);
    // 15 working days held back on 11 March, given back from 1 April.
    expect(reading.due).toBe('2024-04-23');
    expect(reading.pauses.map((pause) => [pause.kind, pause.from, pause.to, pause.limit])).toEqual([
      ['consultation', '2024-03-11', '2024-03-25', '2024-04-01'],
      ['fee', '2024-03-18', '2024-04-01', '2024-04-16'],
    ]);
  });

  it('tell concurrent consultations apart by ref', () => {
    const events: ClockEvent[] = [
      { type: 'consultation_started', date: '2024-03-11', party: 'third_party', ref: '甲公司' },
      { type: 'consultation_started', date: '2024-03-12', party: 'third_party', ref: '乙公司' },
      { type: 'consultation_ended', date: '2024-03-15', ref: '乙公司' },
    ];
    expect(clock(RECEIVED, events)).toMatchObject({ state: 'paused', remainingWorkdays: 15 });
    const done = clock(RECEIVED, [
      ...events,
      { type: 'consultation_ended', date: '2024-03-25', ref: '甲公司' },
    ]);
    expect(done.due).toBe('2024-04-16');
    expect(
      invalid(RECEIVED, [events[0] as ClockEvent, { ...(events[0] as ClockEvent), date: '2024-03-12' }])
        .field,
    ).toBe('events[1].ref');
  });

  it('do not rescue an application already overdue when the pause starts', () => {
    const reading = clock(RECEIVED, [
      { type: 'consultation_started', date: '2024-04-03' },
      { type: 'consultation_ended', date: '2024-04-20' },
    ]);
    expect(reading.due).toBe('2024-04-01');
    expect(reading.warnings).toMatchObject([{ event: 0, code: 'paused_after_due' }]);
  });

  it('are closed by a decision taken while one is open', () => {
    const reading = clock(RECEIVED, [
      { type: 'fee_notice', date: '2024-03-11' },
      { type: 'decided', date: '2024-03-20' },
      { type: 'delivered', date: '2024-03-21' },
    ]);
    expect(reading).toMatchObject({ state: 'decided', decided: '2024-03-20', delivered: '2024-03-21' });
    expect(reading.pauses[0]?.to).toBe('2024-03-20');
    expect(reading.warnings).toMatchObject([{ code: 'pause_open_at_decision' }]);
    expect(overdueWorkdays(reading, '2024-06-01', calendar)).toBe(0);
  });
});

describe('extension (条例第三十三条) and the agency-set deadline (第三十五条)', () => {
  it('moves the due date by the extension in working days', () => {
    expect(clock(RECEIVED, [{ type: 'extended', date: '2024-03-29', workdays: 10 }]).due).toBe('2024-04-16');
  });

  it('adds an extension granted during a pause to the held-back days', () => {
    const reading = clock(RECEIVED, [
      { type: 'consultation_started', date: '2024-03-11' },
      { type: 'extended', date: '2024-03-12', workdays: 5 },
    ]);
    expect(reading.remainingWorkdays).toBe(20);
  });

  it('warns when the extension is decided after the due date', () => {
    const reading = clock(RECEIVED, [{ type: 'extended', date: '2024-04-02', workdays: 20 }]);
    expect(reading.warnings).toMatchObject([{ code: 'extended_after_due' }]);
  });

  it('replaces the due date with the date the agency set, keeping the reason', () => {
    const reading = clock(RECEIVED, [
      { type: 'deadline_set', date: '2024-03-20', due: '2024-06-28', reason: '申请数量巨大' },
    ]);
    expect(reading.due).toBe('2024-06-28');
    expect(reading.deadlineSet).toEqual({ date: '2024-03-20', due: '2024-06-28', reason: '申请数量巨大' });
  });

  it('reports how late a decision was', () => {
    const reading = clock(RECEIVED, [{ type: 'decided', date: '2024-04-03' }]);
    expect(reading.due).toBe('2024-04-01');
    expect(overdueWorkdays(reading, '2024-12-31', calendar)).toBe(2);
    expect(workdaysLeft(reading, '2024-03-05', calendar)).toBeNull();
  });
});

describe('year boundaries', () => {
  it('counts across the New Year inside the data', () => {
    // 元旦 2026: 1–3 January off, Sunday 4 January worked.
    expect(clock('2025-12-15').due).toBe('2026-01-13');
  });

  it('refuses a due date running into 2027 with the missing year, not a weekend fallback', () => {
    const error = invalid('2026-12-10', []);
    expect(error.field).toBe('date');
    expect(error.message).toContain('2027年的节假日安排尚无数据');
    expect(invalid('2026-11-20', [{ type: 'extended', date: '2026-12-01', workdays: 20 }]).message).toContain(
      '2027年',
    );
  });

  it('counts into 2027 once the admin has entered that year', () => {
    const with2027 = createWorkingDayCalendar({
      days: [{ date: '2027-01-01', kind: 'holiday', notice: '2027年节假日安排通知' }],
      completeYears: [{ year: 2027, notice: '2027年节假日安排通知' }],
    });
    expect(deriveClock({ received: '2026-12-10', events: [] }, with2027).due).toBe('2027-01-08');
  });
});

describe('illegal ledgers', () => {
  it.each<[string, ClockEvent[], string, RegExp]>([
    [
      'a second extension',
      [
        { type: 'extended', date: '2024-03-10', workdays: 5 },
        { type: 'extended', date: '2024-03-11', workdays: 5 },
      ],
      'events[1].type',
      /只能延长一次.*第三十三条/,
    ],
    [
      'an extension over 20 working days',
      [{ type: 'extended', date: '2024-03-10', workdays: 21 }],
      'events[0].workdays',
      /不得超过 20 个工作日/,
    ],
    [
      'an event before receipt',
      [{ type: 'fee_notice', date: '2024-03-01' }],
      'events[0].date',
      /早于收到申请日/,
    ],
    [
      'events out of date order',
      [
        { type: 'fee_notice', date: '2024-03-10' },
        { type: 'fee_paid', date: '2024-03-08' },
      ],
      'events[1].date',
      /按日期顺序/,
    ],
    [
      'ending a consultation never started',
      [{ type: 'consultation_ended', date: '2024-03-10' }],
      'events[0].type',
      /没有进行中的征求意见/,
    ],
    [
      'a payment without a fee notice',
      [{ type: 'fee_paid', date: '2024-03-10' }],
      'events[0].type',
      /没有待缴的收费通知/,
    ],
    [
      'a second fee notice',
      [
        { type: 'fee_notice', date: '2024-03-10' },
        { type: 'fee_paid', date: '2024-03-11' },
        { type: 'fee_notice', date: '2024-03-12' },
      ],
      'events[2].type',
      /收费通知已发出过/,
    ],
    [
      'a correction never requested',
      [{ type: 'corrected', date: '2024-03-10' }],
      'events[0].type',
      /没有待补正/,
    ],
    [
      'a second correction request',
      [
        { type: 'correction_requested', date: '2024-03-05' },
        { type: 'corrected', date: '2024-03-08' },
        { type: 'correction_requested', date: '2024-03-11' },
      ],
      'events[2].type',
      /一次性告知/,
    ],
    [
      'a pause while awaiting correction',
      [
        { type: 'correction_requested', date: '2024-03-05' },
        { type: 'consultation_started', date: '2024-03-06' },
      ],
      'events[1].type',
      /补正前/,
    ],
    [
      'an extension while awaiting correction',
      [
        { type: 'correction_requested', date: '2024-03-05' },
        { type: 'extended', date: '2024-03-06', workdays: 5 },
      ],
      'events[1].type',
      /补正前/,
    ],
    [
      'an agency-set deadline not later than the due date',
      [{ type: 'deadline_set', date: '2024-03-05', due: '2024-03-29' }],
      'events[0].due',
      /第三十五条/,
    ],
    [
      'an agency-set deadline during a pause',
      [
        { type: 'fee_notice', date: '2024-03-05' },
        { type: 'deadline_set', date: '2024-03-06', due: '2024-06-28' },
      ],
      'events[1].type',
      /暂停计时期间/,
    ],
    [
      'events after the decision',
      [
        { type: 'decided', date: '2024-03-05' },
        { type: 'extended', date: '2024-03-06', workdays: 5 },
      ],
      'events[1].type',
      /之后只能记录送达/,
    ],
    [
      'delivery before a decision',
      [{ type: 'delivered', date: '2024-03-05' }],
      'events[0].type',
      /尚未作出答复决定/,
    ],
    ['an impossible date', [{ type: 'decided', date: '2024-02-30' }], 'events[0].date', /不是存在的日期/],
  ])('rejects %s', (_name, events, field, message) => {
    const error = invalid(RECEIVED, events);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
