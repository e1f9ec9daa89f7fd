// What the clock shows: the statutory periods it counts with and the reading derived from a ledger.
import type { PlainDate } from '../calendar/plain-date.ts';
import type { ConsultationParty } from './clock-ledger.ts';

export const ANSWER_WORKDAYS = 20;
export const MAX_EXTENSION_WORKDAYS = 20;
export const CORRECTION_NOTICE_WORKDAYS = 7;
export const CONSULTATION_REPLY_WORKDAYS = 15;
export const FEE_PAYMENT_WORKDAYS = 20;
export const DEFAULT_CORRECTION_PERIOD_WORKDAYS = 15;

export interface ClockOptions {
  /** The correction period granted when the notice does not state one (configurable, default 15). */
  readonly correctionPeriodWorkdays?: number;
}

export type ClockState = 'running' | 'paused' | 'awaiting_correction' | 'decided';

export interface ClockPause {
  readonly kind: 'consultation' | 'fee';
  readonly party?: ConsultationParty;
  readonly ref?: string;
  readonly from: PlainDate;
  /** null while the pause is open. */
  readonly to: PlainDate | null;
  /** Consultation: the 15-working-day reply period ends; fee: unpaid by then, processing stops. */
  readonly limit: PlainDate;
  /** zh-CN, with its legal basis, for the status page. */
  readonly reason: string;
}

export interface ClockWarning {
  /** Index in ledger.events, or null for the ledger as a whole. */
  readonly event: number | null;
  readonly code:
    | 'late_correction_request'
    | 'late_correction'
    | 'paused_after_due'
    | 'extended_after_due'
    | 'pause_open_at_decision';
  readonly message: string;
}

export interface ClockReading {
  readonly received: PlainDate;
  readonly state: ClockState;
  /** null while awaiting correction, and while a pause holds working days back. */
  readonly due: PlainDate | null;
  /** While paused: the working days that will run again after the last pause ends. */
  readonly remainingWorkdays: number | null;
  readonly pauses: readonly ClockPause[];
  readonly extended: { readonly date: PlainDate; readonly workdays: number } | null;
  readonly deadlineSet: {
    readonly date: PlainDate;
    readonly due: PlainDate;
    readonly reason?: string;
  } | null;
  readonly correction: {
    readonly requested: PlainDate;
    readonly due: PlainDate;
    readonly corrected: PlainDate | null;
  } | null;
  /** Only while awaiting correction: the date by which the applicant must correct. */
  readonly correctionDue?: PlainDate;
  readonly decided: PlainDate | null;
  readonly delivered: PlainDate | null;
  readonly warnings: readonly ClockWarning[];
}
