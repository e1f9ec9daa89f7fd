// Staff real-name data (实名): identity number, phone and email. Stored only sealed with a blind index;
// lists show them masked; an administrator may reveal them, and every reveal is written to the audit log
// with its reason (个人信息保护法 Art. 51; 等保 8.1.4.9).
import type { ActingScope } from '../../app-context.ts';
import type { Grant } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { KeyRing } from '../../security/key-ring.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import {
  indexesForLookup,
  openPersonal,
  openPersonalForDisplay,
  presentMasked,
  protectPersonal,
} from '../privacy/personal-field.ts';
import type { UserWithGrants } from './model.ts';
import { canRevealPersonalData, canSeeUser } from './policy.ts';
import { findGrants, findUser, findUsersByIdNumberIndexes, type ProtectedPersonalData } from './repo.ts';
import { validateEmail, validateIdNumber, validatePhone, validateReason } from './validate.ts';

/** The optional real-name fields of a new account, as typed (validated here). */
export interface PersonalDataInput {
  readonly idNumber?: unknown;
  readonly phone?: unknown;
  readonly email?: unknown;
}

/** Real-name data in plaintext: only ever returned by an audited reveal. */
export interface PersonalData {
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** Validates, seals and indexes the real-name fields; `fields` names those given (for the audit log). */
export function protectPersonalData(
  keys: KeyRing,
  input: PersonalDataInput,
): { personal: ProtectedPersonalData; fields: string[] } {
  const idNumber = validateIdNumber(input.idNumber);
  const phone = validatePhone(input.phone);
  const email = validateEmail(input.email);
  const personal: ProtectedPersonalData = {
    idNumber: protectPersonal(keys, idNumber, 'id-number'),
    phone: protectPersonal(keys, phone, 'phone'),
    email: protectPersonal(keys, email, 'email'),
  };
  const given = { idNumber, phone, email };
  const fields = Object.entries(given).flatMap(([field, value]) => (value === null ? [] : [field]));
  return { personal, fields };
}

/** One row of the back-office list of accounts: personal data masked. */
export interface UserListItem {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly Grant[];
  readonly totpEnabled: boolean;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
  /** 110105********1234 */
  readonly idNumber: string | null;
  /** 138****5678 or 010-******78 */
  readonly phone: string | null;
  /** z***@example.gov.cn */
  readonly email: string | null;
}

export function presentUserForList(keys: KeyRing, user: UserWithGrants): UserListItem {
  const sealed = user.sealedPersonalData;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: user.grants,
    totpEnabled: user.totpEnabledAt !== null,
    disabledAt: user.disabledAt,
    createdAt: user.createdAt,
    idNumber: presentMasked('id-number', openPersonalForDisplay(keys, sealed.idNumber)),
    phone: presentMasked('phone', openPersonalForDisplay(keys, sealed.phone)),
    email: presentMasked('email', openPersonalForDisplay(keys, sealed.email)),
  };
}

/**
 * The account's real-name data unmasked, for a system administrator over all its units, with a reason;
 * written to the audit log (which fields, never their values). Anyone else gets NotFound.
 */
export async function revealUserPersonalData(
  scope: ActingScope,
  userId: number,
  reason: unknown,
  now = new Date(),
): Promise<PersonalData> {
  const why = validateReason(reason);
  const { context } = scope;
  return inTransaction(context.database.db, async (trx) => {
    const user = await findUser(trx, userId);
    const grants = user === null ? [] : await findGrants(trx, user.id);
    if (user === null || !canRevealPersonalData(scope.actor, grants)) throw new NotFound('未找到该用户');
    const sealed = user.sealedPersonalData;
    const data: PersonalData = {
      idNumber: openPersonal(context.keys, sealed.idNumber),
      phone: openPersonal(context.keys, sealed.phone),
      email: openPersonal(context.keys, sealed.email),
    };
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'user.reveal-personal-data',
        objectType: 'user',
        objectId: user.id,
        details: {
          username: user.username,
          reason: why,
          fields: Object.entries(data).flatMap(([field, value]) => (value === null ? [] : [field])),
        },
      },
      now,
    );
    return data;
  });
}

/**
 * The account with this identity number among those the actor may see, through the blind index under
 * every data key (so it works during a key rotation); an active account before a disabled one. Null
 * when there is none. The number is validated first (Invalid names the rule).
 */
export async function findUserByIdNumber(
  scope: ActingScope,
  idNumber: unknown,
): Promise<UserWithGrants | null> {
  const id = validateIdNumber(idNumber);
  if (id === null) return null;
  const db = scope.context.database.db;
  const users = await findUsersByIdNumberIndexes(db, indexesForLookup(scope.context.keys, id, 'id-number'));
  const visible: UserWithGrants[] = [];
  for (const user of users) {
    const withGrants = { ...user, grants: await findGrants(db, user.id) };
    if (canSeeUser(scope.actor, withGrants.grants)) visible.push(withGrants);
  }
  return visible.find((user) => user.disabledAt === null) ?? visible[0] ?? null;
}
