import type { MigrationContext } from '../dialect.ts';

// The agent (代理人) of a proxy application: the application names the applicant, the agent acts with a
// power of attorney (kept as an attachment). The agent's name and identity number are personal data:
// stored only sealed, the number beside a blind index as the applicant's is.
export async function up({ db, types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('application_agents')
    .addColumn('application_id', 'bigint', (col) => col.primaryKey().references('applications.id'))
    .addColumn('name_sealed', 'text', (col) => col.notNull())
    .addColumn('id_type', 'text', (col) => col.notNull())
    .addColumn('id_number_sealed', 'text', (col) => col.notNull())
    .addColumn('id_number_index', 'text', (col) => col.notNull())
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('application_agents_id_number_index')
    .on('application_agents')
    .column('id_number_index')
    .execute();
}
