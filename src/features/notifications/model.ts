// The notification outbox: messages to staff written in the same transaction as what caused them,
// delivered later by a background job (by e-mail when a mail server is configured, else to the log).

/**
 * A message to enqueue. The dedupe key makes enqueueing idempotent: one row per key, ever. Subject and body
 * must not carry personal data: without a mail server they are written to the log.
 */
export interface NewNotification {
  /** What the message is about, e.g. 'application-reminder'. */
  readonly kind: string;
  readonly dedupeKey: string;
  /** The staff member to notify; null: nobody to address it to (it is written to the log). */
  readonly recipientUserId: number | null;
  /** Someone without an account (a 纠错 reporter): the e-mail address, sealed; used when no user is named. */
  readonly recipientAddressSealed?: string | null;
  readonly subject: string;
  readonly body: string;
}

/** A message claimed for delivery. */
export interface PendingNotification extends NewNotification {
  readonly id: number;
  readonly attempts: number;
}

/** How a message went out: by e-mail, or written to the log (no mail server, or no address). */
export type DeliveryChannel = 'email' | 'log';

/** Failed sends are retried with a growing delay; after this many attempts the message is given up. */
export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;

/** The wait after the n-th failed attempt: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** exponent);
}
