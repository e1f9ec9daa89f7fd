// SQL of the open-data index: which units published a report for which years. It reads only the keys of
// `annual_reports`; the numbers themselves come through the annual-report service.
import type { Executor } from '../../db/transaction.ts';

export interface PublishedYear {
  readonly unitId: number;
  readonly unitName: string;
  readonly year: number;
}

/** Every unit and year with a published report, units in tree order, newest year first. */
export async function listPublishedYears(db: Executor): Promise<PublishedYear[]> {
  const rows = await db
    .selectFrom('annual_reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['u.id', 'u.name', 'u.path', 'r.year'])
    .distinct()
    .orderBy('u.path')
    .orderBy('r.year', 'desc')
    .execute();
  return rows.map((row) => ({ unitId: row.id, unitName: row.name, year: row.year }));
}
