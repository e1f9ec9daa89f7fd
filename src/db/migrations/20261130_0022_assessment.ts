import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Assessment (考核): a supervising unit's rule sets, each save a new immutable version; and the runs that
// computed a period's scores for its direct sub-units under one version. A recomputation is a new run (the
// pages show the latest run of a period, earlier ones stay as they were); scores are in hundredths and
// each carries its indicator values and the ids of the records behind them as JSON.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('assessment_rule_sets'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('rules_json', 'text', (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addUniqueConstraint('assessment_rule_sets_unit_version', ['unit_id', 'version'])
    .execute();

  await addIdColumn(db.schema.createTable('assessment_runs'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('rule_set_id', 'bigint', (col) => col.notNull().references('assessment_rule_sets.id'))
    .addColumn('as_of', 'text', (col) => col.notNull())
    .addColumn('computed_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('computed_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_runs_unit_period')
    .on('assessment_runs')
    .columns(['unit_id', 'period', 'id'])
    .execute();

  await addIdColumn(db.schema.createTable('assessment_scores'), dialect)
    .addColumn('run_id', 'bigint', (col) => col.notNull().references('assessment_runs.id'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('score', 'integer', (col) => col.notNull())
    .addColumn('rank', 'integer', (col) => col.notNull())
    .addColumn('detail_json', 'text', (col) => col.notNull())
    .addUniqueConstraint('assessment_scores_run_unit', ['run_id', 'unit_id'])
    .execute();
}
