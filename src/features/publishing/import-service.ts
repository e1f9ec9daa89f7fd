// Import of items already published on another platform (agencies migrating to Gongkai). The upload is
// stored as a temporary file and checked (policy, header) while the request waits; the rows are then
// processed in the same process after the answer went out, in batches, each batch in one transaction that
// also stores the progress. A row that breaks a rule is reported with its number, column and reason;
// the others become published items with their own publication date and index number.
//
// After a crash or restart the temporary file is gone with the process, so an import cannot resume: the
// `publishing-import-cleanup` job marks a running import whose progress has not moved for
// STALE_IMPORT_MS as failed. Batches already committed stay imported; their rows with an index number
// are refused as duplicates if the file is uploaded again.
import type { ActingScope, AppContext } from '../../app-context.ts';
import { yearOf } from '../../core/calendar/plain-date.ts';
import { Conflict, Invalid, NotFound, Unprocessable } from '../../core/errors.ts';
import { formatIndexNumber } from '../../core/publishing/index-number.ts';
import { checkItem, CHECKED_FIELD_LABELS } from '../../core/publishing/item-checks.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import type { BackgroundJob, JobLogger } from '../jobs/model.ts';
import { indexItem } from '../search/service.ts';
import { readImportRows, removeUpload, type StoredUpload } from './import-file.ts';
import {
  findImport,
  insertImport,
  insertRejections,
  listRejections,
  listStaleImports,
  updateImport,
  type ImportRecord,
  type Rejection,
} from './import-repo.ts';
import { columnsOfHeader, headerOfField, parseImportRow, type ImportField } from './import-rows.ts';
import { authorizeUnitFor } from './policy.ts';
import {
  findPublishingUnit,
  indexNumberTaken,
  insertImportedItem,
  listSubcategories,
  nextSerial,
  raiseSerialFloor,
  type PublishingUnit,
} from './repo.ts';

export const IMPORT_BATCH_ROWS = 500;
export const STALE_IMPORT_MS = 10 * 60_000;
const SHOWN_REJECTIONS = 2000;

async function headerColumns(upload: StoredUpload): Promise<ReadonlyMap<ImportField, number>> {
  for await (const row of readImportRows(upload)) return columnsOfHeader(row.cells);
  throw new Invalid('file', '文件是空的');
}

function unitCodeOf(unit: PublishingUnit): string {
  const code = unit.uscc?.trim() ?? '';
  if (code === '') {
    throw new Unprocessable(
      '本单位未登记统一社会信用代码，无法核对和生成索引号；请系统管理员先在单位信息中填写统一社会信用代码',
    );
  }
  return code;
}

/** Checks the upload and records the import as running; returns its id. Processing is `processImport`. */
export async function createImport(
  scope: ActingScope,
  unitId: number,
  upload: StoredUpload,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  authorizeUnitFor(scope.actor, 'manage', await findPublishingUnit(db, unitId));
  await headerColumns(upload);
  return inTransaction(db, async (trx) => {
    const unit = await findPublishingUnit(trx, unitId);
    authorizeUnitFor(scope.actor, 'manage', unit);
    unitCodeOf(unit);
    const id = await insertImport(
      trx,
      dialect,
      {
        unitId: unit.id,
        fileName: upload.fileName,
        fileSha256: upload.sha256,
        createdBy: scope.actor.kind === 'staff' ? scope.actor.userId : null,
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'publishing.import',
        objectType: 'publishing_import',
        objectId: id,
        details: {
          unitId: unit.id,
          fileName: upload.fileName,
          sha256: upload.sha256,
          sizeBytes: upload.sizeBytes,
        },
      },
      now,
    );
    return id;
  });
}

interface Batch {
  readonly rows: { readonly number: number; readonly cells: string[] }[];
}

