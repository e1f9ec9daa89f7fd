import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Invalid } from './core/errors.ts';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 on the embedded SQLite file', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'sqlite', file: resolve('./data/gongkai.db') });
  });

  it('selects PostgreSQL by a postgres:// URL and SQLite by any other path', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h:5432/d' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@h:5432/d',
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/d' }).database.kind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: '/tmp/x.db' }).database).toEqual({ kind: 'sqlite', file: '/tmp/x.db' });
  });

  it('rejects a bad value naming the setting and the rule', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(Invalid);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT 应为 0–65535 之间的整数/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads an optional TOML file, with environment variables taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-config-'));
    const file = join(dir, 'gongkai.toml');
    writeFileSync(file, 'port = 8080\nhost = "0.0.0.0"\nmax_upload_mb = 5\n');
    const config = loadConfig({ GONGKAI_CONFIG: file, HOST: '127.0.0.2' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.2');
    expect(config.maxUploadBytes).toBe(5 * 1024 * 1024);
    writeFileSync(file, 'prot = 1\n');
    expect(() => loadConfig({ GONGKAI_CONFIG: file })).toThrow(/未知的设置项：prot/);
    expect(() => loadConfig({ GONGKAI_CONFIG: join(dir, 'missing.toml') })).toThrow(/无法读取/);
  });
});

describe('security settings', () => {
  it('takes the 等保 password policy by default, the ASVS profile on request, and single overrides', () => {
    expect(loadConfig({}).passwordRules).toMatchObject({
      minLength: 10,
      minClasses: 3,
      maxAgeDays: 90,
      lockMinutes: 15,
    });
    expect(loadConfig({ PASSWORD_POLICY: 'asvs' }).passwordRules).toMatchObject({
      minLength: 12,
      maxAgeDays: null,
    });
    const custom = loadConfig({
      PASSWORD_MIN_LENGTH: '14',
      PASSWORD_MAX_AGE_DAYS: '0',
      SESSION_IDLE_MINUTES: '15',
    });
    expect(custom.passwordRules).toMatchObject({
      minLength: 14,
      maxAgeDays: null,
      idleTimeoutMinutes: 15,
      minClasses: 3,
    });
    expect(() => loadConfig({ PASSWORD_MIN_LENGTH: '6' })).toThrow(/PASSWORD_MIN_LENGTH 应为 8–128/);
    expect(() => loadConfig({ PASSWORD_POLICY: 'strict' })).toThrow(/PASSWORD_POLICY/);
  });

  it('reads the roles that need TOTP, and the proxy setting', () => {
    expect(loadConfig({}).totpRequiredRoles).toEqual(['system-admin', 'security-auditor']);
    expect(loadConfig({ TOTP_REQUIRED_ROLES: 'none' }).totpRequiredRoles).toEqual([]);
    expect(() => loadConfig({ TOTP_REQUIRED_ROLES: 'admin' })).toThrow(/“admin”不是角色名/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1' }).trustProxy).toBe('10.0.0.1');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY 不能设为 true/);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});

describe('background job and notification settings', () => {
  it('runs jobs every 60 seconds, reminds at 5 and 2 working days, and logs notifications by default', () => {
    const config = loadConfig({});
    expect(config.jobIntervalSeconds).toBe(60);
    expect(config.reminderWorkdays).toEqual([5, 2]);
    expect(config.smtp).toBeNull();
    expect(loadConfig({ JOB_INTERVAL_SECONDS: '0' }).jobIntervalSeconds).toBe(0);
    expect(loadConfig({ REMINDER_WORKDAYS: '2, 7,3,7' }).reminderWorkdays).toEqual([7, 3, 2]);
    expect(() => loadConfig({ REMINDER_WORKDAYS: '5,,2' })).toThrow(/REMINDER_WORKDAYS 应为逗号分隔的 1–20/);
    expect(() => loadConfig({ REMINDER_WORKDAYS: '0' })).toThrow(/REMINDER_WORKDAYS/);
  });

  it('takes a mail server with a sender, and never repeats its password in an error', () => {
    const smtp = {
      SMTP_URL: 'smtp://gongkai:s3cret@mail.example.gov.cn:587',
      SMTP_FROM: 'gongkai@example.gov.cn',
    };
    expect(loadConfig(smtp).smtp).toEqual({
      url: 'smtp://gongkai:s3cret@mail.example.gov.cn:587',
      from: 'gongkai@example.gov.cn',
    });
    expect(loadConfig({ ...smtp, SMTP_FROM: '公开平台 <gongkai@example.gov.cn>' }).smtp?.from).toBe(
      '公开平台 <gongkai@example.gov.cn>',
    );
    expect(() => loadConfig({ SMTP_URL: smtp.SMTP_URL })).toThrow(/须设置 SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://gongkai:s3cret@mail', SMTP_FROM: 'a@b.cn' })).toThrow(
      expect.objectContaining({
        field: 'SMTP_URL',
        message: expect.not.stringContaining('s3cret') as string,
      }),
    );
  });
});
