// All SQL of the channels registry and of publication counts.
import { sql } from 'kysely';
import type { ChannelInput, ChannelKind, PublicationInput } from '../../core/channels/channels.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { fromDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { ChannelTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';

export interface Channel extends ChannelInput {
  readonly id: number;
  readonly unitId: number;
  readonly unitPath: string;
  readonly unitName: string;
  readonly publications: number;
}

type ChannelRow = Selectable<ChannelTable> & { unit_path: string; unit_name: string; publications: unknown };

function toChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    unitName: row.unit_name,
    kind: row.kind as Channel['kind'],
    platform: row.platform as Channel['platform'],
    name: row.name,
    recordNumber: row.record_number,
    status: row.status as Channel['status'],
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    accountId: row.account_id,
    operator: row.operator,
    publications: Number(row.publications),
  };
}

function channelQuery(db: Executor) {
  return db
    .selectFrom('channels as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select(['u.path as unit_path', 'u.name as unit_name'])
    .select((eb) =>
      eb
        .selectFrom('channel_publications as p')
        .select((inner) => inner.fn.countAll().as('n'))
        .whereRef('p.channel_id', '=', 'c.id')
        .as('publications'),
    );
}

export async function findChannel(db: Executor, id: number): Promise<Channel | null> {
  const row = await channelQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toChannel(row) : null;
}

/** Channels of the units inside any of the subtrees (every unit when null), by unit then kind. */
export async function listChannels(
  db: Executor,
  filter: { readonly unitId?: number; readonly scopes?: readonly string[] | null },
): Promise<Channel[]> {
  let query = channelQuery(db);
  if (filter.unitId !== undefined) query = query.where('c.unit_id', '=', filter.unitId);
  const scopes = filter.scopes;
  if (scopes !== undefined && scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('u.path', 'like', `${scope}%`))));
  }
  const rows = await query.orderBy('u.path').orderBy('c.kind').orderBy('c.id').execute();
  return rows.map(toChannel);
}

function channelColumns(input: ChannelInput) {
  return {
    kind: input.kind,
    platform: input.platform,
    name: input.name,
    record_number: input.recordNumber,
    status: input.status,
    opened_on: input.openedOn,
    closed_on: input.closedOn,
    account_id: input.accountId,
    operator: input.operator,
  };
}

export async function insertChannel(
  trx: Executor,
  dialect: DialectName,
  unitId: number,
  input: ChannelInput,
  now: Date,
): Promise<number> {
  const at = fromDate(dialect, now);
  const { id } = await trx
    .insertInto('channels')
    .values({ unit_id: unitId, ...channelColumns(input), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateChannelRow(
  trx: Executor,
  dialect: DialectName,
  id: number,
  input: ChannelInput,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('channels')
    .set({ ...channelColumns(input), updated_at: fromDate(dialect, now) })
    .where('id', '=', id)
    .execute();
}

/** Moves an account's present state after a status event of its history. */
export async function updateAccountState(
  trx: Executor,
  dialect: DialectName,
  id: number,
  state: { status: string; openedOn: PlainDate | null; closedOn: PlainDate | null },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('channels')
    .set({
      status: state.status,
      opened_on: state.openedOn,
      closed_on: state.closedOn,
      updated_at: fromDate(dialect, now),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertPublications(
  trx: Executor,
  dialect: DialectName,
  rows: readonly PublicationInput[],
  origin: 'entry' | 'import',
  userId: number | null,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const at = fromDate(dialect, now);
  // Batches keep each statement well under the bound-parameter limits of both databases.
  for (let start = 0; start < rows.length; start += 500) {
    await trx
      .insertInto('channel_publications')
      .values(
        rows.slice(start, start + 500).map((row) => ({
          channel_id: row.channelId,
          published_on: row.publishedOn,
          title: row.title,
          url: row.url,
          origin,
          created_by: userId,
          created_at: at,
        })),
      )
      .execute();
  }
}

export interface UnitFilter {
  readonly unitIds?: readonly number[];
  readonly subtreePath?: string;
}

export interface ChannelCountRow {
  readonly channelId: number;
  readonly unitId: number;
  readonly kind: ChannelKind;
  readonly name: string;
  readonly count: number;
}

/** Publications recorded per registered channel in [from, to] (channels without any are left out). */
export async function countChannelPublications(
  db: Executor,
  filter: UnitFilter,
  from: PlainDate,
  to: PlainDate,
): Promise<ChannelCountRow[]> {
  let query = db
    .selectFrom('channel_publications as p')
    .innerJoin('channels as c', 'c.id', 'p.channel_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.unit_id', 'c.kind', 'c.name'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where('p.published_on', '>=', from)
    .where('p.published_on', '<=', to);
  if (filter.unitIds !== undefined) query = query.where('c.unit_id', 'in', [...filter.unitIds, -1]);
  if (filter.subtreePath !== undefined) query = query.where('u.path', 'like', `${filter.subtreePath}%`);
  const rows = await query.groupBy(['c.id', 'c.unit_id', 'c.kind', 'c.name']).orderBy('c.id').execute();
  return rows.map((row) => ({
    channelId: row.id,
    unitId: row.unit_id,
    kind: row.kind as ChannelKind,
    name: row.name,
    count: Number(row.n),
  }));
}

/**
 * Items this platform published on its own 政府信息公开 column in [from, to], per unit. A withdrawn item
 * was still published on its date, so it counts.
 */
export async function countWebsiteItems(
  db: Executor,
  filter: UnitFilter,
  from: PlainDate,
  to: PlainDate,
): Promise<{ unitId: number; unitName: string; count: number }[]> {
  let query = db
    .selectFrom('publishing_items as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select(['u.id', 'u.name'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where('i.published_on', 'is not', null)
    .where('i.published_on', '>=', from)
    .where('i.published_on', '<=', to);
  if (filter.unitIds !== undefined) query = query.where('i.unit_id', 'in', [...filter.unitIds, -1]);
  if (filter.subtreePath !== undefined) query = query.where('u.path', 'like', `${filter.subtreePath}%`);
  const rows = await query.groupBy(['u.id', 'u.name', 'u.path']).orderBy('u.path').execute();
  return rows.map((row) => ({ unitId: row.id, unitName: row.name, count: Number(row.n) }));
}

/** Serialises registry changes of one unit (the one-account-per-platform rule reads, then writes). */
export async function lockUnitRow(trx: Executor, dialect: DialectName, unitId: number): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`.execute(trx);
}
