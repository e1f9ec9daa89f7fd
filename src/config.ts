// The one reader of process.env. Settings come from environment variables, optionally from a TOML
// file named by GONGKAI_CONFIG (environment variables win), and are validated once at start.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { isRole, type Role } from './core/access/roles.ts';
import { ASVS_POLICY, DENGBAO_POLICY, type PasswordPolicy } from './core/security/password-policy.ts';
import { Invalid } from './core/errors.ts';

export type DatabaseConfig =
  { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest upload accepted by the report checker, in bytes. */
  readonly maxUploadBytes: number;
  /** Public checks allowed per client address per minute. */
  readonly publicRateLimitPerMinute: number;
  /** Sign-in and second-factor attempts allowed per client address per minute. */
  readonly signInRateLimitPerMinute: number;
  /** The key file of the personal-data encryption (never stored in the database). */
  readonly dataKeysFile: string;
  /** 'dengbao' (等保 2.0 defaults) or 'asvs' (OWASP ASVS style: longer, no rotation). */
  readonly passwordPolicy: 'dengbao' | 'asvs';
  /** The profile with any single setting overridden (PASSWORD_MIN_LENGTH, LOCK_MINUTES, …). */
  readonly passwordRules: PasswordPolicy;
  /** Behind a reverse proxy: trust its X-Forwarded-For/-Proto (client address, https for Secure cookies). */
  readonly trustProxy: boolean | string | number;
  /** Audit entries younger than this may not be archived (网络安全法 Art. 21: at least six months). */
  readonly auditRetentionDays: number;
  /** Roles whose holders must sign in with a TOTP second factor. */
  readonly totpRequiredRoles: readonly Role[];
  /** Networks (CIDR, comma-separated) from which the back office may be used; null: anywhere. */
  readonly adminAllowedNetworks: string | null;
  /** Seconds between runs of the background jobs of `gongkai serve`; 0: no jobs in this process. */
  readonly jobIntervalSeconds: number;
  /** Working days left before the due date at which handlers are reminded, descending (default 5, 2). */
  readonly reminderWorkdays: readonly number[];
  /** Working days within which a correction report (纠错) is to be answered (default 5). */
  readonly correctionReplyWorkdays: number;
  /** The mail server for notifications; null: notifications are written to the log. */
  readonly smtp: SmtpSettings | null;
  /** National mourning day: every public page is shown in greyscale (MOURNING_MODE=on). */
  readonly mourningMode: boolean;
}

export interface SmtpSettings {
  /** smtp://user:pass@host:587 or smtps://…:465 (holds a password: never logged). */
  readonly url: string;
  readonly from: string;
}

type RawSettings = Record<string, string | undefined>;

const SETTINGS = [
  'NODE_ENV',
  'HOST',
  'PORT',
  'DATABASE_URL',
  'LOG_LEVEL',
  'MAX_UPLOAD_MB',
  'PUBLIC_RATE_LIMIT_PER_MINUTE',
  'DATA_KEYS_FILE',
  'PASSWORD_POLICY',
  'TOTP_REQUIRED_ROLES',
  'ADMIN_ALLOWED_NETWORKS',
  'TRUST_PROXY',
  'AUDIT_RETENTION_DAYS',
  'SIGN_IN_RATE_LIMIT_PER_MINUTE',
  'PASSWORD_MIN_LENGTH',
  'PASSWORD_MIN_CLASSES',
  'PASSWORD_MAX_AGE_DAYS',
  'PASSWORD_HISTORY',
  'LOCK_AFTER_FAILURES',
  'LOCK_MINUTES',
  'SESSION_IDLE_MINUTES',
  'JOB_INTERVAL_SECONDS',
  'REMINDER_WORKDAYS',
  'CORRECTION_REPLY_WORKDAYS',
  'SMTP_URL',
  'SMTP_FROM',
  'MOURNING_MODE',
] as const;

export const DEFAULT_SQLITE_FILE = './data/gongkai.db';
export const DEFAULT_KEYS_FILE = './data/keys.json';
const DEFAULT_TOTP_ROLES: readonly Role[] = ['system-admin', 'security-auditor'];

