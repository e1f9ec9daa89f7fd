import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** What a repo function runs on: the database itself or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Runs `work` in one transaction: everything it writes is committed together, or nothing is when it
 * throws (the error is re-thrown). Nested calls reuse the outer transaction.
 */
export async function inTransaction<T>(
  executor: Executor,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (executor.isTransaction) return work(executor as Transaction<Database>);
  return executor.transaction().execute(work);
}
