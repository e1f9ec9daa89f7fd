// Use cases of corrections (纠错): the public report, the tasks internal scans open, and the unit's
// handling (triage, the fix, the reply). Each runs in one transaction with its audit entry. The fix of the
// page itself is a publishing correction (publishing keeps the old version); here it is recorded and linked.
import type { ActingScope, AppContext } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { chinaDate, loadCalendar } from '../applications/clock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { validateReason } from '../accounts/validate.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import {
  openPersonal,
  openPersonalForDisplay,
  presentMasked,
  sealPersonal,
} from '../privacy/personal-field.ts';
import {
  DEFAULT_CORRECTION_REPLY_WORKDAYS,
  isClosed,
  isOverdue,
  type CorrectionSource,
  type CorrectionTask,
} from './model.ts';
import { authorizeCorrection, authorizeCorrectionList, correctionScopes } from './policy.ts';
import {
  dialectOf,
  findReplyMessage,
  findTask,
  insertTask,
  listTasks,
  lockTask,
  replyDedupeKey,
  updateTask,
} from './repo.ts';

export interface NewCorrectionTask {
  readonly unitId: number;
  readonly itemId: number | null;
  readonly source: CorrectionSource;
  readonly description: string;
  /** The deployment's reply period (config.correctionReplyWorkdays); 5 working days when left out. */
  readonly replyWorkdays?: number;
  /** Already sealed (public reports only). */
  readonly contactSealed?: string | null;
}

/**
 * Opens a correction task inside the caller's transaction, with its reply deadline on the working-day
 * calendar, and audits it. Internal scans (privacy, dictionaries, dead links, stale columns) call this.
 */
export async function openCorrectionTask(
  trx: Transaction<Database>,
  task: NewCorrectionTask,
  now = new Date(),
): Promise<{ id: number; dueOn: PlainDate }> {
  const description = task.description.trim();
  if (description === '') throw new Invalid('description', '请说明哪里有误');
  const receivedOn = chinaDate(now);
  const calendar = await loadCalendar(trx);
  const dueOn = calendar.nthWorkdayAfter(receivedOn, task.replyWorkdays ?? DEFAULT_CORRECTION_REPLY_WORKDAYS);
  const id = await insertTask(
    trx,
    dialectOf(trx),
    {
      unitId: task.unitId,
      itemId: task.itemId,
      source: task.source,
      description,
      contactSealed: task.contactSealed ?? null,
      receivedOn,
      dueOn,
    },
    now,
  );
  await recordAudit(
    trx,
    {
      actor: null,
      address: null,
      action: 'correction.open',
      objectType: 'correction',
      objectId: id,
      details: { unitId: task.unitId, itemId: task.itemId, source: task.source, dueOn },
    },
    now,
  );
  return { id, dueOn };
}

const MAX_DESCRIPTION = 2000;
const MAX_CONTACT = 100;

export interface PublicReceipt {
  readonly id: number;
  readonly dueOn: PlainDate;
}

/** Validates the public form; errors name the field. */
export function validatePublicReport(form: Readonly<Record<string, unknown>>): {
  description: string;
  contact: string | null;
} {
  const description = typeof form.description === 'string' ? form.description.trim() : '';
  if (description === '') throw new Invalid('description', '请说明页面上哪里有误');
  if (description.length > MAX_DESCRIPTION) {
    throw new Invalid('description', `说明不能超过 ${MAX_DESCRIPTION} 个字`);
  }
  const contact = typeof form.contact === 'string' ? form.contact.trim() : '';
  if (contact === '') return { description, contact: null };
  const phone = /^\+?[\d\s-]{7,20}$/.test(contact);
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact);
  if (contact.length > MAX_CONTACT || !(phone || email)) {
    throw new Invalid('contact', '联系方式应为电话号码或电子邮箱（也可不填）');
  }
  return { description, contact };
}

