// `gongkai demo --reset`: drops every table of a demo deployment, migrates the empty database again and
// seeds the demo anew. It refuses in production, and refuses a database holding anything but the demo
// (a unit or an account the demo does not create) unless forced, so that real records are never lost.
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { Conflict } from '../../core/errors.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './plan.ts';
import { seedDemo, type DemoSignIn } from './seed.ts';

/** The units and accounts that are not the demo's; an empty list when the database holds only the demo. */
export async function nonDemoContent(handle: DatabaseHandle): Promise<string[]> {
  const unitNames = new Set(DEMO_UNITS.map((unit) => unit.name));
  const usernames = new Set(DEMO_ACCOUNTS.map((account) => account.username));
  const units = await handle.db.selectFrom('units').select('name').orderBy('id').execute();
  const users = await handle.db.selectFrom('users').select('username').orderBy('id').execute();
  return [
    ...units.filter((unit) => !unitNames.has(unit.name)).map((unit) => `单位“${unit.name}”`),
    ...users.filter((user) => !usernames.has(user.username)).map((user) => `账号“${user.username}”`),
  ];
}

/** Drops every table (and on PostgreSQL every function) of the schema, the migrations' own included. */
async function dropEverything(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  if (handle.dialect === 'postgres') {
    const tables = await sql<{ name: string }>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(db);
    for (const { name } of tables.rows) await sql`DROP TABLE IF EXISTS ${sql.id(name)} CASCADE`.execute(db);
    const functions = await sql<{ signature: string }>`
      SELECT p.oid::regprocedure::text AS signature
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`.execute(db);
    for (const { signature } of functions.rows) {
      await sql`DROP FUNCTION IF EXISTS ${sql.raw(signature)} CASCADE`.execute(db);
    }
    return;
  }
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    // Virtual tables (full-text search) first: dropping one drops its shadow tables with it.
    const virtual = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`.execute(db);
    for (const { name } of virtual.rows) await sql`DROP TABLE IF EXISTS ${sql.id(name)}`.execute(db);
    const views = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'view'`.execute(db);
    for (const { name } of views.rows) await sql`DROP VIEW IF EXISTS ${sql.id(name)}`.execute(db);
    const tables = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
    for (const { name } of tables.rows) await sql`DROP TABLE IF EXISTS ${sql.id(name)}`.execute(db);
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

/**
 * Wipes the deployment and seeds the demo again. Throws Conflict in production, and when the database
 * holds more than the demo unless `force` is given.
 */
export async function resetDemo(
  context: AppContext,
  options: { readonly force: boolean },
): Promise<DemoSignIn> {
  if (context.config.env === 'production') {
    throw new Conflict('生产环境（NODE_ENV=production）不能重置演示数据');
  }
  if (!options.force) {
    const other = await nonDemoContent(context.database);
    if (other.length > 0) {
      const shown = other.slice(0, 5).join('、') + (other.length > 5 ? ` 等 ${other.length} 项` : '');
      throw new Conflict(`数据库中不只有演示数据（${shown}），未重置；确需清空全部数据请加 --force`);
    }
  }
  await dropEverything(context.database);
  await migrateToLatest(context.database);
  const demo = await seedDemo(context);
  if (demo === null) throw new Error('the demo was not seeded on the emptied database');
  return demo;
}
