// The public search page of the 政府信息公开 column: open to everyone, no session, server-rendered.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { renderPage } from '../../web/render.tsx';
import { searchPublished, type SearchForm } from './service.ts';
import { SearchPage } from './views/SearchPage.tsx';

export function searchRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/disclosure/search', async (request, reply) => {
      const model = await searchPublished(context, request.query as SearchForm);
      return reply
        .code(model.problem === null ? 200 : 400)
        .type('text/html; charset=utf-8')
        .send(renderPage(SearchPage({ model })));
    });
    return Promise.resolve();
  };
}