async function importRow(
  trx: Executor,
  context: AppContext,
  record: ImportRecord,
  unit: PublishingUnit,
  row: Batch['rows'][number],
  columns: ReadonlyMap<ImportField, number>,
  now: Date,
): Promise<Rejection | null> {
  const { dialect } = context.database;
  try {
    const parsed = parseImportRow(row.cells, columns, {
      unitKind: unit.kind,
      unitCode: unitCodeOf(unit),
      subcategories: await listSubcategories(trx, unit.id),
      today: chinaDate(now),
    });
    const error = checkItem(parsed.content, { today: now }).find((finding) => finding.severity === 'error');
    if (error !== undefined) {
      return {
        rowNumber: row.number,
        field: IMPORT_FIELD_OF_CHECKED[error.field],
        reason: `自动检查发现${CHECKED_FIELD_LABELS[error.field]}中的“${error.text}”：${error.message}`,
      };
    }
    let publication: { indexNumber: string; year: number; serial: number };
    if (parsed.indexNumber !== null) {
      const { text, year, serial } = parsed.indexNumber;
      if (await indexNumberTaken(trx, unit.id, text, year, serial)) {
        throw new Invalid('indexNumber', `索引号“${text}”已被本单位其他信息使用`);
      }
      await raiseSerialFloor(trx, unit.id, year, serial);
      publication = { indexNumber: text, year, serial };
    } else {
      const year = yearOf(parsed.publishedOn);
      const serial = await nextSerial(trx, unit.id, year);
      publication = { indexNumber: formatIndexNumber(unit.uscc, year, serial), year, serial };
    }
    const itemId = await insertImportedItem(
      trx,
      dialect,
      unit.id,
      parsed.content,
      { ...publication, publishedOn: parsed.publishedOn, importId: record.id, createdBy: record.createdBy },
      now,
    );
    await indexItem(trx, dialect, itemId);
    return null;
  } catch (error) {
    if (error instanceof Invalid) {
      return { rowNumber: row.number, field: headerOfField(error.field), reason: error.message };
    }
    if (error instanceof Conflict || error instanceof Unprocessable) {
      return { rowNumber: row.number, field: '', reason: error.message };
    }
    throw error;
  }
}

const IMPORT_FIELD_OF_CHECKED = { title: '标题', summary: '内容概述', body: '正文' } as const;

/**
 * Reads the stored file and imports its rows batch by batch, then marks the import done (or failed, with
 * the reason, when the file cannot be read on). Removes the temporary file in any case.
 */
export async function processImport(
  context: AppContext,
  importId: number,
  upload: StoredUpload,
  options: { readonly clock?: () => Date; readonly logger?: Pick<JobLogger, 'error'> } = {},
): Promise<void> {
  const clock = options.clock ?? (() => new Date());
  const { db, dialect } = context.database;
  try {
    const record = await findImport(db, importId);
    if (record === null || record.status !== 'running') return;
    const unit = await findPublishingUnit(db, record.unitId);
    if (unit === null) throw new NotFound('未找到该单位');
    const columns = await headerColumns(upload);
    let total = 0;
    for await (const row of readImportRows(upload)) if (row.number > 1) total += 1;
    await updateImport(db, dialect, record.id, { rowsTotal: total }, clock());
    let progress = { rowsRead: 0, accepted: 0, rejected: 0 };
    let batch: Batch['rows'] = [];
    const flush = async (): Promise<void> => {
      const rows = batch;
      batch = [];
      const now = clock();
      progress = await inTransaction(db, async (trx) => {
        const rejections: Rejection[] = [];
        for (const row of rows) {
          const rejection = await importRow(trx, context, record, unit, row, columns, now);
          if (rejection !== null) rejections.push(rejection);
        }
        await insertRejections(trx, record.id, rejections);
        const next = {
          rowsRead: progress.rowsRead + rows.length,
          accepted: progress.accepted + rows.length - rejections.length,
          rejected: progress.rejected + rejections.length,
        };
        await updateImport(trx, dialect, record.id, next, now);
        return next;
      });
    };
    let header = true;
    for await (const row of readImportRows(upload)) {
      if (header) {
        header = false;
        continue;
      }
      batch.push(row);
      if (batch.length >= IMPORT_BATCH_ROWS) await flush();
    }
    if (batch.length > 0) await flush();
    const now = clock();
    await inTransaction(db, async (trx) => {
      await updateImport(trx, dialect, record.id, { status: 'done' }, now);
      await recordAudit(
        trx,
        {
          actor: null,
          address: null,
          action: 'publishing.import.done',
          objectType: 'publishing_import',
          objectId: record.id,
          details: { unitId: unit.id, ...progress },
        },
        now,
      );
    });
  } catch (error) {
    const failure =
      error instanceof Invalid || error instanceof Unprocessable
        ? error.message
        : '处理时发生内部错误，已导入的行保留';
    if (!(error instanceof Invalid || error instanceof Unprocessable)) {
      options.logger?.error({ err: error, importId }, 'publishing import failed');
    }
    await updateImport(db, dialect, importId, { status: 'failed', failure }, clock());
  } finally {
    await removeUpload(upload);
  }
}

