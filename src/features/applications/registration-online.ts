// An application through the online form (网络申请) with its files: identity proofs, and for a proxy
// application (代理申请) the agent's identity and the power of attorney. Art. 31: the receipt date is the
// day the agency acknowledges it, which is the day of submission (in China), as the acknowledgment is
// immediate. The acknowledgment is built only after the transaction has committed.
import { Invalid } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/service.ts';
import { checkAttachments, requireAttachment, type UploadedFile } from './attachments.ts';
import { chinaDate, loadCalendar, readClock } from './clock.ts';
import { storeApplication } from './registration-store.ts';
import { findReceivingUnit } from './repo.ts';
import type { Acknowledgment, PublicScope } from './service.ts';
import {
  collectErrors,
  InvalidApplication,
  isProxyApplication,
  validateAgent,
  validateApplicationForm,
  type ApplicationForm,
  type FieldError,
} from './validate.ts';

/** The files the public form takes. */
export const PUBLIC_FILE_FIELDS = ['identityProof', 'powerOfAttorney'] as const;

export async function submitApplication(
  scope: PublicScope,
  form: ApplicationForm,
  upload: { readonly files: readonly UploadedFile[]; readonly tooManyFiles: boolean },
  now = new Date(),
): Promise<Acknowledgment> {
  const { context } = scope;
  const errors: FieldError[] = [];
  const application = collectErrors(errors, () => validateApplicationForm(form, now));
  const agent = collectErrors(errors, () => validateAgent(form, now));
  const files = upload.files.filter((file) => (PUBLIC_FILE_FIELDS as readonly string[]).includes(file.field));
  const checked = await checkAttachments({ ...upload, files }, context.config.maxUploadBytes);
  errors.push(...checked.errors);
  if (isProxyApplication(form)) {
    errors.push(...requireAttachment(checked, 'power-of-attorney', '代理申请须上传“授权委托书”'));
  }
  if (errors.length > 0 || application === null) throw new InvalidApplication(errors);

  const receivedOn = chinaDate(now);
  const { db } = context.database;
  const calendar = await loadCalendar(db);
  const clock = readClock(calendar, receivedOn, [], receivedOn);
  const stored = await inTransaction(db, async (trx) => {
    const unit = await findReceivingUnit(trx, application.unitId);
    if (unit === null) throw new Invalid('unitId', '所选“受理机关”不存在，请重新选择');
    const saved = await storeApplication(
      trx,
      context,
      {
        application,
        agent,
        attachments: checked.attachments,
        channel: 'online',
        receivedOn,
        receiptBasis: null,
        note: null,
        clock,
        staffId: null,
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: null,
        address: scope.address,
        action: 'application.submit',
        objectType: 'application',
        objectId: saved.id,
        details: {
          unitId: unit.id,
          channel: 'online',
          receivedOn,
          applicantKind: application.applicantKind,
          applicantType: application.applicantType,
          byAgent: agent !== null,
          attachments: saved.attachmentIds,
        },
      },
      now,
    );
    return { id: saved.id, queryCode: saved.queryCode, unitName: unit.name };
  });
  return { ...stored, channel: 'online', receivedOn, clock };
}
