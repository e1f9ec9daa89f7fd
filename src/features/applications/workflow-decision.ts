// The decision on an application (条例第三十六条至第三十九条): one outcome per application, mapped to one
// row of table 三, with what was provided and what was withheld and why; the reply letter (答复书) is
// issued in the same transaction. An unpaid fee closes the application automatically as （六）2.
import type { ActingScope, AppContext } from '../../app-context.ts';
import { findOutcome, type Outcome, type OutcomeDetail } from '../../core/disclosure/outcomes.ts';
import { Invalid } from '../../core/errors.ts';
import { chinaDate, loadCalendar, readClock } from './clock.ts';
import type { ClockView } from './model.ts';
import { authorizeHandling } from './policy.ts';
import { findEvents } from './repo.ts';
import {
  actorUserId,
  appendStep,
  auditStep,
  requireOpen,
  stepDate,
  textField,
  withApplication,
  type Loaded,
  type StepForm,
} from './workflow-core.ts';
import { issueStepLetter } from './workflow-letters.ts';
import { closeApplication, insertDecision, listOpenUnpaidFees } from './workflow-repo.ts';

const DETAIL_FIELDS: Readonly<Record<OutcomeDetail, { field: string; label: string }>> = {
  provided: { field: 'provided', label: '公开的信息及获取方式' },
  withheld: { field: 'withheld', label: '不予公开的内容' },
  responsibleAgency: { field: 'responsibleAgency', label: '负责公开该信息的机关及联系方式' },
  note: { field: 'note', label: '说明' },
};

interface DecisionInput {
  readonly outcome: Outcome;
  readonly provided: string | null;
  readonly withheld: string | null;
  readonly withheldReason: string | null;
  readonly responsibleAgency: string | null;
  readonly note: string | null;
}

function decisionInput(form: StepForm): DecisionInput {
  const code = (form.outcome ?? '').trim();
  const outcome = findOutcome(code);
  if (outcome === undefined) throw new Invalid('outcome', '请选择办理结果（答复类型）');
  if (outcome.automaticOnly) {
    throw new Invalid('outcome', '“逾期未缴费不再处理”由系统在缴费期限届满后自动办结，不能手工选择');
  }
  const input: DecisionInput = {
    outcome,
    provided: textField(form, 'provided', DETAIL_FIELDS.provided.label, { max: 4000 }),
    withheld: textField(form, 'withheld', DETAIL_FIELDS.withheld.label, { max: 4000 }),
    withheldReason: textField(form, 'withheldReason', '不予公开的理由', { max: 2000 }),
    responsibleAgency: textField(form, 'responsibleAgency', DETAIL_FIELDS.responsibleAgency.label, {
      max: 500,
    }),
    note: textField(form, 'note', DETAIL_FIELDS.note.label, { max: 4000 }),
  };
  for (const detail of outcome.requires) {
    const { field, label } = DETAIL_FIELDS[detail];
    if (input[detail] === null) throw new Invalid(field, `办理结果为“${outcome.label}”时，“${label}”必填`);
  }
  if (outcome.requires.includes('withheld') && input.withheldReason === null) {
    throw new Invalid('withheldReason', `办理结果为“${outcome.label}”时，“不予公开的理由”必填`);
  }
  return input;
}

/** Outcomes that only fit a ledger in a given state. */
function checkOutcomeAgainstLedger(loaded: Loaded, outcome: Outcome, date: string): void {
  const reading = loaded.clock.ok ? loaded.clock.reading : null;
  const correction = reading?.correction ?? null;
  if (outcome.code === 'other-no-correction') {
    if (reading?.state !== 'awaiting_correction' || correction === null) {
      throw new Invalid('outcome', '只有发出补正告知且尚未收到补正的申请，才能以“逾期不补正”办结');
    }
    if (date <= correction.due) {
      throw new Invalid('outcome', `补正期限至 ${correction.due} 届满，期限届满后才能以“逾期不补正”办结`);
    }
    return;
  }
  if (reading?.state === 'awaiting_correction') {
    throw new Invalid(
      'outcome',
      '申请正在等待补正：收到补正后再作答复，或在补正期限届满后以“逾期不补正”办结',
    );
  }
  if (outcome.code === 'unavailable-unclear' && !loaded.events.some((event) => event.type === 'corrected')) {
    throw new Invalid('outcome', '“补正后申请内容仍不明确”须在收到补正之后才能选择');
  }
}

