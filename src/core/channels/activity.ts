// Activity of government new-media accounts (政务新媒体) and the zombie rule (僵尸号) of inspections: an
// account whose last post is 14 days or more before the day of the check. Everything is "as of" a date, so a
// past check can be recomputed from the records: only posts and status events on or before that date count.
import { dayNumberOf, type PlainDate } from '../calendar/plain-date.ts';

/** Whole days without a post after which an open account is a zombie (僵尸号). */
export const ZOMBIE_SILENT_DAYS = 14;
/** Whole days without a post from which an account is warned: it becomes a zombie within 4 more days. */
export const NEAR_ZOMBIE_SILENT_DAYS = 10;

export const ACCOUNT_EVENT_KINDS = ['opened', 'changed', 'closed'] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

export const ACCOUNT_EVENT_LABELS: Readonly<Record<AccountEventKind, string>> = {
  opened: '开设',
  changed: '变更',
  closed: '关停',
};

/** One status event of an account's history, as the activity rule reads it. */
export interface AccountStatusEvent {
  readonly kind: AccountEventKind;
  readonly on: PlainDate;
  /** Orders events of one day: the later recorded decides. */
  readonly sequence: number;
}

/**
 * Whether the account was open at the end of `asOf`. The last opening or closing on or before that day
 * decides. With none, the account is open unless its first recorded opening lies after `asOf` (an account
 * registered without any opening date is taken as open since before any check).
 */
export function isOpenOn(events: readonly AccountStatusEvent[], asOf: PlainDate): boolean {
  const decisive = events
    .filter((event) => event.kind !== 'changed')
    .sort((a, b) => (a.on === b.on ? a.sequence - b.sequence : a.on < b.on ? -1 : 1));
  const before = decisive.filter((event) => event.on <= asOf);
  const last = before[before.length - 1];
  if (last !== undefined) return last.kind === 'opened';
  return !decisive.some((event) => event.kind === 'opened');
}

/** The opening from which silence counts when an account has not posted yet: its last opening by `asOf`. */
export function lastOpenedOn(events: readonly AccountStatusEvent[], asOf: PlainDate): PlainDate | null {
  const openings = events.filter((event) => event.kind === 'opened' && event.on <= asOf).map((e) => e.on);
  return openings.length === 0 ? null : openings.reduce((a, b) => (a >= b ? a : b));
}

export type ActivityLevel = 'active' | 'near-zombie' | 'zombie';

export interface AccountActivity {
  /** Whole days from the last post (or the opening, before any post) to `asOf`; null when neither is known. */
  readonly silentDays: number | null;
  readonly level: ActivityLevel;
}

/**
 * The silence of an open account at the end of `asOf`. A post on day P leaves the days P+1 … asOf without
 * a post: asOf − P whole days. With a post on 1 November, the check of 14 November sees 13 silent days (not
 * flagged), that of 15 November 14 (zombie). A post on the day of the check counts (0 days). Before its
 * first post an account's silence counts from its opening; with no opening date either, nothing shows that
 * it ever posted, and it is a zombie.
 */
export function accountActivity(
  lastPostOn: PlainDate | null,
  openedOn: PlainDate | null,
  asOf: PlainDate,
): AccountActivity {
  const since = lastPostOn ?? openedOn;
  if (since === null) return { silentDays: null, level: 'zombie' };
  const silentDays = Math.max(0, dayNumberOf(asOf, 'asOf') - dayNumberOf(since));
  return { silentDays, level: levelOf(silentDays) };
}

export function levelOf(silentDays: number): ActivityLevel {
  if (silentDays >= ZOMBIE_SILENT_DAYS) return 'zombie';
  if (silentDays >= NEAR_ZOMBIE_SILENT_DAYS) return 'near-zombie';
  return 'active';
}

/** Accounts a unit keeps open on one platform; more than one on a platform draws the warning. */
export function duplicatePlatforms<P extends string>(
  accounts: readonly { readonly platform: P | null; readonly open: boolean }[],
): P[] {
  const counts = new Map<P, number>();
  for (const account of accounts) {
    if (!account.open || account.platform === null) continue;
    counts.set(account.platform, (counts.get(account.platform) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1).map(([platform]) => platform);
}

export const ONE_ACCOUNT_WARNING = '一个单位在同一平台原则上只开设一个账号';
