import type { MigrationContext } from '../dialect.ts';

// Staff real-name data (实名): identity number, phone and email, each stored only sealed (SM4 + HMAC-SM3)
// beside a blind index (HMAC-SM3) for exact look-up. No column ever holds the plaintext.
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema.alterTable('users').addColumn('id_number_sealed', 'text').execute();
  await db.schema.alterTable('users').addColumn('id_number_index', 'text').execute();
  await db.schema.alterTable('users').addColumn('phone_sealed', 'text').execute();
  await db.schema.alterTable('users').addColumn('phone_index', 'text').execute();
  await db.schema.alterTable('users').addColumn('email_sealed', 'text').execute();
  await db.schema.alterTable('users').addColumn('email_index', 'text').execute();
  await db.schema.createIndex('users_id_number_index').on('users').column('id_number_index').execute();
  await db.schema.createIndex('users_phone_index').on('users').column('phone_index').execute();
  await db.schema.createIndex('users_email_index').on('users').column('email_index').execute();
}
