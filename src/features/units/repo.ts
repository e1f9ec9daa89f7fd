// All SQL of units.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { UnitTable } from '../../db/schema.ts';
import { isUnitKind, type OfficeContact, type Unit } from './model.ts';
import { sql, type Selectable } from 'kysely';

function toUnit(row: Selectable<UnitTable>): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    name: row.name,
    kind: isUnitKind(row.kind) ? row.kind : 'other',
    uscc: row.uscc,
    regionCode: row.region_code,
    contact: {
      officeName: row.office_name,
      address: row.office_address,
      hours: row.office_hours,
      phone: row.office_phone,
      fax: row.office_fax,
      email: row.office_email,
      postcode: row.office_postcode,
    },
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export interface NewUnitRow {
  readonly parentId: number | null;
  readonly name: string;
  readonly kind: Unit['kind'];
  readonly uscc: string | null;
  readonly regionCode: string | null;
  readonly contact: OfficeContact;
}

function contactColumns(contact: OfficeContact) {
  return {
    office_name: contact.officeName,
    office_address: contact.address,
    office_hours: contact.hours,
    office_phone: contact.phone,
    office_fax: contact.fax,
    office_email: contact.email,
    office_postcode: contact.postcode,
  };
}

/** Inserts a unit; its path needs its own id, so it is set right after in the same transaction. */
export async function insertUnit(
  trx: Executor,
  dialect: DialectName,
  unit: NewUnitRow,
  parentPath: string,
  now: Date,
): Promise<Unit> {
  const at = fromDate(dialect, now);
  const { id } = await trx
    .insertInto('units')
    .values({
      parent_id: unit.parentId,
      path: parentPath,
      name: unit.name,
      kind: unit.kind,
      uscc: unit.uscc,
      region_code: unit.regionCode,
      ...contactColumns(unit.contact),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await trx
    .updateTable('units')
    .set({ path: `${parentPath}${id}/` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}

export async function findUnit(db: Executor, id: number): Promise<Unit | null> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : null;
}

export async function findUnitsByName(db: Executor, name: string): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().where('name', '=', name).execute();
  return rows.map(toUnit);
}

export async function findUnitByUscc(db: Executor, uscc: string): Promise<Unit | null> {
  const row = await db.selectFrom('units').selectAll().where('uscc', '=', uscc).executeTakeFirst();
  return row ? toUnit(row) : null;
}

/** Units inside any of the given subtrees (all units when `scopes` is null), in tree order. */
export async function listUnits(db: Executor, scopes: readonly string[] | null): Promise<Unit[]> {
  let query = db.selectFrom('units').selectAll();
  if (scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('path', 'like', `${scope}%`))));
  }
  const rows = await query.orderBy('path').execute();
  return rows.map(toUnit);
}

export async function updateUnitDetails(
  trx: Executor,
  dialect: DialectName,
  id: number,
  details: Omit<NewUnitRow, 'parentId'>,
  now: Date,
): Promise<Unit> {
  const row = await trx
    .updateTable('units')
    .set({
      name: details.name,
      kind: details.kind,
      uscc: details.uscc,
      region_code: details.regionCode,
      ...contactColumns(details.contact),
      updated_at: fromDate(dialect, now),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}

/** Moves a unit and its whole subtree under a new parent by rewriting the path prefix. */
export async function moveSubtree(
  trx: Executor,
  dialect: DialectName,
  unit: Unit,
  newParentId: number | null,
  newPath: string,
  now: Date,
): Promise<void> {
  const descendants = await trx
    .selectFrom('units')
    .select(['id', 'path'])
    .where('path', 'like', `${unit.path}%`)
    .execute();
  for (const row of descendants) {
    await trx
      .updateTable('units')
      .set({ path: newPath + row.path.slice(unit.path.length), updated_at: fromDate(dialect, now) })
      .where('id', '=', row.id)
      .execute();
  }
  await trx.updateTable('units').set({ parent_id: newParentId }).where('id', '=', unit.id).execute();
}

/**
 * Serialises changes to the unit tree within the transaction: a move reads a subtree and rewrites its
 * paths, so a concurrent add or move must wait. SQLite already runs one writer at a time.
 */
export async function lockUnitTree(trx: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${UNIT_TREE_LOCK})`.execute(trx);
}

const UNIT_TREE_LOCK = 7_310_001;
