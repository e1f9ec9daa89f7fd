// Back office: publishing the compiled annual report. The admin guard (sign-in, CSRF) runs first; the
// service answers 404 to anyone but the unit's disclosure office and 422 to a report with errors.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import type { LoadedSession } from '../accounts/model.ts';
import { publishAnnualReport } from './publish.ts';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

export function annualReportPublishRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.post('/admin/units/:id/annual-report/publish', async (request, reply) => {
      const session = sessionOf(request);
      const text = (request.params as { id?: string }).id ?? '';
      const unitId = /^\d{1,15}$/.test(text) ? Number(text) : 0;
      if (unitId <= 0) throw new NotFound('未找到该单位');
      const body = (request.body as Record<string, unknown> | undefined) ?? {};
      // An unreadable year is refused by the compiler, after the policy has looked at the unit.
      const year =
        typeof body.year === 'string' && /^\d{4}$/.test(body.year) ? Number(body.year) : Number.NaN;
      const published = await publishAnnualReport(
        { context, actor: session.actor, address: request.ip },
        { unitId, year },
      );
      return reply.redirect(`/disclosure/units/${unitId}/annual-reports#year-${published.year}`, 303);
    });
    return Promise.resolve();
  };
}
