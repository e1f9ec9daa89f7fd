// Back office: unlocking a published year (with a reason), saving edited narrative sections, and the
// publication deadlines of a unit and the units below it. The admin guard (sign-in, CSRF) runs first;
// the services answer 404 to anyone but the disclosure office of the unit or above.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { chinaDate } from '../applications/clock.ts';
import { deadlineOverview } from './deadlines.ts';
import { unlockYear } from './lock.ts';
import { saveNarrative } from './narrative-edit.ts';
import { DeadlinesPage } from './views/DeadlinesPage.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function unitIdOf(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const unitId = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (unitId <= 0) throw new NotFound('未找到该单位');
  return unitId;
}

function bodyOf(request: FastifyRequest): Record<string, string> {
  const body = (request.body as Record<string, unknown> | undefined) ?? {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

// An unreadable year is refused by the service after the policy has looked at the unit.
const yearOf = (text: string | undefined): number =>
  text !== undefined && /^\d{4}$/.test(text) ? Number(text) : Number.NaN;

export function annualReportEditRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.post('/admin/units/:id/annual-report/unlock', async (request, reply) => {
      const session = sessionOf(request);
      const unitId = unitIdOf(request);
      const body = bodyOf(request);
      const year = yearOf(body.year);
      await unlockYear(
        { context, actor: session.actor, address: request.ip },
        { unitId, year, reason: body.reason ?? '' },
      );
      return reply.redirect(`/admin/units/${unitId}/annual-report?year=${year}#report-lock`, 303);
    });

    app.post('/admin/units/:id/annual-report/narrative', async (request, reply) => {
      const session = sessionOf(request);
      const unitId = unitIdOf(request);
      const body = bodyOf(request);
      const year = yearOf(body.year);
      await saveNarrative(
        { context, actor: session.actor, address: request.ip },
        { unitId, year, section: body.section ?? '', body: body.body ?? '' },
      );
      return reply.redirect(
        `/admin/units/${unitId}/annual-report?year=${year}#narrative-${encodeURIComponent(body.section ?? '')}`,
        303,
      );
    });

    app.get('/admin/units/:id/annual-report/deadlines', async (request, reply) => {
      const session = sessionOf(request);
      const unitId = unitIdOf(request);
      const now = new Date();
      const yearText = (request.query as { year?: string }).year ?? '';
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number(chinaDate(now).slice(0, 4)) - 1;
      const overview = await deadlineOverview(
        { context, actor: session.actor, address: request.ip },
        unitId,
        year,
        now,
      );
      const page = DeadlinesPage({ actor: session.actor, csrfToken: session.csrfToken, overview });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });
    return Promise.resolve();
  };
}
