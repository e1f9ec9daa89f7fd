// Enqueueing a notification: one row per dedupe key, inside the caller's transaction when there is one,
// so a message exists exactly when what caused it was committed.
import { Invalid } from '../../core/errors.ts';
import type { Executor } from '../../db/transaction.ts';
import type { NewNotification } from './model.ts';
import { insertNotification } from './repo.ts';

/** Enqueues the message once per dedupe key; true when this call enqueued it, false when it was there. */
export async function enqueueNotification(
  executor: Executor,
  notification: NewNotification,
  now = new Date(),
): Promise<boolean> {
  for (const field of ['kind', 'dedupeKey', 'subject', 'body'] as const) {
    if (notification[field].trim() === '') throw new Invalid(field, `通知的“${field}”不能为空`);
  }
  return insertNotification(executor, notification, now);
}
