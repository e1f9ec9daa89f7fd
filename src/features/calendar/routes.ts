// Back-office pages of the working-day calendar. The admin guard (sign-in complete) runs before every
// route here; the service's policy answers 404 to anyone but the installation's system administrators.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import type { CalendarChange } from './model.ts';
import {
  declareYearComplete,
  getCalendarOverview,
  removeDayOverride,
  setDayOverride,
  withdrawYearDeclaration,
} from './service.ts';
import { FIRST_YEAR, LAST_YEAR } from './validate.ts';
import { CalendarPage, type DayDraft } from './views/CalendarPage.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  // The admin guard has already sent anyone without a complete sign-in away.
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function text(request: FastifyRequest, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The year in a date or year typed in, when it is one the calendar takes; else undefined (this year). */
function yearIn(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^\s*(\d{4})(-\d{2}-\d{2})?\s*$/.exec(value) : null;
  const year = match ? Number(match[1]) : NaN;
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}

const HTML = 'text/html; charset=utf-8';

export function calendarRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  const page = async (
    request: FastifyRequest,
    year: number | undefined,
    extra: {
      change?: CalendarChange;
      error?: { field: string | null; message: string };
      draft?: DayDraft;
    } = {},
  ) => {
    const session = sessionOf(request);
    const overview = await getCalendarOverview(scopeOf(request, session), year);
    return renderPage(
      CalendarPage({ actor: session.actor, csrfToken: session.csrfToken, overview, ...extra }),
    );
  };

  /** Runs a change and shows its result; a rule broken by the input shows on the page instead. */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    subject: string | undefined,
    work: (scope: ActingScope) => Promise<CalendarChange>,
    draft?: DayDraft,
  ) => {
    const session = sessionOf(request);
    try {
      const done = await work(scopeOf(request, session));
      return await reply.type(HTML).send(await page(request, yearIn(done.subject), { change: done }));
    } catch (error) {
      if (!(error instanceof Invalid || error instanceof Conflict)) throw error;
      const field = error instanceof Invalid ? error.field : null;
      return reply
        .status(error.status)
        .type(HTML)
        .send(
          await page(request, yearIn(subject), {
            error: { field, message: error.message },
            ...(draft === undefined ? {} : { draft }),
          }),
        );
    }
  };

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/calendar', async (request, reply) =>
      reply.type(HTML).send(await page(request, yearIn((request.query as { year?: unknown }).year))),
    );

    app.post('/admin/calendar/days', async (request, reply) => {
      const draft = {
        date: text(request, 'date') ?? '',
        kind: text(request, 'kind') ?? '',
        name: text(request, 'name') ?? '',
        notice: text(request, 'notice') ?? '',
      };
      return change(request, reply, draft.date, (scope) => setDayOverride(scope, draft), draft);
    });

    app.post('/admin/calendar/days/remove', async (request, reply) => {
      const date = text(request, 'date');
      return change(request, reply, date, (scope) => removeDayOverride(scope, date));
    });

    app.post('/admin/calendar/years', async (request, reply) => {
      const year = text(request, 'year');
      return change(request, reply, year, (scope) =>
        declareYearComplete(scope, { year, notice: text(request, 'notice') }),
      );
    });

    app.post('/admin/calendar/years/withdraw', async (request, reply) => {
      const year = text(request, 'year');
      return change(request, reply, year, (scope) => withdrawYearDeclaration(scope, year));
    });
    return Promise.resolve();
  };
}
