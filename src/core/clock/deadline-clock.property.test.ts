import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/plain-date.ts';
import { createWorkingDayCalendar } from '../calendar/working-days.ts';
import type { ClockEvent } from './clock-ledger.ts';
import { deriveClock } from './deadline-clock.ts';

const calendar = createWorkingDayCalendar();

interface PauseSpan {
  readonly startOffset: number;
  readonly length: number;
  readonly kind: 'consultation' | 'fee';
}

// Receipt dates from 2019 to mid-2025, so that every due date (with pauses and extension) stays in the data.
const receivedDate = fc.integer({ min: 0, max: 2350 }).map((offset) => addDays('2019-01-01', offset));

function pauseSpans(maxStartOffset: number) {
  return fc.array(
    fc.record({
      startOffset: fc.integer({ min: 0, max: maxStartOffset }),
      length: fc.integer({ min: 0, max: 30 }),
      kind: fc.constantFrom('consultation' as const, 'fee' as const),
    }),
    { maxLength: 4 },
  );
}

/** Pauses as ledger events in date order: consultations told apart by ref; at most one fee notice. */
function pauseEvents(received: string, spans: readonly PauseSpan[]): ClockEvent[] {
  let feeUsed = false;
  const moments: { date: string; order: number; event: ClockEvent }[] = [];
  spans.forEach((span, index) => {
    const from = addDays(received, span.startOffset);
    const to = addDays(from, span.length);
    if (span.kind === 'fee' && !feeUsed) {
      feeUsed = true;
      moments.push({ date: from, order: 0, event: { type: 'fee_notice', date: from } });
      moments.push({ date: to, order: 1, event: { type: 'fee_paid', date: to } });
      return;
    }
    const ref = `第三方${index}`;
    moments.push({ date: from, order: 0, event: { type: 'consultation_started', date: from, ref } });
    moments.push({ date: to, order: 1, event: { type: 'consultation_ended', date: to, ref } });
  });
  // Starts before ends on the same day, so that a pause never ends before it starts.
  return moments
    .sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1))
    .map((moment) => moment.event);
}

function dueOf(received: string, events: ClockEvent[]): string {
  const due = deriveClock({ received, events }, calendar).due;
  if (due === null) throw new Error('expected a due date');
  return due;
}

describe('clock properties', () => {
  it('a pause never makes a due date earlier', () => {
    fc.assert(
      fc.property(
        receivedDate,
        pauseSpans(60),
        fc.record({
          startOffset: fc.integer({ min: 0, max: 60 }),
          length: fc.integer({ min: 0, max: 30 }),
          kind: fc.constant('consultation' as const),
        }),
        (received, spans, extra) => {
          const before = dueOf(received, pauseEvents(received, spans));
          const after = dueOf(received, pauseEvents(received, [...spans, extra]));
          expect(after >= before).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an extension of n moves the due date by exactly n working days', () => {
    fc.assert(
      fc.property(
        receivedDate,
        // Pauses start within 15 days of receipt, before any due date can have passed.
        pauseSpans(15),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 8 }),
        (received, spans, workdays, position) => {
          const events = pauseEvents(received, spans);
          const base = dueOf(received, events);
          const at = Math.min(position, events.length);
          const date = events[at - 1]?.date ?? received;
          const extension: ClockEvent = { type: 'extended', date, workdays };
          const extended = dueOf(received, [...events.slice(0, at), extension, ...events.slice(at)]);
          expect(calendar.workdaysBetween(base, extended)).toBe(workdays);
          expect(calendar.isWorkingDay(extended)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the due date is always a working day at least 20 working days after receipt', () => {
    fc.assert(
      fc.property(receivedDate, pauseSpans(60), (received, spans) => {
        const due = dueOf(received, pauseEvents(received, spans));
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workdaysBetween(received, due)).toBeGreaterThanOrEqual(20);
      }),
      { numRuns: 300 },
    );
  });
});
