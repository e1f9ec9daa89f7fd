// The ledger of an application's clock: the receipt date and the dated events that move the deadline.
// Due dates are never typed in; they are derived from this ledger (see deadline-clock.ts).
import { assertPlainDate, type PlainDate } from '../calendar/plain-date.ts';
import { Invalid } from '../errors.ts';

/** Art. 32 third party, or Art. 34 another agency (co-producer); both have 15 working days to reply. */
export type ConsultationParty = 'third_party' | 'agency';

export type ClockEvent =
  /** Art. 30: the one correction notice; `workdays` is the period granted (default configurable). */
  | { readonly type: 'correction_requested'; readonly date: PlainDate; readonly workdays?: number }
  /** The corrected application arrived: the 20 working days restart from this date. */
  | { readonly type: 'corrected'; readonly date: PlainDate }
  /** `ref` tells concurrent consultations apart (e.g. the third party's name). */
  | {
      readonly type: 'consultation_started';
      readonly date: PlainDate;
      readonly party?: ConsultationParty;
      readonly ref?: string;
    }
  | { readonly type: 'consultation_ended'; readonly date: PlainDate; readonly ref?: string }
  | { readonly type: 'fee_notice'; readonly date: PlainDate }
  | { readonly type: 'fee_paid'; readonly date: PlainDate }
  /** Art. 33: once, at most 20 working days. */
  | { readonly type: 'extended'; readonly date: PlainDate; readonly workdays: number }
  /** Art. 35: the agency sets a later deadline for an excessive request, with its reason. */
  | {
      readonly type: 'deadline_set';
      readonly date: PlainDate;
      readonly due: PlainDate;
      readonly reason?: string;
    }
  | { readonly type: 'decided'; readonly date: PlainDate }
  | { readonly type: 'delivered'; readonly date: PlainDate };

export type ClockEventType = ClockEvent['type'];

export interface ClockLedger {
  /** The legal receipt date (Art. 31 rule of the channel). */
  readonly received: PlainDate;
  /** In date order; events of one day in the order they happened. */
  readonly events: readonly ClockEvent[];
}

export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = [
  'correction_requested',
  'corrected',
  'consultation_started',
  'consultation_ended',
  'fee_notice',
  'fee_paid',
  'extended',
  'deadline_set',
  'decided',
  'delivered',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(record: Record<string, unknown>, key: string, field: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Invalid(`${field}.${key}`, `${field}.${key} 须为非空文字`);
  }
  return value;
}

function workdaysOf(record: Record<string, unknown>, field: string): number {
  const value = record.workdays;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Invalid(`${field}.workdays`, `${field}.workdays 须为正整数（工作日数）`);
  }
  return value;
}

function eventOf(value: unknown, index: number): ClockEvent {
  const field = `events[${index}]`;
  if (!isRecord(value))
    throw new Invalid(field, `${field} 须为对象，如 {"type":"extended","date":"YYYY-MM-DD"}`);
  const type = value.type;
  if (type === 'received') {
    throw new Invalid(
      `${field}.type`,
      `接收日期只记录一次，写在 received 字段中，不能作为 ${field} 再次记录`,
    );
  }
  if (typeof type !== 'string' || !(CLOCK_EVENT_TYPES as readonly string[]).includes(type)) {
    throw new Invalid(
      `${field}.type`,
      `${field}.type 不是可识别的事件类型：${type === undefined ? '（空）' : JSON.stringify(type)}；可用：${CLOCK_EVENT_TYPES.join('、')}`,
    );
  }
  const date = assertPlainDate(value.date, `${field}.date`);
  const eventType = type as ClockEventType;
  switch (eventType) {
    case 'correction_requested':
      return value.workdays === undefined
        ? { type: eventType, date }
        : { type: eventType, date, workdays: workdaysOf(value, field) };
    case 'consultation_started': {
      const party = value.party;
      if (party !== undefined && party !== 'third_party' && party !== 'agency') {
        throw new Invalid(`${field}.party`, `${field}.party 须为 third_party（第三方）或 agency（其他机关）`);
      }
      const ref = optionalString(value, 'ref', field);
      return { type: eventType, date, ...(party ? { party } : {}), ...(ref ? { ref } : {}) };
    }
    case 'consultation_ended': {
      const ref = optionalString(value, 'ref', field);
      return { type: eventType, date, ...(ref ? { ref } : {}) };
    }
    case 'extended':
      return { type: eventType, date, workdays: workdaysOf(value, field) };
    case 'deadline_set': {
      const due = assertPlainDate(value.due, `${field}.due`);
      const reason = optionalString(value, 'reason', field);
      return { type: eventType, date, due, ...(reason ? { reason } : {}) };
    }
    case 'corrected':
    case 'fee_notice':
    case 'fee_paid':
    case 'decided':
    case 'delivered':
      return { type: eventType, date };
  }
}

/** Reads a ledger from untrusted JSON (`{"received": "…", "events": [...]}`), naming the bad field. */
export function parseClockLedger(value: unknown): ClockLedger {
  if (!isRecord(value))
    throw new Invalid('ledger', '输入须为 JSON 对象，如 {"received":"2024-10-03","events":[]}');
  const received = assertPlainDate(value.received, 'received');
  const events = value.events ?? [];
  if (!Array.isArray(events)) throw new Invalid('events', 'events 须为事件数组');
  return { received, events: events.map(eventOf) };
}
