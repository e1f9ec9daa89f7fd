// Runs one job under its lease: take the lease (or skip when another process has it), renew it while
// the job runs, record the run and release it. A failing job is logged and recorded, never thrown.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../../app-context.ts';
import { describeFailure } from './failure.ts';
import type { BackgroundJob, JobLogger, JobOutcome } from './model.ts';
import { acquireLease, releaseLease, renewLease } from './repo.ts';

export const DEFAULT_LEASE_MS = 120_000;

/** A holder id unique to this process: host, process id and a random part (pids repeat across hosts). */
export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface RunOptions {
  readonly holder: string;
  readonly logger: JobLogger;
  /** The instant of the run; tests fix it. */
  readonly now?: Date;
  readonly leaseMs?: number;
  /** Skip when the job ran less than this long ago (by any process). */
  readonly minGapMs?: number;
  /** Aborted when the server stops. */
  readonly signal?: AbortSignal;
}

export async function runJobOnce(
  context: AppContext,
  job: BackgroundJob,
  options: RunOptions,
): Promise<JobOutcome> {
  const { db, dialect } = context.database;
  const { holder, logger } = options;
  const now = options.now ?? new Date();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const taken = await acquireLease(db, dialect, {
    name: job.name,
    holder,
    now,
    leaseMs,
    minGapMs: options.minGapMs ?? 0,
  });
  if (!taken) return { name: job.name, ran: false };

  const lost = new AbortController();
  const signal = options.signal ? AbortSignal.any([lost.signal, options.signal]) : lost.signal;
  // The lease is renewed from the instant of the run: a run with a fixed `now` keeps a consistent lease.
  const startedAt = Date.now();
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    const until = new Date(now.getTime() + (Date.now() - startedAt) + leaseMs);
    try {
      if (!(await renewLease(db, dialect, job.name, holder, until))) {
        logger.warn({ job: job.name, holder }, 'background job lost its lease; stopping it');
        lost.abort();
      }
    } catch (error) {
      logger.warn({ job: job.name, error: describeFailure(error) }, 'background job lease renewal failed');
    }
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew);
  }, leaseMs / 3);
  timer.unref();

  let ok = true;
  let result: string;
  try {
    result = await job.run({ context, now, holder, signal, logger });
  } catch (error) {
    ok = false;
    result = `失败：${describeFailure(error)}`;
    logger.error({ job: job.name, error: describeFailure(error, 2000) }, 'background job failed');
  } finally {
    clearInterval(timer);
    await renewing;
  }
  const released = await releaseLease(db, dialect, job.name, holder, { startedAt: now, result });
  if (!released) logger.warn({ job: job.name, holder }, 'background job finished after losing its lease');
  return { name: job.name, ran: true, ok, result, leaseLost: !released || lost.signal.aborted };
}
