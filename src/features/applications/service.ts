// Use cases of applications: each checks the policy, runs in one transaction and writes its audit entry
// there. A submission is acknowledged only after its transaction has committed, so a query code that was
// shown always names a stored application.
import { randomInt } from 'node:crypto';
import type { ActingScope, AppContext } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/service.ts';
import {
  indexesForLookup,
  openPersonalForDisplay,
  presentMasked,
  protectPersonal,
  sealPersonal,
} from '../privacy/personal-field.ts';
import { chinaDate, clockCacheOf, loadCalendar, readClock } from './clock.ts';
import type { ApplicationEvent, Channel, ClockView, MaskedApplication, StoredApplication } from './model.ts';
import { applicationScopes, authorizeApplication, authorizeApplicationList } from './policy.ts';
import {
  findApplication,
  findApplicationByCode,
  findEvents,
  findEventsOf,
  findReceivingUnit,
  insertApplication,
  insertEvent,
  listApplications as listApplicationRows,
  listReceivingUnits,
  queryCodeTaken,
  type ReceivingUnit,
} from './repo.ts';
import {
  InvalidApplication,
  normaliseQueryCode,
  phoneTail,
  validateApplicationForm,
  type ApplicationForm,
  type ValidApplication,
} from './validate.ts';

/** Someone of the public acting without an account: only where the request came from is known. */
export interface PublicScope {
  readonly context: AppContext;
  readonly address: string | null;
}

