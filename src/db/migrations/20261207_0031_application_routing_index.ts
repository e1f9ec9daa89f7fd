import type { MigrationContext } from '../dialect.ts';

// The annual report reads which unit held an application from its routing steps (转办 and 退回): an index
// on the step type finds those few steps without reading every step of every application.
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createIndex('application_events_type')
    .on('application_events')
    .columns(['type', 'application_id'])
    .execute();
}