const running = new Map<number, Promise<void>>();

/** Creates the import and starts processing it in this process; the answer does not wait for it. */
export async function startImport(
  scope: ActingScope,
  unitId: number,
  upload: StoredUpload,
  logger?: Pick<JobLogger, 'error'>,
  now = new Date(),
): Promise<number> {
  let id: number;
  try {
    id = await createImport(scope, unitId, upload, now);
  } catch (error) {
    await removeUpload(upload);
    throw error;
  }
  const work = processImport(scope.context, id, upload, { logger }).finally(() => running.delete(id));
  running.set(id, work);
  return id;
}

/** Resolves when this process has finished the import (at once when it is not processing it). */
export async function importSettled(importId: number): Promise<void> {
  await running.get(importId);
}

export interface ImportView {
  readonly unitId: number;
  readonly unitName: string;
  readonly record: ImportRecord;
  readonly rejections: readonly Rejection[];
  readonly shownRejections: number;
}

/** The progress page of an import: the unit's editors and the disclosure office. */
export async function getImportView(
  scope: ActingScope,
  unitId: number,
  importId: number,
): Promise<ImportView> {
  const { db } = scope.context.database;
  const unit = await findPublishingUnit(db, unitId);
  authorizeUnitFor(scope.actor, 'manage', unit);
  const record = await findImport(db, importId);
  if (record === null || record.unitId !== unit.id) throw new NotFound('未找到该导入');
  return {
    unitId: unit.id,
    unitName: unit.name,
    record,
    rejections: await listRejections(db, record.id, SHOWN_REJECTIONS),
    shownRejections: SHOWN_REJECTIONS,
  };
}

/** The unit for the upload form. */
export async function getImportUnit(
  scope: ActingScope,
  unitId: number,
): Promise<{ id: number; name: string }> {
  const unit = await findPublishingUnit(scope.context.database.db, unitId);
  authorizeUnitFor(scope.actor, 'manage', unit);
  return { id: unit.id, name: unit.name };
}

/** Marks imports whose process is gone (no progress for STALE_IMPORT_MS) as failed; returns how many. */
export async function failStaleImports(context: AppContext, now = new Date()): Promise<number> {
  const { db, dialect } = context.database;
  const stale = await listStaleImports(db, dialect, new Date(now.getTime() - STALE_IMPORT_MS));
  for (const id of stale) {
    await inTransaction(db, async (trx) => {
      await updateImport(
        trx,
        dialect,
        id,
        {
          status: 'failed',
          failure: '处理中断（服务重启或进程退出），已导入的行保留；请将未导入的行另存为新文件后重新导入',
        },
        now,
      );
      await recordAudit(
        trx,
        {
          actor: null,
          address: null,
          action: 'publishing.import.interrupted',
          objectType: 'publishing_import',
          objectId: id,
        },
        now,
      );
    });
  }
  return stale.length;
}

export const publishingImportCleanupJob: BackgroundJob = {
  name: 'publishing-import-cleanup',
  async run({ context, now }) {
    return `中断的导入 ${await failStaleImports(context, now)} 个`;
  },
};
