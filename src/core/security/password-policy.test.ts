import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import {
  ASVS_POLICY,
  DENGBAO_POLICY,
  assertPasswordStrength,
  checkPasswordStrength,
  isPasswordExpired,
  isSessionIdle,
  lockoutState,
  mustNotReuse,
  passwordExpiresAt,
  type PasswordPolicy,
  type PasswordRule,
} from './password-policy.ts';

function rules(password: string, policy: PasswordPolicy = DENGBAO_POLICY, context = {}): PasswordRule[] {
  return checkPasswordStrength(password, policy, context).map((violation) => violation.rule);
}

describe('presets', () => {
  it('default to the 等保 values of the spec', () => {
    expect(DENGBAO_POLICY).toEqual({
      minLength: 10,
      minClasses: 3,
      maxAgeDays: 90,
      historySize: 5,
      lockAfterFailures: 5,
      lockMinutes: 15,
      idleTimeoutMinutes: 30,
    });
  });

  it('offer ASVS settings: 12 characters, no composition rule, no rotation', () => {
    expect(ASVS_POLICY).toMatchObject({ minLength: 12, minClasses: 1, maxAgeDays: null, historySize: 0 });
  });
});

describe('checkPasswordStrength', () => {
  it.each([
    ['Gk7#trVe92', DENGBAO_POLICY],
    ['lantern-Quiet-42', DENGBAO_POLICY],
    ['春眠不觉晓处处Ab12', DENGBAO_POLICY],
    ['correct horse battery staple', ASVS_POLICY],
    ['sunlitharbourdawn', ASVS_POLICY],
  ])('accepts %j', (password, policy) => {
    expect(checkPasswordStrength(password, policy, { username: 'zhangwei', displayName: '张伟' })).toEqual(
      [],
    );
  });

  it.each<[string, PasswordPolicy, PasswordRule[]]>([
    ['', DENGBAO_POLICY, ['length', 'classes']],
    ['Gk7#trVe9', DENGBAO_POLICY, ['length']],
    ['Gk7#trVe92x', ASVS_POLICY, ['length']],
    ['x'.repeat(60) + 'Y7!'.repeat(30), DENGBAO_POLICY, ['length']],
    ['gk7trve92mq', DENGBAO_POLICY, ['classes']],
    ['GKTRVE#MQW!', DENGBAO_POLICY, ['classes']],
    ['gk7trve92mqz', ASVS_POLICY, []],
    ['Zhangwei#2024', DENGBAO_POLICY, ['personal']],
    ['Gk7#ZHANGWEI', DENGBAO_POLICY, ['personal']],
    ['12345678', ASVS_POLICY, ['length', 'common']],
    ['Password', DENGBAO_POLICY, ['length', 'classes', 'common']],
    ['Admin@123', DENGBAO_POLICY, ['length', 'common']],
    ['QWER1234', DENGBAO_POLICY, ['length', 'classes', 'common']],
    ['1qaz2wsx3edc', ASVS_POLICY, ['pattern']],
    ['Admin@202406', DENGBAO_POLICY, ['common']],
    ['P@ssw0rd2024!', DENGBAO_POLICY, ['common']],
    ['@dmin123456', DENGBAO_POLICY, ['common']],
    ['Qwerty!2024', DENGBAO_POLICY, ['common']],
    ['Gongkai@2024', DENGBAO_POLICY, ['common']],
    ['abcdefghijkl', ASVS_POLICY, ['pattern']],
    ['9876543210987', ASVS_POLICY, ['pattern']],
    ['qwertyuiopqw', ASVS_POLICY, ['pattern']],
    ['poiuytrewq', ASVS_POLICY, ['length', 'pattern']],
    ['zxcvbnmzxcvbnm', ASVS_POLICY, ['pattern']],
    ['aaaaaaaaaaaa', ASVS_POLICY, ['pattern']],
    ['abababababab', ASVS_POLICY, ['pattern']],
    ['Ab1!Ab1!Ab1!', DENGBAO_POLICY, ['pattern']],
  ])('flags %j', (password, policy, expected) => {
    expect(rules(password, policy, { username: 'zhangwei@gov.cn', displayName: 'Zhang Wei' })).toEqual(
      expected,
    );
  });

  it('finds the user name and the parts of the display name, ignoring case', () => {
    expect(rules('Wang.Lei#Secure9', DENGBAO_POLICY, { username: 'wanglei' })).toEqual([]);
    expect(rules('Wang.Lei#Secure9', DENGBAO_POLICY, { displayName: 'Wang Lei' })).toEqual(['personal']);
    expect(rules('XyWANGLEI#9mm', DENGBAO_POLICY, { username: 'wanglei' })).toEqual(['personal']);
    expect(rules('张伟的新密码Ab12', DENGBAO_POLICY, { displayName: '张伟' })).toEqual(['personal']);
    expect(rules('张三的新密码Ab12', DENGBAO_POLICY, { displayName: '张伟' })).toEqual([]);
    expect(rules('欧阳娜娜的密码Ab1', DENGBAO_POLICY, { displayName: '欧阳娜娜' })).toEqual(['personal']);
    // Parts shorter than three characters are not forbidden: too many passwords contain "li".
    expect(rules('Glib#Cart9x', DENGBAO_POLICY, { username: 'li' })).toEqual([]);
  });

  it('writes each violation in zh-CN, naming the rule', () => {
    const messages = checkPasswordStrength('admin', DENGBAO_POLICY, {}).map((violation) => violation.message);
    expect(messages).toEqual([
      '密码长度至少为10位，当前为5位',
      '密码应至少包含小写字母、大写字母、数字、特殊字符中的3类，当前只有1类',
      '密码属于常见弱口令，容易被猜中',
    ]);
    expect(checkPasswordStrength('Zhangwei#2024', DENGBAO_POLICY, { username: 'zhangwei' })[0]?.message).toBe(
      '密码不得包含用户名或姓名',
    );
    expect(checkPasswordStrength('Gongkai@2024', DENGBAO_POLICY)[0]?.message).toBe(
      '密码由常见单词或键盘序列加数字、符号构成，容易被猜中',
    );
    expect(checkPasswordStrength('abcdefghijkl', ASVS_POLICY)[0]?.message).toBe(
      '密码不得仅由键盘顺序、连续或重复的字符组成',
    );
  });
});

