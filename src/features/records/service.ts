// Use cases of the report's records: each checks the policy, runs in one transaction and writes its
// audit entry there. The `*ForReport` functions are what the report compiler reads.
import type { ActingScope } from '../../app-context.ts';
import { scopesOf } from '../../core/access/roles.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { countTable4, type CaseFacts, type Table4Count } from '../../core/records/cases.ts';
import {
  countNormativeDocuments,
  normativeFactsOfItems,
  type NormativeCount,
  type NormativeDocumentFacts,
  type NormativeKind,
  yearsCounted,
} from '../../core/records/normative.ts';
import { table2StatisticsBlocks } from '../../core/records/statistics.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { recordAct } from '../audit/service.ts';
import { assertUnlocked, yearOf, type YearSpan } from '../annual-report/lock.ts';
import {
  CASE_COLUMNS,
  DOCUMENT_COLUMNS,
  readImport,
  sha256Of,
  STATISTIC_COLUMNS,
  type ImportFile,
} from './import.ts';
import type { NormativeDocument, RecordsUnit, ReviewCase, StatisticEntry } from './model.ts';
import { authorizeRecords, canOnRecords, RECORD_READERS, type RecordAction } from './policy.ts';
import {
  findApplicationRef,
  findCase,
  findDocument,
  insertCase,
  insertDocument,
  insertStatistics,
  listCases,
  listDocuments,
  listNormativeItems,
  listStatistics,
  updateCase,
  updateDocument,
  type CaseFields,
} from './repo.ts';
import { findUnit, listUnits } from '../units/repo.ts';
import { validateCase, validateDocument, validateStatistic, type CaseInput, type Input } from './validate.ts';

// The report years a record counts in (the year lock refuses changes inside a published, locked year): a
// document counts from its issue to its end (现行有效件数 of every year between), a case from its filing to
// its decision (尚未审结 until then), a statistic in its own year.
const documentSpan = (fields: Pick<NormativeDocument, 'issuedOn' | 'repealedOn' | 'invalidOn'>): YearSpan =>
  yearsCounted(fields);
const caseSpan = (fields: Pick<ReviewCase, 'filedOn' | 'decidedOn'>): YearSpan => ({
  from: yearOf(fields.filedOn),
  to: fields.decidedOn === null ? null : yearOf(fields.decidedOn),
});
const countedDocumentFields = (fields: Omit<NormativeDocument, 'id' | 'unitId'>) =>
  [fields.kind, fields.issuedOn, fields.repealedOn, fields.invalidOn].join('|');
const countedCaseFields = (fields: Pick<ReviewCase, 'kind' | 'filedOn' | 'decidedOn' | 'result'>) =>
  [fields.kind, fields.filedOn, fields.decidedOn, fields.result].join('|');

const userIdOf = (scope: ActingScope): number | null =>
  scope.actor.kind === 'staff' ? scope.actor.userId : null;

async function unitFor(db: Executor, scope: ActingScope, unitId: number, action: RecordAction) {
  const unit = await findUnit(db, unitId);
  authorizeRecords(scope.actor, action, unit);
  return unit;
}

export interface RecordsUnitEntry extends RecordsUnit {
  readonly canEdit: boolean;
}

/** The units whose records the actor may read, in tree order. */
export async function listRecordsUnitsFor(scope: ActingScope): Promise<RecordsUnitEntry[]> {
  const units = await listUnits(scope.context.database.db, scopesOf(scope.actor, RECORD_READERS));
  return units.map((unit) => ({ ...unit, canEdit: canOnRecords(scope.actor, 'edit', unit.path) }));
}

/** The unit, if the actor may read its records (NotFound otherwise), and whether they may change them. */
export async function getRecordsUnit(
  scope: ActingScope,
  unitId: number,
  action: RecordAction = 'read',
): Promise<RecordsUnitEntry> {
  const unit = await unitFor(scope.context.database.db, scope, unitId, action);
  return { ...unit, canEdit: canOnRecords(scope.actor, 'edit', unit.path) };
}

// Normative documents --------------------------------------------------------------------------------

export const documentFacts = (document: NormativeDocument): NormativeDocumentFacts => ({
  id: `document:${document.id}`,
  kind: document.kind,
  issuedOn: document.issuedOn,
  repealedOn: document.repealedOn,
  invalidOn: document.invalidOn,
});

