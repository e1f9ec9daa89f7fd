// A fresh, real database for each test file: a temporary SQLite file by default, or — when
// DATABASE_URL is a postgres:// URL — a new PostgreSQL database created from it and dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config, type DatabaseConfig } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { AppContext } from '../../src/app-context.ts';
import { loadKeyRing } from '../../src/security/key-file.ts';

export interface TestDatabase {
  readonly databaseConfig: DatabaseConfig;
  readonly handle: DatabaseHandle;
  destroy(): Promise<void>;
}

export const testDialect: 'sqlite' | 'postgres' = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')
  ? 'postgres'
  : 'sqlite';

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gongkai_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        // The test's own pool has just been ended, but its connections may take a moment to leave: a plain
        // drop (which itself waits up to 5 s for other sessions and stops autovacuum) is tried first, because
        // FORCE would terminate a connection still closing, and its client then throws "terminating connection
        // due to administrator command" outside any test. FORCE comes after three tries, and is retried too.
        for (let attempt = 1; ; attempt++) {
          try {
            const force = attempt > 3 ? ' WITH (FORCE)' : '';
            await client.query(`DROP DATABASE IF EXISTS "${name}"${force}`);
            return;
          } catch (error) {
            if (attempt >= 24) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/** A migrated, empty database of the dialect under test. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (testDialect === 'postgres') {
    const created = await createPostgresDatabase(process.env.DATABASE_URL as string);
    config = { kind: 'postgres', url: created.url };
    cleanup = created.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    config = { kind: 'sqlite', file: join(dir, 'test.db') };
    cleanup = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  const handle = openDatabase(config);
  if (options.migrate !== false) await migrateToLatest(handle);
  return {
    databaseConfig: config,
    handle,
    destroy: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

export function testConfig(database: DatabaseConfig, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), database, ...overrides };
}

export interface TestContext extends AppContext {
  destroy(): Promise<void>;
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const keysDir = mkdtempSync(join(tmpdir(), 'gongkai-keys-'));
  const config = testConfig(database.databaseConfig, {
    dataKeysFile: join(keysDir, 'keys.json'),
    ...overrides,
  });
  return {
    config,
    database: database.handle,
    keys: loadKeyRing(config.dataKeysFile, 'test'),
    destroy: async () => {
      await database.destroy();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}
