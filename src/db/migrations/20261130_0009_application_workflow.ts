import { addIdColumn, type MigrationContext } from '../dialect.ts';

// The workflow of applications after receipt: routing, the whole timeline, decisions, letters, fees,
// attachments, co-handling tasks, the calendar's admin overrides, the notification outbox and the job
// leases that keep several app processes from doing the same background work twice.
//
// `applications.due_on` and `clock_state` are a cache of the clock derived from the ledger, rewritten in
// the same transaction as every ledger change and after every calendar change; work lists query them.
// The ledger stays the only source: the cache is never typed in and can always be rebuilt.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  const addToApplications = async (name: string, type: 'text' | 'bigint', reference?: string) => {
    await db.schema
      .alterTable('applications')
      .addColumn(name, type, (col) => (reference ? col.references(reference) : col))
      .execute();
  };
  await db.schema
    .alterTable('applications')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
    .execute();
  await addToApplications('handler_id', 'bigint', 'users.id');
  await addToApplications('due_on', 'text');
  await addToApplications('clock_state', 'text');
  await addToApplications('outcome', 'text');
  await addToApplications('closed_on', 'text');
  await addToApplications('registered_by', 'bigint', 'users.id');
  await addToApplications('receipt_basis', 'text');
  await db.schema
    .createIndex('applications_open_due')
    .on('applications')
    .columns(['status', 'due_on'])
    .execute();
  await db.schema.createIndex('applications_handler').on('applications').column('handler_id').execute();

  // Every step of the timeline: the clock events and the routing and handling steps.
  await db.schema.alterTable('application_events').addColumn('party', 'text').execute();
  await db.schema.alterTable('application_events').addColumn('ref', 'text').execute();
  await db.schema
    .alterTable('application_events')
    .addColumn('unit_id', 'bigint', (col) => col.references('units.id'))
    .execute();
  await db.schema
    .alterTable('application_events')
    .addColumn('to_unit_id', 'bigint', (col) => col.references('units.id'))
    .execute();
  await db.schema
    .alterTable('application_events')
    .addColumn('user_id', 'bigint', (col) => col.references('users.id'))
    .execute();
  await db.schema.alterTable('application_events').addColumn('details', 'text').execute();

  await db.schema
    .alterTable('units')
    .addColumn('vertically_managed', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('units').addColumn('letter_prefix', 'text').execute();

  await db.schema
    .createTable('application_decisions')
    .addColumn('application_id', 'bigint', (col) => col.primaryKey().references('applications.id'))
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('decided_on', 'text', (col) => col.notNull())
    .addColumn('provided', 'text')
    .addColumn('withheld', 'text')
    .addColumn('withheld_reason', 'text')
    .addColumn('responsible_agency', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();

  await addIdColumn(db.schema.createTable('cohandling_tasks'), dialect)
    .addColumn('application_id', 'bigint', (col) => col.notNull().references('applications.id'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('request', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('replied_at', types.timestamp)
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('cohandling_tasks_unit')
    .on('cohandling_tasks')
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('cohandling_tasks_application')
    .on('cohandling_tasks')
    .column('application_id')
    .execute();

  await addIdColumn(db.schema.createTable('application_letters'), dialect)
    .addColumn('application_id', 'bigint', (col) => col.notNull().references('applications.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('number', 'text')
    .addColumn('issued_on', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('addressee', 'text')
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('issued_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('delivered_on', 'text')
    .addColumn('delivery_method', 'text')
    .addColumn('delivered_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('application_letters_application')
    .on('application_letters')
    .column('application_id')
    .execute();
  await db.schema
    .createIndex('application_letters_number')
    .on('application_letters')
    .column('number')
    .unique()
    .execute();

  await db.schema
    .createTable('letter_counters')
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('last', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('letter_counters_pk', ['unit_id', 'year'])
    .execute();

  await addIdColumn(db.schema.createTable('letter_templates'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .addUniqueConstraint('letter_templates_unit_kind', ['unit_id', 'kind'])
    .execute();

  await addIdColumn(db.schema.createTable('application_fees'), dialect)
    .addColumn('application_id', 'bigint', (col) => col.notNull().unique().references('applications.id'))
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('amount_yuan', 'integer', (col) => col.notNull())
    .addColumn('notice_on', 'text', (col) => col.notNull())
    .addColumn('paid_on', 'text')
    .addColumn('payment_ref', 'text')
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();

  // File contents are personal data (identity proofs, powers of attorney): stored sealed, base64 inside.
  await addIdColumn(db.schema.createTable('application_attachments'), dialect)
    .addColumn('application_id', 'bigint', (col) => col.notNull().references('applications.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('media_type', 'text', (col) => col.notNull())
    .addColumn('size_bytes', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('content_sealed', 'text', (col) => col.notNull())
    .addColumn('uploaded_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('application_attachments_application')
    .on('application_attachments')
    .column('application_id')
    .execute();

  // Art. 44: decided applications turned into draft proactive-disclosure items.
  await addIdColumn(db.schema.createTable('disclosure_drafts'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('application_id', 'bigint', (col) => col.references('applications.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft'))
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name', 'text')
    .addColumn('notice', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (col) => col.primaryKey())
    .addColumn('notice', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();

  await addIdColumn(db.schema.createTable('outbox'), dialect)
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('recipient_user_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', types.timestamp)
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('sent_at', types.timestamp)
    .addColumn('sent_via', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['sent_at', 'id']).execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', types.timestamp)
    .addColumn('last_run_at', types.timestamp)
    .addColumn('last_result', 'text')
    .execute();
}
