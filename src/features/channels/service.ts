// Use cases of the channels registry: each checks the policy, runs in one transaction and writes its
// audit entry there. Publications on this platform's own column are not entered: they are counted from
// publishing_items (published_on), so the registry never disagrees with the column.
import type { ActingScope } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import {
  CHANNEL_KINDS,
  checkImportedRows,
  validateChannel,
  validatePublication,
  type ChannelKind,
  type RejectedRow,
} from '../../core/channels/channels.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { findUnit } from '../units/repo.ts';
import type { Unit } from '../units/model.ts';
import { listUnits } from '../units/repo.ts';
import { authorizeChannelList, authorizeChannels, channelScopes } from './policy.ts';
import {
  activeAccountsOn,
  countChannelPublications,
  countWebsiteItems,
  findChannel,
  insertChannel,
  insertPublications,
  listChannels,
  lockUnitRow,
  updateChannelRow,
  type Channel,
  type UnitFilter,
} from './repo.ts';

export type { Channel } from './repo.ts';

/** Thrown when an import has rejected rows: nothing of the file was stored. */
export class ImportRejected extends Invalid {
  constructor(readonly rejected: readonly RejectedRow[]) {
    super('file', `有 ${rejected.length} 行不符合要求，整个文件未导入`);
  }
}

const userIdOf = (scope: ActingScope) => (scope.actor.kind === 'staff' ? scope.actor.userId : null);

async function unitFor(db: Executor, scope: ActingScope, unitId: number): Promise<Unit> {
  const unit = await findUnit(db, unitId);
  authorizeChannels(scope.actor, unit);
  return unit;
}

async function channelFor(db: Executor, scope: ActingScope, channelId: number): Promise<Channel> {
  const channel = await findChannel(db, channelId);
  authorizeChannels(scope.actor, channel && { path: channel.unitPath }, '未找到该渠道');
  return channel as Channel;
}

async function assertOneAccountPerPlatform(
  trx: Executor,
  unitId: number,
  input: ReturnType<typeof validateChannel>,
  exceptId: number | null,
): Promise<void> {
  if (input.kind !== 'new-media' || input.platform === 'other' || input.status !== 'active') return;
  if ((await activeAccountsOn(trx, unitId, input.platform ?? '', exceptId)) > 0) {
    throw new Conflict('本单位在该平台已有运行中的政务新媒体账号（每个单位每个平台只开设一个）');
  }
}

export async function addChannel(
  scope: ActingScope,
  unitId: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const unit = await unitFor(trx, scope, unitId);
    const input = validateChannel(form);
    await lockUnitRow(trx, dialect, unit.id);
    await assertOneAccountPerPlatform(trx, unit.id, input, null);
    const id = await insertChannel(trx, dialect, unit.id, input, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'channel.add',
        objectType: 'channel',
        objectId: id,
        details: { unitId: unit.id, ...input },
      },
      now,
    );
    return id;
  });
}

/** Changes a channel's registration (name, 备案 number, status, dates); the old values go to the audit log. */
export async function updateChannel(
  scope: ActingScope,
  channelId: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const before = await channelFor(trx, scope, channelId);
    const input = validateChannel(form);
    await lockUnitRow(trx, dialect, before.unitId);
    await assertOneAccountPerPlatform(trx, before.unitId, input, before.id);
    await updateChannelRow(trx, dialect, before.id, input, now);
    const old = {
      kind: before.kind,
      platform: before.platform,
      name: before.name,
      recordNumber: before.recordNumber,
      status: before.status,
      openedOn: before.openedOn,
      closedOn: before.closedOn,
    };
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'channel.update',
        objectType: 'channel',
        objectId: before.id,
        details: { before: old, after: input },
      },
      now,
    );
  });
}

/** Records one publication on a channel, typed in by staff. */
export async function recordPublication(
  scope: ActingScope,
  channelId: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const channel = await channelFor(trx, scope, channelId);
    const text = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
    const publication = validatePublication(channel, {
      date: text('publishedOn'),
      title: text('title'),
      url: text('url'),
    });
    await insertPublications(trx, dialect, [publication], 'entry', userIdOf(scope), now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'channel.publication',
        objectType: 'channel',
        objectId: channel.id,
        details: { ...publication },
      },
      now,
    );
  });
}

