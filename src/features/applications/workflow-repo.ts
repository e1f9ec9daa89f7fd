// SQL of the application workflow: locking an application for a change, the clock cache, routing,
// decisions, fees and co-handling tasks. Personal data does not pass through here.
import { sql } from 'kysely';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

/**
 * Serialises changes of one application: PostgreSQL takes the row lock until the transaction ends;
 * SQLite runs one write transaction at a time already. Returns false when the application is missing.
 */
export async function lockApplication(trx: Executor, dialect: DialectName, id: number): Promise<boolean> {
  const query = trx.selectFrom('applications').select('id').where('id', '=', id);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row !== undefined;
}

export async function updateClockCache(
  trx: Executor,
  id: number,
  cache: { readonly dueOn: string | null; readonly clockState: string },
): Promise<void> {
  await trx
    .updateTable('applications')
    .set({ due_on: cache.dueOn, clock_state: cache.clockState })
    .where('id', '=', id)
    .execute();
}

export async function setHandler(trx: Executor, id: number, handlerId: number | null): Promise<void> {
  await trx.updateTable('applications').set({ handler_id: handlerId }).where('id', '=', id).execute();
}

export async function moveToUnit(trx: Executor, id: number, unitId: number): Promise<void> {
  await trx
    .updateTable('applications')
    .set({ unit_id: unitId, handler_id: null })
    .where('id', '=', id)
    .execute();
}

export async function closeApplication(
  trx: Executor,
  id: number,
  outcome: string,
  closedOn: string,
): Promise<void> {
  await trx
    .updateTable('applications')
    .set({ status: 'closed', outcome, closed_on: closedOn })
    .where('id', '=', id)
    .execute();
}

/** A unit as routing needs it: where it sits in the tree. */
export interface RoutingUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

export async function findUnit(db: Executor, id: number): Promise<RoutingUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function findUnitsByIds(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every unit, in tree order, for the routing forms. */
export async function listUnits(db: Executor): Promise<RoutingUnit[]> {
  return db.selectFrom('units').select(['id', 'name', 'path']).orderBy('path').execute();
}

/** A staff member who could be assigned: active, with the given roles in a unit on the way to `unitPath`. */
export interface Assignee {
  readonly id: number;
  readonly displayName: string;
}

export async function listUsersWithRoleOver(
  db: Executor,
  roles: readonly string[],
  unitPath: string,
): Promise<Assignee[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .select(['users.id', 'users.display_name', 'units.path'])
    .where('users.disabled_at', 'is', null)
    .where('user_roles.role', 'in', [...roles])
    .orderBy('users.display_name')
    .execute();
  const seen = new Map<number, Assignee>();
  for (const row of rows) {
    if (unitPath.startsWith(row.path)) seen.set(row.id, { id: row.id, displayName: row.display_name });
  }
  return [...seen.values()];
}

export async function findUserNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

// ---------------------------------------------------------------------------------------------------
// Decisions

export interface DecisionRow {
  readonly applicationId: number;
  readonly outcome: string;
  readonly decidedOn: string;
  readonly provided: string | null;
  readonly withheld: string | null;
  readonly withheldReason: string | null;
  readonly responsibleAgency: string | null;
  readonly note: string | null;
  readonly decidedBy: number | null;
}

export async function insertDecision(
  trx: Executor,
  dialect: DialectName,
  row: DecisionRow,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('application_decisions')
    .values({
      application_id: row.applicationId,
      outcome: row.outcome,
      decided_on: row.decidedOn,
      provided: row.provided,
      withheld: row.withheld,
      withheld_reason: row.withheldReason,
      responsible_agency: row.responsibleAgency,
      note: row.note,
      decided_by: row.decidedBy,
      created_at: fromDate(dialect, now),
    })
    .execute();
}

export async function findDecision(db: Executor, applicationId: number): Promise<DecisionRow | null> {
  const row = await db
    .selectFrom('application_decisions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    applicationId: row.application_id,
    outcome: row.outcome,
    decidedOn: row.decided_on,
    provided: row.provided,
    withheld: row.withheld,
    withheldReason: row.withheld_reason,
    responsibleAgency: row.responsible_agency,
    note: row.note,
    decidedBy: row.decided_by,
  };
}

// ---------------------------------------------------------------------------------------------------
// Fees

export interface FeeRow {
  readonly applicationId: number;
  readonly method: string;
  readonly quantity: number;
  readonly amountYuan: number;
  readonly noticeOn: string;
  readonly paidOn: string | null;
  readonly paymentRef: string | null;
}

export async function insertFee(
  trx: Executor,
  dialect: DialectName,
  row: Omit<FeeRow, 'paidOn' | 'paymentRef'> & { readonly createdBy: number | null },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('application_fees')
    .values({
      application_id: row.applicationId,
      method: row.method,
      quantity: row.quantity,
      amount_yuan: row.amountYuan,
      notice_on: row.noticeOn,
      created_by: row.createdBy,
      created_at: fromDate(dialect, now),
    })
    .execute();
}

export async function markFeePaid(
  trx: Executor,
  applicationId: number,
  paidOn: string,
  paymentRef: string,
): Promise<void> {
  await trx
    .updateTable('application_fees')
    .set({ paid_on: paidOn, payment_ref: paymentRef })
    .where('application_id', '=', applicationId)
    .execute();
}

export async function findFee(db: Executor, applicationId: number): Promise<FeeRow | null> {
  const row = await db
    .selectFrom('application_fees')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    applicationId: row.application_id,
    method: row.method,
    quantity: row.quantity,
    amountYuan: row.amount_yuan,
    noticeOn: row.notice_on,
    paidOn: row.paid_on,
    paymentRef: row.payment_ref,
  };
}

