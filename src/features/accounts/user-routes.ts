// Back-office pages of staff accounts: list (masked), create, details, audited reveal, disable.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { holdsRole } from '../../core/access/roles.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { listUnits } from '../units/service.ts';
import { canManageUnitRoles } from './policy.ts';
import { presentUserForList, revealUserPersonalData } from './personal-data.ts';
import { createUser, disableUser, getUser, listUsers } from './service.ts';
import { UserListPage, UserPage } from './views/UserPages.tsx';

function text(request: FastifyRequest, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

function idParam(request: FastifyRequest): number {
  const id = Number((request.params as { id?: string }).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound('未找到该用户');
  return id;
}

export function userRoutes(context: AppContext) {
  function scopeOf(request: FastifyRequest): ActingScope {
    const session = request.staffSession;
    // Only system administrators manage accounts; for everyone else the pages do not exist.
    if (session === null || !holdsRole(session.actor, ['system-admin'])) throw new NotFound();
    return { context, actor: session.actor, address: request.ip };
  }

  async function listPage(
    request: FastifyRequest,
    extra: { error?: string; values?: Record<string, string> } = {},
  ) {
    const scope = scopeOf(request);
    const session = request.staffSession as NonNullable<typeof request.staffSession>;
    const units = await listUnits(scope);
    const users = (await listUsers(scope)).map((user) => presentUserForList(context.keys, user));
    return renderPage(
      UserListPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        users,
        manageableUnits: units.filter((unit) => canManageUnitRoles(session.actor, unit.path)),
        unitNames: new Map(units.map((u) => [u.id, u.name])),
        ...extra,
      }),
    );
  }

  async function userPage(request: FastifyRequest, extra: Partial<Parameters<typeof UserPage>[0]> = {}) {
    const scope = scopeOf(request);
    const session = request.staffSession as NonNullable<typeof request.staffSession>;
    const user = presentUserForList(context.keys, await getUser(scope, idParam(request)));
    const units = await listUnits(scope);
    return renderPage(
      UserPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        user,
        unitNames: new Map(units.map((u) => [u.id, u.name])),
        ...extra,
      }),
    );
  }

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/users', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await listPage(request)),
    );

    app.post('/admin/users', async (request, reply) => {
      const scope = scopeOf(request);
      const values = {
        username: text(request, 'username'),
        displayName: text(request, 'displayName'),
        unitId: text(request, 'unitId'),
        role: text(request, 'role'),
      };
      try {
        const user = await createUser(scope, {
          username: values.username,
          displayName: values.displayName,
          password: text(request, 'password'),
          idNumber: text(request, 'idNumber'),
          phone: text(request, 'phone'),
          email: text(request, 'email'),
          grants: [{ unitId: Number(values.unitId), role: values.role }],
          passwordSetByAdmin: true,
        });
        return await reply.redirect(`/admin/users/${user.id}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid || error instanceof Conflict)) throw error;
        const page = await listPage(request, { error: error.message, values });
        return reply.status(400).type('text/html; charset=utf-8').send(page);
      }
    });

    app.get('/admin/users/:id', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await userPage(request)),
    );

    app.post('/admin/users/:id/reveal', async (request, reply) => {
      const scope = scopeOf(request);
      reply.type('text/html; charset=utf-8');
      try {
        const revealed = await revealUserPersonalData(scope, idParam(request), text(request, 'reason'));
        // Never cached: the page carries personal data in clear.
        return await reply.header('cache-control', 'no-store').send(await userPage(request, { revealed }));
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return reply.status(400).send(await userPage(request, { error: error.message }));
      }
    });

    app.post('/admin/users/:id/disable', async (request, reply) => {
      const scope = scopeOf(request);
      try {
        await disableUser(scope, idParam(request));
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(await userPage(request, { error: error.message }));
      }
      return reply.redirect(`/admin/users/${idParam(request)}`, 303);
    });
    return Promise.resolve();
  };
}
