// Use cases of units: each checks the policy, runs in one transaction and writes its audit entry there.
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import type { Unit } from './model.ts';
import { authorizeUnit, canAddTopLevelUnit } from './policy.ts';
import {
  findUnit,
  findUnitByUscc,
  findUnitsByName,
  insertUnit,
  lockUnitTree,
  listUnits as listUnitRows,
  moveSubtree,
  updateUnitDetails,
} from './repo.ts';
import { validateUnitInput, type UnitInput } from './validate.ts';
import { scopesOf, ROLES } from '../../core/access/roles.ts';

export interface AddUnitProps extends UnitInput {
  readonly parentId: number | null;
}

async function assertUsccFree(trx: Executor, uscc: string | null, exceptId: number | null): Promise<void> {
  if (uscc === null) return;
  const holder = await findUnitByUscc(trx, uscc);
  if (holder !== null && holder.id !== exceptId) {
    throw new Conflict(`统一社会信用代码 ${uscc} 已被单位“${holder.name}”使用`);
  }
}

export async function addUnit(scope: ActingScope, props: AddUnitProps, now = new Date()): Promise<Unit> {
  return inTransaction(scope.context.database.db, (trx) => addUnitIn(trx, scope, props, now));
}

async function addUnitIn(
  trx: Transaction<Database>,
  scope: ActingScope,
  props: AddUnitProps,
  now: Date,
): Promise<Unit> {
  const valid = validateUnitInput(props);
  await lockUnitTree(trx, scope.context.database.dialect);
  let parentPath = '/';
  if (props.parentId === null) {
    if (!canAddTopLevelUnit(scope.actor)) throw new NotFound('未找到上级单位');
  } else {
    const parent = await findUnit(trx, props.parentId);
    authorizeUnit(scope.actor, 'add-child', parent);
    parentPath = parent.path;
  }
  await assertUsccFree(trx, valid.uscc, null);
  const unit = await insertUnit(
    trx,
    scope.context.database.dialect,
    { ...valid, parentId: props.parentId },
    parentPath,
    now,
  );
  await recordAudit(
    trx,
    {
      actor: auditActorOf(scope.actor),
      address: scope.address,
      action: 'unit.add',
      objectType: 'unit',
      objectId: unit.id,
      details: { name: unit.name, kind: unit.kind, parentId: unit.parentId },
    },
    now,
  );
  return unit;
}

/** One row of a unit import: the parent is named by name or 统一社会信用代码 (earlier rows count). */
export interface ImportedUnitRow extends UnitInput {
  readonly parent?: string;
}

/**
 * Adds many units in one transaction: all rows land or none does. An error names the row and the field.
 */
export async function importUnits(
  scope: ActingScope,
  rows: readonly ImportedUnitRow[],
  now = new Date(),
): Promise<Unit[]> {
  return inTransaction(scope.context.database.db, async (trx) => {
    const added: Unit[] = [];
    for (const [index, row] of rows.entries()) {
      const line = index + 2; // the header is line 1
      try {
        const parentId = await resolveParent(trx, row.parent, added);
        added.push(await addUnitIn(trx, scope, { ...row, parentId }, now));
      } catch (error) {
        if (error instanceof Invalid)
          throw new Invalid(`第${line}行.${error.field}`, `第 ${line} 行：${error.message}`);
        if (error instanceof Conflict || error instanceof NotFound) {
          throw new Invalid(`第${line}行`, `第 ${line} 行：${error.message}`);
        }
        throw error;
      }
    }
    return added;
  });
}

async function resolveParent(
  trx: Executor,
  parent: string | undefined,
  added: readonly Unit[],
): Promise<number | null> {
  const reference = parent?.trim() ?? '';
  if (reference === '') return null;
  const earlier = added.filter((unit) => unit.name === reference || unit.uscc === reference.toUpperCase());
  if (earlier.length === 1) return (earlier[0] as Unit).id;
  const byUscc = await findUnitByUscc(trx, reference.toUpperCase());
  if (byUscc !== null) return byUscc.id;
  const byName = await findUnitsByName(trx, reference);
  if (byName.length === 1) return (byName[0] as Unit).id;
  if (byName.length > 1 || earlier.length > 1) {
    throw new Invalid('parent', `名为“${reference}”的单位不止一个，请用统一社会信用代码或编号指定上级单位`);
  }
  throw new Invalid('parent', `未找到上级单位“${reference}”`);
}

export async function updateUnit(
  scope: ActingScope,
  id: number,
  input: UnitInput,
  now = new Date(),
): Promise<Unit> {
  const { db, dialect } = scope.context.database;
  const valid = validateUnitInput(input);
  return inTransaction(db, async (trx) => {
    const before = await findUnit(trx, id);
    authorizeUnit(scope.actor, 'update', before);
    await assertUsccFree(trx, valid.uscc, id);
    const unit = await updateUnitDetails(trx, dialect, id, valid, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'unit.update',
        objectType: 'unit',
        objectId: id,
        details: { before: { name: before.name, kind: before.kind, uscc: before.uscc }, after: valid },
      },
      now,
    );
    return unit;
  });
}

/** Moves a unit (with its sub-units) under another parent; a unit cannot move under its own subtree. */
export async function moveUnit(
  scope: ActingScope,
  id: number,
  newParentId: number,
  now = new Date(),
): Promise<Unit> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await lockUnitTree(trx, dialect);
    const unit = await findUnit(trx, id);
    authorizeUnit(scope.actor, 'move', unit);
    const parent = await findUnit(trx, newParentId);
    authorizeUnit(scope.actor, 'add-child', parent);
    if (parent.path.startsWith(unit.path)) {
      throw new Invalid('parentId', `不能把“${unit.name}”移到它自己或它的下级单位“${parent.name}”之下`);
    }
    await moveSubtree(trx, dialect, unit, parent.id, `${parent.path}${unit.id}/`, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'unit.move',
        objectType: 'unit',
        objectId: id,
        details: { from: unit.parentId, to: parent.id },
      },
      now,
    );
    const moved = await findUnit(trx, id);
    if (moved === null) throw new NotFound('未找到该单位');
    return moved;
  });
}

export async function getUnit(scope: ActingScope, id: number): Promise<Unit> {
  const unit = await findUnit(scope.context.database.db, id);
  authorizeUnit(scope.actor, 'read', unit);
  return unit;
}

/** The units the actor may see, in tree order. */
export async function listUnits(scope: ActingScope): Promise<Unit[]> {
  return listUnitRows(scope.context.database.db, scopesOf(scope.actor, ROLES));
}

/**
 * Every unit with the contacts of its disclosure office, for the public guide (政府信息公开指南): names
 * and office contacts are published by law, so no one needs to be signed in.
 */
export async function listPublicOffices(context: AppContext): Promise<Unit[]> {
  return listUnitRows(context.database.db, null);
}