/** Query codes avoid characters that are easily confused when read aloud or copied (0/O, 1/I/L). */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 12;
const QUERY_CODE_PATTERN = new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`);

function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++)
    code += QUERY_CODE_ALPHABET.charAt(randomInt(QUERY_CODE_ALPHABET.length));
  return code;
}

/** The acknowledgment (回执): what the applicant needs to follow the application. */
export interface Acknowledgment {
  readonly id: number;
  readonly queryCode: string;
  readonly unitName: string;
  readonly channel: Channel;
  readonly receivedOn: PlainDate;
  readonly clock: ClockView;
}

/** The units an application may be addressed to, for the public form. */
export async function listReceivingAgencies(context: AppContext): Promise<ReceivingUnit[]> {
  return listReceivingUnits(context.database.db);
}

/**
 * An application submitted through the online form (网络申请). Art. 31: its receipt date is the day the
 * agency acknowledges it, which is the day of submission (in China) since the acknowledgment is immediate.
 */
export async function submitOnlineApplication(
  scope: PublicScope,
  form: ApplicationForm,
  now = new Date(),
): Promise<Acknowledgment> {
  const valid = validateApplicationForm(form, now);
  const receivedOn = chinaDate(now);
  const { db, dialect } = scope.context.database;
  const calendar = await loadCalendar(db);
  const clock = readClock(calendar, receivedOn, [], receivedOn);
  const stored = await inTransaction(db, async (trx) => {
    const unit = await findReceivingUnit(trx, valid.unitId);
    if (unit === null)
      throw new InvalidApplication([{ field: 'unitId', message: '所选“受理机关”不存在，请重新选择' }]);
    let queryCode = newQueryCode();
    while (await queryCodeTaken(trx, queryCode)) queryCode = newQueryCode();
    const id = await insertApplication(
      trx,
      dialect,
      { ...protectApplication(scope.context, valid, queryCode, receivedOn), ...clockCacheOf(clock) },
      now,
    );
    await insertEvent(
      trx,
      dialect,
      { applicationId: id, type: 'received', date: receivedOn, recordedBy: null },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: null,
        address: scope.address,
        action: 'application.submit',
        objectType: 'application',
        objectId: id,
        details: {
          unitId: unit.id,
          channel: 'online',
          receivedOn,
          applicantKind: valid.applicantKind,
          applicantType: valid.applicantType,
        },
      },
      now,
    );
    return { id, queryCode, unitName: unit.name };
  });
  // Only the `received` event exists yet: the clock starts at the receipt date (read before the commit,
  // so nothing after it can fail and hide the code from the applicant).
  return { ...stored, channel: 'online', receivedOn, clock };
}

/** What the status page shows the applicant: no personal data, only the clock of the application. */
export interface ApplicationStatus {
  readonly queryCode: string;
  readonly unitName: string;
  readonly channel: Channel;
  readonly receivedOn: PlainDate;
  readonly description: string;
  readonly clock: ClockView;
}

/** One message for an unknown code and for a code with the wrong digits: neither tells which. */
export const STATUS_NOT_FOUND = '查询码与联系电话后四位不匹配，或该申请不存在，请核对后重试';

/**
 * The status of an application for its applicant: the query code plus the last 4 digits of the phone
 * given in the application (the second factor). A wrong pair answers exactly like an unknown code.
 */
export async function getApplicationStatus(
  context: AppContext,
  input: { readonly queryCode?: string; readonly phoneTail?: string },
  now = new Date(),
): Promise<ApplicationStatus> {
  const code = normaliseQueryCode(input.queryCode);
  const tail = (input.phoneTail ?? '').trim();
  const errors = [
    ...(QUERY_CODE_PATTERN.test(code)
      ? []
      : [{ field: 'queryCode', message: `“查询码”应为回执上的 ${QUERY_CODE_LENGTH} 位字母和数字` }]),
    ...(/^\d{4}$/.test(tail) ? [] : [{ field: 'phoneTail', message: '“联系电话后四位”应为 4 位数字' }]),
  ];
  if (errors.length > 0) throw new InvalidApplication(errors);
  const indexes = indexesForLookup(context.keys, tail, 'phone');
  const application = await findApplicationByCode(context.database.db, code);
  if (application === null || !indexes.includes(application.sealed.phoneTailIndex)) {
    throw new NotFound(STATUS_NOT_FOUND);
  }
  const events = await findEvents(context.database.db, application.id);
  const calendar = await loadCalendar(context.database.db);
  return {
    queryCode: application.queryCode,
    unitName: application.unitName,
    channel: application.channel,
    receivedOn: application.receivedOn,
    description: application.request.description,
    clock: readClock(calendar, application.receivedOn, events, chinaDate(now)),
  };
}

function protectApplication(context: AppContext, v: ValidApplication, code: string, date: PlainDate) {
  const seal = (value: string | null) => (value === null ? null : sealPersonal(context.keys, value));
  const phone = protectPersonal(context.keys, v.phone, 'phone');
  const tail = protectPersonal(context.keys, phoneTail(v.phone), 'phone');
  if (phone === null || tail === null) throw new Invalid('phone', '“联系电话”必填');
  return {
    queryCode: code,
    unitId: v.unitId,
    channel: 'online' as const,
    receivedOn: date,
    applicantKind: v.applicantKind,
    applicantType: v.applicantType,
    idType: v.idType,
    orgUscc: v.orgUscc,
    applicantName: sealPersonal(context.keys, v.applicantName),
    idNumber: protectPersonal(context.keys, v.idNumber, 'id-number'),
    contactName: seal(v.contactName),
    phone,
    phoneTail: tail,
    email: protectPersonal(context.keys, v.email, 'email'),
    address: seal(v.address),
    postcode: seal(v.postcode),
    fax: seal(v.fax),
    request: v.request,
    provisionForm: v.provisionForm,
    obtainWay: v.obtainWay,
    purpose: v.purpose,
  };
}

function present(
  context: AppContext,
  calendar: WorkingDayCalendar,
  application: StoredApplication,
  events: readonly ApplicationEvent[],
  today: PlainDate,
): MaskedApplication {
  const keys = context.keys;
  const open = (sealed: string | null) => openPersonalForDisplay(keys, sealed);
  const s = application.sealed;
  return {
    id: application.id,
    queryCode: application.queryCode,
    unitId: application.unitId,
    unitName: application.unitName,
    channel: application.channel,
    receivedOn: application.receivedOn,
    applicantKind: application.applicantKind,
    applicantType: application.applicantType,
    idType: application.idType,
    orgUscc: application.orgUscc,
    applicantName: presentMasked('name', open(s.applicantName)) ?? '',
    idNumber: presentMasked('id-number', open(s.idNumber)),
    contactName: presentMasked('name', open(s.contactName)),
    phone: presentMasked('phone', open(s.phone)) ?? '',
    email: presentMasked('email', open(s.email)),
    address: presentMasked('address', open(s.address)),
    hasPostcode: s.postcode !== null,
    hasFax: s.fax !== null,
    request: application.request,
    provisionForm: application.provisionForm,
    obtainWay: application.obtainWay,
    purpose: application.purpose,
    clock: readClock(calendar, application.receivedOn, events, today),
  };
}

/** The applications of the units where the actor handles, supervises or leads; personal data masked. */
export async function listApplications(scope: ActingScope, now = new Date()): Promise<MaskedApplication[]> {
  authorizeApplicationList(scope.actor);
  const db = scope.context.database.db;
  const rows = await listApplicationRows(db, applicationScopes(scope.actor));
  const events = await findEventsOf(
    db,
    rows.map((row) => row.id),
  );
  const today = chinaDate(now);
  const calendar = await loadCalendar(db);
  return rows.map((row) => present(scope.context, calendar, row, events.get(row.id) ?? [], today));
}

/** One application with its ledger; personal data masked. */
export async function getApplication(
  scope: ActingScope,
  id: number,
  now = new Date(),
): Promise<{ application: MaskedApplication; events: ApplicationEvent[] }> {
  const db = scope.context.database.db;
  const stored = await findApplication(db, id);
  authorizeApplication(scope.actor, stored);
  const events = await findEvents(db, id);
  const calendar = await loadCalendar(db);
  return { application: present(scope.context, calendar, stored, events, chinaDate(now)), events };
}
