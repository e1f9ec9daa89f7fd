// Applies one ledger event to the clock being derived, enforcing the rules a real ledger must follow.
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { dayNumberOf, laterOf, type PlainDate } from '../calendar/plain-date.ts';
import { Invalid } from '../errors.ts';
import type { ClockEvent } from './clock-ledger.ts';
import {
  ANSWER_WORKDAYS,
  CONSULTATION_REPLY_WORKDAYS,
  CORRECTION_NOTICE_WORKDAYS,
  FEE_PAYMENT_WORKDAYS,
  MAX_EXTENSION_WORKDAYS,
  type ClockPause,
  type ClockReading,
  type ClockWarning,
} from './clock-reading.ts';

export interface OpenPause {
  readonly index: number;
  readonly kind: 'consultation' | 'fee';
  readonly ref?: string;
}

export const EVENT_LABELS: Record<ClockEvent['type'], string> = {
  correction_requested: '补正告知',
  corrected: '收到补正',
  consultation_started: '开始征求意见',
  consultation_ended: '征求意见结束',
  fee_notice: '收费通知',
  fee_paid: '缴费',
  extended: '延期答复',
  deadline_set: '另行确定答复期限',
  decided: '作出答复决定',
  delivered: '送达',
};

function pauseReason(event: ClockEvent): string {
  if (event.type === 'fee_notice') return '收费通知至缴费期间不计入答复期限（国办函〔2020〕109号）';
  if (event.type === 'consultation_started' && event.party === 'agency') {
    return '征求其他机关意见期间不计入答复期限（《政府信息公开条例》第三十四条）';
  }
  return '征求第三方意见期间不计入答复期限（《政府信息公开条例》第三十二条）';
}

export interface MutableClock {
  phase: 'running' | 'awaiting_correction' | 'decided';
  due: PlainDate;
  dueAtDecision: PlainDate | null;
  /** While a pause that holds working days back is open: the working days left when it began. */
  heldBack: number | null;
  open: OpenPause[];
  pauses: Map<number, ClockPause>;
  warnings: ClockWarning[];
  extended: ClockReading['extended'];
  deadlineSet: ClockReading['deadlineSet'];
  correction: ClockReading['correction'];
  decided: PlainDate | null;
  delivered: PlainDate | null;
  feeNoticed: boolean;
}

export interface EventContext {
  readonly index: number;
  readonly field: string;
  readonly label: string;
  readonly received: PlainDate;
  readonly correctionPeriod: number;
  readonly calendar: WorkingDayCalendar;
}

function openPause(clock: MutableClock, event: ClockEvent, context: EventContext, pause: OpenPause): void {
  const { calendar, index } = context;
  if (clock.open.length === 0) {
    const left = calendar.workdaysBetween(event.date, clock.due);
    if (left > 0) clock.heldBack = left;
    else {
      clock.warnings.push({
        event: index,
        code: 'paused_after_due',
        message: `${EVENT_LABELS[event.type]}（${event.date}）时答复期限（${clock.due}）已届满，暂停不再延后期限`,
      });
    }
  }
  clock.open.push(pause);
  const limitWorkdays = pause.kind === 'fee' ? FEE_PAYMENT_WORKDAYS : CONSULTATION_REPLY_WORKDAYS;
  clock.pauses.set(index, {
    kind: pause.kind,
    ...(event.type === 'consultation_started' && event.party ? { party: event.party } : {}),
    ...(pause.ref ? { ref: pause.ref } : {}),
    from: event.date,
    to: null,
    limit: calendar.nthWorkdayAfter(event.date, limitWorkdays),
    reason: pauseReason(event),
  });
}

function closePause(
  clock: MutableClock,
  position: number,
  date: PlainDate,
  calendar: WorkingDayCalendar,
): void {
  const [pause] = clock.open.splice(position, 1);
  if (!pause) return;
  const record = clock.pauses.get(pause.index);
  if (record) clock.pauses.set(pause.index, { ...record, to: date });
  // Overlapping pauses count once: the held-back working days run again only when the last one ends.
  if (clock.open.length === 0 && clock.heldBack !== null) {
    clock.due = laterOf(clock.due, calendar.nthWorkdayAfter(date, clock.heldBack));
    clock.heldBack = null;
  }
}

