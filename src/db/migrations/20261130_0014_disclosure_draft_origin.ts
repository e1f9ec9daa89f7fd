import type { MigrationContext } from '../dialect.ts';

// Art. 44 drafts: where a draft came from ('from_application' when a decided application was turned into
// one), and at most one draft per application, so that two handlers clicking at once cannot make two.
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('disclosure_drafts')
    .addColumn('origin', 'text', (col) => col.notNull().defaultTo('manual'))
    .execute();
  await db.schema
    .createIndex('disclosure_drafts_application')
    .on('disclosure_drafts')
    .column('application_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('disclosure_drafts_unit')
    .on('disclosure_drafts')
    .columns(['unit_id', 'id'])
    .execute();
}