/** Open applications with a fee notice still unpaid: candidates of the automatic （六）2 closure. */
export async function listOpenUnpaidFees(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('application_fees')
    .innerJoin('applications', 'applications.id', 'application_fees.application_id')
    .select('applications.id')
    .where('applications.status', '=', 'open')
    .where('application_fees.paid_on', 'is', null)
    .orderBy('applications.id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * How many applications the same applicant (any of the blind indexes) had received in the calendar
 * month of `receivedOn`, up to and including the application itself: its ordinal for the by-count fee.
 */
export async function countApplicantMonth(
  db: Executor,
  application: { readonly id: number; readonly receivedOn: string },
  indexes: { readonly idNumber: string | null; readonly phone: string },
): Promise<number> {
  const month = application.receivedOn.slice(0, 7);
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('received_on', '>=', `${month}-01`)
    .where('received_on', '<=', `${month}-31`)
    .where((eb) =>
      eb.or([
        eb('received_on', '<', application.receivedOn),
        eb.and([eb('received_on', '=', application.receivedOn), eb('id', '<=', application.id)]),
      ]),
    )
    .where((eb) =>
      indexes.idNumber === null
        ? eb('phone_index', '=', indexes.phone)
        : eb.or([eb('id_number_index', '=', indexes.idNumber), eb('phone_index', '=', indexes.phone)]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// ---------------------------------------------------------------------------------------------------
// Co-handling tasks (协办)

export interface CohandlingTask {
  readonly id: number;
  readonly applicationId: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly request: string;
  readonly dueOn: string;
  readonly status: 'open' | 'replied';
  readonly reply: string | null;
  readonly repliedBy: number | null;
  readonly repliedAt: Date | null;
  readonly createdAt: Date;
}

function selectTasks(db: Executor) {
  return db
    .selectFrom('cohandling_tasks')
    .innerJoin('units', 'units.id', 'cohandling_tasks.unit_id')
    .selectAll('cohandling_tasks')
    .select(['units.name as unit_name', 'units.path as unit_path']);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

function toTask(row: TaskRow): CohandlingTask {
  return {
    id: row.id,
    applicationId: row.application_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    request: row.request,
    dueOn: row.due_on,
    status: row.status === 'replied' ? 'replied' : 'open',
    reply: row.reply,
    repliedBy: row.replied_by,
    repliedAt: row.replied_at === null ? null : toDate(row.replied_at),
    createdAt: toDate(row.created_at),
  };
}

export async function insertTask(
  trx: Executor,
  dialect: DialectName,
  task: {
    readonly applicationId: number;
    readonly unitId: number;
    readonly request: string;
    readonly dueOn: string;
    readonly createdBy: number | null;
  },
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('cohandling_tasks')
    .values({
      application_id: task.applicationId,
      unit_id: task.unitId,
      request: task.request,
      due_on: task.dueOn,
      created_by: task.createdBy,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findTask(db: Executor, id: number): Promise<CohandlingTask | null> {
  const row = await selectTasks(db).where('cohandling_tasks.id', '=', id).executeTakeFirst();
  return row ? toTask(row) : null;
}

export async function listTasksOfApplication(db: Executor, applicationId: number): Promise<CohandlingTask[]> {
  const rows = await selectTasks(db)
    .where('cohandling_tasks.application_id', '=', applicationId)
    .orderBy('cohandling_tasks.id')
    .execute();
  return rows.map(toTask);
}

/** Tasks for units inside any of the subtrees (all when null), open first. */
export async function listTasksForScopes(
  db: Executor,
  scopes: readonly string[] | null,
): Promise<CohandlingTask[]> {
  let query = selectTasks(db);
  if (scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('units.path', 'like', `${scope}%`))));
  }
  const rows = await query
    .orderBy(sql`case when cohandling_tasks.status = 'open' then 0 else 1 end`)
    .orderBy('cohandling_tasks.due_on')
    .limit(500)
    .execute();
  return rows.map(toTask);
}

export async function replyToTask(
  trx: Executor,
  dialect: DialectName,
  id: number,
  reply: { readonly text: string; readonly by: number | null },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('cohandling_tasks')
    .set({ status: 'replied', reply: reply.text, replied_by: reply.by, replied_at: fromDate(dialect, now) })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