/**
 * Imports a unit's list of publications on its channels: all rows or none. When a row is refused nothing
 * is stored and ImportRejected lists every refused row with its column, so one corrected file goes in whole.
 */
export async function importPublications(
  scope: ActingScope,
  unitId: number,
  readFile: () => Promise<{ fileName: string; table: readonly (readonly string[])[] }>,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  // The policy is checked before the file is read, so a refused person learns nothing from its errors.
  await unitFor(db, scope, unitId);
  const { fileName, table } = await readFile();
  return inTransaction(db, async (trx) => {
    const unit = await unitFor(trx, scope, unitId);
    const channels = await listChannels(trx, { unitId: unit.id });
    const { accepted, rejected } = checkImportedRows(table, channels);
    if (rejected.length > 0) throw new ImportRejected(rejected);
    if (accepted.length === 0) throw new Invalid('file', '文件中没有可导入的行');
    await insertPublications(trx, dialect, accepted, 'import', userIdOf(scope), now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'channel.import',
        objectType: 'unit',
        objectId: unit.id,
        details: { fileName, rows: accepted.length },
      },
      now,
    );
    return accepted.length;
  });
}

export async function checkUnitAccess(scope: ActingScope, unitId: number): Promise<Unit> {
  return unitFor(scope.context.database.db, scope, unitId);
}

export interface UnitRegistry {
  readonly unit: Unit;
  readonly channels: readonly Channel[];
  readonly counts: PublicationCounts;
}

/** A unit's registry with this year's counts so far. */
export async function getUnitRegistry(
  scope: ActingScope,
  unitId: number,
  today: PlainDate,
): Promise<UnitRegistry> {
  const { db } = scope.context.database;
  const unit = await unitFor(db, scope, unitId);
  const counts = await publicationCounts(db, {
    unitIds: [unit.id],
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
  });
  return { unit, channels: await listChannels(db, { unitId: unit.id }), counts };
}

/** The units whose registry the actor keeps, each with its channels. */
export async function listRegistries(scope: ActingScope): Promise<{ unit: Unit; channels: Channel[] }[]> {
  authorizeChannelList(scope.actor);
  const { db } = scope.context.database;
  const scopes = channelScopes(scope.actor);
  const units = await listUnits(db, scopes);
  const channels = await listChannels(db, { scopes });
  return units.map((unit) => ({ unit, channels: channels.filter((c) => c.unitId === unit.id) }));
}

export interface ChannelCount {
  /** null for this platform's own 政府信息公开 column (counted from published items). */
  readonly channelId: number | null;
  readonly unitId: number;
  readonly kind: ChannelKind;
  readonly name: string;
  readonly count: number;
}

export interface PublicationCounts {
  readonly total: number;
  readonly byKind: Readonly<Record<ChannelKind, number>>;
  readonly byChannel: readonly ChannelCount[];
}

/** The name under which the platform's own column is counted. */
export const OWN_COLUMN_NAME = '政府信息公开专栏（本平台）';

/**
 * Proactive publications per channel kind and per channel in [from, to] (both days included), for the
 * units named or the subtree given: the platform's own column from its published items, the other
 * channels from the recorded publications. The annual report reads its channel counts here.
 */
export async function publicationCounts(
  db: Executor,
  query: UnitFilter & { readonly from: PlainDate; readonly to: PlainDate },
): Promise<PublicationCounts> {
  if (query.unitIds === undefined && query.subtreePath === undefined) {
    throw new Invalid('units', '须指定单位或单位范围');
  }
  if (query.to < query.from) throw new Invalid('to', '截止日期不能早于起始日期');
  const website = await countWebsiteItems(db, query, query.from, query.to);
  const recorded = await countChannelPublications(db, query, query.from, query.to);
  const byChannel: ChannelCount[] = [
    ...website.map((row) => ({
      channelId: null,
      unitId: row.unitId,
      kind: 'website' as const,
      name: OWN_COLUMN_NAME,
      count: row.count,
    })),
    ...recorded,
  ];
  const byKind = Object.fromEntries(CHANNEL_KINDS.map((kind) => [kind, 0])) as Record<ChannelKind, number>;
  for (const row of byChannel) byKind[row.kind] += row.count;
  return { total: byChannel.reduce((sum, row) => sum + row.count, 0), byKind, byChannel };
}
