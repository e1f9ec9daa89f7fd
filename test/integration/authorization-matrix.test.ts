// Every back-office route and API endpoint (read from the router) against every role, in the user's
// own unit, a sub-unit and an unrelated unit: allowed, or answered exactly like a missing record (404).
// A route without a row here fails the test, so new routes cannot skip the matrix.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/core/access/roles.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { multipartBody } from '../support/multipart.ts';
import { form, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

type Place = 'own' | 'sub' | 'unrelated';

type Expectation = (role: Role, place: Place) => boolean;

const everyone: Expectation = () => true;
const inScope: Expectation = (_role, place) => place !== 'unrelated';
const auditorOnly: Expectation = (role) => role === 'security-auditor';
const adminInScope: Expectation = (role, place) => role === 'system-admin' && place !== 'unrelated';
const handlesApplications = (role: Role) => role === 'handler' || role === 'supervisor' || role === 'leader';

/** The open routes (public pages, API, sign-in) are not part of the staff matrix. */
const PUBLIC =
  /^(\/$|\/healthz|\/assets\/|\/docs|\/report-check|\/apply(\/status)?$|\/api\/v1\/report-checks|\/admin\/(login|logout|logout-everywhere|second-factor|totp|password|setup\/:token)$)/;

const MATRIX: Readonly<Record<string, Expectation>> = {
  'GET /admin': everyone,
  'GET /admin/units': everyone,
  'GET /admin/units/:id': inScope,
  'POST /admin/units/:id/children': adminInScope,
  // Before the renaming below: the CSV names the parent by its name.
  'POST /admin/units/import': (role) => role === 'system-admin',
  'POST /admin/units/:id': adminInScope,
  // The form names the new parent: the own unit for the sub-unit; a unit out of reach otherwise.
  'POST /admin/units/:id/move': (role, place) => role === 'system-admin' && place === 'sub',
  'GET /admin/audit': auditorOnly,
  'GET /admin/audit/export.csv': auditorOnly,
  'GET /admin/users': (role) => role === 'system-admin',
  'POST /admin/users': adminInScope,
  'GET /admin/users/:id': adminInScope,
  'POST /admin/users/:id/reveal': adminInScope,
  'GET /admin/applications': handlesApplications,
  'GET /admin/applications/:id': (role, place) => handlesApplications(role) && place !== 'unrelated',
  // Last: it changes the accounts the rows above look at.
  'POST /admin/users/:id/disable': adminInScope,
};

/** Routes whose place is given in the form rather than in the path. */
const PLACE_IN_FORM = new Set(['POST /admin/users']);

describe(`authorisation matrix on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  const units: Partial<Record<Place, Unit>> = {};
  /** Accounts holding a role in each place, the targets of the /admin/users/:id routes. */
  const targets: Partial<Record<Place, number>> = {};
  /** An application received by each place, the targets of the /admin/applications/:id route. */
  const applications: Partial<Record<Place, number>> = {};
  let created = 0;
  let city: Unit | undefined;

  async function importAs(session: SignedIn | undefined, role: Role) {
    const csv = `单位名称,单位类型,上级单位\n${role}导入单位,other,${units.own?.name ?? ''}\n`;
    const { body, contentType } = multipartBody([
      { name: 'file', fileName: 'units.csv', data: Buffer.from(csv) },
    ]);
    return app.inject({
      method: 'POST',
      url: `/admin/units/import?_csrf=${encodeURIComponent(session?.csrf ?? '')}`,
      headers: { cookie: session?.cookie ?? '', 'content-type': contentType },
      payload: body,
    });
  }

  function payloadFor(route: string, role: Role, place: Place): Record<string, string> {
    switch (route) {
      case 'POST /admin/units/:id/children':
        return { name: `新单位${role}${place}`, kind: 'other' };
      case 'POST /admin/users':
        created += 1;
        return {
          username: `new-${created}`,
          displayName: `新用户${created}`,
          password: 'Tz8&river-Pine-2026',
          unitId: String(units[place]?.id),
          role: 'editor',
        };
      case 'POST /admin/units/:id':
        return {
          name: `${place}单位（改）`,
          kind: place === 'own' ? 'county' : place === 'sub' ? 'department' : 'city',
        };
      case 'POST /admin/units/:id/move':
        return { parentId: String(place === 'sub' ? units.own?.id : city?.id) };
      case 'POST /admin/users/:id/reveal':
        return { reason: '核对申请人身份' };
      default:
        return {};
    }
  }
  const sessions = new Map<Role, SignedIn>();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' });
    units.own = await addUnit(operator, { parentId: city.id, name: '甲区人民政府', kind: 'county' });
    units.sub = await addUnit(operator, { parentId: units.own.id, name: '甲区教育局', kind: 'department' });
    units.unrelated = await addUnit(operator, { parentId: null, name: '乙市人民政府', kind: 'city' });
    for (const place of ['own', 'sub', 'unrelated'] as const) {
      const target = await createUser(operator, {
        username: `target-${place}`,
        displayName: `目标${place}`,
        password: 'Tz8&river-Pine-2026',
        phone: '13912345678',
        grants: [{ unitId: (units[place] as Unit).id, role: 'editor' }],
      });
      targets[place] = target.id;
      const application = await submitOnlineApplication(
        { context, address: '127.0.0.1' },
        {
          unitId: String((units[place] as Unit).id),
          applicantKind: 'person',
          applicantName: '申请人',
          idType: 'passport',
          idNumber: 'E12345678',
          phone: '13912345678',
          description: '所需信息',
          provisionForm: 'electronic',
          obtainWay: 'collect',
        },
      );
      applications[place] = application.id;
    }
    for (const role of ROLES) {
      const username = `user-${role}`;
      const password = `Gk!Xq7-Passw0rd-2026-${ROLES.indexOf(role)}`;
      await createUser(operator, {
        username,
        displayName: role,
        password,
        // The audit log is read by the installation's auditors only: that role is held in the top-level
        // unit above `own` (which keeps own and sub in its scope and unrelated outside it).
        grants: [{ unitId: role === 'security-auditor' ? city.id : units.own.id, role }],
      });
      sessions.set(role, await signInOverHttp(app, username, password));
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('has a row for every staff route', () => {
    const staffRoutes = app.routeTable
      .filter((route) => route.method !== 'HEAD' && !PUBLIC.test(route.url))
      .map((route) => `${route.method} ${route.url}`);
    expect(staffRoutes.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !staffRoutes.includes(route))).toEqual([]);
  });

  it('allows or answers 404, as the matrix says, for every role and place', async () => {
    const failures: string[] = [];
    for (const [route, expected] of Object.entries(MATRIX)) {
      const [method, url] = route.split(' ') as [string, string];
      for (const role of ROLES) {
        const places: Place[] =
          url.includes(':id') || PLACE_IN_FORM.has(route) ? ['own', 'sub', 'unrelated'] : ['own'];
        for (const place of places) {
          const session = sessions.get(role);
          const id = url.startsWith('/admin/users/')
            ? targets[place]
            : url.startsWith('/admin/applications/')
              ? applications[place]
              : units[place]?.id;
          const response =
            route === 'POST /admin/units/import'
              ? await importAs(session, role)
              : await app.inject({
                  method: method as 'GET' | 'POST',
                  url: url.replace(':id', String(id)),
                  headers: {
                    cookie: session?.cookie ?? '',
                    'content-type': 'application/x-www-form-urlencoded',
                  },
                  ...(method === 'POST'
                    ? {
                        payload: form({ _csrf: session?.csrf ?? '', ...payloadFor(route, role, place) }),
                      }
                    : {}),
                });
          const allowed = response.statusCode < 400;
          const want = expected(role, place);
          if (allowed !== want || (!allowed && response.statusCode !== 404)) {
            failures.push(`${route} ${role}@${place}: ${response.statusCode}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends anyone without a session to the sign-in page, and refuses a POST without the CSRF token', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/admin/units' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/admin/login');
    const admin = sessions.get('system-admin');
    const forged = await app.inject({
      method: 'POST',
      url: `/admin/units/${units.own?.id}/children`,
      headers: { cookie: admin?.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ name: '伪造单位', kind: 'other' }),
    });
    expect(forged.statusCode).toBe(403);
  });
});
