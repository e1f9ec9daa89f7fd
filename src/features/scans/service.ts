// Use cases of the internal scans that people start: reading their state.
import type { ActingScope } from '../../app-context.ts';
import { findLease } from '../jobs/repo.ts';
import { DEAD_LINK_SCAN, PRIVACY_SCAN, type ScanOverviewRow } from './model.ts';
import { authorizeScans } from './policy.ts';
import { countScanTasks, findScanState } from './repo.ts';

export async function getScanOverview(scope: ActingScope): Promise<ScanOverviewRow[]> {
  authorizeScans(scope.actor);
  const { db } = scope.context.database;
  const rows: ScanOverviewRow[] = [];
  for (const name of [PRIVACY_SCAN, DEAD_LINK_SCAN] as const) {
    const lease = await findLease(db, name);
    rows.push({
      name,
      state: await findScanState(db, name),
      lastRunAt: lease?.lastRunAt ?? null,
      lastResult: lease?.lastResult ?? null,
      totalTasks: await countScanTasks(db, name),
    });
  }
  return rows;
}
