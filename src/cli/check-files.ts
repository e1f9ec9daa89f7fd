// Checks many report files at once: one worker thread per core, results in input order.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnnualReport } from '../core/report/types.ts';
import { checkReportSource, type CheckOutcome } from '../features/reports/service.ts';

export interface CheckJob {
  readonly file: string;
  readonly previous?: AnnualReport;
}

export async function checkFile(job: CheckJob): Promise<CheckOutcome> {
  let data: Buffer;
  try {
    data = await readFile(job.file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : '文件无法读取';
    return { kind: 'unreadable', name: job.file, reason };
  }
  return checkReportSource(
    { kind: 'file', data, name: job.file },
    job.previous ? { previous: job.previous } : {},
  );
}

function startWorker(): Worker {
  return new Worker(new URL('./check-worker.js', import.meta.url));
}

function runOnWorker(worker: Worker, job: CheckJob): Promise<CheckOutcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (outcome: CheckOutcome) => {
      worker.off('error', onError);
      resolve(outcome);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(job);
  });
}

/** Checks the files with up to `concurrency` workers; calls `onResult` in input order as results arrive. */
export async function checkFiles(
  jobs: readonly CheckJob[],
  options: { concurrency?: number; onResult?: (outcome: CheckOutcome, index: number) => void } = {},
): Promise<CheckOutcome[]> {
  const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length));
  const results: (CheckOutcome | undefined)[] = jobs.map(() => undefined);
  let flushed = 0;
  const flush = () => {
    while (flushed < jobs.length && results[flushed] !== undefined) {
      options.onResult?.(results[flushed] as CheckOutcome, flushed);
      flushed++;
    }
  };
  if (concurrency === 1) {
    for (const [index, job] of jobs.entries()) {
      results[index] = await checkFile(job);
      flush();
    }
    return results as CheckOutcome[];
  }
  let next = 0;
  const workers = Array.from({ length: concurrency }, startWorker);
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < jobs.length) {
          const index = next++;
          const job = jobs[index] as CheckJob;
          results[index] = await runOnWorker(worker, job).catch((error: unknown): CheckOutcome => ({
            kind: 'unreadable',
            name: job.file,
            reason: `处理时出错：${error instanceof Error ? error.message : String(error)}`,
          }));
          flush();
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results as CheckOutcome[];
}
