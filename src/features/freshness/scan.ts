// The daily scan: every column that went stale gets one correction task per staleness episode. The
// episode row (unique per unit, column and the day it went stale) is written in the same transaction as
// the task, so two processes scanning at once open one task, and a column updated and stale again later
// (another day it went stale) opens a new one.
import type { AppContext } from '../../app-context.ts';
import { COLUMN_KIND_LABELS } from '../../core/publishing/freshness.ts';
import { inTransaction } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { openCorrectionTask } from '../corrections/service.ts';
import { measureFreshness } from './measure.ts';
import { insertEpisode, linkEpisode, listUnitsIn } from './repo.ts';

export interface ScanResult {
  readonly units: number;
  readonly stale: number;
  readonly opened: number;
  /** False when the scan was told to stop before the last unit. */
  readonly complete: boolean;
}

export async function scanFreshness(
  context: AppContext,
  now = new Date(),
  signal?: AbortSignal,
): Promise<ScanResult> {
  const { db, dialect } = context.database;
  const asOf = chinaDate(now);
  const units = await listUnitsIn(db, null);
  const measures = await measureFreshness(
    db,
    units.map((unit) => unit.id),
    asOf,
  );
  let stale = 0;
  let opened = 0;
  let complete = true;
  for (const unit of units) {
    if (signal?.aborted) {
      complete = false;
      break;
    }
    const freshness = measures.get(unit.id);
    for (const column of freshness?.columns ?? []) {
      if (column.status !== 'stale' || column.staleSince === null) continue;
      stale += 1;
      const staleSince = column.staleSince;
      const created = await inTransaction(db, async (trx) => {
        const episode = await insertEpisode(
          trx,
          dialect,
          { unitId: unit.id, columnKey: column.key, staleSince },
          now,
        );
        if (episode === null) return false;
        const task = await openCorrectionTask(
          trx,
          {
            unitId: unit.id,
            itemId: null,
            source: 'stale-column',
            description: `栏目“${column.name}”（${COLUMN_KIND_LABELS[column.kind]}）自 ${staleSince} 起未按要求更新，最近发布：${column.lastPublishedOn ?? '无'}`,
            replyWorkdays: context.config.correctionReplyWorkdays,
          },
          now,
        );
        await linkEpisode(trx, episode, task.id);
        return true;
      });
      if (created) opened += 1;
    }
  }
  return { units: units.length, stale, opened, complete };
}
