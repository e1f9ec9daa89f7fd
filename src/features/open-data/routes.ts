// Public open-data routes, under /disclosure so that they carry ETags like the other public pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { openDataCsv, openDataJson } from './present.ts';
import { getOpenData, listOpenData } from './service.ts';
import { OpenDataPage } from './views/OpenDataPage.tsx';

/** `:id` and `:file` (`2024.csv`, `2024.json`) of a download. */
function fileParams(request: FastifyRequest): { unitId: number; year: number; type: 'csv' | 'json' } {
  const params = request.params as { id?: string; file?: string };
  const id = /^\d{1,15}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const file = /^(\d{4})\.(csv|json)$/.exec(params.file ?? '');
  if (id <= 0 || file === null) throw new NotFound('未找到该开放数据');
  return { unitId: id, year: Number(file[1]), type: file[2] as 'csv' | 'json' };
}

export function openDataRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/disclosure/open-data', async (_request, reply) => {
      const years = await listOpenData(context);
      return reply.type('text/html; charset=utf-8').send(renderPage(OpenDataPage({ years })));
    });

    app.get('/disclosure/open-data/units/:id/:file', async (request, reply) => {
      const { unitId, year, type } = fileParams(request);
      const data = await getOpenData(context, unitId, year);
      const name = `open-data-${unitId}-${year}.${type}`;
      return reply
        .type(type === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(type === 'csv' ? openDataCsv(data) : openDataJson(data));
    });
    return Promise.resolve();
  };
}
