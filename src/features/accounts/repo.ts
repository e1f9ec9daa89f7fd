// All SQL of accounts: users, their roles, password history, recovery codes, sessions, sign-in failures.
import { sql, type Selectable } from 'kysely';
import { isRole, type Grant, type Role } from '../../core/access/roles.ts';
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { UserTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { ProtectedValue } from '../privacy/personal-field.ts';
import type { User, UserCredentials } from './model.ts';

function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordChangedAt: toDate(row.password_changed_at),
    passwordSetByAdminAt: row.password_set_by_admin_at === null ? null : toDate(row.password_set_by_admin_at),
    totpEnabledAt: row.totp_enabled_at === null ? null : toDate(row.totp_enabled_at),
    disabledAt: row.disabled_at === null ? null : toDate(row.disabled_at),
    createdAt: toDate(row.created_at),
    sealedPersonalData: {
      idNumber: row.id_number_sealed,
      phone: row.phone_sealed,
      email: row.email_sealed,
    },
  };
}

function toCredentials(row: Selectable<UserTable>): UserCredentials {
  return {
    ...toUser(row),
    passwordHash: row.password_hash,
    totpSecretSealed: row.totp_secret_sealed,
    totpLastStep: row.totp_last_step,
  };
}

// ---- users ----

export interface NewUserRow {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly personal: ProtectedPersonalData;
  /** The password was chosen by an administrator (it must be changed at the first sign-in). */
  readonly passwordSetByAdmin?: boolean;
}

/** Real-name data, each value sealed with its blind index (null when not given). */
export interface ProtectedPersonalData {
  readonly idNumber: ProtectedValue | null;
  readonly phone: ProtectedValue | null;
  readonly email: ProtectedValue | null;
}

export async function insertUser(
  trx: Executor,
  dialect: DialectName,
  user: NewUserRow,
  now: Date,
): Promise<User> {
  const at = fromDate(dialect, now);
  const row = await trx
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      password_changed_at: at,
      password_set_by_admin_at: user.passwordSetByAdmin === true ? at : null,
      created_at: at,
      id_number_sealed: user.personal.idNumber?.sealed ?? null,
      id_number_index: user.personal.idNumber?.index ?? null,
      phone_sealed: user.personal.phone?.sealed ?? null,
      phone_index: user.personal.phone?.index ?? null,
      email_sealed: user.personal.email?.sealed ?? null,
      email_index: user.personal.email?.index ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUser(db: Executor, id: number): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findCredentials(db: Executor, id: number): Promise<UserCredentials | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCredentials(row) : null;
}

export async function findCredentialsByUsername(
  db: Executor,
  username: string,
): Promise<UserCredentials | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? toCredentials(row) : null;
}

/** Users whose identity number has one of the blind indexes (one per data key, for rotations). */
export async function findUsersByIdNumberIndexes(db: Executor, indexes: readonly string[]): Promise<User[]> {
  if (indexes.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('id_number_index', 'in', indexes)
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}

export async function listAllUsers(db: Executor): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

export async function setPassword(
  trx: Executor,
  dialect: DialectName,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      password_changed_at: fromDate(dialect, now),
      password_set_by_admin_at: null,
    })
    .where('id', '=', userId)
    .execute();
}

export async function setDisabled(trx: Executor, dialect: DialectName, userId: number, now: Date) {
  await trx
    .updateTable('users')
    .set({ disabled_at: fromDate(dialect, now) })
    .where('id', '=', userId)
    .execute();
}

/** Serialises first-admin creation across processes (PostgreSQL); SQLite serialises writers itself. */
export async function lockFirstAdminCreation(trx: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext('gongkai.first-admin'))`.execute(trx);
}

/** Whether an account that is not disabled holds the role in any unit. */
export async function anyActiveUserHoldsRole(db: Executor, role: Role): Promise<boolean> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('user_roles.user_id')
    .where('user_roles.role', '=', role)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- roles ----

export async function findGrants(db: Executor, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .select(['user_roles.role', 'user_roles.unit_id', 'units.path'])
    .where('user_roles.user_id', '=', userId)
    .orderBy('units.path')
    .orderBy('user_roles.role')
    .execute();
  return rows.flatMap((row) =>
    isRole(row.role) ? [{ role: row.role, unitId: row.unit_id, unitPath: row.path }] : [],
  );
}

/** Every grant of every user, keyed by user id (for lists). */
export async function findAllGrants(db: Executor): Promise<Map<number, Grant[]>> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .select(['user_roles.user_id', 'user_roles.role', 'user_roles.unit_id', 'units.path'])
    .orderBy('units.path')
    .execute();
  const byUser = new Map<number, Grant[]>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const list = byUser.get(row.user_id) ?? [];
    list.push({ role: row.role, unitId: row.unit_id, unitPath: row.path });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

export async function insertGrant(
  trx: Executor,
  dialect: DialectName,
  grant: { userId: number; unitId: number; role: Role; grantedBy: number | null },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('user_roles')
    .values({
      user_id: grant.userId,
      unit_id: grant.unitId,
      role: grant.role,
      granted_by: grant.grantedBy,
      granted_at: fromDate(dialect, now),
    })
    .execute();
}

export async function deleteGrant(
  trx: Executor,
  userId: number,
  unitId: number,
  role: Role,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('user_roles')
    .where('user_id', '=', userId)
    .where('unit_id', '=', unitId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- password history ----

export async function insertPasswordHistory(
  trx: Executor,
  dialect: DialectName,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: passwordHash, created_at: fromDate(dialect, now) })
    .execute();
}

/** The hashes of the user's most recent passwords, newest first. */
export async function recentPasswordHashes(db: Executor, userId: number, count: number): Promise<string[]> {
  if (count < 1) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  return rows.map((row) => row.password_hash);
}

// ---- second factor ----

export async function setPendingTotpSecret(trx: Executor, userId: number, sealed: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_secret_sealed: sealed, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

export async function enableTotp(
  trx: Executor,
  dialect: DialectName,
  userId: number,
  step: number,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_enabled_at: fromDate(dialect, now), totp_last_step: step })
    .where('id', '=', userId)
    .execute();
}

export async function clearTotp(trx: Executor, userId: number): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_secret_sealed: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Records an accepted TOTP step; false when this step or a later one was already used (a replay). */
export async function advanceTotpStep(trx: Executor, userId: number, step: number): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceRecoveryCodes(trx: Executor, userId: number, hashes: readonly string[]) {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length === 0) return;
  await trx
    .insertInto('recovery_codes')
    .values(hashes.map((hash) => ({ user_id: userId, code_hash: hash })))
    .execute();
}

export async function findRecoveryCodes(
  db: Executor,
  userId: number,
): Promise<{ id: number; hash: string }[]> {
  const rows = await db
    .selectFrom('recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, hash: row.code_hash }));
}

/** Uses up a recovery code; false when it was used concurrently. */
export async function deleteRecoveryCode(trx: Executor, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('recovery_codes').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
