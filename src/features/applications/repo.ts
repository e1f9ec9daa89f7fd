// All SQL of applications. Personal data arrives here already sealed and leaves still sealed.
import type { Selectable } from 'kysely';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { ApplicationEventTable, ApplicationTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { ProtectedValue } from '../privacy/personal-field.ts';
import {
  APPLICANT_KINDS,
  CHANNELS,
  ID_TYPE_LABELS,
  isOneOf,
  OBTAIN_WAYS,
  PROVISION_FORMS,
  type ApplicantKind,
  type ApplicationEvent,
  type Channel,
  type IdType,
  type RequestedInformation,
  type StoredApplication,
} from './model.ts';

type Row = Selectable<ApplicationTable> & { unit_name: string; unit_path: string };

function pick<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return isOneOf(values, value) ? value : fallback;
}

function toApplication(row: Row): StoredApplication {
  return {
    id: row.id,
    queryCode: row.query_code,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    channel: pick(CHANNELS, row.channel, 'online'),
    receivedOn: row.received_on,
    applicantKind: pick(APPLICANT_KINDS, row.applicant_kind, 'person'),
    applicantType: row.applicant_type,
    idType: pick(Object.keys(ID_TYPE_LABELS) as IdType[], row.id_type, 'other'),
    orgUscc: row.org_uscc,
    sealed: {
      applicantName: row.applicant_name_sealed,
      idNumber: row.id_number_sealed,
      contactName: row.contact_name_sealed,
      phone: row.phone_sealed,
      phoneTailIndex: row.phone_tail_index,
      email: row.email_sealed,
      address: row.address_sealed,
      postcode: row.postcode_sealed,
      fax: row.fax_sealed,
    },
    request: {
      description: row.description,
      title: row.title,
      documentNumber: row.document_number,
      indexNumber: row.index_number,
    },
    provisionForm: pick(PROVISION_FORMS, row.provision_form, 'paper'),
    obtainWay: pick(OBTAIN_WAYS, row.obtain_way, 'collect'),
    purpose: row.purpose,
    createdAt: toDate(row.created_at),
    status: row.status === 'closed' ? 'closed' : 'open',
    handlerId: row.handler_id,
    dueOn: row.due_on,
    clockState: row.clock_state,
    outcome: row.outcome,
    closedOn: row.closed_on,
    registeredBy: row.registered_by,
    receiptBasis: row.receipt_basis,
  };
}

