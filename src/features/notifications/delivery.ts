// Delivering the outbox: claim a batch, send each message, record how it went. E-mail when a mail server
// is configured and the recipient has an address; otherwise one structured log line per message (the
// subject and body carry no personal data, and the recipient is named by account id only).
import type { AppContext } from '../../app-context.ts';
import { describeFailure } from '../jobs/failure.ts';
import type { JobLogger } from '../jobs/model.ts';
import { openPersonal } from '../privacy/personal-field.ts';
import { createMailer, type Mailer } from './mailer.ts';
import {
  MAX_DELIVERY_ATTEMPTS,
  retryDelayMs,
  type DeliveryChannel,
  type PendingNotification,
} from './model.ts';
import { claimNotifications, findRecipient, markFailed, markSent } from './repo.ts';

const BATCH_SIZE = 20;
/** Longer than a batch can take with the mailer's timeouts, so a claim does not run out mid-batch. */
const CLAIM_MS = 15 * 60_000;

export interface DeliveryOptions {
  readonly holder: string;
  readonly logger: JobLogger;
  readonly now?: Date;
  readonly signal?: AbortSignal;
}

export interface DeliverySummary {
  readonly sent: number;
  readonly failed: number;
  readonly gaveUp: number;
}

/** The e-mail address to send to, or why the message goes to the log instead. */
async function addressOf(context: AppContext, message: PendingNotification): Promise<string | null> {
  if (message.recipientUserId === null) {
    return message.recipientAddressSealed ? openPersonal(context.keys, message.recipientAddressSealed) : null;
  }
  const recipient = await findRecipient(context.database.db, message.recipientUserId);
  if (recipient === null || recipient.disabled || recipient.emailSealed === null) return null;
  return openPersonal(context.keys, recipient.emailSealed);
}

async function deliverOne(
  context: AppContext,
  mailer: Mailer | null,
  message: PendingNotification,
  logger: JobLogger,
): Promise<DeliveryChannel> {
  const address = mailer === null ? null : await addressOf(context, message);
  if (mailer === null || address === null) {
    logger.info(
      {
        notification: message.id,
        kind: message.kind,
        recipientUserId: message.recipientUserId,
        subject: message.subject,
        body: message.body,
      },
      'notification',
    );
    return 'log';
  }
  await mailer.send({ to: address, subject: message.subject, text: message.body });
  return 'email';
}

/** Sends every message that is due, batch by batch, until none is left or the run is stopped. */
export async function deliverNotifications(
  context: AppContext,
  options: DeliveryOptions,
): Promise<DeliverySummary> {
  const { db, dialect } = context.database;
  const { holder, logger } = options;
  const now = options.now ?? new Date();
  const mailer = context.config.smtp === null ? null : createMailer(context.config.smtp);
  let sent = 0;
  let failed = 0;
  let gaveUp = 0;
  try {
    while (options.signal?.aborted !== true) {
      const batch = await claimNotifications(db, dialect, {
        holder,
        now,
        claimUntil: new Date(now.getTime() + CLAIM_MS),
        limit: BATCH_SIZE,
        maxAttempts: MAX_DELIVERY_ATTEMPTS,
      });
      if (batch.length === 0) break;
      for (const message of batch) {
        try {
          const via = await deliverOne(context, mailer, message, logger);
          await markSent(db, dialect, message.id, holder, { via, at: now });
          sent += 1;
        } catch (error) {
          const attempts = message.attempts + 1;
          const final = attempts >= MAX_DELIVERY_ATTEMPTS;
          const reason = describeFailure(error);
          await markFailed(db, dialect, message.id, holder, {
            error: final ? `已尝试 ${attempts} 次仍未发出，不再重试。最后一次的错误：${reason}` : reason,
            retryAt: final ? null : new Date(now.getTime() + retryDelayMs(attempts)),
          });
          logger.warn(
            { notification: message.id, kind: message.kind, attempts, error: reason },
            final ? 'notification given up' : 'notification not sent; will retry',
          );
          if (final) gaveUp += 1;
          else failed += 1;
        }
      }
    }
  } finally {
    mailer?.close();
  }
  return { sent, failed, gaveUp };
}
