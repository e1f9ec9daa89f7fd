// The ordered list of migrations. Append only: a migration is never edited after it has landed.
import type { MigrationContext } from '../dialect.ts';
import * as reportCheckRuns from './20261128_0001_report_check_runs.ts';

export interface MigrationModule {
  up(context: MigrationContext): Promise<void>;
}

export const MIGRATIONS: Readonly<Record<string, MigrationModule>> = {
  '20261128_0001_report_check_runs': reportCheckRuns,
};
