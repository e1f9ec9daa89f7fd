import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, Invalid, NotFound } from '../../src/core/errors.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { verifyAudit } from '../../src/features/audit/service.ts';
import type { UserWithGrants } from '../../src/features/accounts/model.ts';
import {
  changePassword,
  createFirstAdmin,
  createUser,
  disableUser,
  getUser,
  grantRole,
  listUsers,
  loadActor,
  loadSession,
  revokeRole,
  signIn,
} from '../../src/features/accounts/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope, scopeOf } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import type { ActingScope } from '../../src/app-context.ts';

const ADMIN_PASSWORD = 'Vq7#Lm2pXz';
/** Distinct passwords that satisfy the 等保 policy and name nobody. */
const strong = (n: number) => `Rk${n}$tWq9Zm!${n}`;

describe(`accounts on ${testDialect}`, () => {
  let context: TestContext;
  let city: Unit;
  let district: Unit;
  let otherCity: Unit;
  let admin: UserWithGrants;
  let adminScope: ActingScope;

  async function scopeFor(userId: number): Promise<ActingScope> {
    const actor = await loadActor(context.database.db, userId);
    if (actor === null) throw new Error('no actor');
    return scopeOf(context, actor);
  }

  beforeAll(async () => {
    context = await createTestContext();
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '示例区人民政府', kind: 'county' });
    otherCity = await addUnit(operator, { parentId: null, name: '另一市人民政府', kind: 'city' });
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('creates the first administrator once only, in a top-level unit', async () => {
    const input = { username: 'Admin', displayName: '王管理', password: ADMIN_PASSWORD };
    await expect(createFirstAdmin(context, { ...input, unitId: district.id })).rejects.toThrow(/最上级单位/);
    admin = await createFirstAdmin(context, { ...input, unitId: city.id });
    expect(admin.username).toBe('admin');
    expect(admin.grants).toEqual([{ role: 'system-admin', unitId: city.id, unitPath: city.path }]);
    const again = createFirstAdmin(context, { ...input, username: 'admin2', unitId: otherCity.id });
    await expect(again).rejects.toThrow(Conflict);
    await expect(again).rejects.toThrow(/已有系统管理员/);
    const [entry] = await findAuditEntries(context.database.db, { action: 'user.create' }, 1);
    expect(entry).toMatchObject({ actorName: '命令行操作员', address: 'cli', objectId: String(admin.id) });
    expect(entry?.details).not.toContain(ADMIN_PASSWORD);
    const stored = await context.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    adminScope = await scopeFor(admin.id);
    expect(adminScope.actor).toMatchObject({ kind: 'staff', username: 'admin', displayName: '王管理' });
  });

  it('rejects weak passwords naming the rule, and bad or taken user names', async () => {
    const base = {
      username: 'zhang.wei',
      displayName: '张伟',
      grants: [{ unitId: district.id, role: 'editor' }],
    };
    const short = createUser(adminScope, { ...base, password: 'Ab1!' });
    await expect(short).rejects.toThrow(Invalid);
    await expect(short).rejects.toThrow(/密码长度至少为10位/);
    await expect(createUser(adminScope, { ...base, password: 'Password@2024' })).rejects.toThrow(/常见/);
    await expect(createUser(adminScope, { ...base, password: 'Zhang.Wei#2931' })).rejects.toThrow(
      /不得包含用户名或姓名/,
    );
    await expect(createUser(adminScope, { ...base, password: 'abcdefghijk' })).rejects.toThrow(/至少包含/);
    await expect(createUser(adminScope, { ...base, username: 'zw', password: strong(1) })).rejects.toThrow(
      /3–32 位/,
    );
    await expect(createUser(adminScope, { ...base, username: '张伟', password: strong(1) })).rejects.toThrow(
      Invalid,
    );
    await createUser(adminScope, { ...base, password: strong(1) });
    const taken = createUser(adminScope, { ...base, username: 'Zhang.Wei', password: strong(2) });
    await expect(taken).rejects.toThrow(Conflict);
    await expect(taken).rejects.toThrow('用户名“zhang.wei”已被使用，请换一个');
  });

  it('lets only a system administrator over each unit create accounts and grant roles there', async () => {
    const districtAdmin = await createUser(adminScope, {
      username: 'district-admin',
      displayName: '李区管',
      password: strong(3),
      grants: [{ unitId: district.id, role: 'system-admin' }],
    });
    const districtScope = await scopeFor(districtAdmin.id);
    const outside = createUser(districtScope, {
      username: 'city-editor',
      displayName: '赵编辑',
      password: strong(4),
      grants: [{ unitId: city.id, role: 'editor' }],
    });
    await expect(outside).rejects.toThrow(NotFound);
    const elsewhere = createUser(adminScope, {
      username: 'far-editor',
      displayName: '钱编辑',
      password: strong(4),
      grants: [{ unitId: otherCity.id, role: 'editor' }],
    });
    await expect(elsewhere).rejects.toThrow(NotFound);
    const editor = await createUser(districtScope, {
      username: 'district-editor',
      displayName: '孙编辑',
      password: strong(5),
      grants: [{ unitId: district.id, role: 'editor' }],
    });
    expect(editor.grants).toEqual([{ role: 'editor', unitId: district.id, unitPath: district.path }]);
    // The district administrator sees the district's accounts, not the city administrator.
    expect((await listUsers(districtScope)).map((u) => u.username)).toEqual([
      'district-admin',
      'district-editor',
      'zhang.wei',
    ]);
    await expect(getUser(districtScope, admin.id)).rejects.toThrow(NotFound);
    await expect(
      grantRole(districtScope, { userId: editor.id, unitId: city.id, role: 'reviewer' }),
    ).rejects.toThrow(NotFound);

    const granted = await grantRole(districtScope, {
      userId: editor.id,
      unitId: district.id,
      role: 'reviewer',
    });
    expect(granted.grants.map((g) => g.role).sort()).toEqual(['editor', 'reviewer']);
    await expect(
      grantRole(districtScope, { userId: editor.id, unitId: district.id, role: 'reviewer' }),
    ).rejects.toThrow(Conflict);
    const revoked = await revokeRole(districtScope, {
      userId: editor.id,
      unitId: district.id,
      role: 'editor',
    });
    expect(revoked.grants.map((g) => g.role)).toEqual(['reviewer']);
    await expect(
      revokeRole(districtScope, { userId: editor.id, unitId: district.id, role: 'reviewer' }),
    ).rejects.toThrow(/唯一的角色/);
    const roleEntries = await findAuditEntries(context.database.db, { objectId: String(editor.id) }, 10);
    expect(roleEntries.map((e) => e.action)).toEqual(['user.revoke-role', 'user.grant-role', 'user.create']);
    expect(roleEntries.every((e) => e.actorName === 'district-admin')).toBe(true);
  });

  it('separates the system administrator from the security auditor', async () => {
    // Nobody changes their own roles: an administrator cannot make themselves auditor.
    const self = grantRole(adminScope, { userId: admin.id, unitId: city.id, role: 'security-auditor' });
    await expect(self).rejects.toThrow(Invalid);
    await expect(self).rejects.toThrow(/不能修改自己的账号/);
    // And no account holds both roles, whoever grants them.
    const both = createUser(adminScope, {
      username: 'both',
      displayName: '周双',
      password: strong(6),
      grants: [
        { unitId: city.id, role: 'system-admin' },
        { unitId: district.id, role: 'security-auditor' },
      ],
    });
    await expect(both).rejects.toThrow(Conflict);
    await expect(both).rejects.toThrow(/三员分立/);
    const auditor = await createUser(adminScope, {
      username: 'auditor',
      displayName: '吴审计',
      password: strong(7),
      grants: [{ unitId: city.id, role: 'security-auditor' }],
    });
    await expect(
      grantRole(operatorScope(context), { userId: auditor.id, unitId: district.id, role: 'system-admin' }),
    ).rejects.toThrow(/三员分立/);
  });

  it('changes a password under the policy and refuses any of the last 5', async () => {
    const user = await createUser(adminScope, {
      username: 'rotator',
      displayName: '郑轮换',
      password: strong(10),
      grants: [{ unitId: district.id, role: 'handler' }],
    });
    const scope = await scopeFor(user.id);
    const wrong = changePassword(scope, { currentPassword: strong(99), newPassword: strong(11) });
    await expect(wrong).rejects.toThrow(/当前密码不正确/);
    const weak = changePassword(scope, { currentPassword: strong(10), newPassword: 'rotator2024!' });
    await expect(weak).rejects.toThrow(/不得包含用户名或姓名/);
    let current = strong(10);
    for (const n of [11, 12, 13, 14, 15]) {
      await changePassword(scope, { currentPassword: current, newPassword: strong(n) });
      current = strong(n);
    }
    for (const reused of [11, 15]) {
      const again = changePassword(scope, { currentPassword: current, newPassword: strong(reused) });
      await expect(again).rejects.toThrow('新密码不能与最近 5 次使用过的密码相同');
    }
    // The first password is six changes back: allowed again.
    await changePassword(scope, { currentPassword: current, newPassword: strong(10) });
    const signedIn = await signIn(context, {
      username: 'rotator',
      password: strong(10),
      address: '10.0.0.1',
      userAgent: null,
    });
    expect(signedIn.kind).toBe('signed-in');
    const entries = await findAuditEntries(
      context.database.db,
      { action: 'user.change-password', objectId: String(user.id) },
      20,
    );
    expect(entries.map((e) => e.result)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'failed']);
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const user = await createUser(adminScope, {
      username: 'leaver',
      displayName: '冯离职',
      password: strong(20),
      grants: [{ unitId: district.id, role: 'editor' }],
    });
    const session = await signIn(context, {
      username: 'leaver',
      password: strong(20),
      address: null,
      userAgent: null,
    });
    if (session.kind !== 'signed-in') throw new Error(session.kind);
    expect(await loadSession(context, session.token)).not.toBeNull();
    await expect(disableUser(adminScope, admin.id)).rejects.toThrow(/不能停用自己的账号/);
    await disableUser(adminScope, user.id);
    expect(await loadSession(context, session.token)).toBeNull();
    expect(await loadActor(context.database.db, user.id)).toBeNull();
    const again = await signIn(context, {
      username: 'leaver',
      password: strong(20),
      address: null,
      userAgent: null,
    });
    expect(again).toEqual({ kind: 'failed', message: '用户名或密码错误' });
    const [disabled] = await findAuditEntries(context.database.db, { action: 'user.disable' }, 1);
    expect(disabled).toMatchObject({ actorName: 'admin', objectId: String(user.id) });
    expect(JSON.parse(disabled?.details ?? '{}')).toMatchObject({ sessionsRevoked: 1 });
  });

  it('keeps the audit chain intact, and never logs a password', async () => {
    expect(await verifyAudit(context.database.db)).toMatchObject({ ok: true });
    const all = await findAuditEntries(context.database.db, {}, 1000);
    const text = JSON.stringify(all);
    for (const secret of [ADMIN_PASSWORD, strong(1), strong(10), strong(20), strong(99)]) {
      expect(text).not.toContain(secret);
    }
  });
});
