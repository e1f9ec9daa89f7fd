// All SQL of the records feature.
import type { Selectable } from 'kysely';
import { isCaseKind, isCaseResult } from '../../core/records/cases.ts';
import {
  isNormativeKind,
  NORMATIVE_CATEGORY_CODE,
  type NormativeItemFacts,
} from '../../core/records/normative.ts';
import { isStatisticKind } from '../../core/records/statistics.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { NormativeDocumentTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { NormativeDocument, ReviewCase, StatisticEntry } from './model.ts';

// Normative documents --------------------------------------------------------------------------------

function toDocument(row: Selectable<NormativeDocumentTable>): NormativeDocument {
  if (!isNormativeKind(row.kind)) throw new Error(`unknown normative document kind ${row.kind}`);
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind,
    title: row.title,
    documentNumber: row.document_number,
    issuingUnit: row.issuing_unit,
    issuedOn: row.issued_on,
    repealedOn: row.repealed_on,
    invalidOn: row.invalid_on,
  };
}

export type DocumentFields = Omit<NormativeDocument, 'id' | 'unitId'>;

function documentColumns(fields: DocumentFields) {
  return {
    kind: fields.kind,
    title: fields.title,
    document_number: fields.documentNumber,
    issuing_unit: fields.issuingUnit,
    issued_on: fields.issuedOn,
    repealed_on: fields.repealedOn,
    invalid_on: fields.invalidOn,
  };
}

export async function listDocuments(db: Executor, unitId: number): Promise<NormativeDocument[]> {
  const rows = await db
    .selectFrom('normative_documents')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toDocument);
}

/**
 * The unit's published items of the Art. 20(1) column (sub-categories included), for table 二 (一). Withdrawn
 * items are left out: a withdrawn page is not a document's record.
 */
export async function listNormativeItems(db: Executor, unitId: number): Promise<NormativeItemFacts[]> {
  const rows = await db
    .selectFrom('publishing_items')
    .leftJoin('publishing_subcategories', 'publishing_subcategories.id', 'publishing_items.subcategory_id')
    .select([
      'publishing_items.id',
      'publishing_items.genre',
      'publishing_items.document_number',
      'publishing_items.written_on',
      'publishing_items.published_on',
      'publishing_items.validity',
      'publishing_items.invalid_on',
    ])
    .where('publishing_items.unit_id', '=', unitId)
    .where('publishing_items.status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('publishing_items.category_code', '=', NORMATIVE_CATEGORY_CODE),
        eb('publishing_subcategories.parent_code', '=', NORMATIVE_CATEGORY_CODE),
      ]),
    )
    .orderBy('publishing_items.id')
    .execute();
  return rows.flatMap((row) =>
    row.published_on === null
      ? []
      : [
          {
            id: row.id,
            genre: row.genre,
            documentNumber: row.document_number,
            writtenOn: row.written_on,
            publishedOn: row.published_on,
            validity: row.validity,
            invalidOn: row.invalid_on,
          },
        ],
  );
}

