// What the supervision feature hands out: rows of its three registers, read through the repo.
import type { PlainDate } from '../../core/calendar/plain-date.ts';

export interface SupervisionUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

export interface TrainingSession {
  readonly id: number;
  /** The organising unit. */
  readonly unitId: number;
  readonly heldOn: PlainDate;
  readonly topic: string;
  readonly participants: number;
  /** The units that took part, in tree order. */
  readonly units: readonly SupervisionUnit[];
}

export const QUERY_POINT_STATUSES = ['open', 'closed'] as const;
export type QueryPointStatus = (typeof QUERY_POINT_STATUSES)[number];
export const QUERY_POINT_STATUS_LABELS: Readonly<Record<QueryPointStatus, string>> = {
  open: '开放',
  closed: '关闭',
};

export interface QueryPoint {
  readonly id: number;
  readonly unitId: number;
  readonly name: string;
  readonly location: string;
  readonly hours: string;
  readonly equipment: string;
  readonly phone: string;
  readonly status: QueryPointStatus;
}

export const GUIDE_KINDS = ['guides', 'cross-district'] as const;
export type GuideKind = (typeof GUIDE_KINDS)[number];
export const GUIDE_KIND_LABELS: Readonly<Record<GuideKind, string>> = {
  guides: '办事指南数量',
  'cross-district': '全区通办事项数量',
};

export interface GuideCountEntry {
  readonly id: number;
  readonly unitId: number;
  readonly year: number;
  readonly kind: GuideKind;
  readonly value: number;
  /** The account that entered it (its user name), or null for the command line. */
  readonly enteredBy: string | null;
  readonly enteredAt: Date;
}
