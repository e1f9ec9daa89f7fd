// SQL of the dashboards: the units of a subtree and the dates of applications (no personal data).
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { Executor } from '../../db/transaction.ts';

export interface DashboardUnit {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly path: string;
}

/** The unit at `path` and every unit below it, in tree order. */
export async function listSubtree(db: Executor, path: string): Promise<DashboardUnit[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'path'])
    .where('path', 'like', `${path}%`)
    .orderBy('path')
    .execute();
  return rows.map((row) => ({ id: row.id, parentId: row.parent_id, name: row.name, path: row.path }));
}

export interface ApplicationDates {
  readonly id: number;
  readonly unitPath: string;
  readonly receivedOn: PlainDate;
  readonly closedOn: PlainDate | null;
}

/** Applications of the unit (or its subtree) received or closed in the year. */
export async function listApplicationDates(
  db: Executor,
  where: { readonly unit: DashboardUnit; readonly includeSubunits: boolean; readonly year: number },
): Promise<ApplicationDates[]> {
  const first = `${where.year}-01-01`;
  const last = `${where.year}-12-31`;
  let query = db
    .selectFrom('applications as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'u.path', 'a.received_on', 'a.closed_on'])
    .where((eb) =>
      eb.or([
        eb.and([eb('a.received_on', '>=', first), eb('a.received_on', '<=', last)]),
        eb.and([eb('a.closed_on', '>=', first), eb('a.closed_on', '<=', last)]),
      ]),
    );
  query = where.includeSubunits
    ? query.where('u.path', 'like', `${where.unit.path}%`)
    : query.where('a.unit_id', '=', where.unit.id);
  const rows = await query.orderBy('a.id').execute();
  return rows.map((row) => ({
    id: row.id,
    unitPath: row.path,
    receivedOn: row.received_on,
    closedOn: row.closed_on,
  }));
}

export async function findDashboardUnit(db: Executor, id: number): Promise<DashboardUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, parentId: row.parent_id, name: row.name, path: row.path } : null;
}
