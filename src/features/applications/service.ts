// Use cases of applications: each checks the policy, runs in one transaction and writes its audit entry
// there. A submission is acknowledged only after its transaction has committed, so a query code that was
// shown always names a stored application.
import type { ActingScope, AppContext } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { NotFound } from '../../core/errors.ts';
import { LETTER_KIND_SPECS } from '../../core/letters/kinds.ts';
import { letterAccessToken } from '../letters/access-token.ts';
import { listLetters } from '../letters/service.ts';
import { indexesForLookup, openPersonalForDisplay, presentMasked } from '../privacy/personal-field.ts';
import { chinaDate, loadCalendar, readClock } from './clock.ts';
import { submitApplication } from './registration-online.ts';
import type { ApplicationEvent, Channel, ClockView, MaskedApplication, StoredApplication } from './model.ts';
import { applicationScopes, authorizeApplication, authorizeApplicationList } from './policy.ts';
import { QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from './protect.ts';
import {
  findApplication,
  findApplicationByCode,
  findEvents,
  findEventsOf,
  listApplications as listApplicationRows,
  listReceivingUnits,
  type ReceivingUnit,
} from './repo.ts';
import { InvalidApplication, normaliseQueryCode, type ApplicationForm } from './validate.ts';

/** Someone of the public acting without an account: only where the request came from is known. */
export interface PublicScope {
  readonly context: AppContext;
  readonly address: string | null;
}

export { QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from './protect.ts';
const QUERY_CODE_PATTERN = new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`);

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
  return submitApplication(scope, form, { files: [], tooManyFiles: false }, now);
}

/** What the status page shows the applicant: no personal data, only the clock of the application. */
export interface ApplicationStatus {
  readonly queryCode: string;
  readonly unitName: string;
  readonly channel: Channel;
  readonly receivedOn: PlainDate;
  readonly description: string;
  readonly clock: ClockView;
  /** The reason recorded with an extension, shown beside it. */
  readonly extensionReason: string | null;
  /** The letters sent to the applicant, each with a short-lived signed download link. */
  readonly letters: readonly ApplicantLetter[];
}

export interface ApplicantLetter {
  readonly title: string;
  readonly number: string | null;
  readonly issuedOn: PlainDate;
  readonly token: string;
}

/** How long the download links of the status page stay valid. */
const LETTER_LINK_MS = 60 * 60 * 1000;

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
  const expiresAt = new Date(now.getTime() + LETTER_LINK_MS);
  const letters = (await listLetters(context.database.db, application.id))
    .filter((letter) => LETTER_KIND_SPECS[letter.kind].toApplicant)
    .map((letter) => ({
      title: letter.title,
      number: letter.number,
      issuedOn: letter.issuedOn,
      token: letterAccessToken(context.keys, letter.id, expiresAt),
    }));
  return {
    extensionReason: events.find((event) => event.type === 'extended')?.reason ?? null,
    letters,
    queryCode: application.queryCode,
    unitName: application.unitName,
    channel: application.channel,
    receivedOn: application.receivedOn,
    description: application.request.description,
    clock: readClock(calendar, application.receivedOn, events, chinaDate(now)),
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
