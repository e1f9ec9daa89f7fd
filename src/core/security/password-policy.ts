// The password and session policy of spec/security.md. Defaults follow 网络安全等级保护 2.0
// (GB/T 22239-2019 8.1.4.1 a and b: complexity and periodic change; lockout after failed logins and
// logout of idle connections); the ASVS preset follows OWASP ASVS 4.0 V2.1 (length over composition, no forced rotation).
// Pure: the caller supplies every time and compares password history by hash itself.
import { Invalid } from '../errors.ts';
import {
  COMMON_PASSWORDS,
  COMMON_PASSWORD_WORDS,
  KEYBOARD_RUNS,
  LEET_SUBSTITUTIONS,
} from './weak-passwords.ts';

export interface PasswordPolicy {
  readonly minLength: number;
  /** How many of the four classes (lower case, upper case, digit, symbol) a password must mix. */
  readonly minClasses: number;
  /** Null: passwords do not expire. */
  readonly maxAgeDays: number | null;
  /** How many previous passwords may not be reused; 0 disables the check. */
  readonly historySize: number;
  /** Failures within `lockMinutes` that lock the account; 0 disables locking. */
  readonly lockAfterFailures: number;
  readonly lockMinutes: number;
  readonly idleTimeoutMinutes: number;
}

export const DENGBAO_POLICY: PasswordPolicy = {
  minLength: 10,
  minClasses: 3,
  maxAgeDays: 90,
  historySize: 5,
  lockAfterFailures: 5,
  lockMinutes: 15,
  idleTimeoutMinutes: 30,
};

/** ASVS V2.1.1 (≥ 12 characters), V2.1.9 (no composition rules), V2.1.10 (no periodic rotation). */
export const ASVS_POLICY: PasswordPolicy = {
  minLength: 12,
  minClasses: 1,
  maxAgeDays: null,
  historySize: 0,
  lockAfterFailures: 5,
  lockMinutes: 15,
  idleTimeoutMinutes: 30,
};

/** ASVS V2.1.2: passwords longer than 128 characters are refused (hashing cost is bounded). */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Latin name parts shorter than three letters ("li", "wu") occur in too many passwords to forbid; a
 * two-character Chinese given or full name (张伟) is already specific.
 */
const MIN_LATIN_PART_LENGTH = 3;
const MIN_HAN_PART_LENGTH = 2;

export type PasswordRule = 'length' | 'classes' | 'personal' | 'common' | 'pattern';

export interface PasswordViolation {
  readonly rule: PasswordRule;
  readonly message: string;
}

export interface PasswordContext {
  readonly username?: string;
  readonly displayName?: string;
}

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

type CharacterClass = 'lower' | 'upper' | 'digit' | 'symbol';

/** Anything that is not an ASCII letter or digit counts as a symbol, including Chinese characters. */
function characterClass(char: string): CharacterClass {
  if (/[a-z]/.test(char)) return 'lower';
  if (/[A-Z]/.test(char)) return 'upper';
  if (/[0-9]/.test(char)) return 'digit';
  return 'symbol';
}

function countClasses(password: string): number {
  return new Set(Array.from(password, characterClass)).size;
}

/** Parts of the user's own names that must not appear in the password (GB/T 22239 8.1.4.1 a). */
function personalParts(context: PasswordContext): string[] {
  const parts = new Set<string>();
  const username = (context.username ?? '').trim().toLowerCase();
  const localPart = username.split('@')[0] ?? '';
  for (const text of [username, localPart, (context.displayName ?? '').trim().toLowerCase()]) {
    parts.add(text.replace(/\s+/g, ''));
    for (const part of text.split(/[\s._\-@·]+/)) parts.add(part);
  }
  return [...parts].filter((part) => {
    const minimum = /\p{Script=Han}/u.test(part) ? MIN_HAN_PART_LENGTH : MIN_LATIN_PART_LENGTH;
    return Array.from(part).length >= minimum;
  });
}

function isKeyboardRun(text: string): boolean {
  if (Array.from(text).length < 3) return false;
  return KEYBOARD_RUNS.some((run) => {
    const reversed = Array.from(run).reverse().join('');
    return run.repeat(3).includes(text) || reversed.repeat(3).includes(text);
  });
}

/** One character or a short unit repeated: 11111111, abababab, Ab1!Ab1!Ab1!. */
function isRepetition(text: string): boolean {
  return /^(.{1,4})\1+$/su.test(text);
}

function undoSubstitutions(text: string): string {
  return Array.from(text, (char) => LEET_SUBSTITUTIONS[char] ?? char).join('');
}

/** The word a password decorates: Admin@2024 → admin, P@ssw0rd! → password, @dmin123 → admin. */
function decoratedWords(lowered: string): string[] {
  const withoutTail = lowered.replace(/[^a-z]+$/, '');
  const core = withoutTail.replace(/^[^a-z]+/, '');
  return [core, undoSubstitutions(core), undoSubstitutions(withoutTail)];
}

