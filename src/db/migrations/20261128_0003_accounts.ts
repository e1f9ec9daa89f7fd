import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Staff accounts, their roles in units, password history, recovery codes, sessions and sign-in failures.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('users'), dialect)
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('password_changed_at', types.timestamp, (col) => col.notNull())
    .addColumn('totp_secret_sealed', 'text')
    .addColumn('totp_enabled_at', types.timestamp)
    .addColumn('totp_last_step', 'bigint')
    .addColumn('disabled_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('granted_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('granted_at', types.timestamp, (col) => col.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'unit_id', 'role'])
    .execute();

  await addIdColumn(db.schema.createTable('password_history'), dialect)
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('password_history_user').on('password_history').column('user_id').execute();

  await addIdColumn(db.schema.createTable('recovery_codes'), dialect)
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('mfa_passed_at', types.timestamp)
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('last_seen_at', types.timestamp, (col) => col.notNull())
    .addColumn('revoked_at', types.timestamp)
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await addIdColumn(db.schema.createTable('sign_in_failures'), dialect)
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('address', 'text')
    .addColumn('at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_username')
    .on('sign_in_failures')
    .columns(['username', 'at'])
    .execute();
}
