// SQL of the publication deadlines: units with their kinds, first publications, supervisors to remind.
import { toDate } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import { isUnitKind, type UnitKind } from '../units/model.ts';

export interface DeadlineUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly kind: UnitKind;
}

/** The unit and every unit below it in tree order; null: every unit. */
export async function listDeadlineUnits(db: Executor, unitId: number | null): Promise<DeadlineUnit[]> {
  let query = db.selectFrom('units').select(['id', 'name', 'path', 'kind']);
  if (unitId !== null) {
    const root = await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
    if (root === undefined) return [];
    query = query.where('path', 'like', `${root.path}%`);
  }
  const rows = await query.orderBy('path').execute();
  return rows.map((row) => ({ ...row, kind: isUnitKind(row.kind) ? row.kind : 'other' }));
}

/** When each unit first published its report of the year (version 1). */
export async function findFirstPublications(
  db: Executor,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, Date>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('annual_reports')
    .select(['unit_id', 'published_at'])
    .where('year', '=', year)
    .where('version', '=', 1)
    .where('unit_id', 'in', [...unitIds])
    .execute();
  return new Map(rows.map((row) => [row.unit_id, toDate(row.published_at)]));
}

/** The active supervisors (政务公开办负责人) holding the role in each unit. */
export async function findSupervisorsOfUnits(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byUnit = new Map<number, number[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .where('user_roles.role', '=', 'supervisor')
    .where('user_roles.unit_id', 'in', [...unitIds])
    .where('users.disabled_at', 'is', null)
    .select(['user_roles.unit_id', 'user_roles.user_id'])
    .orderBy('user_roles.user_id')
    .execute();
  for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.user_id]);
  return byUnit;
}