function parseDetails(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function toEvent(row: Selectable<ApplicationEventTable>): ApplicationEvent {
  return {
    id: row.id,
    type: row.type,
    date: row.date,
    workdays: row.workdays,
    due: row.due,
    reason: row.reason,
    party: row.party,
    ref: row.ref,
    unitId: row.unit_id,
    toUnitId: row.to_unit_id,
    userId: row.user_id,
    details: parseDetails(row.details),
    recordedBy: row.recorded_by,
    createdAt: toDate(row.created_at),
  };
}

/** A new application: personal data sealed (and indexed where a look-up needs it) by the caller. */
export interface NewApplicationRow {
  readonly queryCode: string;
  readonly unitId: number;
  readonly channel: Channel;
  readonly receivedOn: string;
  readonly applicantKind: ApplicantKind;
  readonly applicantType: string;
  readonly idType: IdType;
  readonly orgUscc: string | null;
  readonly applicantName: string;
  readonly idNumber: ProtectedValue | null;
  readonly contactName: string | null;
  readonly phone: ProtectedValue;
  readonly phoneTail: ProtectedValue;
  readonly email: ProtectedValue | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly fax: string | null;
  readonly request: RequestedInformation;
  readonly provisionForm: string;
  readonly obtainWay: string;
  readonly purpose: string | null;
  readonly registeredBy?: number | null;
  readonly receiptBasis?: string | null;
  /** The clock cache at registration (see clock.ts). */
  readonly dueOn: string | null;
  readonly clockState: string;
}

export async function queryCodeTaken(db: Executor, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('query_code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertApplication(
  trx: Executor,
  dialect: DialectName,
  row: NewApplicationRow,
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('applications')
    .values({
      query_code: row.queryCode,
      unit_id: row.unitId,
      channel: row.channel,
      received_on: row.receivedOn,
      applicant_kind: row.applicantKind,
      applicant_type: row.applicantType,
      applicant_name_sealed: row.applicantName,
      id_type: row.idType,
      id_number_sealed: row.idNumber?.sealed ?? null,
      id_number_index: row.idNumber?.index ?? null,
      org_uscc: row.orgUscc,
      contact_name_sealed: row.contactName,
      phone_sealed: row.phone.sealed,
      phone_index: row.phone.index,
      phone_tail_sealed: row.phoneTail.sealed,
      phone_tail_index: row.phoneTail.index,
      email_sealed: row.email?.sealed ?? null,
      email_index: row.email?.index ?? null,
      address_sealed: row.address,
      postcode_sealed: row.postcode,
      fax_sealed: row.fax,
      description: row.request.description,
      title: row.request.title,
      document_number: row.request.documentNumber,
      index_number: row.request.indexNumber,
      provision_form: row.provisionForm,
      obtain_way: row.obtainWay,
      purpose: row.purpose,
      registered_by: row.registeredBy ?? null,
      receipt_basis: row.receiptBasis ?? null,
      due_on: row.dueOn,
      clock_state: row.clockState,
      created_at: fromDate(dialect, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface NewEventRow {
  readonly applicationId: number;
  readonly type: string;
  readonly date: string;
  readonly workdays?: number | null;
  readonly due?: string | null;
  readonly reason?: string | null;
  readonly party?: string | null;
  readonly ref?: string | null;
  readonly unitId?: number | null;
  readonly toUnitId?: number | null;
  readonly userId?: number | null;
  readonly details?: Readonly<Record<string, unknown>> | null;
  readonly recordedBy: number | null;
}

export async function insertEvent(
  trx: Executor,
  dialect: DialectName,
  event: NewEventRow,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('application_events')
    .values({
      application_id: event.applicationId,
      type: event.type,
      date: event.date,
      workdays: event.workdays ?? null,
      due: event.due ?? null,
      reason: event.reason ?? null,
      party: event.party ?? null,
      ref: event.ref ?? null,
      unit_id: event.unitId ?? null,
      to_unit_id: event.toUnitId ?? null,
      user_id: event.userId ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
      recorded_by: event.recordedBy,
      created_at: fromDate(dialect, now),
    })
    .execute();
}

function selectApplications(db: Executor) {
  return db
    .selectFrom('applications')
    .innerJoin('units', 'units.id', 'applications.unit_id')
    .selectAll('applications')
    .select(['units.name as unit_name', 'units.path as unit_path']);
}

export async function findApplication(db: Executor, id: number): Promise<StoredApplication | null> {
  const row = await selectApplications(db).where('applications.id', '=', id).executeTakeFirst();
  return row ? toApplication(row) : null;
}

export async function findApplicationByCode(db: Executor, code: string): Promise<StoredApplication | null> {
  const row = await selectApplications(db).where('applications.query_code', '=', code).executeTakeFirst();
  return row ? toApplication(row) : null;
}

/** Applications of units inside any of the subtrees (all when `scopes` is null), newest receipt first. */
export async function listApplications(
  db: Executor,
  scopes: readonly string[] | null,
  limit = 500,
): Promise<StoredApplication[]> {
  let query = selectApplications(db);
  if (scopes !== null) {
    if (scopes.length === 0) return [];
    query = query.where((eb) => eb.or(scopes.map((scope) => eb('units.path', 'like', `${scope}%`))));
  }
  const rows = await query
    .orderBy('applications.received_on', 'desc')
    .orderBy('applications.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toApplication);
}

/** The ledger of one application in the order it was recorded. */
export async function findEvents(db: Executor, applicationId: number): Promise<ApplicationEvent[]> {
  const rows = await db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

/** The ledgers of many applications at once, by application id. */
export async function findEventsOf(
  db: Executor,
  applicationIds: readonly number[],
): Promise<Map<number, ApplicationEvent[]>> {
  const byApplication = new Map<number, ApplicationEvent[]>();
  if (applicationIds.length === 0) return byApplication;
  const rows = await db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', 'in', [...applicationIds])
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const id = row.application_id;
    byApplication.set(id, [...(byApplication.get(id) ?? []), toEvent(row)]);
  }
  return byApplication;
}

/** A unit that may receive applications, as the public form lists it (names are public). */
export interface ReceivingUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

/** Every unit, in tree order, for the public form's list of receiving agencies. */
export async function listReceivingUnits(db: Executor): Promise<ReceivingUnit[]> {
  const rows = await db.selectFrom('units').select(['id', 'name', 'path']).orderBy('path').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, path: row.path }));
}

export async function findReceivingUnit(db: Executor, id: number): Promise<ReceivingUnit | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, path: row.path } : null;
}
