// SQL of Art. 44 drafts: what a draft is made from (the request and the decision, never the applicant),
// the drafts themselves, and the drafts of the units in an actor's scope.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';
import type { RequestedInformation } from './model.ts';

/** A decided (or undecided) application as a draft is made from it: no personal data is selected. */
export interface DraftSource {
  readonly id: number;
  readonly queryCode: string;
  readonly unitId: number;
  readonly unitPath: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly closedOn: string | null;
  readonly request: RequestedInformation;
  /** What the decision provided (null before a decision, or when it recorded nothing). */
  readonly provided: string | null;
}

export async function findDraftSource(db: Executor, applicationId: number): Promise<DraftSource | null> {
  const row = await db
    .selectFrom('applications')
    .innerJoin('units', 'units.id', 'applications.unit_id')
    .leftJoin('application_decisions', 'application_decisions.application_id', 'applications.id')
    .select([
      'applications.id',
      'applications.query_code',
      'applications.unit_id',
      'units.path as unit_path',
      'applications.status',
      'applications.outcome',
      'applications.closed_on',
      'applications.description',
      'applications.title',
      'applications.document_number',
      'applications.index_number',
      'application_decisions.provided',
    ])
    .where('applications.id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    queryCode: row.query_code,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    status: row.status,
    outcome: row.outcome,
    closedOn: row.closed_on,
    request: {
      description: row.description,
      title: row.title,
      documentNumber: row.document_number,
      indexNumber: row.index_number,
    },
    provided: row.provided,
  };
}

export async function findDraftOfApplication(db: Executor, applicationId: number): Promise<number | null> {
  const row = await db
    .selectFrom('disclosure_drafts')
    .select('id')
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row ? row.id : null;
}

export interface NewDraftRow {
  readonly unitId: number;
  readonly applicationId: number;
  readonly title: string;
  readonly body: string;
  readonly createdBy: number | null;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** Inserts a draft made from an application; null when the application already has one. */
export async function insertDraftFromApplication(
  trx: Executor,
  dialect: DialectName,
  row: NewDraftRow,
  now: Date,
): Promise<number | null> {
  try {
    const { id } = await trx
      .insertInto('disclosure_drafts')
      .values({
        unit_id: row.unitId,
        application_id: row.applicationId,
        title: row.title,
        body: row.body,
        origin: 'from_application',
        created_by: row.createdBy,
        created_at: fromDate(dialect, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export interface StoredDraft {
  readonly id: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly applicationId: number | null;
  readonly queryCode: string | null;
  /** The path of the unit that now holds the application (it may have been transferred). */
  readonly applicationUnitPath: string | null;
  readonly title: string;
  readonly body: string;
  readonly status: string;
  readonly origin: string;
  readonly createdAt: Date;
  /** The proactive-disclosure item made from the draft, with its status. */
  readonly itemId: number | null;
  readonly itemStatus: string | null;
}

/** Drafts of units inside any of the subtrees (all when `scopes` is null), newest first. */
export async function listDrafts(
  db: Executor,
  scopes: readonly string[] | null,
  limit = 500,
): Promise<StoredDraft[]> {
  let query = db
    .selectFrom('disclosure_drafts')
    .innerJoin('units', 'units.id', 'disclosure_drafts.unit_id')
    .leftJoin('applications', 'applications.id', 'disclosure_drafts.application_id')
    .leftJoin('units as application_units', 'application_units.id', 'applications.unit_id')
    .leftJoin('publishing_items as items', 'items.draft_id', 'disclosure_drafts.id')
    .select([
      'items.id as item_id',
      'items.status as item_status',
      'disclosure_drafts.id',
      'disclosure_drafts.unit_id',
      'units.name as unit_name',
      'units.path as unit_path',
      'disclosure_drafts.application_id',
      'applications.query_code',
      'application_units.path as application_unit_path',
      'disclosure_drafts.title',
      'disclosure_drafts.body',
      'disclosure_drafts.status',
      'disclosure_drafts.origin',
      'disclosure_drafts.created_at',
    ]);
  if (scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('units.path', 'like', `${scope}%`))));
  }
  const rows = await query.orderBy('disclosure_drafts.id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    applicationId: row.application_id,
    queryCode: row.query_code,
    applicationUnitPath: row.application_unit_path,
    title: row.title,
    body: row.body,
    status: row.status,
    origin: row.origin,
    createdAt: toDate(row.created_at),
    itemId: row.item_id,
    itemStatus: row.item_status,
  }));
}
