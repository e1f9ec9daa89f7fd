import type { MigrationContext } from '../dialect.ts';

// A letter keeps the agency that signed it and the contact details it printed, as issued: a later change
// of the unit's name or office must not rewrite letters already sent.
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('application_letters')
    .addColumn('unit_id', 'bigint', (col) => col.references('units.id'))
    .execute();
  await db.schema.alterTable('application_letters').addColumn('agency_name', 'text').execute();
  await db.schema.alterTable('application_letters').addColumn('contact', 'text').execute();
}
