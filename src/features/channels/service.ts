// Use cases of the channels registry: each checks the policy, runs in one transaction and writes its
// audit entry there. Publications on this platform's own column are not entered: they are counted from
// publishing_items (published_on), so the registry never disagrees with the column.
import type { ActingScope } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import {
  CHANNEL_KINDS,
  checkImportedRows,
  PLATFORM_LABELS,
  validateChannel,
  validatePublication,
  type ChannelKind,
  type RejectedRow,
} from '../../core/channels/channels.ts';
import { applyAccountEvent, validateAccountEvent } from '../../core/channels/accounts.ts';
import {
  duplicatePlatforms,
  ONE_ACCOUNT_WARNING,
  type AccountEventKind,
} from '../../core/channels/activity.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { chinaDate } from '../applications/clock.ts';
import { findUnit } from '../units/repo.ts';
import type { Unit } from '../units/model.ts';
import { listUnits } from '../units/repo.ts';
import { authorizeChannelList, authorizeChannels, channelScopes } from './policy.ts';
import { accountActivities, type AccountActivityRow } from './activity.ts';
import { findEventDocument, insertAccountEvent, listHistories, type AccountEvent } from './activity-repo.ts';
import type { CheckedDocument } from './documents.ts';
import {
  countChannelPublications,
  countWebsiteItems,
  findChannel,
  insertChannel,
  insertPublications,
  listChannels,
  lockUnitRow,
  updateAccountState,
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

/**
 * The platforms on which a unit keeps more than one open new-media account: a warning, not a refusal
 * (the rule says 原则上; a unit may have a reason, and the inspection weighs it).
 */
export function platformWarnings(channels: readonly Channel[]): string[] {
  return duplicatePlatforms(
    channels
      .filter((channel) => channel.kind === 'new-media' && channel.platform !== 'other')
      .map((channel) => ({ platform: channel.platform, open: channel.status === 'active' })),
  ).map((platform) => `${ONE_ACCOUNT_WARNING}：本单位在“${PLATFORM_LABELS[platform]}”有多个运行中的账号`);
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
    const typed = validateChannel(form);
    // An account's silence counts from its opening before its first post: without a date, the day it is
    // registered.
    const input =
      typed.kind === 'new-media' && typed.openedOn === null
        ? { ...typed, openedOn: typed.closedOn === null ? chinaDate(now) : typed.closedOn }
        : typed;
    await lockUnitRow(trx, dialect, unit.id);
    const id = await insertChannel(trx, dialect, unit.id, input, now);
    if (input.kind === 'new-media') {
      const history: [AccountEventKind, string | null][] = [
        ['opened', input.openedOn],
        ['closed', input.closedOn],
      ];
      for (const [kind, on] of history) {
        if (on === null) continue;
        const event = { channelId: id, kind, occurredOn: on, note: '登记账号时填写', document: null };
        await insertAccountEvent(trx, dialect, event, userIdOf(scope), now);
      }
    }
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

const FIELD_LABELS = {
  name: '名称',
  platform: '平台',
  accountId: '账号 ID',
  recordNumber: '备案编号',
  operator: '运营主体',
} as const;

/**
 * The history an edit of an account's registration writes: closing or reopening through the form is an
 * event of that day (a closing on its closing date); other changed fields are one 'changed' event listing
 * them. Moving the dates of an account without a change of status would rewrite its history, so it is
 * refused: such corrections are events of their own.
 */
async function accountHistoryOfUpdate(
  trx: Executor,
  scope: ActingScope,
  before: Channel,
  input: ReturnType<typeof validateChannel>,
  now: Date,
): Promise<void> {
  if (before.kind !== input.kind) throw new Invalid('kind', '政务新媒体账号不能改为其他类别的渠道');
  const { dialect } = scope.context.database;
  const today = chinaDate(now);
  const add = (kind: AccountEventKind, occurredOn: string, note: string) =>
    insertAccountEvent(
      trx,
      dialect,
      { channelId: before.id, kind, occurredOn, note, document: null },
      userIdOf(scope),
      now,
    );
  if (before.status === 'active' && input.status === 'closed') {
    applyAccountEvent(before, { kind: 'closed', occurredOn: input.closedOn ?? today, note: null });
    await add('closed', input.closedOn ?? today, '在登记表中改为已关停');
  } else if (before.status === 'closed' && input.status === 'active') {
    const on = input.openedOn !== before.openedOn && input.openedOn !== null ? input.openedOn : today;
    applyAccountEvent(before, { kind: 'opened', occurredOn: on, note: null });
    await add('opened', on, '在登记表中改为运行中');
  } else if (input.openedOn !== before.openedOn || input.closedOn !== before.closedOn) {
    throw new Invalid('openedOn', '政务新媒体账号的开设、关停日期请通过“登记状态变更”记录');
  }
  const changed = (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[])
    .filter((field) => before[field] !== input[field])
    .map((field) => `${FIELD_LABELS[field]}：${before[field] ?? '（空）'} → ${input[field] ?? '（空）'}`);
  if (changed.length > 0) await add('changed', today, changed.join('；'));
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
    if (before.kind === 'new-media' || input.kind === 'new-media') {
      await accountHistoryOfUpdate(trx, scope, before, input, now);
    }
    await updateChannelRow(trx, dialect, before.id, input, now);
    const old = {
      kind: before.kind,
      platform: before.platform,
      name: before.name,
      recordNumber: before.recordNumber,
      status: before.status,
      openedOn: before.openedOn,
      closedOn: before.closedOn,
      accountId: before.accountId,
      operator: before.operator,
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
  /** The open new-media accounts with their activity as of today. */
  readonly activity: readonly AccountActivityRow[];
  /** Status events of the unit's new-media accounts, oldest first. */
  readonly histories: readonly AccountEvent[];
  readonly warnings: readonly string[];
  readonly today: PlainDate;
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
  const channels = await listChannels(db, { unitId: unit.id });
  const accounts = channels.filter((channel) => channel.kind === 'new-media').map((channel) => channel.id);
  return {
    unit,
    channels,
    counts,
    activity: await accountActivities(db, { unitIds: [unit.id] }, today),
    histories: await listHistories(db, accounts),
    warnings: platformWarnings(channels),
    today,
  };
}

/** The units whose registry the actor keeps, each with its channels and warnings. */
export async function listRegistries(
  scope: ActingScope,
): Promise<{ unit: Unit; channels: Channel[]; warnings: string[] }[]> {
  authorizeChannelList(scope.actor);
  const { db } = scope.context.database;
  const scopes = channelScopes(scope.actor);
  const units = await listUnits(db, scopes);
  const channels = await listChannels(db, { scopes });
  return units.map((unit) => {
    const own = channels.filter((c) => c.unitId === unit.id);
    return { unit, channels: own, warnings: platformWarnings(own) };
  });
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

/**
 * Records a status event of a new-media account (opening, change, closing) with its note and optional
 * document, and moves the account's present state with it.
 */
export async function recordAccountEvent(
  scope: ActingScope,
  channelId: number,
  form: Readonly<Record<string, unknown>>,
  readDocument: () => Promise<CheckedDocument | null>,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  // The policy is checked before the file is read, so a refused person learns nothing from its errors.
  const account = await channelFor(db, scope, channelId);
  if (account.kind !== 'new-media') throw new NotFound('未找到该账号');
  const event = validateAccountEvent(form, chinaDate(now));
  const document = await readDocument();
  return inTransaction(db, async (trx) => {
    const before = await channelFor(trx, scope, channelId);
    await lockUnitRow(trx, dialect, before.unitId);
    const after = applyAccountEvent(before, event);
    const id = await insertAccountEvent(
      trx,
      dialect,
      { channelId: before.id, ...event, document },
      userIdOf(scope),
      now,
    );
    if (event.kind !== 'changed') await updateAccountState(trx, dialect, before.id, after, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'channel.event',
        objectType: 'channel',
        objectId: before.id,
        details: {
          eventId: id,
          ...event,
          document: document && { name: document.name, sha256: document.sha256, size: document.data.length },
        },
      },
      now,
    );
    return id;
  });
}

/** Throws NotFound unless the actor keeps the registry of this new-media account. */
export async function checkAccountAccess(scope: ActingScope, channelId: number): Promise<void> {
  const account = await channelFor(scope.context.database.db, scope, channelId);
  if (account.kind !== 'new-media') throw new NotFound('未找到该账号');
}

/** The document of an account's event, for staff who keep the unit's registry. */
export async function getEventDocument(
  scope: ActingScope,
  eventId: number,
): Promise<{ name: string; mediaType: string; data: Buffer }> {
  const { db } = scope.context.database;
  const document = await findEventDocument(db, eventId);
  if (document === null) throw new NotFound('未找到该文件');
  await channelFor(db, scope, document.channelId);
  return document;
}

export interface SubtreeActivity {
  readonly unit: Unit;
  readonly asOf: PlainDate;
  /** Open accounts of the unit and every unit below it, each with its activity. */
  readonly accounts: readonly AccountActivityRow[];
}

/** New-media activity of a unit's subtree as of a date: the zombies and near-zombies lead the list. */
export async function subtreeActivity(
  scope: ActingScope,
  unitId: number,
  asOf: PlainDate,
): Promise<SubtreeActivity> {
  const { db } = scope.context.database;
  const unit = await unitFor(db, scope, unitId);
  const rank = { zombie: 0, 'near-zombie': 1, active: 2 } as const;
  const accounts = (await accountActivities(db, { subtreePath: unit.path }, asOf)).sort(
    (a, b) =>
      rank[a.level] - rank[b.level] ||
      (b.silentDays ?? Infinity) - (a.silentDays ?? Infinity) ||
      a.channelId - b.channelId,
  );
  return { unit, asOf, accounts };
}
