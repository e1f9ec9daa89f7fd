// The background jobs of the internal scans; the scheduler's lease keeps them to one process at a time.
import type { BackgroundJob } from '../jobs/model.ts';
import { DEAD_LINK_SCAN, PRIVACY_DETECTOR_VERSION, PRIVACY_SCAN } from './model.ts';
import { runDeadLinkScan, runPrivacyScan } from './scan.ts';

export const privacyScanJob: BackgroundJob = {
  name: PRIVACY_SCAN,
  async run({ context, now, signal }) {
    const run = await runPrivacyScan(context, { now, signal });
    return `个人信息扫描（检测规则第 ${PRIVACY_DETECTOR_VERSION} 版）：本次检查 ${run.checked} 条，新开纠错任务 ${
      run.tasksOpened
    } 件${run.finished ? '' : '，未完成（下次继续）'}`;
  },
};

export const deadLinkScanJob: BackgroundJob = {
  name: DEAD_LINK_SCAN,
  async run({ context, now, signal }) {
    const run = await runDeadLinkScan(context, { now, signal });
    if (run.finished && run.batches === 0) return `${run.pass} 站内链接检查已完成`;
    return `${run.pass} 站内链接检查：本次检查 ${run.checked} 条，新开纠错任务 ${run.tasksOpened} 件，站外链接 ${
      run.externalLinks
    } 个（不访问）${run.finished ? '' : '，未完成（下次继续）'}`;
  },
};
