// Correction tasks (纠错): a report of an error on a published page, or a finding of an internal scan,
// answered by the unit within the deployment's reply period.
import type { PlainDate } from '../../core/calendar/plain-date.ts';

export const CORRECTION_SOURCES = [
  'public',
  'privacy-scan',
  'dictionary-scan',
  'dead-link',
  'stale-column',
] as const;
export type CorrectionSource = (typeof CORRECTION_SOURCES)[number];

export const CORRECTION_SOURCE_LABELS: Readonly<Record<CorrectionSource, string>> = {
  public: '公众纠错',
  'privacy-scan': '个人信息扫描',
  'dictionary-scan': '词库扫描',
  'dead-link': '失效链接',
  'stale-column': '栏目更新不及时',
};

export const CORRECTION_STATUSES = ['open', 'in-progress', 'replied', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const CORRECTION_STATUS_LABELS: Readonly<Record<CorrectionStatus, string>> = {
  open: '待处理',
  'in-progress': '处理中',
  replied: '已答复',
  rejected: '不予采纳',
};

export const DEFAULT_CORRECTION_REPLY_WORKDAYS = 5;

export function isClosed(status: CorrectionStatus): boolean {
  return status === 'replied' || status === 'rejected';
}

/** Overdue: still open after the reply deadline (the deadline day itself is in time). */
export function isOverdue(task: { status: CorrectionStatus; dueOn: PlainDate }, today: PlainDate): boolean {
  return !isClosed(task.status) && today > task.dueOn;
}

export interface CorrectionTask {
  readonly id: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly itemId: number | null;
  readonly itemTitle: string | null;
  readonly source: CorrectionSource;
  readonly status: CorrectionStatus;
  readonly description: string;
  /** Sealed: opened only by the service, shown masked. */
  readonly contactSealed: string | null;
  readonly receivedOn: PlainDate;
  readonly dueOn: PlainDate;
  readonly fixNote: string | null;
  readonly reply: string | null;
  readonly repliedOn: PlainDate | null;
}