export async function listUnitDocuments(scope: ActingScope, unitId: number): Promise<NormativeDocument[]> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  return listDocuments(db, unitId);
}

/** Adds a document to the unit's register, or changes one of its documents when `documentId` is given. */
export async function saveDocument(
  scope: ActingScope,
  unitId: number,
  documentId: number | null,
  input: Input,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const fields = validateDocument(input);
    if (documentId === null) {
      await assertUnlocked(trx, [unitId], [documentSpan(fields)]);
      const id = await insertDocument(trx, dialect, unitId, fields, userIdOf(scope), now);
      await recordAct(
        trx,
        scope,
        'records.document.add',
        'normative_document',
        id,
        { unitId, ...fields },
        now,
      );
      return id;
    }
    const before = await findDocument(trx, documentId);
    if (before === null || before.unitId !== unitId) throw new NotFound('未找到该文件');
    if (countedDocumentFields(before) !== countedDocumentFields(fields)) {
      await assertUnlocked(trx, [unitId], [documentSpan(before), documentSpan(fields)]);
    }
    await updateDocument(trx, dialect, documentId, fields, now);
    await recordAct(
      trx,
      scope,
      'records.document.update',
      'normative_document',
      documentId,
      { unitId, before, after: fields },
      now,
    );
    return documentId;
  });
}

export async function importDocuments(
  scope: ActingScope,
  unitId: number,
  file: ImportFile,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const rows = await readImport(file, DOCUMENT_COLUMNS, validateDocument);
    await assertUnlocked(
      trx,
      [unitId],
      rows.map((line) => documentSpan(line.value)),
    );
    const ids: number[] = [];
    for (const { value: fields } of rows)
      ids.push(await insertDocument(trx, dialect, unitId, fields, userIdOf(scope), now));
    await recordAct(
      trx,
      scope,
      'records.document.import',
      'unit',
      unitId,
      { fileName: file.fileName, sha256: sha256Of(file.data), documentIds: ids },
      now,
    );
    return ids.length;
  });
}

// Administrative statistics -----------------------------------------------------------------------------

export async function listUnitStatistics(scope: ActingScope, unitId: number): Promise<StatisticEntry[]> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  return listStatistics(db, unitId);
}

/** Enters one figure by hand; it supersedes any earlier entry for the same year and kind. */
export async function enterStatistic(
  scope: ActingScope,
  unitId: number,
  input: Input,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const row = validateStatistic(input);
    await assertUnlocked(trx, [unitId], [{ from: row.year, to: row.year }]);
    const [id] = await insertStatistics(
      trx,
      dialect,
      unitId,
      [row],
      { source: 'form', fileName: null, fileSha256: null, enteredBy: userIdOf(scope) },
      now,
    );
    await recordAct(
      trx,
      scope,
      'records.statistic.enter',
      'administrative_statistic',
      id ?? 0,
      { unitId, ...row },
      now,
    );
    return id ?? 0;
  });
}

/** Imports figures from a CSV or XLSX file; the file's name and SHA-256 stay with every entry. */
export async function importStatistics(
  scope: ActingScope,
  unitId: number,
  file: ImportFile,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    await unitFor(trx, scope, unitId, 'edit');
    const rows = await readImport(file, STATISTIC_COLUMNS, validateStatistic);
    await assertUnlocked(
      trx,
      [unitId],
      rows.map(({ value }) => ({ from: value.year, to: value.year })),
    );
    const sha256 = sha256Of(file.data);
    const ids = await insertStatistics(
      trx,
      dialect,
      unitId,
      rows.map((line) => line.value),
      { source: 'import', fileName: file.fileName, fileSha256: sha256, enteredBy: userIdOf(scope) },
      now,
    );
    await recordAct(
      trx,
      scope,
      'records.statistic.import',
      'unit',
      unitId,
      { fileName: file.fileName, sha256, entryIds: ids },
      now,
    );
    return ids.length;
  });
}

// Review and litigation cases ---------------------------------------------------------------------------

export const caseFacts = (record: ReviewCase): CaseFacts => ({
  id: `case:${record.id}`,
  kind: record.kind,
  filedOn: record.filedOn,
  decidedOn: record.decidedOn,
  result: record.result,
});

export async function listUnitCases(scope: ActingScope, unitId: number): Promise<ReviewCase[]> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  return listCases(db, unitId);
}

