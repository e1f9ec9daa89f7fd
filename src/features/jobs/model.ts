// Background jobs: work that no person starts (reminders, sending notifications, closing applications
// whose fee went unpaid), run inside the app processes. Several processes may run against one database;
// a lease per job name (table job_leases) makes sure only one of them runs a job at a time.
import type { AppContext } from '../../app-context.ts';

/** What a job writes to: the server's pino logger, or anything with the same three methods. */
export interface JobLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** One run of a job, as the runner hands it over. */
export interface JobRun {
  readonly context: AppContext;
  /** The instant of this run (tests fix it). */
  readonly now: Date;
  /** The process holding the lease. */
  readonly holder: string;
  /** Aborted when the lease was lost or the server is stopping: stop between two items. */
  readonly signal: AbortSignal;
  readonly logger: JobLogger;
}

export interface BackgroundJob {
  /** The lease name, e.g. 'application-reminders'. */
  readonly name: string;
  /** Does the work once; returns a short summary for job_leases.last_result. */
  run(run: JobRun): Promise<string>;
}

/** A job's lease row as the repo returns it. */
export interface JobLease {
  readonly name: string;
  readonly holder: string | null;
  readonly leaseUntil: Date | null;
  readonly lastRunAt: Date | null;
  readonly lastResult: string | null;
}

export type JobOutcome =
  | { readonly name: string; readonly ran: false }
  | {
      readonly name: string;
      readonly ran: true;
      readonly ok: boolean;
      readonly result: string;
      /** The lease expired while the job ran and another process may have taken it over. */
      readonly leaseLost: boolean;
    };
