// Runs the registered jobs one after another every `intervalSeconds`, in each app process that
// `gongkai serve` starts (createApp does not start it, so tests run jobs themselves). Whichever process
// comes first in a round runs a job; the others find the lease taken or the job just run, and skip it.
import type { AppContext } from '../../app-context.ts';
import { describeFailure } from './failure.ts';
import type { BackgroundJob, JobLogger, JobOutcome } from './model.ts';
import { newHolderId, runJobOnce } from './runner.ts';

/** A run counts for the whole round when it started at least this share of the interval ago. */
const ROUND_SHARE = 0.9;

export interface JobScheduler {
  readonly holder: string;
  /** Starts the rounds (the first one at once); does nothing when the interval is 0. */
  start(): void;
  /** Runs one round now: each job that is not leased or already run in this round. */
  runRound(now?: Date): Promise<JobOutcome[]>;
  /** No new rounds; aborts and waits for the running job. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  readonly intervalSeconds: number;
  readonly logger: JobLogger;
  readonly holder?: string;
}

export function createJobScheduler(
  context: AppContext,
  jobs: readonly BackgroundJob[],
  options: SchedulerOptions,
): JobScheduler {
  const holder = options.holder ?? newHolderId();
  const { logger } = options;
  const intervalMs = options.intervalSeconds * 1000;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();

  async function runRound(now = new Date()): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) {
      if (stopping.signal.aborted) break;
      try {
        outcomes.push(
          await runJobOnce(context, job, {
            holder,
            logger,
            now,
            minGapMs: intervalMs * ROUND_SHARE,
            signal: stopping.signal,
          }),
        );
      } catch (error) {
        // The database may be unreachable for a moment: the next round tries again.
        logger.error({ job: job.name, error: describeFailure(error, 2000) }, 'background job could not run');
      }
    }
    return outcomes;
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      timer = null;
      round = runRound()
        .then(() => undefined)
        .catch((error: unknown) => {
          logger.error({ error: describeFailure(error, 2000) }, 'background job round failed');
        })
        .finally(() => {
          if (!stopping.signal.aborted) schedule(intervalMs);
        });
    }, delayMs);
    timer.unref();
  }

  return {
    holder,
    start() {
      if (intervalMs <= 0) {
        logger.info({}, 'background jobs are off in this process (JOB_INTERVAL_SECONDS=0)');
        return;
      }
      logger.info(
        { holder, intervalSeconds: options.intervalSeconds, jobs: jobs.map((job) => job.name) },
        'background jobs started',
      );
      schedule(0);
    },
    runRound,
    async stop() {
      stopping.abort();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await round;
    },
  };
}
