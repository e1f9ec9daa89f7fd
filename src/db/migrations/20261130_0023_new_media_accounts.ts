import { sql } from 'kysely';
import { addIdColumn, type MigrationContext } from '../dialect.ts';

// New-media accounts (政务新媒体) in the channels registry: the account id on its platform and the body that
// operates it, and the account's history of status events (opened, changed, closed), each with its date, a
// note and optionally the document behind it (a 备案 form, a closure notice). The documents are not personal
// data and are stored plain (base64), checked by content before they get here. Existing accounts get their
// opening and closing dates as events, so activity as of a past date reads one history for all.
// weekly_reminder_runs marks an ISO week whose weekly reminders (周提示) were all enqueued, so the job's
// later rounds in that week skip the scan (the outbox's dedupe key already makes each message unique).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await db.schema.alterTable('channels').addColumn('account_id', 'text').execute();
  await db.schema.alterTable('channels').addColumn('operator', 'text').execute();

  await addIdColumn(db.schema.createTable('channel_events'), dialect)
    .addColumn('channel_id', 'bigint', (col) => col.notNull().references('channels.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('occurred_on', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('document_name', 'text')
    .addColumn('document_type', 'text')
    .addColumn('document_size', 'integer')
    .addColumn('document_sha256', 'text')
    .addColumn('document_base64', 'text')
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('channel_events_channel')
    .on('channel_events')
    .columns(['channel_id', 'occurred_on'])
    .execute();

  await db.schema
    .createTable('weekly_reminder_runs')
    .addColumn('week', 'text', (col) => col.primaryKey())
    .addColumn('units', 'integer', (col) => col.notNull())
    .addColumn('messages', 'integer', (col) => col.notNull())
    .addColumn('completed_at', types.timestamp, (col) => col.notNull())
    .execute();

  for (const [kind, column] of [
    ['opened', 'opened_on'],
    ['closed', 'closed_on'],
  ] as const) {
    await db
      .insertInto('channel_events')
      .columns(['channel_id', 'kind', 'occurred_on', 'note', 'created_at'])
      .expression(
        db
          .selectFrom('channels')
          .select([
            'id',
            sql.lit(kind).as('kind'),
            column,
            sql.lit('登记时填写的日期').as('note'),
            'created_at',
          ])
          .where('kind', '=', 'new-media')
          .where(column, 'is not', null),
      )
      .execute();
  }
}
