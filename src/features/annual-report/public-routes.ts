// Public pages of the published annual reports: open to everyone, read only what a supervisor published.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { renderReport } from '../reports/render-target.ts';
import { getPublishedReport, listPublishedReports } from './publish.ts';
import { PublishedReportsPage } from './views/PublishedReportsPage.tsx';

const HTML = 'text/html; charset=utf-8';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function unitParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该单位');
  return id;
}

function yearParam(request: FastifyRequest): number {
  const text = (request.params as { year?: string }).year ?? '';
  if (!/^\d{4}$/.test(text)) throw new NotFound('该年度报告尚未发布');
  return Number(text);
}

/** `?version=` names an earlier version; absent, the latest. */
function versionQuery(request: FastifyRequest): number | null {
  const text = (request.query as Record<string, unknown>).version;
  if (text === undefined || text === '') return null;
  if (typeof text !== 'string' || !/^\d{1,9}$/.test(text)) throw new NotFound('未找到该版本');
  return Number(text);
}

/** ASCII fallback plus the UTF-8 name (RFC 6266). */
function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function annualReportPublicRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/disclosure/units/:id/annual-reports', async (request, reply) => {
      const list = await listPublishedReports(context, unitParam(request));
      return reply.type(HTML).send(renderPage(PublishedReportsPage({ list })));
    });

    app.get('/disclosure/units/:id/annual-reports/:year', async (request, reply) => {
      const { report } = await getPublishedReport(
        context,
        unitParam(request),
        yearParam(request),
        versionQuery(request),
      );
      return reply.type(HTML).send(await renderReport(report, 'html'));
    });

    for (const target of ['docx', 'json'] as const) {
      app.get(`/disclosure/units/:id/annual-reports/:year/${target}`, async (request, reply) => {
        const unitId = unitParam(request);
        const year = yearParam(request);
        const { unit, version, report } = await getPublishedReport(
          context,
          unitId,
          year,
          versionQuery(request),
        );
        const name = `${unit.name}${year}年政府信息公开工作年度报告（第${version}版）.${target}`;
        return reply
          .type(target === 'docx' ? DOCX : 'application/json; charset=utf-8')
          .header(
            'content-disposition',
            attachment(name, `annual-report-${unitId}-${year}-v${version}.${target}`),
          )
          .send(await renderReport(report, target));
      });
    }
    return Promise.resolve();
  };
}
