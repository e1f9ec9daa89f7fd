// Back office: the annual report of a unit compiled from its records, for the disclosure office and
// leaders (who may read both the applications and the records of the unit). Anyone else: 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { holdsRoleOver } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { chinaDate } from '../applications/clock.ts';
import { drillDown } from './drill-down.ts';
import { lockStateOf } from './lock.ts';
import { compileWithNarratives } from './narrative-edit.ts';
import { canPublishReport } from './publish-policy.ts';
import { ReportDraftPage } from './views/ReportDraftPage.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

export function annualReportRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/units/:id/annual-report', async (request, reply) => {
      const session = sessionOf(request);
      const text = (request.params as { id?: string }).id ?? '';
      const unitId = /^\d{1,15}$/.test(text) ? Number(text) : 0;
      const unit = await context.database.db
        .selectFrom('units')
        .select(['id', 'path'])
        .where('id', '=', unitId)
        .executeTakeFirst();
      if (!unit || !holdsRoleOver(session.actor, ['supervisor', 'leader'], unit.path)) {
        throw new NotFound('未找到该单位');
      }
      const yearText = (request.query as { year?: string }).year ?? '';
      const year = /^\d{4}$/.test(yearText)
        ? Number(yearText)
        : Number(chinaDate(new Date()).slice(0, 4)) - 1;
      const scope = { context, actor: session.actor, address: request.ip };
      const { compiled, ...narrative } = await compileWithNarratives(scope, { unitId, year });
      const [lock, drill] = await Promise.all([
        lockStateOf(context.database.db, unitId, year),
        drillDown(scope, unitId, compiled),
      ]);
      const page = ReportDraftPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        unitId,
        year,
        compiled,
        canPublish: canPublishReport(session.actor, unit.path),
        lock,
        narrative,
        drill,
      });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });
    return Promise.resolve();
  };
}
