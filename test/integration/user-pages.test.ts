import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { form, postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

describe(`account pages on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let admin: SignedIn;
  let city: Unit;
  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    await createUser(operator, {
      username: 'wu.admin',
      displayName: '吴',
      password: PASSWORD,
      grants: [{ unitId: city.id, role: 'system-admin' }],
    });
    admin = await signInOverHttp(app, 'wu.admin', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  const post = (url: string, fields: Record<string, string>) => postAs(app, admin, url, fields);

  it('creates an account with real-name data, lists it masked, and reveals it only with a reason, audited', async () => {
    const fields = {
      username: 'zheng.handler',
      displayName: '郑办理',
      password: PASSWORD,
      unitId: String(city.id),
      role: 'handler',
    };
    const bad = await post('/admin/users', { ...fields, idNumber: '110105198503121235' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('居民身份证号码');

    const created = await post('/admin/users', {
      ...fields,
      idNumber: '11010519491231002X',
      phone: '13912345678',
    });
    expect(created.statusCode).toBe(303);
    const list = await app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: admin.cookie } });
    expect(list.body).toContain('110105********002X');
    expect(list.body).toContain('139****5678');
    expect(list.body).not.toContain('13912345678');

    const detailUrl = String(created.headers.location);
    const noReason = await post(`${detailUrl}/reveal`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const revealed = await post(`${detailUrl}/reveal`, { reason: '核对申请人提交的身份信息' });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(revealed.body).toContain('11010519491231002X');
    const entries = await findAuditEntries(context.database.db, { action: 'user.reveal-personal-data' }, 10);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toContain('核对申请人提交的身份信息');
    expect(entries[0]?.details).not.toContain('11010519491231002X');
  });

  it('makes the person change a password an administrator chose before anything else', async () => {
    const chosen = 'Wq8#river-Pine-2026';
    const own = 'Lm3%cloud-Birch-2027';
    const created = await post('/admin/users', {
      username: 'feng.editor',
      displayName: '冯编辑',
      password: chosen,
      unitId: String(city.id),
      role: 'editor',
    });
    expect(created.statusCode).toBe(303);
    const login = await app.inject({
      method: 'POST',
      url: '/admin/login',
      payload: form({ username: 'feng.editor', password: chosen, next: '/admin' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const home = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    expect([home.statusCode, home.headers.location]).toEqual([303, '/admin/password']);
    const page = await app.inject({ method: 'GET', url: '/admin/password', headers: { cookie } });
    expect(page.body).toContain('管理员为您设置的初始密码');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const changed = await app.inject({
      method: 'POST',
      url: '/admin/password',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, currentPassword: chosen, newPassword: own, confirmPassword: own }),
    });
    expect(changed.statusCode).toBe(200);
    const row = await context.database.db
      .selectFrom('users')
      .select('password_set_by_admin_at')
      .where('username', '=', 'feng.editor')
      .executeTakeFirstOrThrow();
    expect(row.password_set_by_admin_at).toBeNull();
    const again = await signInOverHttp(app, 'feng.editor', own);
    const after = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: again.cookie } });
    expect(after.statusCode).toBe(200);
  });
});
