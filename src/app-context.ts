import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connection.ts';

/** What every feature's routes and services are built with: one composition root for web and CLI. */
export interface AppContext {
  readonly config: Config;
  readonly database: DatabaseHandle;
}
