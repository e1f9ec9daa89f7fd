// Staff registration of an application that did not come through the online form: by letter, email,
// fax, in person or orally (条例第二十九条、第三十一条). The staff member records the fact that fixes the
// legal receipt date for the channel, with its evidence where the channel leaves a paper trail; the
// clock starts on that date. One transaction with the audit entry; nothing is written when a rule fails.
import type { ActingScope } from '../../app-context.ts';
import { isPlainDate, type PlainDate } from '../../core/calendar/plain-date.ts';
import {
  RECEIPT_RULES,
  receiptDateProblem,
  REGISTERED_CHANNELS,
  type ReceiptRule,
  type RegisteredChannel,
} from '../../core/disclosure/receipt-date.ts';
import { issueLetter } from '../letters/service.ts';
import { inTransaction } from '../../db/transaction.ts';
import { assertUnlocked, yearOf } from '../annual-report/lock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { checkAttachments, requireAttachment, type UploadedFile } from './attachments.ts';
import { chinaDate, loadCalendar, readClock } from './clock.ts';
import { findPossibleDuplicates, type PossibleDuplicate } from './duplicates.ts';
import { CHANNEL_LABELS, isOneOf, type Channel, type ClockView } from './model.ts';
import { applicationScopes } from './policy.ts';
import { authorizeRegistration, authorizeRegistrationPage, canRegisterFor } from './registration-policy.ts';
import { storeApplication } from './registration-store.ts';
import {
  findApplication,
  findReceivingUnit,
  insertEvent,
  listReceivingUnits,
  type ReceivingUnit,
} from './repo.ts';
import {
  collectErrors,
  InvalidApplication,
  isProxyApplication,
  validateAgent,
  validateApplicationForm,
  type ApplicationForm,
  type FieldError,
} from './validate.ts';

// Every channel of the model but the online form has its rule (a channel missing here does not compile;
// one the model lacks cannot be stored).
const RULES: Readonly<Record<Exclude<Channel, 'online'>, ReceiptRule>> = RECEIPT_RULES;

export function isRegisteredChannel(value: unknown): value is RegisteredChannel {
  return isOneOf(REGISTERED_CHANNELS, value);
}

/** The units the actor may register applications for, in tree order. */
export async function registrationUnits(scope: ActingScope): Promise<ReceivingUnit[]> {
  authorizeRegistrationPage(scope.actor);
  const units = await listReceivingUnits(scope.context.database.db);
  return units.filter((unit) => canRegisterFor(scope.actor, unit));
}

interface ValidReceipt {
  readonly channel: RegisteredChannel;
  readonly receivedOn: PlainDate;
  readonly note: string | null;
}

const MAX_NOTE = 500;

function validateReceipt(errors: FieldError[], form: ApplicationForm, today: PlainDate): ValidReceipt | null {
  const channel = (form.channel ?? '').trim();
  if (!isRegisteredChannel(channel)) {
    const names = REGISTERED_CHANNELS.map((c) => CHANNEL_LABELS[c]).join('、');
    errors.push({ field: 'channel', message: `请选择“申请方式”：${names}之一` });
    return null;
  }
  const rule = RULES[channel];
  const before = errors.length;
  const date = (form.receivedOn ?? '').trim();
  if (date === '') errors.push({ field: 'receivedOn', message: `“${rule.dateLabel}”必填` });
  else if (!isPlainDate(date)) {
    errors.push({ field: 'receivedOn', message: `“${rule.dateLabel}”应为有效日期，如 ${today}` });
  } else {
    const problem = receiptDateProblem(date, today);
    if (problem !== null) errors.push({ field: 'receivedOn', message: `“${rule.dateLabel}”${problem}` });
  }
  const note = (form.receiptNote ?? '').trim();
  if (note === '' && rule.noteRequired) {
    errors.push({ field: 'receiptNote', message: `${CHANNEL_LABELS[channel]}须填写“${rule.noteLabel}”` });
  }
  if (Array.from(note).length > MAX_NOTE) {
    errors.push({ field: 'receiptNote', message: `“${rule.noteLabel}”不能超过 ${MAX_NOTE} 个字` });
  }
  return errors.length > before ? null : { channel, receivedOn: date, note: note === '' ? null : note };
}

