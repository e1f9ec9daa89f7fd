// Letters and notices of disclosure applications: issued inside the caller's transaction (the caller's
// step is audited, with the letter), opened for printing by staff who may read the application or by the
// applicant through a signed link, and their delivery recorded once.
import type { ActingScope, AppContext } from '../../app-context.ts';
import { isPlainDate, yearOf, type PlainDate } from '../../core/calendar/plain-date.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { composeLetter, prepareLetter } from '../../core/letters/compose.ts';
import { isLetterKind, LETTER_KIND_SPECS, LETTER_KINDS } from '../../core/letters/kinds.ts';
import { chineseDate, defaultLetterPrefix, letterNumber } from '../../core/letters/numbering.ts';
import { letterParagraphs } from '../../core/letters/template.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { authorizeApplication } from '../applications/policy.ts';
import { findApplication, insertEvent } from '../applications/repo.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { openPersonal, sealPersonal } from '../privacy/personal-field.ts';
import { verifyLetterAccessToken } from './access-token.ts';
import {
  DELIVERY_METHODS,
  isDeliveryMethod,
  type IssuedLetter,
  type IssueLetterInput,
  type LetterDocument,
  type LetterSummary,
  type StoredLetter,
} from './model.ts';
import { authorizeDelivery } from './policy.ts';
import {
  findIssuingUnit,
  findLetter,
  insertLetter,
  letterNumberTaken,
  listLetterSummaries,
  markLetterDelivered,
  nextLetterSerial,
  type IssuingUnit,
} from './repo.ts';
import { templateInForce } from './templates.ts';

export type { IssueLetterInput, LetterFacts, LetterKind } from './model.ts';

/** The disclosure office's contact details as a letter prints them, one item a line. */
export function contactLinesOf(unit: IssuingUnit): string[] {
  const c = unit.contact;
  const address =
    c.address === null ? null : `${c.address}${c.postcode === null ? '' : `（邮政编码：${c.postcode}）`}`;
  const items: [string, string | null][] = [
    ['政府信息公开工作机构', c.officeName],
    ['通信地址', address],
    ['联系电话', c.phone],
    ['传真', c.fax],
    ['电子邮箱', c.email],
  ];
  return items.flatMap(([label, value]) =>
    value === null || value.trim() === '' ? [] : [`${label}：${value}`],
  );
}

/**
 * Issues a letter inside the caller's transaction: the template in force for the unit (its own, the
 * nearest ancestor's or the default), filled, numbered per unit and calendar year (every kind but the
 * receipt) and stored with its addressee and text sealed. Writes no audit entry: the caller's step does.
 */
export async function issueLetter(
  trx: Executor,
  context: AppContext,
  input: IssueLetterInput,
  now: Date,
): Promise<IssuedLetter> {
  if (!isLetterKind(input.kind)) {
    throw new Invalid(
      'kind',
      `未知的文书类型：${JSON.stringify(input.kind)}（可用：${LETTER_KINDS.join('、')}）`,
    );
  }
  chineseDate(input.issuedOn, 'issuedOn');
  const unit = await findIssuingUnit(trx, input.unitId);
  if (unit === null) throw new NotFound('未找到签发文书的单位');
  const { body: template } = await templateInForce(trx, unit, input.kind);
  const contact = contactLinesOf(unit);
  const agency = {
    name: unit.name,
    kind: unit.kind,
    verticallyManaged: unit.verticallyManaged,
    parent: unit.parent,
  };
  // Everything is checked before a number is taken.
  const prepared = prepareLetter(
    { kind: input.kind, issuedOn: input.issuedOn, agency, contact: contact.join('；'), facts: input.facts },
    template,
  );
  let number: string | null = null;
  if (LETTER_KIND_SPECS[input.kind].numbered) {
    const year = yearOf(input.issuedOn);
    const prefix = unit.letterPrefix?.trim() || defaultLetterPrefix(unit.name);
    number = letterNumber(prefix, year, await nextLetterSerial(trx, unit.id, year));
    if (await letterNumberTaken(trx, number)) {
      throw new Conflict(`文号“${number}”已被其他单位使用：请为“${unit.name}”设置不同的文号前缀`);
    }
  }
  const text = composeLetter(template, prepared, number);
  const id = await insertLetter(
    trx,
    context.database.dialect,
    {
      applicationId: input.applicationId,
      unitId: unit.id,
      kind: input.kind,
      number,
      issuedOn: input.issuedOn,
      title: prepared.title,
      sealedAddressee: sealPersonal(context.keys, prepared.addressee),
      sealedBody: sealPersonal(context.keys, text),
      agencyName: unit.name,
      contact: contact.length === 0 ? null : contact.join('\n'),
      issuedBy: input.issuedBy,
    },
    now,
  );
  return { id, number, title: prepared.title };
}

/** The letters of an application for its page: titles, numbers and delivery, nothing personal. */
export async function listLetters(db: Executor, applicationId: number): Promise<LetterSummary[]> {
  return listLetterSummaries(db, applicationId);
}

function documentOf(context: AppContext, letter: StoredLetter): LetterDocument {
  return {
    id: letter.id,
    kind: letter.kind,
    title: letter.title,
    number: letter.number,
    addressee: letter.sealedAddressee === null ? '' : openPersonal(context.keys, letter.sealedAddressee),
    paragraphs: letterParagraphs(openPersonal(context.keys, letter.sealedBody)),
    agencyName: letter.agencyName ?? '',
    issuedOn: letter.issuedOn,
    contactLines: letter.contact === null ? [] : letter.contact.split('\n'),
  };
}

