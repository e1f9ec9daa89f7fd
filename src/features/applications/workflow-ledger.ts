// The clock steps of an application, each recorded as a dated event of its ledger (the due date is
// derived from the ledger, never typed in): correction (条例第三十条), consultation of third parties and
// other agencies (第三十二条、第三十四条), the fee notice and payment (国办函〔2020〕109号), the extension
// (第三十三条第一款) and the agency-set deadline for excessive requests (第三十五条).
import type { ActingScope } from '../../app-context.ts';
import { CORRECTION_NOTICE_WORKDAYS, MAX_EXTENSION_WORKDAYS } from '../../core/clock/clock-reading.ts';
import { isPlainDate } from '../../core/calendar/plain-date.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import { feeByCount, feeByPages } from '../../core/fees/processing-fee.ts';
import { indexPersonal, openPersonal } from '../privacy/personal-field.ts';
import {
  actorUserId,
  appendStep,
  auditStep,
  integerField,
  requiredText,
  stepDate,
  textField,
  handlingStep,
  approvalStep,
  type StepForm,
} from './workflow-core.ts';
import { issueStepLetter } from './workflow-letters.ts';
import { countApplicantMonth, findFee, insertFee, markFeePaid } from './workflow-repo.ts';

/** The correction period granted when the notice does not say otherwise (configurable per notice). */
export const DEFAULT_CORRECTION_WORKDAYS = 15;

/** The warnings of the clock after a step (e.g. a correction notice later than 7 working days). */
function warningsOf(clock: Awaited<ReturnType<typeof appendStep>>): string[] {
  return clock.ok ? clock.reading.warnings.map((warning) => warning.message) : [];
}

/** 补正告知 (Art. 30): once, with what to correct and the period granted. */
export async function requestCorrection(
  scope: ActingScope,
  id: number,
  form: StepForm,
  now = new Date(),
): Promise<{ warnings: string[] }> {
  return handlingStep(scope, id, now, async (loaded) => {
    const items = requiredText(form, 'items', '需要补正的事项', 2000);
    const workdays =
      (form.workdays ?? '').trim() === ''
        ? DEFAULT_CORRECTION_WORKDAYS
        : integerField(form, 'workdays', '补正期限（工作日）', { min: 1, max: 60 });
    const date = stepDate(loaded, form);
    const clock = await appendStep(loaded, { type: 'correction_requested', date, workdays, reason: items });
    const correctionDue = clock.ok ? (clock.reading.correction?.due ?? null) : null;
    await issueStepLetter(loaded, 'correction', date, {
      补正事项: items,
      补正期限: `${workdays}个工作日`,
      补正截止日期: correctionDue ?? '',
    });
    const late =
      loaded.calendar.workdaysBetween(loaded.application.receivedOn, date) > CORRECTION_NOTICE_WORKDAYS;
    await auditStep(loaded, 'correction.request', { date, workdays, late });
    return { warnings: warningsOf(clock) };
  });
}

/** The corrected application arrived: the 20 working days restart from this day. */
export async function recordCorrected(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return handlingStep(scope, id, now, async (loaded) => {
    const date = stepDate(loaded, form);
    const note = textField(form, 'note', '补正内容摘要', { max: 2000 });
    const clock = await appendStep(loaded, { type: 'corrected', date, reason: note });
    await auditStep(loaded, 'correction.received', { date });
    return { warnings: warningsOf(clock) };
  });
}

/** 征求意见 (Art. 32 third party, Art. 34 other agency): the clock pauses until the reply. */
export async function startConsultation(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return handlingStep(scope, id, now, async (loaded) => {
    const party = form.party === 'agency' ? 'agency' : form.party === 'third_party' ? 'third_party' : null;
    if (party === null) throw new Invalid('party', '请选择征求意见对象：第三方或其他机关');
    const name = requiredText(form, 'name', party === 'agency' ? '被征求意见的机关' : '第三方名称', 200);
    const matter = requiredText(form, 'matter', '征求意见事项', 2000);
    const date = stepDate(loaded, form);
    const open = loaded.clock.ok ? loaded.clock.reading.pauses.filter((pause) => pause.to === null) : [];
    if (open.some((pause) => pause.ref === name)) throw new Conflict(`正在征求“${name}”的意见，不能重复发起`);
    const clock = await appendStep(loaded, {
      type: 'consultation_started',
      date,
      party,
      ref: name,
      reason: matter,
    });
    const pause = clock.ok ? clock.reading.pauses.find((p) => p.ref === name && p.to === null) : undefined;
    await issueStepLetter(
      loaded,
      'consultation',
      date,
      { 征求对象: name, 征求意见事项: matter, 回复期限: pause?.limit ?? '' },
      { addressee: name },
    );
    await auditStep(loaded, 'consultation.start', { date, party, name });
    return { warnings: warningsOf(clock) };
  });
}

export async function endConsultation(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return handlingStep(scope, id, now, async (loaded) => {
    const name = requiredText(form, 'name', '征求意见对象', 200);
    const result = textField(form, 'result', '回复意见摘要', { max: 2000 });
    const date = stepDate(loaded, form);
    const clock = await appendStep(
      loaded,
      { type: 'consultation_ended', date, ref: name, reason: result },
      'name',
    );
    await auditStep(loaded, 'consultation.end', { date, name });
    return { warnings: warningsOf(clock) };
  });
}

/**
 * 收费通知: one method per application (国办函〔2020〕109号). By count, the fee follows the applicant's
 * ordinal in the calendar month of receipt (same identity number or phone); by pages, the page count.
 */
