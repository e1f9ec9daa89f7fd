// GET /admin/worklist?view=…: the work list of the signed-in person. The admin guard has run; the use
// case answers 404 to anyone without an application role, as every refusal does.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { WorkListPage } from './views/WorkListPage.tsx';
import { loadWorkList } from './worklists.ts';

export function workListRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/worklist', async (request, reply) => {
      const session = request.staffSession;
      if (session === null) throw new NotFound();
      const scope = { context, actor: session.actor, address: request.ip };
      const list = await loadWorkList(scope, (request.query as { view?: unknown }).view);
      const page = WorkListPage({ actor: session.actor, csrfToken: session.csrfToken, list });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });
    return Promise.resolve();
  };
}
