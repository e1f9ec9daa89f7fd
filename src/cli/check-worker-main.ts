import { parentPort } from 'node:worker_threads';
import type { CheckOutcome } from '../features/reports/service.ts';
import { checkFile, type CheckJob } from './check-files.ts';

parentPort?.on('message', (job: CheckJob) => {
  void checkFile(job)
    .catch((error: unknown): CheckOutcome => ({
      kind: 'unreadable',
      name: job.file,
      reason: `处理时出错：${error instanceof Error ? error.message : String(error)}`,
    }))
    .then((outcome) => parentPort?.postMessage(outcome));
});
