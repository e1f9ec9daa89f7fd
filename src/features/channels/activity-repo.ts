// The SQL behind new-media activity and the accounts' status histories.
import type { AccountEventKind, AccountStatusEvent } from '../../core/channels/activity.ts';
import type { NewMediaPlatform } from '../../core/channels/channels.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

/** The units named, or a subtree (a materialised path prefix). */
export interface AccountFilter {
  readonly unitIds?: readonly number[];
  readonly subtreePath?: string;
}

export interface NewMediaAccountRow {
  readonly id: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly platform: NewMediaPlatform;
  readonly name: string;
  readonly accountId: string | null;
}

// Both databases bind at most some tens of thousands of parameters; lists are cut well below that.
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += CHUNK) result.push(values.slice(start, start + CHUNK));
  return result;
}

export async function listNewMediaAccounts(
  db: Executor,
  filter: AccountFilter,
): Promise<NewMediaAccountRow[]> {
  const query = () =>
    db
      .selectFrom('channels as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.unit_id', 'u.name as unit_name', 'u.path as unit_path', 'c.platform', 'c.name'])
      .select('c.account_id')
      .where('c.kind', '=', 'new-media');
  const rows =
    filter.unitIds !== undefined
      ? (
          await Promise.all(
            chunks(filter.unitIds).map((ids) => query().where('c.unit_id', 'in', ids).execute()),
          )
        ).flat()
      : filter.subtreePath !== undefined
        ? await query().where('u.path', 'like', `${filter.subtreePath}%`).execute()
        : [];
  return rows
    .map((row) => ({
      id: row.id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      unitPath: row.unit_path,
      platform: (row.platform ?? 'other') as NewMediaPlatform,
      name: row.name,
      accountId: row.account_id,
    }))
    .sort((a, b) =>
      a.unitPath === b.unitPath
        ? a.platform === b.platform
          ? a.id - b.id
          : a.platform < b.platform
            ? -1
            : 1
        : a.unitPath < b.unitPath
          ? -1
          : 1,
    );
}

/** Openings and closings of the accounts (changes do not decide whether an account is open). */
export async function listAccountEvents(
  db: Executor,
  channelIds: readonly number[],
): Promise<(AccountStatusEvent & { channelId: number })[]> {
  const rows = (
    await Promise.all(
      chunks(channelIds).map((ids) =>
        db
          .selectFrom('channel_events')
          .select(['id', 'channel_id', 'kind', 'occurred_on'])
          .where('channel_id', 'in', ids)
          .where('kind', 'in', ['opened', 'closed'])
          .execute(),
      ),
    )
  ).flat();
  return rows.map((row) => ({
    channelId: row.channel_id,
    kind: row.kind as AccountEventKind,
    on: row.occurred_on,
    sequence: row.id,
  }));
}

/** Per account: its last post on or before `to`, and how many posts it made in [from, to]. */
export async function postsByAccount(
  db: Executor,
  channelIds: readonly number[],
  from: PlainDate,
  to: PlainDate,
): Promise<Map<number, { lastPostOn: PlainDate; inWindow: number }>> {
  const result = new Map<number, { lastPostOn: PlainDate; inWindow: number }>();
  for (const ids of chunks(channelIds)) {
    const rows = await db
      .selectFrom('channel_publications')
      .select('channel_id')
      .select((eb) => eb.fn.max('published_on').as('last'))
      .select((eb) =>
        eb.fn
          .sum<number | string>(eb.case().when('published_on', '>=', from).then(1).else(0).end())
          .as('in_window'),
      )
      .where('channel_id', 'in', ids)
      .where('published_on', '<=', to)
      .groupBy('channel_id')
      .execute();
    for (const row of rows) {
      result.set(row.channel_id, { lastPostOn: row.last, inWindow: Number(row.in_window) });
    }
  }
  return result;
}

export interface AccountEvent {
  readonly id: number;
  readonly channelId: number;
  readonly kind: AccountEventKind;
  readonly occurredOn: PlainDate;
  readonly note: string | null;
  readonly document: { name: string; mediaType: string; size: number; sha256: string } | null;
  readonly createdAt: Date;
}

/** The whole history of the accounts, oldest first. */
export async function listHistories(db: Executor, channelIds: readonly number[]): Promise<AccountEvent[]> {
  if (channelIds.length === 0) return [];
  const rows = await db
    .selectFrom('channel_events')
    .select([
      'id',
      'channel_id',
      'kind',
      'occurred_on',
      'note',
      'document_name',
      'document_type',
      'document_size',
      'document_sha256',
      'created_at',
    ])
    .where('channel_id', 'in', [...channelIds])
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channel_id,
    kind: row.kind as AccountEventKind,
    occurredOn: row.occurred_on,
    note: row.note,
    document:
      row.document_name === null
        ? null
        : {
            name: row.document_name,
            mediaType: row.document_type ?? 'application/octet-stream',
            size: Number(row.document_size),
            sha256: row.document_sha256 ?? '',
          },
    createdAt: toDate(row.created_at),
  }));
}

export interface NewAccountEvent {
  readonly channelId: number;
  readonly kind: AccountEventKind;
  readonly occurredOn: PlainDate;
  readonly note: string | null;
  readonly document: { name: string; mediaType: string; sha256: string; data: Buffer } | null;
}

export async function insertAccountEvent(
  trx: Executor,
  dialect: DialectName,
  event: NewAccountEvent,
  userId: number | null,
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('channel_events')
    .values({
      channel_id: event.channelId,
      kind: event.kind,
      occurred_on: event.occurredOn,
      note: event.note,
      document_name: event.document?.name ?? null,
      document_type: event.document?.mediaType ?? null,
      document_size: event.document?.data.length ?? null,
      document_sha256: event.document?.sha256 ?? null,
      document_base64: event.document?.data.toString('base64') ?? null,
      created_by: userId,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findEventDocument(
  db: Executor,
  eventId: number,
): Promise<{ channelId: number; name: string; mediaType: string; data: Buffer } | null> {
  const row = await db
    .selectFrom('channel_events')
    .select(['channel_id', 'document_name', 'document_type', 'document_base64'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (row?.document_name == null || row.document_base64 === null) return null;
  return {
    channelId: row.channel_id,
    name: row.document_name,
    mediaType: row.document_type ?? 'application/octet-stream',
    data: Buffer.from(row.document_base64, 'base64'),
  };
}
