// The internal scans of published items, run as background jobs. Each walks the published, not withdrawn
// items in id order, a batch per transaction, moving its cursor row in the same transaction (a
// compare-and-set: a batch two processes read anyway is committed by one of them only; the job lease keeps
// a second process out in the first place). Every finding reported is recorded per item under a unique key,
// so a finding opens a correction task once, however often the scan runs.
// - privacy-scan: personal data (error severity) in title, summary or body that was not overridden in the
//   review that published the item. The walk restarts when PRIVACY_DETECTOR_VERSION changes; otherwise each
//   run continues from the cursor and so checks the items published since.
// - dead-link-scan: links in the rich-text body to items, attachments or units of this platform that the
//   public can no longer open. Targets die at any time (withdrawal, a removed file), so the walk starts
//   again every China day.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import {
  deadLinkTaskDescription,
  newPrivacyFindings,
  privacyTaskDescription,
  type DeadLink,
} from '../../core/scans/descriptions.ts';
import { checkItem } from '../../core/publishing/item-checks.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaDate } from '../applications/clock.ts';
import { openCorrectionTask } from '../corrections/service.ts';
import type { CorrectionSource } from '../corrections/model.ts';
import { bodyLinks, DEAD_LINK_REASONS, type InternalTarget } from './links.ts';
import {
  DEAD_LINK_SCAN,
  PRIVACY_DETECTOR_VERSION,
  PRIVACY_SCAN,
  type ScanName,
  type ScanRun,
} from './model.ts';
import {
  advanceCursor,
  countOpenedTasks,
  currentAttachments,
  existingUnitIds,
  findScanState,
  insertFindings,
  nextPublishedItems,
  overriddenKeys,
  publishedItemIds,
  reportedKeys,
  startPass,
  type PublishedItem,
} from './repo.ts';

export const SCAN_BATCH_SIZE = 200;

export interface ScanOptions {
  readonly now?: Date;
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
  /** Stop after this many batches (tests simulate a stopped process with it). */
  readonly maxBatches?: number;
}

/** A finding to report: its recorded key and what the task says about it. */
interface Candidate<T> {
  readonly key: string;
  readonly detail: T;
}

interface ScanDefinition<T> {
  readonly name: ScanName;
  readonly source: CorrectionSource;
  readonly pass: (now: Date) => string;
  /** A finished walk of the same pass continues from its cursor (true) or waits for the next pass. */
  readonly continueAfterFinish: boolean;
  readonly externalLinks: (items: readonly PublishedItem[]) => number;
  /** Per item, what is wrong now (inside the batch's transaction); reported keys are filtered later. */
  readonly inspect: (
    trx: Executor,
    items: readonly PublishedItem[],
    now: Date,
  ) => Promise<Map<number, Candidate<T>[]>>;
  readonly description: (details: readonly T[]) => string;
}

async function runScan<T>(
  context: AppContext,
  definition: ScanDefinition<T>,
  options: ScanOptions,
): Promise<ScanRun> {
  const { db, dialect } = context.database;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? SCAN_BATCH_SIZE;
  const pass = definition.pass(now);
  const run = { pass, batches: 0, checked: 0, tasksOpened: 0, externalLinks: 0 };
  let fresh = true;
  for (;;) {
    let state = await findScanState(db, definition.name);
    if (state === null || state.pass !== pass) {
      await startPass(db, dialect, definition.name, pass, now);
      state = await findScanState(db, definition.name);
    }
    if (state === null) return { ...run, finished: true };
    if (state.finishedAt !== null && (!definition.continueAfterFinish || !fresh)) {
      return { ...run, finished: true };
    }
    if (options.signal?.aborted === true || run.batches >= (options.maxBatches ?? Infinity)) {
      return { ...run, finished: false };
    }
    fresh = false;
    const from = state.cursor;
    const { items, last } = await nextPublishedItems(db, dialect, from, batchSize);
    const externalLinks = definition.externalLinks(items);
    const opened = await inTransaction(db, async (trx) => {
      const moved = await advanceCursor(
        trx,
        dialect,
        {
          name: definition.name,
          pass,
          from,
          to: last ?? from,
          checked: items.length,
          externalLinks,
          finished: items.length < batchSize,
        },
        now,
      );
      if (!moved) return null;
      return openTasks(context, trx, definition, items, now);
    });
    run.batches += 1;
    if (opened === null) continue;
    run.checked += items.length;
    run.externalLinks += externalLinks;
    run.tasksOpened += opened;
  }
}

