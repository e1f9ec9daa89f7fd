import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { parseClockLedger } from './clock-ledger.ts';

function fieldOf(value: unknown): string {
  try {
    parseClockLedger(value);
  } catch (error) {
    if (error instanceof Invalid) return error.field;
    throw error;
  }
  throw new Error('expected Invalid');
}

describe('reading a ledger from JSON', () => {
  it('reads the issue example', () => {
    expect(
      parseClockLedger({
        received: '2024-10-03',
        events: [{ type: 'extended', date: '2024-10-25', workdays: 20 }],
        today: '2024-10-28',
      }),
    ).toEqual({ received: '2024-10-03', events: [{ type: 'extended', date: '2024-10-25', workdays: 20 }] });
  });

  it('keeps only the fields each event type has', () => {
    const ledger = parseClockLedger({
      received: '2024-03-04',
      events: [
        { type: 'consultation_started', date: '2024-03-05', party: 'third_party', ref: '甲公司', note: 'x' },
        { type: 'deadline_set', date: '2024-03-06', due: '2024-06-28', reason: '申请数量巨大' },
        { type: 'decided', date: '2024-06-01', workdays: 3 },
      ],
    });
    expect(ledger.events).toEqual([
      { type: 'consultation_started', date: '2024-03-05', party: 'third_party', ref: '甲公司' },
      { type: 'deadline_set', date: '2024-03-06', due: '2024-06-28', reason: '申请数量巨大' },
      { type: 'decided', date: '2024-06-01' },
    ]);
  });

  it.each([
    [[], 'ledger'],
    [{ events: [] }, 'received'],
    [{ received: '2024-13-01' }, 'received'],
    [{ received: '2024-03-04', events: {} }, 'events'],
    [{ received: '2024-03-04', events: ['x'] }, 'events[0]'],
    [{ received: '2024-03-04', events: [{ type: 'paused', date: '2024-03-05' }] }, 'events[0].type'],
    [{ received: '2024-03-04', events: [{ type: 'received', date: '2024-03-05' }] }, 'events[0].type'],
    [{ received: '2024-03-04', events: [{ type: 'fee_notice' }] }, 'events[0].date'],
    [{ received: '2024-03-04', events: [{ type: 'extended', date: '2024-03-05' }] }, 'events[0].workdays'],
    [
      { received: '2024-03-04', events: [{ type: 'extended', date: '2024-03-05', workdays: '5' }] },
      'events[0].workdays',
    ],
    [{ received: '2024-03-04', events: [{ type: 'deadline_set', date: '2024-03-05' }] }, 'events[0].due'],
    [
      { received: '2024-03-04', events: [{ type: 'consultation_started', date: '2024-03-05', party: 'x' }] },
      'events[0].party',
    ],
  ])('rejects %j naming %s', (value, field) => {
    expect(fieldOf(value)).toBe(field);
  });
});
