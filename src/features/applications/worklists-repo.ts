// All SQL of the work lists and the deadline reminders. They read the cached clock columns
// (applications.due_on, clock_state), which every ledger change rewrites in its transaction.
import { sql, type ExpressionBuilder, type SqlBool, type Expression } from 'kysely';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import {
  WORK_LIST_VIEWS,
  type DueBounds,
  type ReminderCandidate,
  type WorkListRow,
  type WorkListView,
} from './worklists-model.ts';

export interface WorkListFilter {
  /** The subtrees the actor sees (null: everything, for the operator). */
  readonly scopes: readonly string[] | null;
  /** The actor's account, for "mine"; null for the operator. */
  readonly userId: number | null;
  /** null when the calendar cannot count around today: the due-date views are then empty. */
  readonly bounds: DueBounds | null;
}

type Eb = ExpressionBuilder<Database, 'applications' | 'units'>;

const never = sql<SqlBool>`1 = 0`;

function viewCondition(eb: Eb, view: WorkListView, filter: WorkListFilter): Expression<SqlBool> {
  const { bounds, userId } = filter;
  const due = 'applications.due_on' as const;
  switch (view) {
    case 'mine':
      return userId === null ? never : eb('applications.handler_id', '=', userId);
    case 'unit':
      return sql<SqlBool>`1 = 1`;
    case 'due5':
    case 'due2':
      if (bounds === null) return never;
      return eb.and([
        eb(due, '>=', bounds.lastWorkday),
        eb(due, '<', view === 'due5' ? bounds.within5 : bounds.within2),
      ]);
    case 'overdue':
      return bounds === null ? never : eb(due, '<', bounds.lastWorkday);
    case 'correction':
      return eb('applications.clock_state', '=', 'awaiting_correction');
    case 'paused':
      return eb('applications.clock_state', '=', 'paused');
  }
}

function openInScope(db: Executor, scopes: readonly string[] | null) {
  return db
    .selectFrom('applications')
    .innerJoin('units', 'units.id', 'applications.unit_id')
    .where('applications.status', '=', 'open')
    .$if(scopes !== null, (query) =>
      query.where((eb) => eb.or((scopes ?? []).map((scope) => eb('units.path', 'like', `${scope}%`)))),
    );
}

/** How many open applications each view holds. */
export async function countWorkLists(
  db: Executor,
  filter: WorkListFilter,
): Promise<Record<WorkListView, number>> {
  const row = await openInScope(db, filter.scopes)
    .select((eb) =>
      WORK_LIST_VIEWS.map((view) =>
        eb.fn
          .sum<number | string | null>(
            eb
              .case()
              .when(viewCondition(eb, view, filter))
              .then(eb.lit(1))
              .else(eb.lit(0))
              .end(),
          )
          .as(view),
      ),
    )
    .executeTakeFirstOrThrow();
  const counts = {} as Record<WorkListView, number>;
  for (const view of WORK_LIST_VIEWS) counts[view] = Number(row[view] ?? 0);
  return counts;
}

/** The first `limit` applications of a view, the nearest due date first. */
export async function listWorkList(
  db: Executor,
  view: WorkListView,
  filter: WorkListFilter,
  limit: number,
): Promise<WorkListRow[]> {
  const rows = await openInScope(db, filter.scopes)
    .leftJoin('users as handler', 'handler.id', 'applications.handler_id')
    .where((eb) => viewCondition(eb, view, filter))
    .select([
      'applications.id',
      'applications.query_code',
      'applications.received_on',
      'applications.due_on',
      'applications.clock_state',
      'units.name as unit_name',
      'handler.display_name as handler_name',
    ])
    .orderBy('applications.due_on', (order) => order.asc().nullsLast())
    .orderBy('applications.received_on')
    .orderBy('applications.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    queryCode: row.query_code,
    unitName: row.unit_name,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    clockState: row.clock_state,
    handlerName: row.handler_name,
  }));
}

/** Open applications with a due date before `dueBefore` (all of them when null). */
export async function listReminderCandidates(
  db: Executor,
  dueBefore: PlainDate | null,
): Promise<ReminderCandidate[]> {
  const rows = await db
    .selectFrom('applications')
    .innerJoin('units', 'units.id', 'applications.unit_id')
    .leftJoin('users as handler', (join) =>
      join.onRef('handler.id', '=', 'applications.handler_id').on('handler.disabled_at', 'is', null),
    )
    .where('applications.status', '=', 'open')
    .where('applications.due_on', 'is not', null)
    .$if(dueBefore !== null, (query) => query.where('applications.due_on', '<', dueBefore as PlainDate))
    .select([
      'applications.id',
      'applications.query_code',
      'applications.unit_id',
      'applications.due_on',
      'units.name as unit_name',
      'units.path as unit_path',
      'handler.id as active_handler_id',
    ])
    .orderBy('applications.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    queryCode: row.query_code,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    dueOn: row.due_on as PlainDate,
    activeHandlerId: row.active_handler_id,
  }));
}

/** The active accounts holding the handler role in each of the units, by unit id, ascending ids. */
export async function findHandlersOfUnits(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byUnit = new Map<number, number[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .where('user_roles.role', '=', 'handler')
    .where('user_roles.unit_id', 'in', [...unitIds])
    .where('users.disabled_at', 'is', null)
    .select(['user_roles.unit_id', 'user_roles.user_id'])
    .orderBy('user_roles.user_id')
    .execute();
  for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.user_id]);
  return byUnit;
}