async function openTasks<T>(
  context: AppContext,
  trx: Transaction<Database>,
  definition: ScanDefinition<T>,
  items: readonly PublishedItem[],
  now: Date,
): Promise<number> {
  const { dialect } = context.database;
  const found = await definition.inspect(trx, items, now);
  const reported = await reportedKeys(trx, definition.name, [...found.keys()]);
  let count = 0;
  for (const item of items) {
    const already = reported.get(item.id) ?? new Set<string>();
    const candidates = (found.get(item.id) ?? []).filter((candidate) => !already.has(candidate.key));
    if (candidates.length === 0) continue;
    const task = await openCorrectionTask(
      trx,
      {
        unitId: item.unitId,
        itemId: item.id,
        source: definition.source,
        description: definition.description(candidates.map((candidate) => candidate.detail)),
        replyWorkdays: context.config.correctionReplyWorkdays,
      },
      now,
    );
    await insertFindings(
      trx,
      dialect,
      {
        scan: definition.name,
        itemId: item.id,
        taskId: task.id,
        keys: candidates.map((candidate) => candidate.key),
      },
      now,
    );
    count += 1;
  }
  if (count > 0) await countOpenedTasks(trx, definition.name, count);
  return count;
}

/** The recorded form of a finding key: it contains the personal data itself, which is kept nowhere else. */
function hashedKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const privacyScan: ScanDefinition<Parameters<typeof privacyTaskDescription>[0][number]> = {
  name: PRIVACY_SCAN,
  source: 'privacy-scan',
  pass: () => String(PRIVACY_DETECTOR_VERSION),
  continueAfterFinish: true,
  externalLinks: () => 0,
  async inspect(trx, items, now) {
    const overridden = await overriddenKeys(
      trx,
      items.map((item) => item.id),
    );
    const found = new Map<number, Candidate<ReturnType<typeof newPrivacyFindings>[number]>[]>();
    for (const item of items) {
      // No dictionaries: only the personal-data detectors (and the code check they shield) run.
      const findings = newPrivacyFindings(
        checkItem(item, { dictionaries: [], today: now }),
        overridden.get(item.id) ?? new Set(),
        () => false,
      );
      if (findings.length > 0) {
        found.set(
          item.id,
          findings.map((finding) => ({ key: hashedKey(finding.key), detail: finding })),
        );
      }
    }
    return found;
  },
  description: (findings) => privacyTaskDescription(findings, PRIVACY_DETECTOR_VERSION),
};

function targetsOf(items: readonly PublishedItem[]): Map<number, readonly InternalTarget[]> {
  const map = new Map<number, readonly InternalTarget[]>();
  for (const item of items) {
    if (item.bodyHtml === null) continue;
    const { internal } = bodyLinks(item.bodyHtml, item.id);
    if (internal.length > 0) map.set(item.id, internal);
  }
  return map;
}

const deadLinkScan: ScanDefinition<DeadLink> = {
  name: DEAD_LINK_SCAN,
  source: 'dead-link',
  pass: (now) => chinaDate(now),
  continueAfterFinish: false,
  externalLinks: (items) =>
    items.reduce(
      (sum, item) => sum + (item.bodyHtml === null ? 0 : bodyLinks(item.bodyHtml, item.id).external),
      0,
    ),
  async inspect(trx, items) {
    const targets = targetsOf(items);
    const all = [...targets.values()].flat();
    const ids = (kind: InternalTarget['kind'], pick: (target: InternalTarget) => number) => [
      ...new Set(all.filter((target) => target.kind === kind).map(pick)),
    ];
    const liveItems = await publishedItemIds(
      trx,
      ids('item', (target) => (target.kind === 'item' ? target.itemId : 0)),
    );
    const liveAttachments = await currentAttachments(
      trx,
      ids('attachment', (target) => (target.kind === 'attachment' ? target.attachmentId : 0)),
    );
    const liveUnits = await existingUnitIds(
      trx,
      ids('unit', (target) => (target.kind === 'unit' ? target.unitId : 0)),
    );
    const isLive = (target: InternalTarget): boolean => {
      switch (target.kind) {
        case 'item':
          return liveItems.has(target.itemId);
        case 'attachment':
          return liveAttachments.has(`${target.itemId}/${target.attachmentId}`);
        case 'unit':
          return liveUnits.has(target.unitId);
      }
    };
    const found = new Map<number, Candidate<DeadLink>[]>();
    for (const [itemId, list] of targets) {
      const dead = list
        .filter((target) => !isLive(target))
        .map((target) => ({
          key: target.path,
          detail: { path: target.path, reason: DEAD_LINK_REASONS[target.kind] },
        }));
      if (dead.length > 0) found.set(itemId, dead);
    }
    return found;
  },
  description: deadLinkTaskDescription,
};

export function runPrivacyScan(context: AppContext, options: ScanOptions = {}): Promise<ScanRun> {
  return runScan(context, privacyScan, options);
}

export function runDeadLinkScan(context: AppContext, options: ScanOptions = {}): Promise<ScanRun> {
  return runScan(context, deadLinkScan, options);
}