function passwordPolicySetting(text: string | undefined): Config['passwordPolicy'] {
  if (text === undefined || text === '' || text === 'dengbao') return 'dengbao';
  if (text === 'asvs') return 'asvs';
  throw new Invalid('PASSWORD_POLICY', `PASSWORD_POLICY 应为 dengbao（等保默认）或 asvs，实为“${text}”`);
}

function passwordRules(raw: RawSettings): PasswordPolicy {
  const base = passwordPolicySetting(raw.PASSWORD_POLICY) === 'asvs' ? ASVS_POLICY : DENGBAO_POLICY;
  const maxAge = integerSetting(raw, 'PASSWORD_MAX_AGE_DAYS', base.maxAgeDays ?? 0, 0, 3650);
  return {
    minLength: integerSetting(raw, 'PASSWORD_MIN_LENGTH', base.minLength, 8, 128),
    minClasses: integerSetting(raw, 'PASSWORD_MIN_CLASSES', base.minClasses, 1, 4),
    // 0 means passwords never expire.
    maxAgeDays: maxAge === 0 ? null : maxAge,
    historySize: integerSetting(raw, 'PASSWORD_HISTORY', base.historySize, 0, 24),
    lockAfterFailures: integerSetting(raw, 'LOCK_AFTER_FAILURES', base.lockAfterFailures, 1, 100),
    lockMinutes: integerSetting(raw, 'LOCK_MINUTES', base.lockMinutes, 1, 1440),
    idleTimeoutMinutes: integerSetting(raw, 'SESSION_IDLE_MINUTES', base.idleTimeoutMinutes, 1, 1440),
  };
}

