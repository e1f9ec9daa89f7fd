// All SQL of correction tasks.
import { PostgresAdapter, sql } from 'kysely';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { CorrectionSource, CorrectionStatus, CorrectionTask } from './model.ts';

function taskQuery(db: Executor) {
  return db
    .selectFrom('correction_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('publishing_items as i', 'i.id', 't.item_id')
    .selectAll('t')
    .select(['u.name as unit_name', 'u.path as unit_path', 'i.title as item_title']);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

function toTask(row: TaskRow): CorrectionTask {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    itemId: row.item_id,
    itemTitle: row.item_title,
    source: row.source as CorrectionSource,
    status: row.status as CorrectionStatus,
    description: row.description,
    contactSealed: row.contact_sealed,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    fixNote: row.fix_note,
    reply: row.reply,
    repliedOn: row.replied_on,
  };
}

export interface NewTaskRow {
  readonly unitId: number;
  readonly itemId: number | null;
  readonly source: CorrectionSource;
  readonly description: string;
  readonly contactSealed: string | null;
  readonly receivedOn: PlainDate;
  readonly dueOn: PlainDate;
}

export async function insertTask(
  trx: Executor,
  dialect: DialectName,
  task: NewTaskRow,
  now: Date,
): Promise<number> {
  const at = fromDate(dialect, now);
  const { id } = await trx
    .insertInto('correction_tasks')
    .values({
      unit_id: task.unitId,
      item_id: task.itemId,
      source: task.source,
      status: 'open',
      description: task.description,
      contact_sealed: task.contactSealed,
      received_on: task.receivedOn,
      due_on: task.dueOn,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findTask(db: Executor, id: number): Promise<CorrectionTask | null> {
  const row = await taskQuery(db).where('t.id', '=', id).executeTakeFirst();
  return row ? toTask(row) : null;
}

/** Tasks of the units inside the subtrees (all when null): open ones first by deadline, then the rest. */
export async function listTasks(db: Executor, scopes: readonly string[] | null): Promise<CorrectionTask[]> {
  let query = taskQuery(db);
  if (scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('u.path', 'like', `${scope}%`))));
  }
  const rows = await query.orderBy('t.due_on').orderBy('t.id').execute();
  return rows.map(toTask);
}

export async function updateTask(
  trx: Executor,
  dialect: DialectName,
  id: number,
  changes: {
    readonly status?: CorrectionStatus;
    readonly fixNote?: string;
    readonly reply?: string;
    readonly repliedOn?: PlainDate;
  },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('correction_tasks')
    .set({
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.fixNote === undefined ? {} : { fix_note: changes.fixNote }),
      ...(changes.reply === undefined ? {} : { reply: changes.reply }),
      ...(changes.repliedOn === undefined ? {} : { replied_on: changes.repliedOn }),
      updated_at: fromDate(dialect, now),
    })
    .where('id', '=', id)
    .execute();
}

/** Locks a task for the rest of the transaction (SQLite already runs one writer at a time). */
export async function lockTask(trx: Executor, dialect: DialectName, id: number): Promise<void> {
  if (dialect === 'postgres') {
    await sql`SELECT id FROM correction_tasks WHERE id = ${id} FOR UPDATE`.execute(trx);
  }
}

/** The dialect of a transaction handed in by another feature (openCorrectionTask takes only the trx). */
export function dialectOf(trx: Executor): DialectName {
  return trx.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The dedupe key of the outbox message that carries a task's reply to its reporter. */
export function replyDedupeKey(taskId: number): string {
  return `correction-reply:${taskId}`;
}

/** The reply's message in the outbox, if one was enqueued: when, and when and how it went out. */
export async function findReplyMessage(
  db: Executor,
  taskId: number,
): Promise<{ queuedAt: Date; sentAt: Date | null; sentVia: string | null } | null> {
  const row = await db
    .selectFrom('outbox')
    .select(['created_at', 'sent_at', 'sent_via'])
    .where('dedupe_key', '=', replyDedupeKey(taskId))
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    queuedAt: toDate(row.created_at),
    sentAt: row.sent_at === null ? null : toDate(row.sent_at),
    sentVia: row.sent_via,
  };
}
