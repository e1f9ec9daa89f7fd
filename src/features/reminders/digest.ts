// The words of a unit's weekly reminder (周提示): what is stale, what is silent, what is due, what is
// overdue and what corrections are open. Query codes, dates and page addresses only: nothing of any
// applicant or reporter (without a mail server the message goes to the log).
import { PLATFORM_LABELS, type NewMediaPlatform } from '../../core/channels/channels.ts';
import { ZOMBIE_SILENT_DAYS } from '../../core/channels/activity.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';

export interface DigestFacts {
  readonly unitId: number;
  readonly unitName: string;
  readonly week: string;
  readonly asOf: PlainDate;
  readonly staleColumns: readonly {
    name: string;
    lastPublishedOn: PlainDate | null;
    staleSince: PlainDate | null;
  }[];
  readonly accounts: readonly {
    platform: NewMediaPlatform;
    name: string;
    silentDays: number | null;
    zombie: boolean;
  }[];
  readonly dueSoon: readonly { id: number; queryCode: string; dueOn: PlainDate; workdaysLeft: number }[];
  readonly overdue: readonly { id: number; queryCode: string; dueOn: PlainDate; workdaysOverdue: number }[];
  readonly corrections: readonly { id: number; source: string; dueOn: PlainDate }[];
}

export interface Digest {
  readonly subject: string;
  readonly body: string;
}

/** The message, or null when the unit has nothing to report (it then gets none). */
export function weeklyDigest(facts: DigestFacts): Digest | null {
  const { staleColumns, accounts, dueSoon, overdue, corrections } = facts;
  const total = staleColumns.length + accounts.length + dueSoon.length + overdue.length + corrections.length;
  if (total === 0) return null;
  const lines: string[] = [
    `${facts.unitName}：`,
    `以下是截至 ${facts.asOf} 需要关注的事项（${facts.week}）。`,
    '',
  ];
  const section = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push(`【${title}】共 ${items.length} 项`, ...items.map((item) => `- ${item}`), '');
  };
  section(
    '政府信息公开专栏未及时更新的栏目',
    staleColumns.map(
      (column) =>
        `${column.name}：最近一次发布 ${column.lastPublishedOn ?? '无'}，自 ${column.staleSince ?? '—'} 起未及时更新`,
    ),
  );
  section(
    `政务新媒体账号长期未更新（连续 ${ZOMBIE_SILENT_DAYS} 天未发布即为僵尸号）`,
    accounts.map(
      (account) =>
        `${PLATFORM_LABELS[account.platform]}“${account.name}”：${
          account.silentDays === null ? '没有发布记录' : `已 ${account.silentDays} 天未发布`
        }${account.zombie ? '，已属僵尸号' : '，即将成为僵尸号'}`,
    ),
  );
  section(
    '已超过答复期限的政府信息公开申请',
    overdue.map(
      (application) =>
        `申请 ${application.queryCode}：答复期限 ${application.dueOn}，已逾期 ${application.workdaysOverdue} 个工作日（/admin/applications/${application.id}）`,
    ),
  );
  section(
    '5 个工作日内到期的政府信息公开申请',
    dueSoon.map(
      (application) =>
        `申请 ${application.queryCode}：答复期限 ${application.dueOn}，${
          application.workdaysLeft === 0 ? '今日到期' : `还有 ${application.workdaysLeft} 个工作日`
        }（/admin/applications/${application.id}）`,
    ),
  );
  section(
    '尚未办结的纠错任务',
    corrections.map(
      (task) =>
        `纠错任务 ${task.id}（${task.source}）：应于 ${task.dueOn} 前答复${
          task.dueOn < facts.asOf ? '，已超期' : ''
        }（/admin/corrections/${task.id}）`,
    ),
  );
  lines.push('本提示每周一次，由系统自动汇总发送；事项办结后不再列入。');
  return {
    subject: `周提示：${facts.unitName}本周有 ${total} 项事项需要关注（${facts.week}）`,
    body: lines.join('\n'),
  };
}
