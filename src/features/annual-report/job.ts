// The background job that reminds units of the annual report's publication date (条例第四十九条).
import type { BackgroundJob } from '../jobs/model.ts';
import { enqueueReportDeadlineReminders } from './deadlines.ts';

export const reportDeadlineRemindersJob: BackgroundJob = {
  name: 'annual-report-reminders',
  async run({ context, now }) {
    const { considered, enqueued } = await enqueueReportDeadlineReminders(context, now);
    return `临近年度报告发布期限且未发布的单位 ${considered} 个，新提醒 ${enqueued} 条`;
  },
};
