// The back-office dashboard. The admin guard (sign-in complete) runs first; the policy decides the rest
// and anyone without a dashboard role meets a missing page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { getDashboard } from './service.ts';
import { DashboardPage } from './views/DashboardPage.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

export function dashboardRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/dashboard', async (request, reply) => {
      const session = sessionOf(request);
      const dashboard = await getDashboard(
        { context, actor: session.actor, address: request.ip },
        (request.query as Record<string, unknown>).year,
      );
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(DashboardPage({ actor: session.actor, csrfToken: session.csrfToken, dashboard })));
    });
    return Promise.resolve();
  };
}
