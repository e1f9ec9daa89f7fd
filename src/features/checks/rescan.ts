// The re-scan of published items after a dictionary change, run as a background job. It walks every
// published, not withdrawn item in id order, a batch per transaction, and moves a cursor row in the same
// transaction: a process stopped mid-scan leaves the cursor after the last committed batch and the next
// run continues there. The job lease keeps a second process out while one runs; moving the cursor is also
// a compare-and-set, so a batch that two processes read anyway is committed by one of them only.
// An item gets one correction task per dictionary version at most, and only for error findings that were
// neither overridden at publication nor reported by an earlier scan.
import type { AppContext } from '../../app-context.ts';
import { newScanFindings, scanTaskDescription } from '../../core/checks/rescan.ts';
import { checkItem } from '../../core/publishing/item-checks.ts';
import { inTransaction } from '../../db/transaction.ts';
import { openCorrectionTask } from '../corrections/service.ts';
import type { BackgroundJob } from '../jobs/model.ts';
import { SCAN_JOB_NAME } from './model.ts';
import {
  advanceScan,
  countOpenedTasks,
  countPublishedItems,
  findScan,
  insertScanReport,
  nextPublishedItems,
  overriddenKeys,
  reportedKeys,
  startScan,
} from './repo.ts';
import { loadVersionedDictionaries } from './service.ts';

export const SCAN_BATCH_SIZE = 200;

export interface ScanOptions {
  readonly now?: Date;
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
  /** Stop after this many batches (tests simulate a stopped process with it). */
  readonly maxBatches?: number;
}

export interface ScanSummary {
  readonly version: number;
  readonly batches: number;
  readonly checked: number;
  readonly tasksOpened: number;
  readonly finished: boolean;
}

/** Scans batches until the scan of the current version is finished, or the run is stopped. */
export async function runDictionaryScan(
  context: AppContext,
  options: ScanOptions = {},
): Promise<ScanSummary> {
  const { db, dialect } = context.database;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? SCAN_BATCH_SIZE;
  let batches = 0;
  let checked = 0;
  let tasksOpened = 0;
  let version = 0;
  for (;;) {
    const loaded = await loadVersionedDictionaries(db, now);
    version = loaded.version;
    let scan = await findScan(db);
    if (scan === null || scan.targetVersion !== version) {
      await startScan(db, dialect, { targetVersion: version, total: await countPublishedItems(db) }, now);
      scan = await findScan(db);
    }
    if (scan === null || scan.finishedAt !== null) {
      return { version, batches, checked, tasksOpened, finished: true };
    }
    if (options.signal?.aborted === true || batches >= (options.maxBatches ?? Infinity)) {
      return { version, batches, checked, tasksOpened, finished: false };
    }
    const from = scan.lastItemId;
    const items = await nextPublishedItems(db, from, batchSize);
    const found = items.map((item) => ({
      item,
      findings: checkItem(item, { dictionaries: loaded.dictionaries, today: now }),
    }));
    const opened = await inTransaction(db, async (trx) => {
      const moved = await advanceScan(
        trx,
        dialect,
        {
          targetVersion: version,
          from,
          to: items.at(-1)?.id ?? from,
          checked: items.length,
          tasksOpened: 0,
          finished: items.length < batchSize,
        },
        now,
      );
      if (!moved) return null;
      const overridden = await overriddenKeys(trx, items);
      const reported = await reportedKeys(
        trx,
        items.map((item) => item.id),
      );
      let count = 0;
      for (const { item, findings } of found) {
        if (reported.versions.get(item.id)?.has(version) === true) continue;
        const fresh = newScanFindings(
          findings,
          overridden.get(item.id) ?? new Set(),
          reported.keys.get(item.id) ?? new Set(),
        );
        if (fresh.length === 0) continue;
        const task = await openCorrectionTask(
          trx,
          {
            unitId: item.unitId,
            itemId: item.id,
            source: 'dictionary-scan',
            description: scanTaskDescription(fresh, version),
            replyWorkdays: context.config.correctionReplyWorkdays,
          },
          now,
        );
        await insertScanReport(
          trx,
          dialect,
          { itemId: item.id, version, taskId: task.id, findingKeys: fresh.map((finding) => finding.key) },
          now,
        );
        count += 1;
      }
      if (count > 0) await countOpenedTasks(trx, count);
      return count;
    });
    batches += 1;
    if (opened === null) continue;
    checked += items.length;
    tasksOpened += opened;
  }
}

export const dictionaryScanJob: BackgroundJob = {
  name: SCAN_JOB_NAME,
  async run({ context, now, signal }) {
    const summary = await runDictionaryScan(context, { now, signal });
    return `词库第 ${summary.version} 版复查：本次检查 ${summary.checked} 条，新开纠错任务 ${summary.tasksOpened} 件${
      summary.finished ? '，已完成' : '，未完成（下次继续）'
    }`;
  },
};
