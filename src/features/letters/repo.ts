// All SQL of letters: the issuing unit, letter numbers, the letters (addressee and text arrive sealed
// and leave sealed) and the templates of units.
import type { Selectable } from 'kysely';
import { isLetterKind, type LetterKind } from '../../core/letters/kinds.ts';
import { fromDate, type DialectName } from '../../db/dialect.ts';
import type { ApplicationLetterTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { LetterSummary, StoredLetter } from './model.ts';

/** A unit as letters need it: what signs, numbers and decides which body hears a reconsideration. */
export interface IssuingUnit {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
  readonly path: string;
  readonly verticallyManaged: boolean;
  readonly letterPrefix: string | null;
  readonly contact: {
    readonly officeName: string | null;
    readonly address: string | null;
    readonly phone: string | null;
    readonly fax: string | null;
    readonly email: string | null;
    readonly postcode: string | null;
  };
  readonly parent: { readonly name: string; readonly kind: string } | null;
}

export async function findIssuingUnit(db: Executor, id: number): Promise<IssuingUnit | null> {
  const row = await db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select([
      'u.id',
      'u.name',
      'u.kind',
      'u.path',
      'u.vertically_managed',
      'u.letter_prefix',
      'u.office_name',
      'u.office_address',
      'u.office_phone',
      'u.office_fax',
      'u.office_email',
      'u.office_postcode',
      'p.name as parent_name',
      'p.kind as parent_kind',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    path: row.path,
    verticallyManaged: row.vertically_managed === 1,
    letterPrefix: row.letter_prefix,
    contact: {
      officeName: row.office_name,
      address: row.office_address,
      phone: row.office_phone,
      fax: row.office_fax,
      email: row.office_email,
      postcode: row.office_postcode,
    },
    parent:
      row.parent_name === null || row.parent_kind === null
        ? null
        : { name: row.parent_name, kind: row.parent_kind },
  };
}

/** The names of units by id (for “inherited from …”). */
export async function findUnitNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The next serial of the unit's letters in the year: one atomic upsert, so concurrent transactions
 * queue on the counter row (PostgreSQL) or run one at a time (SQLite) and never share a number.
 */
export async function nextLetterSerial(trx: Executor, unitId: number, year: number): Promise<number> {
  const row = await trx
    .insertInto('letter_counters')
    .values({ unit_id: unitId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({ last: eb('letter_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function letterNumberTaken(db: Executor, number: string): Promise<boolean> {
  const row = await db
    .selectFrom('application_letters')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewLetterRow {
  readonly applicationId: number;
  readonly unitId: number;
  readonly kind: LetterKind;
  readonly number: string | null;
  readonly issuedOn: string;
  readonly title: string;
  readonly sealedAddressee: string;
  readonly sealedBody: string;
  readonly agencyName: string;
  readonly contact: string | null;
  readonly issuedBy: number | null;
}

export async function insertLetter(
  trx: Executor,
  dialect: DialectName,
  row: NewLetterRow,
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('application_letters')
    .values({
      application_id: row.applicationId,
      unit_id: row.unitId,
      kind: row.kind,
      number: row.number,
      issued_on: row.issuedOn,
      title: row.title,
      addressee: row.sealedAddressee,
      body: row.sealedBody,
      agency_name: row.agencyName,
      contact: row.contact,
      issued_by: row.issuedBy,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

type LetterRow = Selectable<ApplicationLetterTable>;

function toSummary(row: LetterRow): LetterSummary | null {
  if (!isLetterKind(row.kind)) return null;
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    title: row.title,
    number: row.number,
    issuedOn: row.issued_on,
    deliveredOn: row.delivered_on,
    deliveryMethod: row.delivery_method,
  };
}

export async function findLetter(db: Executor, id: number): Promise<StoredLetter | null> {
  const row = await db.selectFrom('application_letters').selectAll().where('id', '=', id).executeTakeFirst();
  const summary = row === undefined ? null : toSummary(row);
  if (row === undefined || summary === null) return null;
  return {
    ...summary,
    unitId: row.unit_id,
    agencyName: row.agency_name,
    contact: row.contact,
    sealedAddressee: row.addressee,
    sealedBody: row.body,
    issuedBy: row.issued_by,
    deliveredBy: row.delivered_by,
  };
}

/** The letters of an application in the order they were issued. */
export async function listLetterSummaries(db: Executor, applicationId: number): Promise<LetterSummary[]> {
  const rows = await db
    .selectFrom('application_letters')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
  return rows.map(toSummary).filter((letter): letter is LetterSummary => letter !== null);
}

/** Records the delivery unless one is recorded already (false then): a delivery is recorded once. */
export async function markLetterDelivered(
  trx: Executor,
  id: number,
  delivery: { readonly on: string; readonly method: string; readonly by: number | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('application_letters')
    .set({ delivered_on: delivery.on, delivery_method: delivery.method, delivered_by: delivery.by })
    .where('id', '=', id)
    .where('delivered_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface StoredTemplate {
  readonly unitId: number;
  readonly kind: LetterKind;
  readonly body: string;
}

/** The templates the given units hold (of one kind, or of every kind). */
export async function findTemplates(
  db: Executor,
  unitIds: readonly number[],
  kind?: LetterKind,
): Promise<StoredTemplate[]> {
  if (unitIds.length === 0) return [];
  let query = db
    .selectFrom('letter_templates')
    .select(['unit_id', 'kind', 'body'])
    .where('unit_id', 'in', [...unitIds]);
  if (kind !== undefined) query = query.where('kind', '=', kind);
  const rows = await query.execute();
  return rows.flatMap((row) =>
    isLetterKind(row.kind) ? [{ unitId: row.unit_id, kind: row.kind, body: row.body }] : [],
  );
}

export async function saveTemplate(
  trx: Executor,
  dialect: DialectName,
  template: StoredTemplate & { readonly updatedBy: number | null },
  now: Date,
): Promise<void> {
  const at = fromDate(dialect, now);
  await trx
    .insertInto('letter_templates')
    .values({
      unit_id: template.unitId,
      kind: template.kind,
      body: template.body,
      updated_by: template.updatedBy,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'kind'])
        .doUpdateSet({ body: template.body, updated_by: template.updatedBy, updated_at: at }),
    )
    .execute();
}

/** Removes the unit's own template of the kind; false when it had none. */
export async function deleteTemplate(trx: Executor, unitId: number, kind: LetterKind): Promise<boolean> {
  const result = await trx
    .deleteFrom('letter_templates')
    .where('unit_id', '=', unitId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
