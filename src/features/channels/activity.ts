// Activity of the new-media accounts (政务新媒体) as of a date: which accounts were open, when each last
// posted, and which are zombies (僵尸号, see core/channels/activity.ts). Only posts and status events on or
// before the date are read, so a past check recomputed later gives the same answer while nothing about
// that past is entered afterwards. Assessment, the pages and the weekly reminders read it here.
import {
  accountActivity,
  duplicatePlatforms,
  isOpenOn,
  lastOpenedOn,
  type AccountStatusEvent,
  type ActivityLevel,
} from '../../core/channels/activity.ts';
import type { NewMediaPlatform } from '../../core/channels/channels.ts';
import { addDays, assertPlainDate, type PlainDate } from '../../core/calendar/plain-date.ts';
import type { Executor } from '../../db/transaction.ts';
import {
  listAccountEvents,
  listNewMediaAccounts,
  postsByAccount,
  type AccountFilter,
} from './activity-repo.ts';

/** One open account at the end of `asOf`. */
export interface AccountActivityRow {
  readonly channelId: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly platform: NewMediaPlatform;
  readonly name: string;
  readonly accountId: string | null;
  /** The last post on or before `asOf`, or null. */
  readonly lastPostOn: PlainDate | null;
  /** The last opening on or before `asOf`, from which silence counts before the first post. */
  readonly openedOn: PlainDate | null;
  /** Whole days without a post up to and including `asOf`; null when nothing shows it ever posted. */
  readonly silentDays: number | null;
  readonly level: ActivityLevel;
  /** Posts in [postsFrom, asOf]. */
  readonly posts: number;
}

export interface NewMediaActivity {
  /** Accounts open at the end of `asOf` (closed ones and ones opened later are not counted). */
  readonly accounts: number;
  /** Open accounts silent 14 days or more (僵尸号). */
  readonly zombies: number;
  /** Open accounts silent 10 to 13 days: zombies within days unless they post. */
  readonly nearZombies: number;
  /** Posts of the open accounts in [postsFrom, asOf]. */
  readonly posts: number;
  /** Platforms on which the unit kept more than one open account (the 其他 platform never counts). */
  readonly duplicatePlatforms: readonly NewMediaPlatform[];
  /** The open accounts, by platform then id. */
  readonly details: readonly AccountActivityRow[];
}

export interface ActivityOptions {
  /** Start of the window whose posts are counted; by default the 14 days ending `asOf`. */
  readonly postsFrom?: PlainDate;
}

/** The open accounts at the end of `asOf` for the units named or a subtree, each with its activity. */
export async function accountActivities(
  db: Executor,
  filter: AccountFilter,
  asOf: PlainDate,
  options: ActivityOptions = {},
): Promise<AccountActivityRow[]> {
  assertPlainDate(asOf, 'asOf');
  const postsFrom = options.postsFrom ?? addDays(asOf, -13);
  assertPlainDate(postsFrom, 'postsFrom');
  const accounts = await listNewMediaAccounts(db, filter);
  if (accounts.length === 0) return [];
  const ids = accounts.map((account) => account.id);
  const events = await listAccountEvents(db, ids);
  const posts = await postsByAccount(db, ids, postsFrom, asOf);
  const eventsOf = new Map<number, AccountStatusEvent[]>();
  for (const event of events)
    eventsOf.set(event.channelId, [...(eventsOf.get(event.channelId) ?? []), event]);
  const rows: AccountActivityRow[] = [];
  for (const account of accounts) {
    const history = eventsOf.get(account.id) ?? [];
    if (!isOpenOn(history, asOf)) continue;
    const openedOn = lastOpenedOn(history, asOf);
    const post = posts.get(account.id);
    const lastPostOn = post?.lastPostOn ?? null;
    const activity = accountActivity(lastPostOn, openedOn, asOf);
    rows.push({
      channelId: account.id,
      unitId: account.unitId,
      unitName: account.unitName,
      unitPath: account.unitPath,
      platform: account.platform,
      name: account.name,
      accountId: account.accountId,
      lastPostOn,
      openedOn,
      ...activity,
      posts: post?.inWindow ?? 0,
    });
  }
  return rows;
}

function summarise(rows: readonly AccountActivityRow[]): NewMediaActivity {
  return {
    accounts: rows.length,
    zombies: rows.filter((row) => row.level === 'zombie').length,
    nearZombies: rows.filter((row) => row.level === 'near-zombie').length,
    posts: rows.reduce((sum, row) => sum + row.posts, 0),
    duplicatePlatforms: duplicatePlatforms(
      rows.map((row) => ({ platform: row.platform === 'other' ? null : row.platform, open: true })),
    ),
    details: rows,
  };
}

/**
 * New-media activity per unit at the end of `asOf`: an entry for every unit id given (zeros for a unit
 * without open accounts). Each unit counts its own accounts only, not those of its sub-units.
 */
export async function newMediaActivity(
  db: Executor,
  unitIds: readonly number[],
  asOf: PlainDate,
  options: ActivityOptions = {},
): Promise<Map<number, NewMediaActivity>> {
  const rows = unitIds.length === 0 ? [] : await accountActivities(db, { unitIds }, asOf, options);
  const result = new Map<number, NewMediaActivity>();
  for (const unitId of unitIds) {
    result.set(unitId, summarise(rows.filter((row) => row.unitId === unitId)));
  }
  return result;
}
