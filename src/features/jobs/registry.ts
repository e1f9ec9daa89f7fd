// The background jobs of Gongkai, in the order a round runs them: closing applications first (so no
// reminder goes out for one that was just closed), then the reminders, then the delivery of what they
// enqueued.
import { closeUnpaidFeeApplications } from '../applications/workflow.ts';
import { enqueueDeadlineReminders } from '../applications/worklists-reminders.ts';
import { freshnessScanJob } from '../freshness/job.ts';
import { dictionaryScanJob } from '../checks/rescan.ts';
import { deadLinkScanJob, privacyScanJob } from '../scans/job.ts';
import { deliverNotifications } from '../notifications/delivery.ts';
import { reportDeadlineRemindersJob } from '../annual-report/job.ts';
import { weeklyRemindersJob } from '../reminders/weekly.ts';
import { publishingImportCleanupJob } from '../publishing/import-service.ts';
import type { BackgroundJob } from './model.ts';

export const feeClosureJob: BackgroundJob = {
  name: 'fee-closure',
  async run({ context, now }) {
    const closed = await closeUnpaidFeeApplications(context, now);
    return `逾期未缴费终止处理 ${closed} 件`;
  },
};

export const applicationRemindersJob: BackgroundJob = {
  name: 'application-reminders',
  async run({ context, now }) {
    const { considered, enqueued, uncountable } = await enqueueDeadlineReminders(context, now);
    return `临近或超过答复期限的申请 ${considered} 件，新提醒 ${enqueued} 条${
      uncountable > 0 ? `，${uncountable} 件因缺少节假日数据无法计算` : ''
    }`;
  },
};

export const notificationDeliveryJob: BackgroundJob = {
  name: 'notification-delivery',
  async run({ context, now, holder, signal, logger }) {
    const { sent, failed, gaveUp } = await deliverNotifications(context, { holder, logger, now, signal });
    return `已发出 ${sent} 条，失败待重试 ${failed} 条，放弃 ${gaveUp} 条`;
  },
};

export const BACKGROUND_JOBS: readonly BackgroundJob[] = [
  feeClosureJob,
  applicationRemindersJob,
  freshnessScanJob,
  dictionaryScanJob,
  privacyScanJob,
  deadLinkScanJob,
  reportDeadlineRemindersJob,
  weeklyRemindersJob,
  publishingImportCleanupJob,
  notificationDeliveryJob,
];