/** A report from the public about a published item: the contact is sealed before it is stored. */
export async function reportCorrection(
  context: AppContext,
  itemId: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<PublicReceipt> {
  const { db } = context.database;
  return inTransaction(db, async (trx) => {
    const item = await trx
      .selectFrom('publishing_items')
      .select(['id', 'unit_id', 'status'])
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (item === undefined || item.status !== 'published') throw new NotFound('未找到该信息');
    const { description, contact } = validatePublicReport(form);
    return openCorrectionTask(
      trx,
      {
        unitId: item.unit_id,
        itemId: item.id,
        source: 'public',
        description,
        replyWorkdays: context.config.correctionReplyWorkdays,
        contactSealed: contact === null ? null : sealPersonal(context.keys, contact),
      },
      now,
    );
  });
}

/** The reply's message to the reporter in the outbox. */
export interface ReplyMessage {
  readonly queuedAt: Date;
  /** Null while it waits for the delivery job. */
  readonly sentAt: Date | null;
  readonly sentVia: string | null;
}

export interface CorrectionView extends CorrectionTask {
  readonly overdue: boolean;
  /** The reporter's contact, masked. */
  readonly contactMasked: string | null;
  readonly contactKind: 'email' | 'phone' | null;
  /** The task page only: the reply sent to the reporter's e-mail address, if any. */
  readonly replyMessage: ReplyMessage | null;
}

function contactKindOf(contact: string | null): 'email' | 'phone' | null {
  if (contact === null) return null;
  return contact.includes('@') ? 'email' : 'phone';
}

function viewOf(
  context: AppContext,
  task: CorrectionTask,
  today: PlainDate,
  replyMessage: ReplyMessage | null = null,
): CorrectionView {
  const contact = openPersonalForDisplay(context.keys, task.contactSealed);
  const kind = contactKindOf(contact);
  return {
    ...task,
    contactSealed: null,
    overdue: isOverdue(task, today),
    contactMasked: presentMasked(kind ?? 'phone', contact),
    contactKind: kind,
    replyMessage,
  };
}

export async function listCorrections(scope: ActingScope, now = new Date()): Promise<CorrectionView[]> {
  authorizeCorrectionList(scope.actor);
  const tasks = await listTasks(scope.context.database.db, correctionScopes(scope.actor));
  const today = chinaDate(now);
  return tasks.map((task) => viewOf(scope.context, task, today));
}

export async function getCorrection(
  scope: ActingScope,
  id: number,
  now = new Date(),
): Promise<CorrectionView> {
  const { db } = scope.context.database;
  const task = await findTask(db, id);
  authorizeCorrection(scope.actor, task);
  return viewOf(scope.context, task, chinaDate(now), await findReplyMessage(db, id));
}

/**
 * The reporter's contact unmasked, for the staff who handle the task, with a reason; written to the
 * audit log (the reason, never the value). Anyone else gets NotFound, before the reason is looked at.
 */
export async function revealCorrectionContact(
  scope: ActingScope,
  id: number,
  reason: unknown,
  now = new Date(),
): Promise<string | null> {
  const { db } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const task = await findTask(trx, id);
    authorizeCorrection(scope.actor, task);
    const why = validateReason(reason);
    const contact = openPersonal(scope.context.keys, task.contactSealed);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'correction.reveal-contact',
        objectType: 'correction',
        objectId: id,
        details: { reason: why, kind: contactKindOf(contact) },
      },
      now,
    );
    return contact;
  });
}

type Step = 'triage' | 'fix' | 'reply';

/** One handling step: locks the task, checks the policy before reading the form, audits the change. */
async function handle(
  scope: ActingScope,
  id: number,
  step: Step,
  run: (task: CorrectionTask, trx: Executor) => Promise<Record<string, unknown>>,
  now: Date,
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    await lockTask(trx, dialect, id);
    const task = await findTask(trx, id);
    authorizeCorrection(scope.actor, task);
    if (isClosed(task.status)) throw new Conflict('该纠错任务已办结');
    const details = await run(task, trx);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: `correction.${step}`,
        objectType: 'correction',
        objectId: id,
        details: { from: task.status, ...details },
      },
      now,
    );
  });
}

function requiredText(form: Readonly<Record<string, unknown>>, field: string, message: string, max: number) {
  const text = typeof form[field] === 'string' ? form[field].trim() : '';
  if (text === '') throw new Invalid(field, message);
  if (text.length > max) throw new Invalid(field, `不能超过 ${max} 个字`);
  return text;
}

/** Takes a task up (待处理 → 处理中). */
export async function triageCorrection(scope: ActingScope, id: number, now = new Date()): Promise<void> {
  await handle(
    scope,
    id,
    'triage',
    async (task, trx) => {
      if (task.status !== 'open') throw new Conflict('该纠错任务已在处理中');
      await updateTask(trx, scope.context.database.dialect, id, { status: 'in-progress' }, now);
      return { to: 'in-progress' };
    },
    now,
  );
}

/** Records how the page was fixed (the publishing correction itself is made on the item). */
export async function recordCorrectionFix(
  scope: ActingScope,
  id: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<void> {
  await handle(
    scope,
    id,
    'fix',
    async (task, trx) => {
      const fixNote = requiredText(form, 'fixNote', '请说明如何更正', 2000);
      await updateTask(trx, scope.context.database.dialect, id, { status: 'in-progress', fixNote }, now);
      return { to: 'in-progress', fixNote, before: task.fixNote };
    },
    now,
  );
}

/** Answers the report: adopted (已答复) or not adopted (不予采纳), with the reply text. */
export async function replyCorrection(
  scope: ActingScope,
  id: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<void> {
  await handle(
    scope,
    id,
    'reply',
    async (task, trx) => {
      const outcome = form.outcome;
      if (outcome !== 'replied' && outcome !== 'rejected') throw new Invalid('outcome', '请选择处理结果');
      const reply = requiredText(form, 'reply', '请填写答复内容', 2000);
      const repliedOn = chinaDate(now);
      await updateTask(trx, scope.context.database.dialect, id, { status: outcome, reply, repliedOn }, now);
      // The reply goes to the reporter when they left an e-mail address; the outbox's dedupe key makes it
      // one message whatever happens, and the address travels sealed.
      const contact = openPersonal(scope.context.keys, task.contactSealed);
      const notified =
        contactKindOf(contact) === 'email' &&
        (await enqueueNotification(
          trx,
          {
            kind: 'correction-reply',
            dedupeKey: replyDedupeKey(id),
            recipientUserId: null,
            recipientAddressSealed: task.contactSealed,
            subject: `关于您对“${task.itemTitle ?? task.unitName}”的纠错的答复`,
            body: `${outcome === 'replied' ? '您反映的问题已核实处理。' : '经核实，您反映的问题不予采纳。'}\n\n${reply}\n\n${task.unitName}\n${repliedOn}`,
          },
          now,
        ));
      return { to: outcome, reply, repliedOn, notified };
    },
    now,
  );
}
