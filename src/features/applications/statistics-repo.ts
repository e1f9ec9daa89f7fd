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
  /** The unit holding the application now (a closed one stays where it was decided). */
  readonly unitId: number;
  readonly receivedOn: string;
  readonly channel: string;
  readonly applicantType: string;
  readonly closedOn: string | null;
  readonly outcome: string | null;
}

/** The ledger steps that move an application between units (转办 and its return). */
const ROUTING_STEPS = ['transferred', 'returned'];

/** The ids of a unit and of every unit below it. */
export async function listSubtreeUnitIds(db: Executor, unit: StatisticsUnit): Promise<number[]> {
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('path', 'like', `${unit.path}%`)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The applications a report year of a unit (and its sub-units when asked) may count: received by its
 * last day, not closed before its first, and held by one of those units now or at some step of their
 * routing (which unit held it in the year is read from the routing steps).
 */
export async function listYearApplications(
  db: Executor,
  where: { readonly unit: StatisticsUnit; readonly includeSubunits: boolean; readonly year: number },
): Promise<StatisticsRow[]> {
  const subtree = db
    .selectFrom('units')
    .select('units.id')
    .where('units.path', 'like', `${where.unit.path}%`);
  const inYear = db
    .selectFrom('applications')
    .select([
      'applications.id',
      'applications.unit_id',
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
  // Two queries rather than one with OR EXISTS: the first stays on the unit index as before routing
  // was read; the second finds the few applications routed into or out of the units.
  const held = await (
    where.includeSubunits
      ? inYear.where('applications.unit_id', 'in', subtree)
      : inYear.where('applications.unit_id', '=', where.unit.id)
  ).execute();
  const routed = await inYear
    .where((eb) =>
      eb(
        'applications.id',
        'in',
        eb
          .selectFrom('application_events')
          .select('application_events.application_id')
          .where('application_events.type', 'in', ROUTING_STEPS)
          .where((inner) =>
            where.includeSubunits
              ? inner.or([
                  inner('application_events.unit_id', 'in', subtree),
                  inner('application_events.to_unit_id', 'in', subtree),
                ])
              : inner.or([
                  inner('application_events.unit_id', '=', where.unit.id),
                  inner('application_events.to_unit_id', '=', where.unit.id),
                ]),
          ),
      ),
    )
    .execute();
  const rows = new Map([...held, ...routed].map((row) => [row.id, row]));
  return [...rows.values()]
    .sort((a, b) => a.id - b.id)
    .map((row) => ({
      id: row.id,
      unitId: row.unit_id,
      receivedOn: row.received_on,
      channel: row.channel,
      applicantType: row.applicant_type,
      closedOn: row.closed_on,
      outcome: row.outcome,
    }));
}

export interface RoutingStep {
  readonly date: string;
  readonly fromUnitId: number | null;
  readonly toUnitId: number | null;
}

/** The routing steps of the applications given, oldest first, by application. */
export async function listRoutingSteps(
  db: Executor,
  applicationIds: readonly number[],
): Promise<Map<number, RoutingStep[]>> {
  const steps = new Map<number, RoutingStep[]>();
  if (applicationIds.length === 0) return steps;
  const rows = await db
    .selectFrom('application_events')
    .select(['application_id', 'date', 'unit_id', 'to_unit_id'])
    .where('application_id', 'in', [...applicationIds])
    .where('type', 'in', ROUTING_STEPS)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const step = { date: row.date, fromUnitId: row.unit_id, toUnitId: row.to_unit_id };
    steps.set(row.application_id, [...(steps.get(row.application_id) ?? []), step]);
  }
  return steps;
}
