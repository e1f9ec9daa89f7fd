import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Records the annual report needs beyond applications and published items: the register of normative
// documents not published through the platform (table 二 (一)), administrative statistics entered or
// imported per unit, year and kind with their provenance (table 二 (五)(六)(八); a later entry supersedes an
// earlier one and both stay), and administrative review and litigation cases about disclosure (table 四).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('normative_documents'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('document_number', 'text', (col) => col.notNull())
    .addColumn('issuing_unit', 'text', (col) => col.notNull())
    .addColumn('issued_on', 'text', (col) => col.notNull())
    .addColumn('repealed_on', 'text')
    .addColumn('invalid_on', 'text')
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('normative_documents_unit')
    .on('normative_documents')
    .columns(['unit_id', 'issued_on'])
    .execute();

  await addIdColumn(db.schema.createTable('administrative_statistics'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_sha256', 'text')
    .addColumn('entered_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('entered_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('administrative_statistics_unit')
    .on('administrative_statistics')
    .columns(['unit_id', 'year', 'kind', 'id'])
    .execute();

  await addIdColumn(db.schema.createTable('review_cases'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('application_id', 'bigint', (col) => col.references('applications.id'))
    .addColumn('case_number', 'text', (col) => col.notNull())
    .addColumn('filed_on', 'text', (col) => col.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('review_cases_unit')
    .on('review_cases')
    .columns(['unit_id', 'filed_on'])
    .execute();
}
