import { sql } from 'kysely';
import type { MigrationContext } from '../dialect.ts';

// A summary of each report check run through the web or the API (no report content is kept).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('report_check_runs')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (col) =>
      dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text')
    .addColumn('format', 'text')
    .addColumn('report_year', 'integer')
    .addColumn('agency', 'text')
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('errors', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('warnings', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', types.timestamp, (col) =>
      col
        .notNull()
        .defaultTo(dialect === 'postgres' ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    )
    .execute();
  await db.schema
    .createIndex('report_check_runs_created_at')
    .on('report_check_runs')
    .column('created_at')
    .execute();
}
