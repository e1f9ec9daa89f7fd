// The sign-in rules as a person meets them in the browser: lockout, the TOTP step, idle expiry.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin, createUser } from '../../src/features/accounts/service.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { totpCode } from '../../src/security/totp.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { form } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

describe(`signing in over HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    context = await createTestContext();
    app = await createApp(context);
    const city = await addUnit(operatorScope(context), {
      parentId: null,
      name: '示例市人民政府',
      kind: 'city',
    });
    await createFirstAdmin(context, {
      username: 'chen.admin',
      displayName: '陈',
      password: PASSWORD,
      unitId: city.id,
    });
    await createUser(operatorScope(context), {
      username: 'han.editor',
      displayName: '韩',
      password: PASSWORD,
      grants: [{ unitId: city.id, role: 'editor' }],
    });
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  const login = (username: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ username, password, next: '/admin' }),
    });
  const cookieOf = (response: Awaited<ReturnType<typeof login>>) =>
    String(response.headers['set-cookie']).split(';')[0] ?? '';

  it('locks the account after 5 wrong passwords, even against the right one', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await login('han.editor', 'not-the-password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('用户名或密码错误');
    }
    const fifth = await login('han.editor', 'not-the-password');
    expect(fifth.body).toContain('账号已锁定');
    const right = await login('han.editor', PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.body).toContain('账号已锁定');
  });

  it('asks an administrator for the TOTP code before anything else, once it is enrolled', async () => {
    const first = await login('chen.admin', PASSWORD);
    expect(first.headers.location).toBe('/admin/totp');
    const cookie = cookieOf(first);
    const anywhere = await app.inject({ method: 'GET', url: '/admin/units', headers: { cookie } });
    expect(anywhere.headers.location).toBe('/admin/totp');
    const enrol = await app.inject({ method: 'GET', url: '/admin/totp', headers: { cookie } });
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(enrol.body)?.[1] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(enrol.body)?.[1] ?? '';
    const confirm = await app.inject({
      method: 'POST',
      url: '/admin/totp',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, code: totpCode(secret, new Date()) }),
    });
    expect(confirm.body).toContain('data-testid="recovery-codes"');
    // The cookie seen before the second factor is replaced, and no longer signs anyone in.
    const rotated = cookieOf(confirm);
    expect(rotated).toMatch(/=[A-Za-z0-9_-]{43}$/);
    expect(rotated).not.toBe(cookie);
    const withOld = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    expect(withOld.headers.location).toContain('/admin/login');
    const withNew = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: rotated } });
    expect(withNew.statusCode).toBe(200);

    const second = await login('chen.admin', PASSWORD);
    expect(second.headers.location).toBe('/admin/second-factor');
    const secondCookie = cookieOf(second);
    const blocked = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: secondCookie } });
    expect(blocked.headers.location).toBe('/admin/second-factor');
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const other = await createUser(operatorScope(context), {
      username: 'yang.reviewer',
      displayName: '杨',
      password: PASSWORD,
      grants: [{ unitId: 1, role: 'reviewer' }],
    });
    const signedIn = await login(other.username, PASSWORD);
    const cookie = cookieOf(signedIn);
    expect((await app.inject({ method: 'GET', url: '/admin', headers: { cookie } })).statusCode).toBe(200);
    const longAgo = new Date(Date.now() - 31 * 60_000);
    await context.database.db
      .updateTable('sessions')
      .set({ last_seen_at: context.database.dialect === 'postgres' ? longAgo : longAgo.toISOString() })
      .where('user_id', '=', other.id)
      .execute();
    const expired = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toContain('/admin/login');
  });
});

describe(`the sign-in rate limit on ${testDialect}`, () => {
  it('answers 429 after the configured number of attempts from one address in a minute', async () => {
    const context = await createTestContext({ signInRateLimitPerMinute: 3 });
    const app = await createApp(context);
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await app.inject({
          method: 'POST',
          url: '/admin/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
          payload: form({ username: 'nobody', password: 'x', next: '/admin' }),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
      await context.destroy();
    }
  });
});

describe(`sign-in from another site on ${testDialect}`, () => {
  it('refuses a sign-in form posted from another origin, and accepts the same origin', async () => {
    const context = await createTestContext();
    const app = await createApp(context);
    try {
      const post = (origin: string) =>
        app.inject({
          method: 'POST',
          url: '/admin/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin, host: 'gk.example.gov.cn' },
          payload: form({ username: 'nobody', password: 'x', next: '/admin' }),
        });
      expect((await post('https://evil.example')).statusCode).toBe(403);
      expect((await post('null')).statusCode).toBe(403);
      expect((await post('https://gk.example.gov.cn')).statusCode).toBe(401);
    } finally {
      await app.close();
      await context.destroy();
    }
  });
});
