import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { form, signInOverHttp } from '../support/staff-session.ts';

const OLD = 'Hg7#water-Lily-2026';
const NEW = 'Rv4%stone-Maple-2027';

describe(`changing one's password on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    const city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    await createUser(operator, {
      username: 'sun.editor',
      displayName: '孙编辑',
      password: OLD,
      grants: [{ unitId: city.id, role: 'editor' }],
    });
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('sends a user whose password is past the 90 days to the change page first', async () => {
    const old = new Date(Date.now() - 100 * 86_400_000);
    await context.database.db
      .updateTable('users')
      .set({ password_changed_at: context.database.dialect === 'postgres' ? old : old.toISOString() })
      .where('username', '=', 'sun.editor')
      .execute();
    const login = await app.inject({
      method: 'POST',
      url: '/admin/login',
      payload: form({ username: 'sun.editor', password: OLD, next: '/admin' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const dashboard = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    expect(dashboard.statusCode).toBe(303);
    expect(dashboard.headers.location).toBe('/admin/password');
    const page = await app.inject({ method: 'GET', url: '/admin/password', headers: { cookie } });
    expect(page.body).toContain('已超过规定的使用期限');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const post = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/admin/password',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrf, ...fields }),
      });

    const mismatch = await post({ currentPassword: OLD, newPassword: NEW, confirmPassword: `${NEW}x` });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('两次输入的新密码不一致');
    const weak = await post({ currentPassword: OLD, newPassword: 'abc12345', confirmPassword: 'abc12345' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('data-testid="password-error"');
    const same = await post({ currentPassword: OLD, newPassword: OLD, confirmPassword: OLD });
    expect(same.statusCode).toBe(400);
    const done = await post({ currentPassword: OLD, newPassword: NEW, confirmPassword: NEW });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('data-testid="password-changed"');

    const again = await signInOverHttp(app, 'sun.editor', NEW);
    const after = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: again.cookie } });
    expect(after.statusCode).toBe(200);
  });
});