export function applyEvent(clock: MutableClock, event: ClockEvent, context: EventContext): void {
  const { index, field, label, received, calendar } = context;
  const date = event.date;
  const requireRunning = (what: string) => {
    if (clock.phase === 'awaiting_correction') {
      throw new Invalid(`${field}.type`, `${label}：申请人补正前答复期限尚未起算，不能${what}`);
    }
  };
  const requireNoPause = (what: string) => {
    if (clock.open.length > 0) {
      throw new Invalid(`${field}.type`, `${label}：暂停计时期间不能${what}，请先记录暂停结束`);
    }
  };

  switch (event.type) {
    case 'correction_requested': {
      if (clock.correction) {
        throw new Invalid(`${field}.type`, `${label}：补正应一次性告知（条例第三十条），不能第二次要求补正`);
      }
      requireNoPause('要求补正');
      if (clock.extended || clock.deadlineSet) {
        throw new Invalid(`${field}.type`, `${label}：已延期或另行确定答复期限后不能再要求补正`);
      }
      const elapsed = calendar.workdaysBetween(received, date);
      if (elapsed > CORRECTION_NOTICE_WORKDAYS) {
        clock.warnings.push({
          event: index,
          code: 'late_correction_request',
          message: `补正告知（${date}）晚于收到申请后 ${CORRECTION_NOTICE_WORKDAYS} 个工作日（已过 ${elapsed} 个工作日，条例第三十条）`,
        });
      }
      const period = event.workdays ?? context.correctionPeriod;
      clock.correction = { requested: date, due: calendar.nthWorkdayAfter(date, period), corrected: null };
      clock.phase = 'awaiting_correction';
      return;
    }
    case 'corrected': {
      if (clock.phase !== 'awaiting_correction' || !clock.correction) {
        throw new Invalid(`${field}.type`, `${label}：没有待补正的申请（须先记录补正告知）`);
      }
      if (date > clock.correction.due) {
        clock.warnings.push({
          event: index,
          code: 'late_correction',
          message: `补正（${date}）晚于补正期限 ${clock.correction.due}；无正当理由逾期补正的，视为放弃申请（条例第三十条）`,
        });
      }
      clock.correction = { ...clock.correction, corrected: date };
      clock.due = calendar.nthWorkdayAfter(date, ANSWER_WORKDAYS);
      clock.phase = 'running';
      return;
    }
    case 'consultation_started': {
      requireRunning('开始征求意见');
      if (
        event.ref !== undefined &&
        clock.open.some((p) => p.kind === 'consultation' && p.ref === event.ref)
      ) {
        throw new Invalid(`${field}.ref`, `${label}：征求意见“${event.ref}”已在进行中`);
      }
      openPause(clock, event, context, {
        index,
        kind: 'consultation',
        ...(event.ref ? { ref: event.ref } : {}),
      });
      return;
    }
    case 'consultation_ended': {
      const position = clock.open.findIndex(
        (p) => p.kind === 'consultation' && (event.ref === undefined || p.ref === event.ref),
      );
      if (position < 0) {
        const which = event.ref === undefined ? '' : `“${event.ref}”`;
        throw new Invalid(`${field}.type`, `${label}：没有进行中的征求意见${which}可以结束`);
      }
      closePause(clock, position, date, calendar);
      return;
    }
    case 'fee_notice': {
      requireRunning('发出收费通知');
      if (clock.feeNoticed) throw new Invalid(`${field}.type`, `${label}：收费通知已发出过，不能重复记录`);
      clock.feeNoticed = true;
      openPause(clock, event, context, { index, kind: 'fee' });
      return;
    }
    case 'fee_paid': {
      const position = clock.open.findIndex((p) => p.kind === 'fee');
      if (position < 0) throw new Invalid(`${field}.type`, `${label}：没有待缴的收费通知`);
      closePause(clock, position, date, calendar);
      return;
    }
    case 'extended': {
      if (clock.extended) {
        throw new Invalid(
          `${field}.type`,
          `${label}：答复期限只能延长一次（条例第三十三条），已于 ${clock.extended.date} 延期`,
        );
      }
      if (event.workdays > MAX_EXTENSION_WORKDAYS) {
        throw new Invalid(
          `${field}.workdays`,
          `${label}：延长的期限最长不得超过 ${MAX_EXTENSION_WORKDAYS} 个工作日（条例第三十三条），收到 ${event.workdays}`,
        );
      }
      requireRunning('延期');
      clock.extended = { date, workdays: event.workdays };
      if (clock.heldBack !== null) {
        clock.heldBack += event.workdays;
        return;
      }
      if (date > clock.due) {
        clock.warnings.push({
          event: index,
          code: 'extended_after_due',
          message: `延期决定（${date}）晚于原答复期限 ${clock.due}：延期应在期限内作出并告知申请人`,
        });
      }
      clock.due = calendar.nthWorkdayAfter(clock.due, event.workdays);
      return;
    }
    case 'deadline_set': {
      if (clock.deadlineSet) {
        throw new Invalid(`${field}.type`, `${label}：答复期限已于 ${clock.deadlineSet.date} 另行确定过`);
      }
      requireRunning('另行确定答复期限');
      requireNoPause('另行确定答复期限');
      dayNumberOf(event.due, `${field}.due`);
      if (event.due <= clock.due) {
        throw new Invalid(
          `${field}.due`,
          `${label}：依条例第三十五条确定的答复期限 ${event.due} 须晚于当前答复期限 ${clock.due}`,
        );
      }
      clock.deadlineSet = { date, due: event.due, ...(event.reason ? { reason: event.reason } : {}) };
      clock.due = event.due;
      return;
    }
    case 'decided': {
      if (clock.open.length > 0) {
        clock.warnings.push({
          event: index,
          code: 'pause_open_at_decision',
          message: `作出答复决定（${date}）时仍有未结束的暂停，按决定日结束计算`,
        });
        while (clock.open.length > 0) closePause(clock, 0, date, calendar);
      }
      clock.dueAtDecision = clock.phase === 'awaiting_correction' ? null : clock.due;
      clock.decided = date;
      clock.phase = 'decided';
      return;
    }
    case 'delivered': {
      if (clock.phase !== 'decided') {
        throw new Invalid(`${field}.type`, `${label}：尚未作出答复决定，不能记录送达`);
      }
      if (clock.delivered) throw new Invalid(`${field}.type`, `${label}：已于 ${clock.delivered} 记录送达`);
      clock.delivered = date;
      return;
    }
  }
}
