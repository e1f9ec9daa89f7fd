// The status history of a new-media account: an opening, changes (name, 备案, operator…) and a closing,
// each on a date with a note. An event is checked against the account's present state, which it moves.
import { isPlainDate, type PlainDate } from '../calendar/plain-date.ts';
import { Invalid } from '../errors.ts';
import { ACCOUNT_EVENT_KINDS, type AccountEventKind } from './activity.ts';
import type { ChannelStatus } from './channels.ts';

export interface AccountEventInput {
  readonly kind: AccountEventKind;
  readonly occurredOn: PlainDate;
  readonly note: string | null;
}

const MAX_NOTE = 500;

/** Validates the event form; a date after `today` is refused (the history records what happened). */
export function validateAccountEvent(
  form: Readonly<Record<string, unknown>>,
  today: PlainDate,
): AccountEventInput {
  const { kind } = form;
  if (typeof kind !== 'string' || !(ACCOUNT_EVENT_KINDS as readonly string[]).includes(kind)) {
    throw new Invalid('kind', '请选择事项（开设、变更或关停）');
  }
  const occurredOn = typeof form.occurredOn === 'string' ? form.occurredOn.trim() : '';
  if (!isPlainDate(occurredOn)) throw new Invalid('occurredOn', '日期应为有效日期（如 2026-01-05）');
  if (occurredOn > today) throw new Invalid('occurredOn', '日期不能晚于今天');
  const note = typeof form.note === 'string' ? form.note.trim() : '';
  if (note.length > MAX_NOTE) throw new Invalid('note', `说明不能超过 ${MAX_NOTE} 个字`);
  if (kind === 'changed' && note === '') throw new Invalid('note', '变更须写明变更了什么');
  return { kind: kind as AccountEventKind, occurredOn, note: note === '' ? null : note };
}

export interface AccountState {
  readonly status: ChannelStatus;
  readonly openedOn: PlainDate | null;
  readonly closedOn: PlainDate | null;
}

/** The account's state after the event; throws Invalid when the event does not fit the state. */
export function applyAccountEvent(state: AccountState, event: AccountEventInput): AccountState {
  switch (event.kind) {
    case 'changed':
      return state;
    case 'closed':
      if (state.status === 'closed') throw new Invalid('kind', '该账号已关停');
      if (state.openedOn !== null && event.occurredOn < state.openedOn) {
        throw new Invalid('occurredOn', `关停日期不能早于开设日期 ${state.openedOn}`);
      }
      return { status: 'closed', openedOn: state.openedOn, closedOn: event.occurredOn };
    case 'opened':
      if (state.status === 'active') throw new Invalid('kind', '该账号正在运行，无需登记开设');
      if (state.closedOn !== null && event.occurredOn < state.closedOn) {
        throw new Invalid('occurredOn', `重新开设的日期不能早于关停日期 ${state.closedOn}`);
      }
      return { status: 'active', openedOn: event.occurredOn, closedOn: null };
  }
}
