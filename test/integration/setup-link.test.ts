import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../src/features/accounts/setup.ts';
import { listUnits } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { form, signInOverHttp } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

describe(`the one-time setup link on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('creates the first unit and administrator once, then stops working', async () => {
    const token = await issueSetupToken(context);
    if (token === null) throw new Error('a fresh installation needs a setup link');
    const page = await app.inject({ method: 'GET', url: `/admin/setup/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('本机关（最上级单位）名称');

    const post = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/admin/setup/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(fields),
      });
    const base = {
      unitName: '示例区人民政府',
      unitKind: 'county',
      username: 'li.admin',
      displayName: '李管理',
    };
    const weak = await post({ ...base, password: '12345678', confirmPassword: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('data-testid="setup-error"');
    expect(await listUnits(operatorScope(context))).toEqual([]);

    const done = await post({ ...base, password: PASSWORD, confirmPassword: PASSWORD });
    expect(done.statusCode).toBe(303);
    expect((await listUnits(operatorScope(context))).map((u) => u.name)).toEqual(['示例区人民政府']);
    await signInOverHttp(app, 'li.admin', PASSWORD);

    const reused = await app.inject({ method: 'GET', url: `/admin/setup/${token}` });
    expect(reused.statusCode).toBe(404);
    expect(await issueSetupToken(context)).toBeNull();
  });

  it('answers an unknown link like a missing page', async () => {
    const response = await app.inject({ method: 'GET', url: '/admin/setup/not-a-token' });
    expect(response.statusCode).toBe(404);
  });
});