export async function noticeFee(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return handlingStep(scope, id, now, async (loaded) => {
    const method = form.method === 'by_count' || form.method === 'by_pages' ? form.method : null;
    if (method === null) throw new Invalid('method', '请选择收费方式：按件计收或按量计收（二者只能选其一）');
    const pages = method === 'by_pages' ? integerField(form, 'pages', '页数', { min: 1, max: 999_999 }) : 0;
    if ((await findFee(loaded.trx, id)) !== null)
      throw new Conflict('该申请已发出收费通知，每件申请只能收费一次');
    const keys = scope.context.keys;
    const stored = loaded.application;
    const quantity =
      method === 'by_count'
        ? await countApplicantMonth(loaded.trx, stored, {
            idNumber:
              stored.sealed.idNumber === null
                ? null
                : indexPersonal(keys, openPersonal(keys, stored.sealed.idNumber), 'id-number'),
            phone: indexPersonal(keys, openPersonal(keys, stored.sealed.phone), 'phone'),
          })
        : pages;
    const amount = method === 'by_count' ? feeByCount(quantity) : feeByPages(quantity);
    if (amount === 0) {
      throw new Invalid(
        method === 'by_count' ? 'method' : 'pages',
        method === 'by_count'
          ? `该申请人本月第 ${quantity} 件申请，10 件以内不收费`
          : `${quantity} 页在 30 页以内，不收费`,
      );
    }
    const date = stepDate(loaded, form);
    const clock = await appendStep(loaded, {
      type: 'fee_notice',
      date,
      details: { method, quantity, amount },
    });
    await insertFee(
      loaded.trx,
      scope.context.database.dialect,
      {
        applicationId: id,
        method,
        quantity,
        amountYuan: amount,
        noticeOn: date,
        createdBy: actorUserId(scope),
      },
      loaded.now,
    );
    const pause = clock.ok ? clock.reading.pauses.find((p) => p.kind === 'fee' && p.to === null) : undefined;
    await issueStepLetter(loaded, 'fee_notice', date, {
      收费方式: method === 'by_count' ? `按件计收（本月第 ${quantity} 件）` : `按量计收（${quantity} 页）`,
      收费金额: `${amount}元`,
      缴费期限: pause?.limit ?? '',
    });
    await auditStep(loaded, 'fee.notice', { date, method, quantity, amount });
    return { amount, warnings: warningsOf(clock) };
  });
}

export async function recordFeePaid(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return handlingStep(scope, id, now, async (loaded) => {
    const paymentRef = requiredText(form, 'paymentRef', '缴款凭证号', 100);
    const fee = await findFee(loaded.trx, id);
    if (fee === null) throw new Invalid('paymentRef', '该申请没有收费通知，无需登记缴费');
    if (fee.paidOn !== null) throw new Conflict(`已于 ${fee.paidOn} 登记缴费`);
    const date = stepDate(loaded, form);
    const clock = await appendStep(loaded, { type: 'fee_paid', date, ref: paymentRef });
    await markFeePaid(loaded.trx, id, date, paymentRef);
    await auditStep(loaded, 'fee.paid', { date, amount: fee.amountYuan });
    return { warnings: warningsOf(clock) };
  });
}

/** 延期答复 (Art. 33 ¶2): once, at most 20 working days, approved by the head of the office; the applicant is told. */
export async function extendDeadline(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return approvalStep(scope, id, now, async (loaded) => {
    const workdays = integerField(form, 'workdays', '延长工作日数', { min: 1, max: MAX_EXTENSION_WORKDAYS });
    const reason = requiredText(form, 'reason', '延期理由', 1000);
    const date = stepDate(loaded, form);
    const approver = actorUserId(scope);
    const clock = await appendStep(
      loaded,
      { type: 'extended', date, workdays, reason, userId: approver },
      'workdays',
    );
    const due = clock.ok ? clock.reading.due : null;
    await issueStepLetter(loaded, 'extension', date, {
      延长工作日数: String(workdays),
      延期理由: reason,
      答复期限: due ?? '',
    });
    await auditStep(loaded, 'extend', { date, workdays, reason, due });
    return { warnings: warningsOf(clock) };
  });
}

/** Art. 35: for an excessive request the agency asks the applicant to state reasons (no clock effect). */
export async function requestReasons(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return handlingStep(scope, id, now, async (loaded) => {
    const matter = requiredText(form, 'matter', '需要说明理由的事项', 2000);
    const date = stepDate(loaded, form);
    await appendStep(loaded, { type: 'reasons_requested', date, reason: matter });
    await issueStepLetter(loaded, 'art35_reasons', date, { 说明理由事项: matter });
    await auditStep(loaded, 'art35.reasons', { date });
  });
}

/** Art. 35: reasonable but impossible within the period: the agency sets a later deadline, with its reason. */
export async function setDeadline(scope: ActingScope, id: number, form: StepForm, now = new Date()) {
  return approvalStep(scope, id, now, async (loaded) => {
    const due = (form.due ?? '').trim();
    if (!isPlainDate(due)) throw new Invalid('due', '“答复期限”须为 YYYY-MM-DD 格式的有效日期');
    const reason = requiredText(form, 'reason', '确定期限的理由', 1000);
    const date = stepDate(loaded, form);
    if (due <= date) throw new Invalid('due', '“答复期限”须晚于作出决定的日期');
    const current = loaded.clock.ok ? loaded.clock.reading.due : null;
    if (current !== null && due <= current) {
      throw new Invalid('due', `第三十五条另行确定的期限须晚于现行答复期限（${current}）`);
    }
    const clock = await appendStep(
      loaded,
      { type: 'deadline_set', date, due, reason, userId: actorUserId(scope) },
      'due',
    );
    await issueStepLetter(loaded, 'art35_deadline', date, { 新答复期限: due, 理由: reason });
    await auditStep(loaded, 'art35.deadline', { date, due, reason });
    return { warnings: warningsOf(clock) };
  });
}
