// The background job `freshness-scan`: once a China day (the scheduler's rounds are shorter), the scan
// opens a correction task for every column that went stale since the last complete one.
import { chinaDate } from '../applications/clock.ts';
import type { BackgroundJob } from '../jobs/model.ts';
import { findLease } from '../jobs/repo.ts';
import { scanFreshness } from './scan.ts';

export const FRESHNESS_SCAN_JOB = 'freshness-scan';
const DONE = '今日栏目更新检查已完成';

export const freshnessScanJob: BackgroundJob = {
  name: FRESHNESS_SCAN_JOB,
  async run({ context, now, signal }) {
    // While this run holds the lease, last_run_at is still the start of the previous run; a failed or
    // interrupted run of today does not count, so the next round tries again.
    const lease = await findLease(context.database.db, FRESHNESS_SCAN_JOB);
    const doneToday =
      lease?.lastRunAt != null &&
      chinaDate(lease.lastRunAt) === chinaDate(now) &&
      (lease.lastResult?.startsWith(DONE) ?? false);
    if (doneToday) return `${DONE}（${chinaDate(now)}）`;
    const { units, stale, opened, complete } = await scanFreshness(context, now, signal);
    const summary = `检查 ${units} 个单位，未按要求更新的栏目 ${stale} 个，新开纠错任务 ${opened} 件`;
    return complete ? `${DONE}：${summary}` : `未完成（已停止）：${summary}`;
  },
};
