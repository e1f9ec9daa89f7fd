// Input rules for accounts: every error names the field and the rule.
import { isRole, ROLE_LABELS, ROLES } from '../../core/access/roles.ts';
import { Invalid } from '../../core/errors.ts';
import type { GrantInput } from './model.ts';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;

/** User names are compared in lower case: "ZhangSan" and "zhangsan" are one account. */
export function normaliseUsername(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

export function validateUsername(value: unknown): string {
  const username = normaliseUsername(value);
  if (!USERNAME_PATTERN.test(username)) {
    throw new Invalid(
      'username',
      '“用户名”应为 3–32 位，只能包含小写字母、数字、点（.）、下划线（_）和连字符（-）',
    );
  }
  return username;
}

export function validateDisplayName(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new Invalid('displayName', '“姓名”必填');
  if (Array.from(text).length > 50) throw new Invalid('displayName', '“姓名”不能超过 50 个字');
  if (/[\p{Cc}<>]/u.test(text)) throw new Invalid('displayName', '“姓名”不能包含控制字符或尖括号');
  return text;
}

export function validatePasswordPresent(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new Invalid(field, '密码必填');
  return value;
}

export function validateRole(value: unknown, field = 'role'): GrantInput['role'] {
  if (typeof value !== 'string' || !isRole(value)) {
    const allowed = ROLES.map((role) => `${role}（${ROLE_LABELS[role]}）`).join('、');
    throw new Invalid(field, `“角色”应为以下之一：${allowed}`);
  }
  return value;
}

export function validateUnitId(value: unknown, field = 'unitId'): number {
  const id = typeof value === 'string' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new Invalid(field, '“单位”应为单位编号');
  }
  return id;
}

/** At least one role; duplicates are merged. */
export function validateGrants(value: unknown): GrantInput[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Invalid('grants', '至少要授予一个角色（单位和角色）');
  }
  const seen = new Set<string>();
  const grants: GrantInput[] = [];
  for (const [index, item] of (value as unknown[]).entries()) {
    const entry = (item ?? {}) as { unitId?: unknown; role?: unknown };
    const grant = {
      unitId: validateUnitId(entry.unitId, `grants[${index}].unitId`),
      role: validateRole(entry.role, `grants[${index}].role`),
    };
    const key = `${grant.unitId}:${grant.role}`;
    if (!seen.has(key)) grants.push(grant);
    seen.add(key);
  }
  return grants;
}
