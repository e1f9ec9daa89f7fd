import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Disclosure applications (依申请公开) and their clock ledger. Personal data of applicants is stored only
// sealed (SM4 + HMAC-SM3) beside blind indexes (HMAC-SM3) where a look-up needs one; no column holds it
// in clear. The 统一社会信用代码 of an organisation is not personal data and is stored in clear.
// Due dates are not stored: they are derived from `received_on` and the events of the ledger.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('applications'), dialect)
    .addColumn('query_code', 'text', (col) => col.notNull().unique())
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('received_on', 'text', (col) => col.notNull())
    .addColumn('applicant_kind', 'text', (col) => col.notNull())
    .addColumn('applicant_type', 'text', (col) => col.notNull())
    .addColumn('applicant_name_sealed', 'text', (col) => col.notNull())
    .addColumn('id_type', 'text', (col) => col.notNull())
    .addColumn('id_number_sealed', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('org_uscc', 'text')
    .addColumn('contact_name_sealed', 'text')
    .addColumn('phone_sealed', 'text', (col) => col.notNull())
    .addColumn('phone_index', 'text', (col) => col.notNull())
    .addColumn('phone_tail_sealed', 'text', (col) => col.notNull())
    .addColumn('phone_tail_index', 'text', (col) => col.notNull())
    .addColumn('email_sealed', 'text')
    .addColumn('email_index', 'text')
    .addColumn('address_sealed', 'text')
    .addColumn('postcode_sealed', 'text')
    .addColumn('fax_sealed', 'text')
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('document_number', 'text')
    .addColumn('index_number', 'text')
    .addColumn('provision_form', 'text', (col) => col.notNull())
    .addColumn('obtain_way', 'text', (col) => col.notNull())
    .addColumn('purpose', 'text')
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('applications_unit')
    .on('applications')
    .columns(['unit_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('applications_id_number_index')
    .on('applications')
    .column('id_number_index')
    .execute();
  await db.schema.createIndex('applications_phone_index').on('applications').column('phone_index').execute();

  await addIdColumn(db.schema.createTable('application_events'), dialect)
    .addColumn('application_id', 'bigint', (col) => col.notNull().references('applications.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('workdays', 'integer')
    .addColumn('due', 'text')
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('application_events_application')
    .on('application_events')
    .columns(['application_id', 'id'])
    .execute();
}
