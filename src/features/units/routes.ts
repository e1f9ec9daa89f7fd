// Back-office pages of units. The admin guard (sign-in complete) runs before every route here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { allowedUnitActions } from './policy.ts';
import { addUnit, getUnit, listUnits } from './service.ts';
import { DashboardPage, UnitListPage, UnitPage } from './views/UnitPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  // The admin guard has already sent anyone without a complete sign-in away.
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const id = Number((request.params as { id?: string }).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound('未找到该单位');
  return id;
}

function text(request: FastifyRequest, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function unitRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin', async (request, reply) => {
      const session = sessionOf(request);
      const units = await listUnits(scopeOf(request, session));
      const page = DashboardPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        unitCount: units.length,
      });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });

    app.get('/admin/units', async (request, reply) => {
      const session = sessionOf(request);
      const units = await listUnits(scopeOf(request, session));
      const page = UnitListPage({ actor: session.actor, csrfToken: session.csrfToken, units });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });

    const showUnit = async (request: FastifyRequest, error?: string) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getUnit(scope, idParam(request));
      const children = (await listUnits(scope)).filter((u) => u.parentId === unit.id);
      const allowed = allowedUnitActions(session.actor, unit);
      const props = { actor: session.actor, csrfToken: session.csrfToken, unit, children, allowed };
      return renderPage(UnitPage(error === undefined ? props : { ...props, error }));
    };

    app.get('/admin/units/:id', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await showUnit(request)),
    );

    app.post('/admin/units/:id/children', async (request, reply) => {
      const session = sessionOf(request);
      const parentId = idParam(request);
      try {
        const unit = await addUnit(scopeOf(request, session), {
          parentId,
          name: text(request, 'name'),
          kind: text(request, 'kind'),
          uscc: text(request, 'uscc'),
        });
        return await reply.redirect(`/admin/units/${unit.id}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(await showUnit(request, error.message));
      }
    });
    return Promise.resolve();
  };
}