export async function findDocument(db: Executor, id: number): Promise<NormativeDocument | null> {
  const row = await db.selectFrom('normative_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toDocument(row);
}

export async function insertDocument(
  db: Executor,
  dialect: DialectName,
  unitId: number,
  fields: DocumentFields,
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const at = fromDate(dialect, now);
  const row = await db
    .insertInto('normative_documents')
    .values({
      unit_id: unitId,
      ...documentColumns(fields),
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDocument(
  db: Executor,
  dialect: DialectName,
  id: number,
  fields: DocumentFields,
  now: Date,
): Promise<void> {
  await db
    .updateTable('normative_documents')
    .set({ ...documentColumns(fields), updated_at: fromDate(dialect, now) })
    .where('id', '=', id)
    .execute();
}

// Administrative statistics -----------------------------------------------------------------------------

export interface NewStatisticRow {
  readonly year: number;
  readonly kind: StatisticEntry['kind'];
  readonly value: string;
}

export interface Provenance {
  readonly source: StatisticEntry['source'];
  readonly fileName: string | null;
  readonly fileSha256: string | null;
  readonly enteredBy: number | null;
}

/** Every entry of the unit, newest first: superseded entries stay as history. */
export async function listStatistics(db: Executor, unitId: number): Promise<StatisticEntry[]> {
  const rows = await db
    .selectFrom('administrative_statistics as s')
    .leftJoin('users as u', 'u.id', 's.entered_by')
    .select([
      's.id',
      's.unit_id',
      's.year',
      's.kind',
      's.value',
      's.source',
      's.file_name',
      's.file_sha256',
      's.entered_at',
      'u.username',
    ])
    .where('s.unit_id', '=', unitId)
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map((row) => {
    if (!isStatisticKind(row.kind)) throw new Error(`unknown statistic kind ${row.kind}`);
    return {
      id: row.id,
      unitId: row.unit_id,
      year: row.year,
      kind: row.kind,
      value: row.value,
      source: row.source === 'import' ? 'import' : 'form',
      fileName: row.file_name,
      fileSha256: row.file_sha256,
      enteredBy: row.username ?? null,
      enteredAt: toDate(row.entered_at),
    };
  });
}

export async function insertStatistics(
  db: Executor,
  dialect: DialectName,
  unitId: number,
  rows: readonly NewStatisticRow[],
  provenance: Provenance,
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  // One statement per row keeps the ids in file order, which decides what supersedes what.
  for (const row of rows) {
    const inserted = await db
      .insertInto('administrative_statistics')
      .values({
        unit_id: unitId,
        year: row.year,
        kind: row.kind,
        value: row.value,
        source: provenance.source,
        file_name: provenance.fileName,
        file_sha256: provenance.fileSha256,
        entered_by: provenance.enteredBy,
        entered_at: fromDate(dialect, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(inserted.id);
  }
  return ids;
}

// Review and litigation cases ---------------------------------------------------------------------------

export type CaseFields = Omit<ReviewCase, 'id' | 'unitId' | 'applicationQueryCode'>;

function caseColumns(fields: CaseFields) {
  return {
    kind: fields.kind,
    application_id: fields.applicationId,
    case_number: fields.caseNumber,
    filed_on: fields.filedOn,
    decided_on: fields.decidedOn,
    result: fields.result,
  };
}

function selectCases(db: Executor) {
  return db
    .selectFrom('review_cases as c')
    .leftJoin('applications as a', 'a.id', 'c.application_id')
    .select([
      'c.id',
      'c.unit_id',
      'c.kind',
      'c.application_id',
      'a.query_code',
      'c.case_number',
      'c.filed_on',
      'c.decided_on',
      'c.result',
    ]);
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>;

function toCase(row: CaseRow): ReviewCase {
  if (!isCaseKind(row.kind) || !isCaseResult(row.result)) throw new Error(`unknown case kind or result`);
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind,
    applicationId: row.application_id,
    applicationQueryCode: row.query_code ?? null,
    caseNumber: row.case_number,
    filedOn: row.filed_on,
    decidedOn: row.decided_on,
    result: row.result,
  };
}

export async function listCases(db: Executor, unitId: number): Promise<ReviewCase[]> {
  const rows = await selectCases(db)
    .where('c.unit_id', '=', unitId)
    .orderBy('c.filed_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map(toCase);
}

export async function findCase(db: Executor, id: number): Promise<ReviewCase | null> {
  const row = await selectCases(db).where('c.id', '=', id).executeTakeFirst();
  return row === undefined ? null : toCase(row);
}

export async function insertCase(
  db: Executor,
  dialect: DialectName,
  unitId: number,
  fields: CaseFields,
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const at = fromDate(dialect, now);
  const row = await db
    .insertInto('review_cases')
    .values({
      unit_id: unitId,
      ...caseColumns(fields),
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCase(
  db: Executor,
  dialect: DialectName,
  id: number,
  fields: CaseFields,
  now: Date,
): Promise<void> {
  await db
    .updateTable('review_cases')
    .set({ ...caseColumns(fields), updated_at: fromDate(dialect, now) })
    .where('id', '=', id)
    .execute();
}

/** The application a case concerns, found by id or by query code, with the path of its unit. */
export async function findApplicationRef(
  db: Executor,
  reference: { readonly id: number } | { readonly queryCode: string },
): Promise<{ id: number; queryCode: string; unitPath: string } | null> {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.query_code', 'u.path']);
  query =
    'id' in reference
      ? query.where('a.id', '=', reference.id)
      : query.where('a.query_code', '=', reference.queryCode);
  const row = await query.executeTakeFirst();
  return row === undefined ? null : { id: row.id, queryCode: row.query_code, unitPath: row.path };
}
