// SQL of the application statistics: the applications a report year can count, with only the columns
// the counting rules read (never personal data).
import type { Executor } from '../../db/transaction.ts';

export interface StatisticsUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

export async function findStatisticsUnit(db: Executor, id: number): Promise<StatisticsUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, path: row.path } : null;
}

export interface StatisticsRow {
  readonly id: number;
  readonly receivedOn: string;
  readonly channel: string;
  readonly applicantType: string;
  readonly closedOn: string | null;
  readonly outcome: string | null;
}

/**
 * The applications of a unit (and its sub-units when asked) that a report year counts: received by its
 * last day and not closed before its first.
 */
export async function listYearApplications(
  db: Executor,
  where: { readonly unit: StatisticsUnit; readonly includeSubunits: boolean; readonly year: number },
): Promise<StatisticsRow[]> {
  let query = db
    .selectFrom('applications')
    .select([
      'applications.id',
      'applications.received_on',
      'applications.channel',
      'applications.applicant_type',
      'applications.closed_on',
      'applications.outcome',
    ])
    .where('applications.received_on', '<=', `${where.year}-12-31`)
    .where((eb) =>
      eb.or([
        eb('applications.closed_on', 'is', null),
        eb('applications.closed_on', '>=', `${where.year}-01-01`),
      ]),
    );
  query = where.includeSubunits
    ? query
        .innerJoin('units', 'units.id', 'applications.unit_id')
        .where('units.path', 'like', `${where.unit.path}%`)
    : query.where('applications.unit_id', '=', where.unit.id);
  const rows = await query.orderBy('applications.id').execute();
  return rows.map((row) => ({
    id: row.id,
    receivedOn: row.received_on,
    channel: row.channel,
    applicantType: row.applicant_type,
    closedOn: row.closed_on,
    outcome: row.outcome,
  }));
}