export interface RegisteredApplication {
  readonly id: number;
  readonly queryCode: string;
  readonly receivedOn: PlainDate;
  readonly clock: ClockView;
  /** Other applications of the same applicant with a similar request (the handler decides). */
  readonly duplicates: readonly PossibleDuplicate[];
}

/**
 * Registers an application received by another channel than the online form. The receiving unit must
 * be one the actor handles applications for (else 404); every broken rule of the form, the receipt
 * and the files is reported at once.
 */
export async function registerApplication(
  scope: ActingScope,
  form: ApplicationForm,
  upload: { readonly files: readonly UploadedFile[]; readonly tooManyFiles: boolean },
  now = new Date(),
): Promise<RegisteredApplication> {
  authorizeRegistrationPage(scope.actor);
  const { context, actor } = scope;
  const { db } = context.database;
  const unitText = (form.unitId ?? '').trim();
  if (/^\d{1,15}$/.test(unitText))
    authorizeRegistration(actor, await findReceivingUnit(db, Number(unitText)));

  const today = chinaDate(now);
  const errors: FieldError[] = [];
  const receipt = validateReceipt(errors, form, today);
  const application = collectErrors(errors, () => validateApplicationForm(form, now));
  const agent = collectErrors(errors, () => validateAgent(form, now));
  const checked = await checkAttachments(upload, context.config.maxUploadBytes);
  errors.push(...checked.errors);
  if (receipt !== null && RULES[receipt.channel].evidence.required) {
    const { channel } = receipt;
    const message = `${CHANNEL_LABELS[channel]}须上传“${RULES[channel].evidence.label}”，作为确定收到申请日期的依据（第三十一条）`;
    errors.push(...requireAttachment(checked, 'receipt-evidence', message));
  }
  if (isProxyApplication(form)) {
    errors.push(...requireAttachment(checked, 'power-of-attorney', '代理申请须上传“授权委托书”'));
  }
  if (errors.length > 0 || receipt === null || application === null) throw new InvalidApplication(errors);

  const calendar = await loadCalendar(db);
  const clock = readClock(calendar, receipt.receivedOn, [], today);
  const receiptBasis = RULES[receipt.channel].basis;
  const staffId = actor.kind === 'staff' ? actor.userId : null;
  const stored = await inTransaction(db, async (trx) => {
    const unit = await findReceivingUnit(trx, application.unitId);
    authorizeRegistration(actor, unit);
    // A late registration received in a year whose report is published would change that report's table 三.
    const receivedYear = yearOf(receipt.receivedOn);
    await assertUnlocked(trx, [unit.id], [{ from: receivedYear, to: receivedYear }]);
    const saved = await storeApplication(
      trx,
      context,
      { application, agent, attachments: checked.attachments, ...receipt, receiptBasis, clock, staffId },
      now,
    );
    // The 接收回执 goes to the applicant by the channel the application came by (条例第四十五条: 登记、回执).
    const due = clock.ok ? clock.reading.due : null;
    const receiptLetter = await issueLetter(
      trx,
      context,
      {
        applicationId: saved.id,
        unitId: unit.id,
        kind: 'receipt',
        issuedOn: today,
        issuedBy: staffId,
        facts: {
          addressee: application.applicantName,
          queryCode: saved.queryCode,
          receivedOn: receipt.receivedOn,
          request: application.request.description,
          values: { 答复期限: due ?? '法定期限' },
        },
      },
      now,
    );
    await insertEvent(
      trx,
      context.database.dialect,
      {
        applicationId: saved.id,
        type: 'letter_issued',
        date: today,
        ref: String(receiptLetter.id),
        details: { kind: 'receipt', number: receiptLetter.number, title: receiptLetter.title },
        recordedBy: staffId,
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: auditActorOf(actor),
        address: scope.address,
        action: 'application.register',
        objectType: 'application',
        objectId: saved.id,
        details: {
          unitId: unit.id,
          channel: receipt.channel,
          receivedOn: receipt.receivedOn,
          receiptBasis,
          applicantKind: application.applicantKind,
          applicantType: application.applicantType,
          byAgent: agent !== null,
          attachments: saved.attachmentIds,
        },
      },
      now,
    );
    return saved;
  });
  const saved = await findApplication(db, stored.id);
  const duplicates =
    saved === null ? [] : await findPossibleDuplicates(db, context.keys, saved, applicationScopes(actor));
  return { id: stored.id, queryCode: stored.queryCode, receivedOn: receipt.receivedOn, clock, duplicates };
}
