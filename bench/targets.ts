// The databases a bench entry measures: a fresh SQLite file always, and a fresh PostgreSQL database beside the
// configured one when DATABASE_URL names a server. Each entry gets its own, dropped afterwards.
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.ts';

export interface Target {
  readonly name: string;
  readonly database: DatabaseConfig;
  readonly drop: () => Promise<void>;
}

export function sqliteTarget(dir: string, file: string): Target {
  return {
    name: 'SQLite（文件，WAL，synchronous=FULL）',
    database: { kind: 'sqlite', file: join(dir, file) },
    drop: () => Promise.resolve(),
  };
}

export async function postgresTarget(baseUrl: string, prefix: string): Promise<Target> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name: 'PostgreSQL',
    database: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