async function recordDecision(loaded: Loaded, input: DecisionInput, date: string): Promise<void> {
  const { scope, application } = loaded;
  await appendStep(loaded, { type: 'decided', date, reason: input.outcome.code }, 'date');
  await insertDecision(
    loaded.trx,
    scope.context.database.dialect,
    {
      applicationId: application.id,
      outcome: input.outcome.code,
      decidedOn: date,
      provided: input.provided,
      withheld: input.withheld,
      withheldReason: input.withheldReason,
      responsibleAgency: input.responsibleAgency,
      note: input.note,
      decidedBy: actorUserId(scope),
    },
    loaded.now,
  );
  await closeApplication(loaded.trx, application.id, input.outcome.code, date);
  const letter = await issueStepLetter(
    loaded,
    'decision',
    date,
    {},
    {
      decision: {
        outcomeCode: input.outcome.code,
        decidedOn: date,
        provided: input.provided,
        withheld: input.withheld,
        withheldReason: input.withheldReason,
        responsibleAgency: input.responsibleAgency,
        note: input.note,
      },
    },
  );
  await auditStep(loaded, 'decide', {
    date,
    outcome: input.outcome.code,
    table3Row: input.outcome.table3Row,
    letter: letter.number,
  });
}

/** Decides an application with one of the outcomes of table 三 and issues the reply letter. */
export async function decideApplication(
  scope: ActingScope,
  id: number,
  form: StepForm,
  now = new Date(),
): Promise<{ letterId: number }> {
  return withApplication(
    scope,
    id,
    now,
    (application) => {
      authorizeHandling(scope.actor, application);
    },
    async (loaded) => {
      const input = decisionInput(form);
      requireOpen(loaded);
      const date = stepDate(loaded, form);
      checkOutcomeAgainstLedger(loaded, input.outcome, date);
      await recordDecision(loaded, input, date);
      const letters = await loaded.trx
        .selectFrom('application_letters')
        .select('id')
        .where('application_id', '=', id)
        .where('kind', '=', 'decision')
        .executeTakeFirstOrThrow();
      return { letterId: letters.id };
    },
  );
}

/**
 * Closes, as （六）2, every open application whose fee stayed unpaid past its 20-working-day period
 * (国办函〔2020〕109号). The closing date is the first working day after the period, or today if the job
 * runs late on that very day. Returns how many were closed. Run by the background job; safe to run
 * concurrently (each application is locked and re-checked in its own transaction).
 */
export async function closeUnpaidFeeApplications(context: AppContext, now = new Date()): Promise<number> {
  const db = context.database.db;
  const today = chinaDate(now);
  const calendar = await loadCalendar(db);
  const system: ActingScope = { context, actor: { kind: 'operator' }, address: 'system' };
  const outcome = findOutcome('other-fee-unpaid');
  if (outcome === undefined) throw new Error('outcome other-fee-unpaid missing');
  const lapsedPause = (clock: ClockView) =>
    clock.ok
      ? clock.reading.pauses.find((p) => p.kind === 'fee' && p.to === null && p.limit < today)
      : undefined;
  let closed = 0;
  for (const id of await listOpenUnpaidFees(db)) {
    const application = await db
      .selectFrom('applications')
      .select('received_on')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!application) continue;
    const clock = readClock(calendar, application.received_on, await findEvents(db, id), today);
    if (lapsedPause(clock) === undefined) continue;
    // Re-checked under the lock: another process may have closed it, or the payment arrived meanwhile.
    const done = await withApplication(
      system,
      id,
      now,
      () => undefined,
      async (loaded) => {
        const pause = lapsedPause(loaded.clock);
        if (loaded.application.status !== 'open' || pause === undefined) return false;
        const firstDayAfter = loaded.calendar.nthWorkdayAfter(pause.limit, 1);
        const date = firstDayAfter < today ? firstDayAfter : today;
        await recordDecision(
          loaded,
          {
            outcome,
            provided: null,
            withheld: null,
            withheldReason: null,
            responsibleAgency: null,
            note: `收费通知的缴费期限（${pause.limit}）届满，申请人未缴纳费用`,
          },
          date,
        );
        return true;
      },
    );
    if (done) closed += 1;
  }
  return closed;
}
