// Staff accounts: who they are, which roles they hold where, and how they sign in.
import type { Actor, Grant, Role } from '../../core/access/roles.ts';
import type { PasswordPolicy } from '../../core/security/password-policy.ts';
import type { Config } from '../../config.ts';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly passwordChangedAt: Date;
  /** When an administrator set the password; null once the person chose their own. */
  readonly passwordSetByAdminAt: Date | null;
  /** When the TOTP second factor was confirmed; null while not enrolled (or only started). */
  readonly totpEnabledAt: Date | null;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
  /** Real-name data (实名), sealed: open it only through ./personal-data.ts (masked or audited). */
  readonly sealedPersonalData: SealedPersonalData;
}

/** Sealed texts (src/features/privacy/personal-field.ts), never plaintext; null when not given. */
export interface SealedPersonalData {
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** A user with the roles they hold. */
export interface UserWithGrants extends User {
  readonly grants: readonly Grant[];
}

/** What only the accounts feature itself reads: the secrets behind a user. */
export interface UserCredentials extends User {
  readonly passwordHash: string;
  /**
   * The TOTP secret sealed with the data keys. While `totpEnabledAt` is null a non-null value is an
   * enrolment that was started but not yet confirmed with a code (the pending secret).
   */
  readonly totpSecretSealed: string | null;
  /** The last TOTP time step accepted: a code of this step or an earlier one is a replay. */
  readonly totpLastStep: number | null;
}

export interface GrantInput {
  readonly unitId: number;
  readonly role: Role;
}

/** State of the second factor of a session. */
export type SessionSecondFactor = 'passed' | 'not-needed' | 'required' | 'enrol';
export type SignInSecondFactor = Exclude<SessionSecondFactor, 'passed'>;

export const SIGN_IN_FAILED_MESSAGE = '用户名或密码错误';

export type SignInResult =
  | {
      readonly kind: 'signed-in';
      /** Give to the client (cookie); only its SM3 hash is stored. */
      readonly token: string;
      readonly csrfToken: string;
      readonly secondFactor: SignInSecondFactor;
      /** The password is older than the policy allows: send the user to change it. */
      readonly passwordExpired: boolean;
    }
  | { readonly kind: 'failed'; readonly message: typeof SIGN_IN_FAILED_MESSAGE }
  | { readonly kind: 'locked'; readonly until: Date; readonly message: string };

export type SecondFactorResult =
  | {
      readonly kind: 'passed';
      readonly method: 'totp' | 'recovery-code';
      readonly recoveryCodesLeft: number;
      /** The token of the new session that replaces the one that showed only the password. */
      readonly token: string;
    }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'locked'; readonly until: Date; readonly message: string };

export interface LoadedSession {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly secondFactor: SessionSecondFactor;
  /** The stored key of the session (SM3 of the token), e.g. for logging without the token. */
  readonly tokenHash: string;
  readonly passwordExpired: boolean;
}

export interface TotpEnrolment {
  /** Base32, for typing into an authenticator app by hand. */
  readonly secret: string;
  readonly uri: string;
  readonly qrSvg: string;
}

export function passwordPolicyOf(config: Pick<Config, 'passwordRules'>): PasswordPolicy {
  return config.passwordRules;
}

/** The second factor a user must show when signing in (before any factor was shown in the session). */
export function secondFactorFor(
  user: Pick<User, 'totpEnabledAt'>,
  grants: readonly Pick<Grant, 'role'>[],
  totpRequiredRoles: readonly Role[],
): SignInSecondFactor {
  if (user.totpEnabledAt !== null) return 'required';
  if (grants.some((grant) => totpRequiredRoles.includes(grant.role))) return 'enrol';
  return 'not-needed';
}

export function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`;
}
