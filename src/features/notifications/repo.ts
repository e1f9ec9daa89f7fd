// All SQL of the outbox. A message is claimed by one conditional UPDATE … RETURNING: a row goes to the
// process whose UPDATE changed it, so two processes never send the same message. A failed message stays
// held (claimed_until) until its retry time, so the claim condition is also the backoff.
import { fromDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { NewNotification, PendingNotification } from './model.ts';

/** Inserts the message unless its dedupe key is taken; true when this call inserted it. */
export async function insertNotification(
  db: Executor,
  notification: NewNotification,
  now: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values({
      kind: notification.kind,
      dedupe_key: notification.dedupeKey,
      recipient_user_id: notification.recipientUserId,
      recipient_address_sealed: notification.recipientAddressSealed ?? null,
      subject: notification.subject,
      body: notification.body,
      // ISO-8601 text is SQLite's timestamp form and PostgreSQL reads it into timestamptz exactly, so a
      // caller's transaction (without the dialect at hand) is enough to enqueue.
      created_at: now.toISOString(),
    })
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export interface ClaimRequest {
  readonly holder: string;
  readonly now: Date;
  readonly claimUntil: Date;
  readonly limit: number;
  readonly maxAttempts: number;
}

/** Claims up to `limit` unsent messages that nobody holds, oldest first. */
export async function claimNotifications(
  db: Executor,
  dialect: DialectName,
  request: ClaimRequest,
): Promise<PendingNotification[]> {
  const now = fromDate(dialect, request.now);
  const candidates = db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('attempts', '<', request.maxAttempts)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
    .orderBy('id')
    .limit(request.limit)
    .$if(dialect === 'postgres', (query) => query.forUpdate().skipLocked());
  const rows = await db
    .updateTable('outbox')
    .set({ claimed_by: request.holder, claimed_until: fromDate(dialect, request.claimUntil) })
    .where('id', 'in', candidates)
    .where('sent_at', 'is', null)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
    .returning([
      'id',
      'kind',
      'dedupe_key',
      'recipient_user_id',
      'recipient_address_sealed',
      'subject',
      'body',
      'attempts',
    ])
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      dedupeKey: row.dedupe_key,
      recipientUserId: row.recipient_user_id,
      recipientAddressSealed: row.recipient_address_sealed,
      subject: row.subject,
      body: row.body,
      attempts: row.attempts,
    }))
    .sort((a, b) => a.id - b.id);
}

export async function markSent(
  db: Executor,
  dialect: DialectName,
  id: number,
  holder: string,
  sent: { readonly via: string; readonly at: Date },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      sent_at: fromDate(dialect, sent.at),
      sent_via: sent.via,
      attempts: eb('attempts', '+', 1),
      claimed_by: null,
      claimed_until: null,
    }))
    .where('id', '=', id)
    .where('claimed_by', '=', holder)
    .where('sent_at', 'is', null)
    .execute();
}

/** Records a failed attempt; the message is held until `retryAt`, or for good when null. */
export async function markFailed(
  db: Executor,
  dialect: DialectName,
  id: number,
  holder: string,
  failure: { readonly error: string; readonly retryAt: Date | null },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: failure.error,
      claimed_by: null,
      claimed_until: failure.retryAt === null ? null : fromDate(dialect, failure.retryAt),
    }))
    .where('id', '=', id)
    .where('claimed_by', '=', holder)
    .where('sent_at', 'is', null)
    .execute();
}

/** Where a staff member's notifications go: the sealed e-mail address, if any, and whether active. */
export interface Recipient {
  readonly emailSealed: string | null;
  readonly disabled: boolean;
}

export async function findRecipient(db: Executor, userId: number): Promise<Recipient | null> {
  const row = await db
    .selectFrom('users')
    .select(['email_sealed', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row === undefined ? null : { emailSealed: row.email_sealed, disabled: row.disabled_at !== null };
}
