import type { Actor } from './core/access/roles.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connection.ts';
import type { KeyRing } from './security/key-ring.ts';

/** What every feature's routes and services are built with: one composition root for web and CLI. */
export interface AppContext {
  readonly config: Config;
  readonly database: DatabaseHandle;
  /** Keys of the personal-data encryption, loaded from DATA_KEYS_FILE (never from the database). */
  readonly keys: KeyRing;
}

/** The acting person and where the request came from, passed to every use case. */
export interface ActingScope {
  readonly context: AppContext;
  readonly actor: Actor;
  /** The client address, or 'cli' for the command line. */
  readonly address: string | null;
}