function isCommonWordDecorated(lowered: string): boolean {
  return decoratedWords(lowered).some(
    (word) =>
      COMMON_PASSWORD_WORDS.has(word) || (word.length >= 4 && (isKeyboardRun(word) || isRepetition(word))),
  );
}

/**
 * Every rule the password breaks, in zh-CN; empty when it is acceptable. The rules: length (policy
 * minimum, at most 128), character classes, no user name or display name inside, not a common
 * password or a common word decorated with digits and symbols, not only a keyboard run or a repetition.
 */
export function checkPasswordStrength(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = Array.from(password).length;
  const lowered = password.toLowerCase();

  if (length < policy.minLength) {
    violations.push({ rule: 'length', message: `密码长度至少为${policy.minLength}位，当前为${length}位` });
  } else if (length > PASSWORD_MAX_LENGTH) {
    violations.push({
      rule: 'length',
      message: `密码长度不得超过${PASSWORD_MAX_LENGTH}位，当前为${length}位`,
    });
  }

  const classes = countClasses(password);
  if (classes < policy.minClasses) {
    violations.push({
      rule: 'classes',
      message: `密码应至少包含小写字母、大写字母、数字、特殊字符中的${policy.minClasses}类，当前只有${classes}类`,
    });
  }

  if (personalParts(context).some((part) => lowered.includes(part))) {
    violations.push({ rule: 'personal', message: '密码不得包含用户名或姓名' });
  }

  if (COMMON_PASSWORDS.has(lowered)) {
    violations.push({ rule: 'common', message: '密码属于常见弱口令，容易被猜中' });
  } else if (isKeyboardRun(lowered) || isRepetition(lowered)) {
    violations.push({ rule: 'pattern', message: '密码不得仅由键盘顺序、连续或重复的字符组成' });
  } else if (isCommonWordDecorated(lowered)) {
    violations.push({ rule: 'common', message: '密码由常见单词或键盘序列加数字、符号构成，容易被猜中' });
  }
  return violations;
}

/** Throws Invalid with every broken rule when the password is not acceptable. */
export function assertPasswordStrength(
  field: string,
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
): void {
  const violations = checkPasswordStrength(password, policy, context);
  if (violations.length > 0) throw new Invalid(field, violations.map((v) => v.message).join('；'));
}

/** How many previous password hashes the caller must compare a new password against. */
export function mustNotReuse(policy: PasswordPolicy): number {
  return Math.max(0, policy.historySize);
}

/** When a password changed at `changedAt` must be changed again; null when passwords do not expire. */
export function passwordExpiresAt(changedAt: Date, policy: PasswordPolicy): Date | null {
  if (policy.maxAgeDays === null) return null;
  return new Date(changedAt.getTime() + policy.maxAgeDays * DAY_MS);
}

/** True from exactly `maxAgeDays` days after the change. */
export function isPasswordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  const expiresAt = passwordExpiresAt(changedAt, policy);
  return expiresAt !== null && now.getTime() >= expiresAt.getTime();
}

export interface LockoutState {
  readonly locked: boolean;
  /** When the account unlocks by itself; null when it is not locked. */
  readonly until: Date | null;
}

/**
 * Whether an account is locked, from the times of its failed logins since its last successful login
 * (the caller forgets failures on success, and does not record attempts refused because of the lock,
 * whose password was never checked).
 *
 * A failure at time t triggers a lock when it is the `lockAfterFailures`-th failure in the window
 * (t − lockMinutes, t]. The account is locked from the latest triggering failure t until
 * t + lockMinutes (exclusive). Failures older than the window no longer count, so after a lock expires
 * one more failure does not lock again at once. Failures after `now` are ignored.
 */
export function lockoutState(failures: readonly Date[], now: Date, policy: PasswordPolicy): LockoutState {
  const threshold = policy.lockAfterFailures;
  const windowMs = policy.lockMinutes * MINUTE_MS;
  const unlocked: LockoutState = { locked: false, until: null };
  if (threshold < 1 || windowMs <= 0) return unlocked;

  const times = failures
    .map((failure) => failure.getTime())
    .filter((time) => !Number.isNaN(time) && time <= now.getTime())
    .sort((a, b) => a - b);
  for (let last = times.length - 1; last >= threshold - 1; last -= 1) {
    const triggerTime = times[last] ?? 0;
    const firstInWindow = times[last - threshold + 1] ?? 0;
    if (triggerTime - firstInWindow < windowMs) {
      const until = triggerTime + windowMs;
      return until > now.getTime() ? { locked: true, until: new Date(until) } : unlocked;
    }
  }
  return unlocked;
}

/** True once `idleTimeoutMinutes` have passed since the session was last used. */
export function isSessionIdle(lastSeen: Date, now: Date, policy: PasswordPolicy): boolean {
  return now.getTime() - lastSeen.getTime() >= policy.idleTimeoutMinutes * MINUTE_MS;
}
