// Kysely table types. Timestamps are ISO-8601 strings in SQLite and Date objects from PostgreSQL's
// timestamptz; repos convert them with toDate() so that no row leaves a repo raw.
import type { Generated } from 'kysely';

export interface ReportCheckRunTable {
  id: Generated<number>;
  source: string;
  file_name: string | null;
  format: string | null;
  report_year: number | null;
  agency: string | null;
  outcome: string;
  errors: number;
  warnings: number;
  created_at: Generated<string | Date>;
}

export interface Database {
  report_check_runs: ReportCheckRunTable;
}
