// The co-handling tasks (协办) a unit has been asked to do, for its handlers and disclosure office.
import type { ActingScope } from '../../app-context.ts';
import { scopesOf } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import { HANDLING_ROLES } from './policy.ts';
import { listTasksForScopes, type CohandlingTask } from './workflow-repo.ts';

export interface TaskWithRequest extends CohandlingTask {
  /** The information sought: the one part of the application the co-handling unit needs. */
  readonly description: string;
  readonly queryCode: string;
}

export async function listCohandlingTasks(scope: ActingScope): Promise<TaskWithRequest[]> {
  const scopes = scopesOf(scope.actor, HANDLING_ROLES);
  if (scopes !== null && scopes.length === 0) throw new NotFound();
  const db = scope.context.database.db;
  const tasks = await listTasksForScopes(db, scopes);
  if (tasks.length === 0) return [];
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'description', 'query_code'])
    .where(
      'id',
      'in',
      tasks.map((task) => task.applicationId),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return tasks.map((task) => ({
    ...task,
    description: byId.get(task.applicationId)?.description ?? '',
    queryCode: byId.get(task.applicationId)?.query_code ?? '',
  }));
}
