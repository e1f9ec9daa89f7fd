// Stores one application as it arrived, inside the caller's transaction: the row with its personal
// data sealed and its clock cache, the `received` step of its timeline, the agent of a proxy application
// and the checked files. The callers (the online form, staff registration) check the policy before and
// write the audit entry after, in the same transaction.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { Database } from '../../db/schema.ts';
import { protectPersonal, sealPersonal } from '../privacy/personal-field.ts';
import { storeAttachments, type CheckedAttachment } from './attachments.ts';
import { clockCacheOf } from './clock.ts';
import type { Channel, ClockView } from './model.ts';
import { newQueryCode, protectApplication } from './protect.ts';
import { insertAgent } from './registration-repo.ts';
import { insertApplication, insertEvent, queryCodeTaken } from './repo.ts';
import type { ValidAgent, ValidApplication } from './validate.ts';

export interface ArrivedApplication {
  readonly application: ValidApplication;
  readonly agent: ValidAgent | null;
  readonly attachments: readonly CheckedAttachment[];
  readonly channel: Channel;
  readonly receivedOn: PlainDate;
  /** The Art. 31 rule applied, for applications registered by staff. */
  readonly receiptBasis: string | null;
  /** Staff's note on the receipt (e.g. why an oral application could not be written). */
  readonly note: string | null;
  /** The clock on the day of registration, cached on the row. */
  readonly clock: ClockView;
  /** The staff member who registered it; null for the online form. */
  readonly staffId: number | null;
}

export async function storeApplication(
  trx: Transaction<Database>,
  context: AppContext,
  arrived: ArrivedApplication,
  now: Date,
): Promise<{ id: number; queryCode: string; attachmentIds: number[] }> {
  const { dialect } = context.database;
  let queryCode = newQueryCode();
  while (await queryCodeTaken(trx, queryCode)) queryCode = newQueryCode();
  const id = await insertApplication(
    trx,
    dialect,
    {
      ...protectApplication(context, arrived.application, queryCode, arrived.receivedOn),
      channel: arrived.channel,
      registeredBy: arrived.staffId,
      receiptBasis: arrived.receiptBasis,
      ...clockCacheOf(arrived.clock),
    },
    now,
  );
  await insertEvent(
    trx,
    dialect,
    {
      applicationId: id,
      type: 'received',
      date: arrived.receivedOn,
      reason: arrived.note,
      recordedBy: arrived.staffId,
    },
    now,
  );
  const agent = arrived.agent;
  if (agent !== null) {
    const idNumber = protectPersonal(context.keys, agent.idNumber, 'id-number');
    if (idNumber === null) throw new Error('an agent without an identity number passed validation');
    await insertAgent(
      trx,
      dialect,
      {
        applicationId: id,
        nameSealed: sealPersonal(context.keys, agent.name),
        idType: agent.idType,
        idNumber,
      },
      now,
    );
  }
  const attachmentIds = await storeAttachments(
    trx,
    context,
    dialect,
    id,
    arrived.attachments,
    arrived.staffId,
    now,
  );
  return { id, queryCode, attachmentIds };
}