/** The application a case names must be one the unit (or a unit below it) received. */
async function caseFieldsOf(trx: Executor, unit: RecordsUnit, input: CaseInput): Promise<CaseFields> {
  let applicationId: number | null = null;
  if (input.application !== null) {
    const found = await findApplicationRef(trx, input.application);
    if (found === null || !found.unitPath.startsWith(unit.path)) {
      throw new Invalid(
        'application',
        `本单位没有编号或查询码为“${'id' in input.application ? input.application.id : input.application.queryCode}”的申请`,
      );
    }
    applicationId = found.id;
  }
  return {
    kind: input.kind,
    applicationId,
    caseNumber: input.caseNumber,
    filedOn: input.filedOn,
    decidedOn: input.decidedOn,
    result: input.result,
  };
}

export async function saveCase(
  scope: ActingScope,
  unitId: number,
  caseId: number | null,
  input: Input,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const unit = await unitFor(trx, scope, unitId, 'edit');
    const fields = await caseFieldsOf(trx, unit, validateCase(input));
    if (caseId === null) {
      await assertUnlocked(trx, [unitId], [caseSpan(fields)]);
      const id = await insertCase(trx, dialect, unitId, fields, userIdOf(scope), now);
      await recordAct(trx, scope, 'records.case.add', 'review_case', id, { unitId, ...fields }, now);
      return id;
    }
    const before = await findCase(trx, caseId);
    if (before === null || before.unitId !== unitId) throw new NotFound('未找到该案件');
    if (countedCaseFields(before) !== countedCaseFields(fields)) {
      await assertUnlocked(trx, [unitId], [caseSpan(before), caseSpan(fields)]);
    }
    await updateCase(trx, dialect, caseId, fields, now);
    await recordAct(
      trx,
      scope,
      'records.case.update',
      'review_case',
      caseId,
      { unitId, before, after: fields },
      now,
    );
    return caseId;
  });
}

export async function importCases(
  scope: ActingScope,
  unitId: number,
  file: ImportFile,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const unit = await unitFor(trx, scope, unitId, 'edit');
    // The application each row names is looked up while the rows are checked, so a missing one is
    // reported with its row and column like any other problem.
    const rows = await readImport(file, CASE_COLUMNS, (input) =>
      caseFieldsOf(trx, unit, validateCase(input)),
    );
    await assertUnlocked(
      trx,
      [unitId],
      rows.map(({ value }) => caseSpan(value)),
    );
    const ids: number[] = [];
    for (const { value: fields } of rows) {
      ids.push(await insertCase(trx, dialect, unitId, fields, userIdOf(scope), now));
    }
    await recordAct(
      trx,
      scope,
      'records.case.import',
      'unit',
      unitId,
      { fileName: file.fileName, sha256: sha256Of(file.data), caseIds: ids },
      now,
    );
    return ids.length;
  });
}

// What the report compiler reads ------------------------------------------------------------------------

export interface RecordsForReport {
  /** Table 二 (一) per kind, with the documents behind each number. */
  readonly normative: Record<NormativeKind, NormativeCount>;
  /** Table 二 (五)(六)(八) in the interchange shape, the entries used and the kinds with no entry. */
  readonly statistics: ReturnType<typeof table2StatisticsBlocks>;
  /** Table 四: 15 numbers and the cases behind each. */
  readonly table4: Table4Count;
}

/**
 * The unit's records counted for report year `year`. Table 二 (一) counts the register and the normative
 * documents published through the platform (规章 and 行政规范性文件 items of the Art. 20(1) column, ids like
 * `item:12`) by the one rule; an item whose 发文字号 is in the register is that register entry.
 */
export async function recordsForReport(
  scope: ActingScope,
  unitId: number,
  year: number,
): Promise<RecordsForReport> {
  const { db } = scope.context.database;
  await unitFor(db, scope, unitId, 'read');
  const [documents, items, entries, cases] = await Promise.all([
    listDocuments(db, unitId),
    listNormativeItems(db, unitId),
    listStatistics(db, unitId),
    listCases(db, unitId),
  ]);
  const published = normativeFactsOfItems(
    items,
    documents.map((document) => document.documentNumber),
  );
  return {
    normative: countNormativeDocuments([...documents.map(documentFacts), ...published], year),
    statistics: table2StatisticsBlocks(entries, year),
    table4: countTable4(cases.map(caseFacts), year),
  };
}
