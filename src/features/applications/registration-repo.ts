// All SQL of what registration stores beside the application row: the agent of a proxy application.
// Personal data arrives sealed and leaves sealed.
import { fromDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { ProtectedValue } from '../privacy/personal-field.ts';

export interface AgentRow {
  readonly applicationId: number;
  readonly nameSealed: string;
  readonly idType: string;
  readonly idNumber: ProtectedValue;
}

export async function insertAgent(
  trx: Executor,
  dialect: DialectName,
  row: AgentRow,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('application_agents')
    .values({
      application_id: row.applicationId,
      name_sealed: row.nameSealed,
      id_type: row.idType,
      id_number_sealed: row.idNumber.sealed,
      id_number_index: row.idNumber.index,
      created_at: fromDate(dialect, now),
    })
    .execute();
}

/** The agent of an application, still sealed; null when the applicant applied in person. */
export async function findAgent(
  db: Executor,
  applicationId: number,
): Promise<{ readonly nameSealed: string; readonly idType: string; readonly idNumberSealed: string } | null> {
  const row = await db
    .selectFrom('application_agents')
    .select(['name_sealed', 'id_type', 'id_number_sealed'])
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row
    ? { nameSealed: row.name_sealed, idType: row.id_type, idNumberSealed: row.id_number_sealed }
    : null;
}