export type LetterFormat = 'html' | 'docx';

/** A letter of an application, loaded for someone who may read the application (404 otherwise). */
async function letterOfApplication(
  db: Executor,
  scope: ActingScope,
  applicationId: number,
  letterId: number,
) {
  const application = await findApplication(db, applicationId);
  authorizeApplication(scope.actor, application);
  const letter = await findLetter(db, letterId);
  if (letter === null || letter.applicationId !== application.id) throw new NotFound('未找到该文书');
  return { application, letter };
}

/**
 * A letter opened for printing by staff. It shows the applicant's name in clear, so every opening is
 * an audited act ('letter.view').
 */
export async function openLetter(
  scope: ActingScope,
  applicationId: number,
  letterId: number,
  format: LetterFormat,
  now = new Date(),
): Promise<LetterDocument> {
  return inTransaction(scope.context.database.db, async (trx) => {
    const { letter } = await letterOfApplication(trx, scope, applicationId, letterId);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'letter.view',
        objectType: 'letter',
        objectId: letter.id,
        details: { applicationId, kind: letter.kind, number: letter.number, format },
      },
      now,
    );
    return documentOf(scope.context, letter);
  });
}

/** Shown for a link that is forged, expired, or names a letter the applicant may not download. */
export const LETTER_LINK_INVALID = '该文书链接无效或已过期，请回到申请查询页面重新打开';

/**
 * A letter opened by the applicant through a signed link: only letters sent to the applicant (never a
 * consultation addressed to a third party). Audited as 'letter.public-view'.
 */
export async function openLetterByToken(
  context: AppContext,
  token: string,
  format: LetterFormat,
  address: string | null,
  now = new Date(),
): Promise<LetterDocument> {
  const letterId = verifyLetterAccessToken(context.keys, token, now);
  if (letterId === null) throw new NotFound(LETTER_LINK_INVALID);
  return inTransaction(context.database.db, async (trx) => {
    const letter = await findLetter(trx, letterId);
    if (letter === null || !LETTER_KIND_SPECS[letter.kind].toApplicant)
      throw new NotFound(LETTER_LINK_INVALID);
    await recordAudit(
      trx,
      {
        actor: null,
        address,
        action: 'letter.public-view',
        objectType: 'letter',
        objectId: letter.id,
        details: { applicationId: letter.applicationId, kind: letter.kind, format },
      },
      now,
    );
    return documentOf(context, letter);
  });
}

export interface DeliveryForm {
  readonly deliveredOn?: string;
  readonly method?: string;
}

function validDelivery(form: DeliveryForm, letter: StoredLetter, today: PlainDate) {
  const method = (form.method ?? '').trim();
  if (!isDeliveryMethod(method)) {
    throw new Invalid('method', `请选择送达方式：${DELIVERY_METHODS.join('、')}`);
  }
  const on = (form.deliveredOn ?? '').trim();
  if (!isPlainDate(on)) throw new Invalid('deliveredOn', '“送达日期”须为 YYYY-MM-DD 格式的有效日期');
  if (on > today) throw new Invalid('deliveredOn', '“送达日期”不能晚于今天');
  if (on < letter.issuedOn) {
    throw new Invalid('deliveredOn', `“送达日期”不能早于发文日期（${chineseDate(letter.issuedOn)}）`);
  }
  return { on, method };
}

/**
 * Records how and when a letter reached its addressee: once (a second attempt is a Conflict), by a
 * handler or the disclosure office over the application's unit, audited as 'letter.deliver'.
 */
export async function recordDelivery(
  scope: ActingScope,
  applicationId: number,
  letterId: number,
  form: DeliveryForm,
  now = new Date(),
): Promise<LetterSummary> {
  return inTransaction(scope.context.database.db, async (trx) => {
    const { application, letter } = await letterOfApplication(trx, scope, applicationId, letterId);
    authorizeDelivery(scope.actor, application);
    if (letter.deliveredOn !== null) {
      throw new Conflict(
        `该文书已登记送达（${chineseDate(letter.deliveredOn)}，${letter.deliveryMethod ?? ''}），不能重复登记`,
      );
    }
    const delivery = validDelivery(form, letter, chinaDate(now));
    const by = scope.actor.kind === 'staff' ? scope.actor.userId : null;
    if (!(await markLetterDelivered(trx, letter.id, { ...delivery, by }))) {
      throw new Conflict('该文书已登记送达，不能重复登记');
    }
    // The timeline shows the delivery; delivering the reply letter is also the ledger's last event.
    await insertEvent(
      trx,
      scope.context.database.dialect,
      {
        applicationId,
        type: letter.kind === 'decision' ? 'delivered' : 'letter_delivered',
        date: delivery.on,
        ref: String(letter.id),
        details: { kind: letter.kind, number: letter.number, method: delivery.method },
        recordedBy: by,
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'letter.deliver',
        objectType: 'letter',
        objectId: letter.id,
        details: {
          applicationId,
          kind: letter.kind,
          number: letter.number,
          deliveredOn: delivery.on,
          method: delivery.method,
        },
      },
      now,
    );
    const { id, kind, title, number, issuedOn } = letter;
    return {
      id,
      applicationId,
      kind,
      title,
      number,
      issuedOn,
      deliveredOn: delivery.on,
      deliveryMethod: delivery.method,
    };
  });
}
