import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { verifyAudit } from '../../src/features/audit/service.ts';
import type { SignInResult, UserWithGrants } from '../../src/features/accounts/model.ts';
import {
  confirmTotpEnrolment,
  createFirstAdmin,
  createUser,
  loadActor,
  loadSession,
  signIn,
  signOut,
  signOutEverywhere,
  startTotpEnrolment,
  verifySecondFactor,
} from '../../src/features/accounts/service.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { sm3Hex } from '../../src/security/sm3.ts';
import { totpCode } from '../../src/security/totp.ts';
import { operatorScope, scopeOf } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

const MINUTE = 60_000;
const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const ADMIN_PASSWORD = 'Vq7#Lm2pXz';
const EDITOR_PASSWORD = 'Hn4$kQ8wTy';

function detailsOf(entry: { details: string } | undefined): Record<string, unknown> {
  return JSON.parse(entry?.details ?? '{}') as Record<string, unknown>;
}

describe(`sign-in, sessions and the second factor on ${testDialect}`, () => {
  let context: TestContext;
  let admin: UserWithGrants;
  let editor: UserWithGrants;

  async function signInAs(username: string, password: string, now: Date): Promise<SignInResult> {
    return signIn(context, { username, password, address: '192.0.2.7', userAgent: 'vitest' }, now);
  }
  async function tokenOf(username: string, password: string, now: Date) {
    const result = await signInAs(username, password, now);
    if (result.kind !== 'signed-in') throw new Error(`expected signed-in, got ${result.kind}`);
    return result;
  }

  beforeAll(async () => {
    context = await createTestContext();
    const operator = operatorScope(context);
    const city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    admin = await createFirstAdmin(
      context,
      { username: 'admin', displayName: '王管理', password: ADMIN_PASSWORD, unitId: city.id },
      T0,
    );
    editor = await createUser(
      operator,
      {
        username: 'editor',
        displayName: '孙编辑',
        password: EDITOR_PASSWORD,
        grants: [{ unitId: city.id, role: 'editor' }],
      },
      T0,
    );
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('gives an unknown user and a wrong password the same answer', async () => {
    const unknown = await signInAs('nobody', EDITOR_PASSWORD, at(1));
    const wrong = await signInAs('editor', 'Wrong#Pass99', at(1));
    expect(unknown).toEqual({ kind: 'failed', message: '用户名或密码错误' });
    expect(wrong).toEqual(unknown);
    const entries = await findAuditEntries(context.database.db, { action: 'session.sign-in' }, 2);
    expect(entries.map((e) => [e.result, detailsOf(e).reason])).toEqual([
      ['failed', 'wrong-password'],
      ['failed', 'unknown-user'],
    ]);
  });

  it('signs in without a second factor when none is needed, and stores only the token hash', async () => {
    const result = await tokenOf('Editor', EDITOR_PASSWORD, at(2));
    expect(result.secondFactor).toBe('not-needed');
    expect(result.passwordExpired).toBe(false);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.csrfToken).not.toBe(result.token);
    const rows = await context.database.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(result.token);
    expect(rows.map((row) => row.token_hash)).toContain(sm3Hex(result.token));
    const session = await loadSession(context, result.token, at(3));
    expect(session).toMatchObject({
      actor: { kind: 'staff', userId: editor.id, username: 'editor' },
      csrfToken: result.csrfToken,
      secondFactor: 'not-needed',
      tokenHash: sm3Hex(result.token),
    });
    expect(await loadSession(context, 'x'.repeat(43), at(3))).toBeNull();
    expect(await loadSession(context, result.token.toUpperCase(), at(3))).toBeNull();
  });

  it('locks an account for 15 minutes after 5 failures, without counting attempts while locked', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await signInAs('editor', 'Wrong#Pass99', at(10 + i / 10))).kind).toBe('failed');
    }
    const fifth = await signInAs('editor', 'Wrong#Pass99', at(10.5));
    expect(fifth).toMatchObject({ kind: 'locked', until: at(25.5) });
    // The right password does not help while locked, and these attempts are not recorded.
    const refused = await signInAs('editor', EDITOR_PASSWORD, at(11));
    expect(refused).toMatchObject({ kind: 'locked', until: at(25.5) });
    expect(refused.kind === 'locked' ? refused.message : '').toMatch(/请 15 分钟后再试/);
    for (const minute of [12, 13, 14, 20]) await signInAs('editor', 'Wrong#Pass99', at(minute));
    // An unknown user name locks the same way: a lock reveals nothing.
    for (let i = 0; i < 5; i++) await signInAs('ghost', 'Wrong#Pass99', at(10 + i / 10));
    expect((await signInAs('ghost', 'Wrong#Pass99', at(11))).kind).toBe('locked');

    // Unlocked after the 15 minutes: one more failure does not lock again at once.
    expect(await signInAs('editor', 'Wrong#Pass99', at(25.5))).toEqual({
      kind: 'failed',
      message: '用户名或密码错误',
    });
    expect((await tokenOf('editor', EDITOR_PASSWORD, at(26))).secondFactor).toBe('not-needed');
    const results = (await findAuditEntries(context.database.db, { actorName: 'editor' }, 100)).map(
      (e) => `${e.action}:${e.result}`,
    );
    expect(results.filter((r) => r === 'user.lock:denied')).toHaveLength(1);
    // The right password at minute 11 and four wrong ones: refused and audited, never counted.
    expect(results.filter((r) => r === 'session.sign-in:denied')).toHaveLength(5);
    expect(results).toContain('session.sign-in:ok');
  });

  it('ends a session idle for 30 minutes, touching it at most once a minute', async () => {
    const { token } = await tokenOf('editor', EDITOR_PASSWORD, at(100));
    expect(await loadSession(context, token, at(129))).not.toBeNull();
    expect(await loadSession(context, token, at(158))).not.toBeNull();
    expect(await loadSession(context, token, at(158.5))).not.toBeNull(); // not touched: < 1 minute
    expect(await loadSession(context, token, at(188))).toBeNull();
    expect(await loadSession(context, token, at(189))).toBeNull();
    const [expired] = await findAuditEntries(context.database.db, { action: 'session.expire' }, 1);
    expect(detailsOf(expired)).toEqual({ reason: 'idle' });
  });

  it('signs out one session, or all of them', async () => {
    const first = await tokenOf('editor', EDITOR_PASSWORD, at(200));
    const second = await tokenOf('editor', EDITOR_PASSWORD, at(201));
    const third = await tokenOf('editor', EDITOR_PASSWORD, at(202));
    await signOut(context, first.token, at(203));
    expect(await loadSession(context, first.token, at(203))).toBeNull();
    const session = await loadSession(context, second.token, at(203));
    if (session === null) throw new Error('session lost');
    const count = await signOutEverywhere(scopeOf(context, session.actor), at(204));
    expect(count).toBe(4); // also the two sessions left open by the tests above
    expect(await loadSession(context, second.token, at(204))).toBeNull();
    expect(await loadSession(context, third.token, at(204))).toBeNull();
    const actions = (await findAuditEntries(context.database.db, { actorName: 'editor' }, 2)).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['session.sign-out-everywhere', 'session.sign-out']);
  });

  it('makes an administrator enrol TOTP, then requires the code, refuses a replay, and takes a recovery code once', async () => {
    const first = await tokenOf('admin', ADMIN_PASSWORD, at(300));
    expect(first.secondFactor).toBe('enrol');
    expect((await loadSession(context, first.token, at(300)))?.secondFactor).toBe('enrol');

    const enrolment = await startTotpEnrolment(context, first.token, at(300));
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrSvg).toContain('<svg');
    expect((await startTotpEnrolment(context, first.token, at(301))).secret).toBe(enrolment.secret);
    const stored = await context.database.db
      .selectFrom('users')
      .select(['totp_secret_sealed', 'totp_enabled_at'])
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_enabled_at).toBeNull();
    expect(stored.totp_secret_sealed).toMatch(/^v1:/);
    expect(stored.totp_secret_sealed).not.toContain(enrolment.secret);

    const bad = await confirmTotpEnrolment(context, first.token, '000000', at(301));
    expect(bad.kind).toBe('failed');
    const confirmed = await confirmTotpEnrolment(
      context,
      first.token,
      totpCode(enrolment.secret, at(301)),
      at(301),
    );
    if (confirmed.kind !== 'enabled') throw new Error(confirmed.message);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    // The session that showed only the password is replaced by a new one.
    expect(confirmed.token).not.toBe(first.token);
    expect(await loadSession(context, first.token, at(302))).toBeNull();
    expect((await loadSession(context, confirmed.token, at(302)))?.secondFactor).toBe('passed');
    const hashes = await context.database.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(hashes).toHaveLength(10);
    expect(JSON.stringify(hashes)).not.toContain(confirmed.recoveryCodes[0]);
    await expect(startTotpEnrolment(context, confirmed.token, at(302))).rejects.toThrow(/已启用/);

    // The next sign-in requires the code.
    const second = await tokenOf('admin', ADMIN_PASSWORD, at(310));
    expect(second.secondFactor).toBe('required');
    expect((await loadSession(context, second.token, at(310)))?.secondFactor).toBe('required');
    // A session that has shown only the password cannot replace the factor.
    await expect(startTotpEnrolment(context, second.token, at(310))).rejects.toThrow(/已启用/);
    const code = totpCode(enrolment.secret, at(310));
    const passed = await verifySecondFactor(context, second.token, code, at(310));
    expect(passed).toMatchObject({ kind: 'passed', method: 'totp' });
    if (passed.kind !== 'passed') throw new Error(passed.kind);
    expect(await loadSession(context, second.token, at(310))).toBeNull();
    expect((await loadSession(context, passed.token, at(310)))?.secondFactor).toBe('passed');

    // The same code again, within its 30 seconds, in another session: a replay.
    const third = await tokenOf('admin', ADMIN_PASSWORD, at(310.2));
    const replay = await verifySecondFactor(context, third.token, code, at(310.2));
    expect(replay).toEqual({ kind: 'failed', message: '该动态口令已使用过，请等待下一个口令' });
    expect((await loadSession(context, third.token, at(310.2)))?.secondFactor).toBe('required');

    const recovery = confirmed.recoveryCodes[0] ?? '';
    expect(await verifySecondFactor(context, third.token, recovery.toUpperCase(), at(311))).toEqual({
      kind: 'passed',
      method: 'recovery-code',
      recoveryCodesLeft: 9,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
    });
    const fourth = await tokenOf('admin', ADMIN_PASSWORD, at(312));
    expect(await verifySecondFactor(context, fourth.token, recovery, at(312))).toEqual({
      kind: 'failed',
      message: '动态口令或恢复码不正确',
    });
    const methods = (await findAuditEntries(context.database.db, { action: 'session.second-factor' }, 4)).map(
      (e) => `${e.result}:${String(detailsOf(e).method ?? detailsOf(e).reason)}`,
    );
    expect(methods).toEqual(['failed:wrong-code', 'ok:recovery-code', 'failed:replayed-code', 'ok:totp']);
  });

  it('counts wrong second-factor codes toward the lockout and ends the session when it locks', async () => {
    const { token } = await tokenOf('admin', ADMIN_PASSWORD, at(400));
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push((await verifySecondFactor(context, token, '123456', at(400 + i / 10))).kind);
    expect(results).toEqual(['failed', 'failed', 'failed', 'failed', 'locked']);
    expect(await loadSession(context, token, at(401))).toBeNull();
    expect((await signInAs('admin', ADMIN_PASSWORD, at(401))).kind).toBe('locked');
    expect((await tokenOf('admin', ADMIN_PASSWORD, at(416))).secondFactor).toBe('required');
  });

  it('loads the actor with grants and keeps the audit chain intact', async () => {
    const actor = await loadActor(context.database.db, admin.id);
    expect(actor).toMatchObject({
      kind: 'staff',
      grants: [{ role: 'system-admin', unitPath: admin.grants[0]?.unitPath }],
    });
    expect(await verifyAudit(context.database.db)).toMatchObject({ ok: true });
    const all = JSON.stringify(await findAuditEntries(context.database.db, {}, 1000));
    for (const secret of [ADMIN_PASSWORD, EDITOR_PASSWORD, 'Wrong#Pass99']) expect(all).not.toContain(secret);
  });
});
