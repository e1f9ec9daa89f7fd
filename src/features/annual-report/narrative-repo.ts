// SQL of the edited narrative sections: the only place that reads or writes `annual_report_narratives`.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export interface SavedNarrative {
  readonly id: number;
  readonly section: string;
  readonly body: string;
  readonly savedBy: string | null;
  readonly savedAt: Date;
}

export async function insertNarrative(
  db: Executor,
  dialect: DialectName,
  row: {
    readonly unitId: number;
    readonly year: number;
    readonly section: string;
    readonly body: string;
    readonly savedBy: number | null;
  },
  now: Date,
): Promise<number> {
  const inserted = await db
    .insertInto('annual_report_narratives')
    .values({
      unit_id: row.unitId,
      year: row.year,
      section: row.section,
      body: row.body,
      saved_by: row.savedBy,
      saved_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Every save of the unit's year, oldest first. */
export async function listNarratives(db: Executor, unitId: number, year: number): Promise<SavedNarrative[]> {
  const rows = await db
    .selectFrom('annual_report_narratives')
    .leftJoin('users', 'users.id', 'annual_report_narratives.saved_by')
    .select([
      'annual_report_narratives.id',
      'annual_report_narratives.section',
      'annual_report_narratives.body',
      'annual_report_narratives.saved_at',
      'users.username',
    ])
    .where('annual_report_narratives.unit_id', '=', unitId)
    .where('annual_report_narratives.year', '=', year)
    .orderBy('annual_report_narratives.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    section: row.section,
    body: row.body,
    savedBy: row.username,
    savedAt: toDate(row.saved_at),
  }));
}
