// SQL of imports of published items: the import rows with their progress and the rejected rows.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export type ImportStatus = 'running' | 'done' | 'failed';

export interface ImportRecord {
  readonly id: number;
  readonly unitId: number;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly status: ImportStatus;
  readonly rowsTotal: number | null;
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly failure: string | null;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Rejection {
  readonly rowNumber: number;
  readonly field: string;
  readonly reason: string;
}

export async function insertImport(
  trx: Executor,
  dialect: DialectName,
  record: { unitId: number; fileName: string; fileSha256: string; createdBy: number | null },
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('publishing_imports')
    .values({
      unit_id: record.unitId,
      file_name: record.fileName,
      file_sha256: record.fileSha256,
      status: 'running',
      rows_total: null,
      rows_read: 0,
      accepted: 0,
      rejected: 0,
      failure: null,
      created_by: record.createdBy,
      created_at: fromDate(dialect, now),
      updated_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findImport(db: Executor, id: number): Promise<ImportRecord | null> {
  const row = await db.selectFrom('publishing_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: row.id,
    unitId: row.unit_id,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    status: row.status as ImportStatus,
    rowsTotal: row.rows_total,
    rowsRead: row.rows_read,
    accepted: row.accepted,
    rejected: row.rejected,
    failure: row.failure,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export async function updateImport(
  trx: Executor,
  dialect: DialectName,
  id: number,
  changes: Partial<{
    status: ImportStatus;
    rowsTotal: number;
    rowsRead: number;
    accepted: number;
    rejected: number;
    failure: string;
  }>,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('publishing_imports')
    .set({
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.rowsTotal === undefined ? {} : { rows_total: changes.rowsTotal }),
      ...(changes.rowsRead === undefined ? {} : { rows_read: changes.rowsRead }),
      ...(changes.accepted === undefined ? {} : { accepted: changes.accepted }),
      ...(changes.rejected === undefined ? {} : { rejected: changes.rejected }),
      ...(changes.failure === undefined ? {} : { failure: changes.failure }),
      updated_at: fromDate(dialect, now),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertRejections(
  trx: Executor,
  importId: number,
  rejections: readonly Rejection[],
): Promise<void> {
  if (rejections.length === 0) return;
  await trx
    .insertInto('publishing_import_rejections')
    .values(
      rejections.map((rejection) => ({
        import_id: importId,
        row_number: rejection.rowNumber,
        field: rejection.field,
        reason: rejection.reason,
      })),
    )
    .execute();
}

export async function listRejections(db: Executor, importId: number, limit: number): Promise<Rejection[]> {
  const rows = await db
    .selectFrom('publishing_import_rejections')
    .select(['row_number', 'field', 'reason'])
    .where('import_id', '=', importId)
    .orderBy('row_number')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ rowNumber: row.row_number, field: row.field, reason: row.reason }));
}

/** The running imports whose progress has not moved since `before`: their process is gone. */
export async function listStaleImports(db: Executor, dialect: DialectName, before: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('publishing_imports')
    .select('id')
    .where('status', '=', 'running')
    .where('updated_at', '<', fromDate(dialect, before))
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}
