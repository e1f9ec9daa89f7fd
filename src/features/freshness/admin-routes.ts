// Back-office routes of the freshness monitor. The admin guard (sign-in complete, CSRF on posts) runs
// first; the policy decides the rest and anything forbidden answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { getFreshnessOverview, getUnitFreshness, setColumnKind } from './service.ts';
import { FreshnessOverviewPage, UnitFreshnessView } from './views/FreshnessPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该单位');
  return id;
}

function asOfQuery(request: FastifyRequest): string | null {
  const asOf = (request.query as { asOf?: unknown } | undefined)?.asOf;
  return typeof asOf === 'string' ? asOf : null;
}

const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body as Record<string, unknown> | undefined) ?? {};

export function freshnessAdminRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/freshness', async (request, reply) => {
      const session = sessionOf(request);
      const { asOf, entries } = await getFreshnessOverview(scopeOf(request, session), asOfQuery(request));
      const page = FreshnessOverviewPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        asOf,
        entries,
      });
      return reply.type(html).send(renderPage(page));
    });

    app.get('/admin/units/:id/freshness', async (request, reply) => {
      const session = sessionOf(request);
      const page = await getUnitFreshness(scopeOf(request, session), idParam(request), asOfQuery(request));
      return reply
        .type(html)
        .send(renderPage(UnitFreshnessView({ actor: session.actor, csrfToken: session.csrfToken, page })));
    });

    // A refused change comes back as the page with the message at the top.
    app.post('/admin/units/:id/freshness/kind', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const id = idParam(request);
      try {
        await setColumnKind(scope, id, bodyOf(request));
        return await reply.redirect(`/admin/units/${id}/freshness`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const page = await getUnitFreshness(scope, id);
        const view = UnitFreshnessView({
          actor: session.actor,
          csrfToken: session.csrfToken,
          page,
          error: { field: error.field, message: error.message },
        });
        return reply.status(400).type(html).send(renderPage(view));
      }
    });
    return Promise.resolve();
  };
}
