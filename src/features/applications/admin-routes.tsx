// Back-office pages of applications. The admin guard (sign-in complete) runs before every route here;
// the policy decides which applications each page shows, and anything else answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { getApplication, listApplications } from './service.ts';
import { ApplicationListPage, ApplicationPage } from './views/AdminApplicationPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该申请');
  return id;
}

export function applicationAdminRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/applications', async (request, reply) => {
      const session = sessionOf(request);
      const applications = await listApplications(scopeOf(request, session));
      const page = ApplicationListPage({ actor: session.actor, csrfToken: session.csrfToken, applications });
      return reply.type(html).send(renderPage(page));
    });

    app.get('/admin/applications/:id', async (request, reply) => {
      const session = sessionOf(request);
      const { application, events } = await getApplication(scopeOf(request, session), idParam(request));
      const page = ApplicationPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        application,
        events,
      });
      return reply.type(html).send(renderPage(page));
    });
    return Promise.resolve();
  };
}
