// Back office: a unit's rollup of its sub-units' annual reports, its XLSX download, and the import of a
// report of a unit not on the platform. The admin guard (sign-in, CSRF on posts) runs first; the policy
// decides the rest and anything forbidden answers 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound, TooLarge } from '../../core/errors.ts';
import { readMultipartForm } from '../../web/multipart.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { chinaDate } from '../applications/clock.ts';
import { rollupWorkbook } from './export.ts';
import { getRollup, importExternalReport, validateRollupYear } from './service.ts';
import { RollupPage, type RollupPageProps } from './views/RollupPage.tsx';

const MAX_REPORT_BYTES = 20 * 1024 * 1024;
const HTML = 'text/html; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function unitParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该单位');
  return id;
}

/** The year asked for, or last year (the one whose reports are due) when none is given. */
function yearQuery(request: FastifyRequest): number {
  const text = (request.query as { year?: string }).year;
  if (text === undefined || text === '') return Number(chinaDate(new Date()).slice(0, 4)) - 1;
  return validateRollupYear(text);
}

export function reportRollupRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    unitId: number,
    year: number,
    extra: Pick<RollupPageProps, 'error' | 'imported'> = {},
    status = 200,
  ) => {
    const session = sessionOf(request);
    const rollup = await getRollup(scopeOf(request, session), unitId, year);
    return reply
      .status(status)
      .type(HTML)
      .send(renderPage(RollupPage({ actor: session.actor, csrfToken: session.csrfToken, rollup, ...extra })));
  };

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/units/:id/report-rollup', async (request, reply) =>
      page(request, reply, unitParam(request), yearQuery(request)),
    );

    app.get('/admin/units/:id/report-rollup/xlsx', async (request, reply) => {
      const session = sessionOf(request);
      const rollup = await getRollup(scopeOf(request, session), unitParam(request), yearQuery(request));
      const name = `${rollup.unit.name}${rollup.year}年度报告汇总.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="report-rollup-${rollup.unit.id}-${rollup.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await rollupWorkbook(rollup));
    });

    app.post('/admin/units/:id/report-rollup/import', async (request, reply) => {
      const unitId = unitParam(request);
      const scope = scopeOf(request, sessionOf(request));
      let fields: Readonly<Record<string, string>> = {};
      let year = Number(chinaDate(new Date()).slice(0, 4)) - 1;
      try {
        const form = request.isMultipart() ? await readMultipartForm(request, MAX_REPORT_BYTES) : null;
        fields = form?.fields ?? {};
        const result = await importExternalReport(scope, unitId, fields, () => {
          const upload = form?.files.file;
          if (upload === undefined) throw new Invalid('file', '请选择要导入的年度报告文件');
          return Promise.resolve({ fileName: upload.fileName, data: upload.data });
        });
        year = validateRollupYear(fields.year);
        return await page(request, reply, unitId, year, { imported: result });
      } catch (error) {
        if (!(error instanceof Invalid || error instanceof TooLarge)) throw error;
        if (/^\d{4}$/.test(fields.year ?? '') && Number(fields.year) >= 2021) year = Number(fields.year);
        return page(
          request,
          reply,
          unitId,
          year,
          { error: error.message },
          error instanceof TooLarge ? 413 : 400,
        );
      }
    });
    return Promise.resolve();
  };
}