function trustProxySetting(text: string | undefined): boolean | string | number {
  if (text === undefined || text === '' || text === 'false') return false;
  // "true" would believe any X-Forwarded-For a client sends (its address would decide the allowlist,
  // the lockout and the audit log): name the proxies, or how many proxies stand in front.
  if (text === 'true') {
    throw new Invalid(
      'TRUST_PROXY',
      'TRUST_PROXY 不能设为 true：请填写反向代理的地址（如 10.0.0.5,10.0.0.6）或代理层数（如 1）',
    );
  }
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

function rolesSetting(text: string | undefined): readonly Role[] {
  if (text === undefined) return DEFAULT_TOTP_ROLES;
  const roles = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '' && r !== 'none');
  for (const role of roles) {
    if (!isRole(role))
      throw new Invalid('TOTP_REQUIRED_ROLES', `TOTP_REQUIRED_ROLES 中的“${role}”不是角色名`);
  }
  return roles as Role[];
}
function reminderWorkdaysSetting(text: string | undefined): readonly number[] {
  if (text === undefined || text.trim() === '') return [5, 2];
  const parts = text.split(',').map((part) => part.trim());
  const days = parts.map(Number);
  if (days.some((day, i) => parts[i] === '' || !Number.isInteger(day) || day < 1 || day > 20)) {
    throw new Invalid(
      'REMINDER_WORKDAYS',
      `REMINDER_WORKDAYS 应为逗号分隔的 1–20 之间的整数（剩余工作日），如 5,2，实为“${text}”`,
    );
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

function smtpSetting(raw: RawSettings): SmtpSettings | null {
  const url = raw.SMTP_URL?.trim();
  if (url === undefined || url === '') return null;
  if (!/^smtps?:\/\/[^/\s]+/.test(url)) {
    // The value may hold a password: the message does not repeat it.
    throw new Invalid('SMTP_URL', 'SMTP_URL 应为 smtp://用户名:密码@主机:端口 或 smtps://… 形式的地址');
  }
  const from = raw.SMTP_FROM?.trim() ?? '';
  if (!/^[^\s@]+@[^\s@]+$/.test(from) && !/^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(from)) {
    throw new Invalid(
      'SMTP_FROM',
      `设置了 SMTP_URL 时须设置 SMTP_FROM（发件地址，如 公开平台 <gongkai@example.gov.cn>），实为“${from}”`,
    );
  }
  return { url, from };
}

function switchSetting(raw: RawSettings, name: string): boolean {
  const text = raw[name]?.trim().toLowerCase() ?? '';
  if (['', '0', 'off', 'false', 'no'].includes(text)) return false;
  if (['1', 'on', 'true', 'yes'].includes(text)) return true;
  throw new Invalid(name, `${name} 应为 on 或 off，实为“${raw[name] ?? ''}”`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function readConfigFile(path: string): RawSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Invalid('GONGKAI_CONFIG', `配置文件无法读取：${path}`);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(text);
  } catch (error) {
    throw new Invalid('GONGKAI_CONFIG', `配置文件不是有效的TOML：${(error as Error).message}`);
  }
  const settings: RawSettings = {};
  for (const [key, value] of Object.entries(parsed)) {
    const name = key.toUpperCase();
    if (!(SETTINGS as readonly string[]).includes(name)) {
      throw new Invalid(key, `配置文件中有未知的设置项：${key}`);
    }
    settings[name] = String(value);
  }
  return settings;
}

function integerSetting(raw: RawSettings, name: string, fallback: number, min: number, max: number): number {
  const text = raw[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Invalid(name, `${name} 应为 ${min}–${max} 之间的整数，实为“${text}”`);
  }
  return value;
}

export function databaseFromUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined || url === '') return { kind: 'sqlite', file: resolve(DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
}

/** Builds the configuration from an environment (process.env by default). Throws Invalid. */
export function loadConfig(environment: RawSettings = process.env): Config {
  const fromFile = environment.GONGKAI_CONFIG ? readConfigFile(environment.GONGKAI_CONFIG) : {};
  const raw: RawSettings = { ...fromFile };
  for (const name of SETTINGS) {
    if (environment[name] !== undefined && environment[name] !== '') raw[name] = environment[name];
  }
  const env = raw.NODE_ENV === 'production' || raw.NODE_ENV === 'test' ? raw.NODE_ENV : 'development';
  const logLevel = (raw.LOG_LEVEL ?? (env === 'test' ? 'silent' : 'info')) as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Invalid('LOG_LEVEL', `LOG_LEVEL 应为 ${LOG_LEVELS.join('/')} 之一，实为“${logLevel}”`);
  }
  return {
    env,
    host: raw.HOST ?? '127.0.0.1',
    port: integerSetting(raw, 'PORT', 3000, 0, 65535),
    database: databaseFromUrl(raw.DATABASE_URL),
    logLevel,
    maxUploadBytes: integerSetting(raw, 'MAX_UPLOAD_MB', 20, 1, 512) * 1024 * 1024,
    publicRateLimitPerMinute: integerSetting(raw, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 60, 1, 100000),
    signInRateLimitPerMinute: integerSetting(raw, 'SIGN_IN_RATE_LIMIT_PER_MINUTE', 10, 1, 100000),
    dataKeysFile: resolve(raw.DATA_KEYS_FILE ?? DEFAULT_KEYS_FILE),
    passwordPolicy: passwordPolicySetting(raw.PASSWORD_POLICY),
    passwordRules: passwordRules(raw),
    trustProxy: trustProxySetting(raw.TRUST_PROXY),
    auditRetentionDays: integerSetting(raw, 'AUDIT_RETENTION_DAYS', 180, 180, 36500),
    totpRequiredRoles: rolesSetting(raw.TOTP_REQUIRED_ROLES),
    adminAllowedNetworks: raw.ADMIN_ALLOWED_NETWORKS?.trim() || null,
    jobIntervalSeconds: integerSetting(raw, 'JOB_INTERVAL_SECONDS', 60, 0, 86400),
    reminderWorkdays: reminderWorkdaysSetting(raw.REMINDER_WORKDAYS),
    mourningMode: switchSetting(raw, 'MOURNING_MODE'),
    correctionReplyWorkdays: integerSetting(raw, 'CORRECTION_REPLY_WORKDAYS', 5, 1, 60),
    smtp: smtpSetting(raw),
  };
}
