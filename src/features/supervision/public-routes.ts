// The public page of open 政府信息查阅点: open to everyone, no session, server-rendered.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { renderPage } from '../../web/render.tsx';
import { openQueryPoints } from './service.ts';
import { QueryPointsPage } from './views/QueryPointsPage.tsx';

export function supervisionPublicRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/disclosure/query-points', async (_request, reply) => {
      const points = await openQueryPoints(context.database.db);
      return reply.type('text/html; charset=utf-8').send(renderPage(QueryPointsPage({ points })));
    });
    return Promise.resolve();
  };
}
