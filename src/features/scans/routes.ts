// Back-office page of the internal scans. The admin guard runs first; the service's policy answers 404 to
// anyone but the installation's system administrators.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { getScanOverview } from './service.ts';
import { ScansPage } from './views/ScansPage.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

export function scanRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/scans', async (request, reply) => {
      const session = sessionOf(request);
      const rows = await getScanOverview({ context, actor: session.actor, address: request.ip });
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(ScansPage({ actor: session.actor, csrfToken: session.csrfToken, rows })));
    });
    return Promise.resolve();
  };
}
