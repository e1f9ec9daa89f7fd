import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import { authorizeCalendar, canManageCalendar } from './policy.ts';

function holding(role: Role, unitPath: string): Actor {
  return {
    kind: 'staff',
    userId: 7,
    username: 'someone',
    displayName: '某人',
    grants: [{ role, unitId: Number(unitPath.split('/').filter(Boolean).at(-1)), unitPath }],
  };
}

describe('who manages the working-day calendar', () => {
  it('is the operator and a system administrator of a top-level unit', () => {
    expect(canManageCalendar({ kind: 'operator' })).toBe(true);
    expect(canManageCalendar(holding('system-admin', '/1/'))).toBe(true);
  });

  it('is nobody else: a sub-unit’s administrator, an auditor or a handler of the top-level unit', () => {
    expect(canManageCalendar(holding('system-admin', '/1/5/'))).toBe(false);
    expect(canManageCalendar(holding('security-auditor', '/1/'))).toBe(false);
    expect(canManageCalendar(holding('handler', '/1/'))).toBe(false);
    expect(canManageCalendar(holding('supervisor', '/1/'))).toBe(false);
  });

  it('answers a refusal exactly like a missing page', () => {
    expect(() => {
      authorizeCalendar(holding('system-admin', '/1/5/'));
    }).toThrow(NotFound);
    expect(() => {
      authorizeCalendar(holding('system-admin', '/1/'));
    }).not.toThrow();
  });
});