describe('assertPasswordStrength', () => {
  it('passes a good password and throws Invalid listing every broken rule', () => {
    expect(() => {
      assertPasswordStrength('password', 'Gk7#trVe92', DENGBAO_POLICY);
    }).not.toThrow();
    expect(() => {
      assertPasswordStrength('password', 'abc', DENGBAO_POLICY);
    }).toThrow(Invalid);
    expect(() => {
      assertPasswordStrength('password', 'abc', DENGBAO_POLICY);
    }).toThrow('密码长度至少为10位，当前为3位；密码应至少包含');
  });
});

describe('mustNotReuse', () => {
  it('is the history size of the policy', () => {
    expect(mustNotReuse(DENGBAO_POLICY)).toBe(5);
    expect(mustNotReuse(ASVS_POLICY)).toBe(0);
  });
});

describe('password expiry', () => {
  const changedAt = new Date('2024-01-01T00:00:00Z');

  it.each([
    ['2024-03-30T23:59:59Z', false],
    ['2024-03-31T00:00:00Z', true], // 90 days after the change
    ['2025-01-01T00:00:00Z', true],
  ])('under 等保 at %s: %s', (now, expired) => {
    expect(isPasswordExpired(changedAt, new Date(now), DENGBAO_POLICY)).toBe(expired);
  });

  it('never expires under ASVS', () => {
    expect(isPasswordExpired(changedAt, new Date('2034-01-01T00:00:00Z'), ASVS_POLICY)).toBe(false);
    expect(passwordExpiresAt(changedAt, ASVS_POLICY)).toBeNull();
  });

  it('tells when the password expires', () => {
    expect(passwordExpiresAt(changedAt, DENGBAO_POLICY)).toEqual(new Date('2024-03-31T00:00:00Z'));
  });
});

describe('lockoutState', () => {
  const T0 = Date.parse('2024-06-15T08:00:00Z');
  const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);
  const failuresAt = (...minutes: number[]): Date[] => minutes.map(at);

  it.each<[string, number[], number, number | null]>([
    ['no failures', [], 0, null],
    ['four failures', [0, 1, 2, 3], 4, null],
    ['the fifth failure locks', [0, 1, 2, 3, 4], 4, 19],
    ['locked until 15 minutes after the fifth failure', [0, 1, 2, 3, 4], 18.99, 19],
    ['unlocked exactly 15 minutes after', [0, 1, 2, 3, 4], 19, null],
    ['five failures spread over exactly 15 minutes do not lock', [0, 1, 2, 3, 15], 15, null],
    ['five failures within 15 minutes lock', [0, 1, 2, 3, 14.9], 15, 29.9],
    ['failures given out of order', [4, 0, 3, 1, 2], 5, 19],
    ['a later window of five locks again', [0, 1, 2, 3, 4, 20, 21, 22, 23, 24], 25, 39],
    ['one failure after the lock expired does not relock', [0, 1, 2, 3, 4, 20], 20, null],
    ['failures after now are ignored', [0, 1, 2, 3, 30], 10, null],
    ['old failures do not count', [0, 1, 60, 61, 62], 63, null],
  ])('%s', (_name, minutes, nowMinutes, untilMinutes) => {
    expect(lockoutState(failuresAt(...minutes), at(nowMinutes), DENGBAO_POLICY)).toEqual({
      locked: untilMinutes !== null,
      until: untilMinutes === null ? null : at(untilMinutes),
    });
  });

  it('never locks when locking is disabled', () => {
    const policy = { ...DENGBAO_POLICY, lockAfterFailures: 0 };
    expect(lockoutState(failuresAt(0, 1, 2, 3, 4, 5), at(6), policy)).toEqual({ locked: false, until: null });
  });

  it('follows the policy', () => {
    const policy = { ...DENGBAO_POLICY, lockAfterFailures: 3, lockMinutes: 30 };
    expect(lockoutState(failuresAt(0, 10, 20), at(21), policy)).toEqual({ locked: true, until: at(50) });
  });
});

describe('isSessionIdle', () => {
  const lastSeen = new Date('2024-06-15T08:00:00Z');

  it.each([
    ['2024-06-15T08:29:59Z', false],
    ['2024-06-15T08:30:00Z', true],
    ['2024-06-15T10:00:00Z', true],
  ])('at %s: %s', (now, idle) => {
    expect(isSessionIdle(lastSeen, new Date(now), DENGBAO_POLICY)).toBe(idle);
  });
});
