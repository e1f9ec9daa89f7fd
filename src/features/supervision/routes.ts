// Back-office routes of the supervision registers. The admin guard (sign-in complete, CSRF on posts) runs
// first; every route is scoped by the unit in its path and the policy answers 404 for anything out of reach.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import {
  enterGuideCount,
  getSupervisionUnit,
  listSupervisionUnitsFor,
  listUnitGuideCounts,
  listUnitQueryPoints,
  listUnitTrainings,
  saveQueryPoint,
  saveTraining,
  trainingUnitChoices,
} from './service.ts';
import type { Input } from './validate.ts';
import {
  GuidesPage,
  QueryPointsAdminPage,
  SupervisionIndexPage,
  TrainingsPage,
  type Notice,
} from './views/SupervisionPages.tsx';

const HTML = 'text/html; charset=utf-8';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function numberOf(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,15}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

function unitParam(request: FastifyRequest): number {
  const id = numberOf((request.params as { id?: string }).id);
  if (id === null) throw new NotFound('未找到该单位');
  return id;
}

const bodyOf = (request: FastifyRequest) => (request.body as Record<string, unknown> | undefined) ?? {};

function formOf(request: FastifyRequest): Input {
  return Object.fromEntries(
    Object.entries(bodyOf(request)).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** The multi-select's values: absent, one, or several. */
function listOf(request: FastifyRequest, field: string): string[] {
  const value = bodyOf(request)[field];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

type Kind = 'trainings' | 'query-points' | 'guides';

export function supervisionRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/supervision', async (request, reply) => {
      const session = sessionOf(request);
      const units = await listSupervisionUnitsFor(scopeOf(request, session));
      if (units.length === 0) throw new NotFound();
      return reply
        .type(HTML)
        .send(
          renderPage(SupervisionIndexPage({ actor: session.actor, csrfToken: session.csrfToken, units })),
        );
    });

    /** Renders a register's page, with the record asked for in `?edit=` in its form. */
    const registerPage = async (
      request: FastifyRequest,
      kind: Kind,
      notice: Notice = {},
    ): Promise<string> => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getSupervisionUnit(scope, unitParam(request));
      const shell = { actor: session.actor, csrfToken: session.csrfToken, unit, notice };
      const query = request.query as Record<string, string | undefined>;
      // A refused change of a stored record comes back still editing that record.
      const asked = query.edit ?? notice.typed?.sessionId ?? notice.typed?.pointId;
      const editId = unit.canEdit ? numberOf(asked) : null;
      switch (kind) {
        case 'trainings': {
          const sessions = await listUnitTrainings(scope, unit.id);
          const editing = sessions.find((found) => found.id === editId) ?? null;
          const choices = unit.canEdit ? await trainingUnitChoices(scope) : [];
          return renderPage(TrainingsPage({ ...shell, sessions, editing, choices }));
        }
        case 'query-points': {
          const points = await listUnitQueryPoints(scope, unit.id);
          const editing = points.find((found) => found.id === editId) ?? null;
          return renderPage(QueryPointsAdminPage({ ...shell, points, editing }));
        }
        case 'guides':
          return renderPage(GuidesPage({ ...shell, entries: await listUnitGuideCounts(scope, unit.id) }));
      }
    };

    /** Runs a change; a refused form comes back on its page, filled in as typed, with status 400. */
    const change = async (
      request: FastifyRequest,
      reply: FastifyReply,
      kind: Kind,
      work: (scope: ActingScope, unitId: number, form: Input) => Promise<unknown>,
    ) => {
      const scope = scopeOf(request, sessionOf(request));
      try {
        await work(scope, unitParam(request), formOf(request));
        return await reply.redirect(`/admin/supervision/units/${unitParam(request)}/${kind}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const page = await registerPage(request, kind, {
          error: { field: error.field, message: error.message },
          typed: formOf(request),
        });
        return reply.status(400).type(HTML).send(page);
      }
    };

    for (const kind of ['trainings', 'query-points', 'guides'] as const) {
      app.get(`/admin/supervision/units/:id/${kind}`, async (request, reply) =>
        reply.type(HTML).send(await registerPage(request, kind)),
      );
    }

    app.post('/admin/supervision/units/:id/trainings', (request, reply) =>
      change(request, reply, 'trainings', (scope, unitId, form) =>
        saveTraining(scope, unitId, numberOf(form.sessionId), form, listOf(request, 'units')),
      ),
    );
    app.post('/admin/supervision/units/:id/query-points', (request, reply) =>
      change(request, reply, 'query-points', (scope, unitId, form) =>
        saveQueryPoint(scope, unitId, numberOf(form.pointId), form),
      ),
    );
    app.post('/admin/supervision/units/:id/guides', (request, reply) =>
      change(request, reply, 'guides', enterGuideCount),
    );
    return Promise.resolve();
  };
}
