// Back-office pages of units. The admin guard (sign-in complete) runs before every route here.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { holdsRole } from '../../core/access/roles.ts';
import { Conflict, Invalid, NotFound, TooLarge } from '../../core/errors.ts';
import { readMultipartForm } from '../../web/multipart.ts';
import { rowsFromCsv } from './csv.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { allowedUnitActions, canOnUnit } from './policy.ts';
import { addUnit, getUnit, importUnits, listUnits, moveUnit, updateUnit } from './service.ts';
import { canManageCalendar } from '../calendar/policy.ts';
import { missingCalendarYears } from '../calendar/service.ts';

const MAX_CSV_BYTES = 5 * 1024 * 1024;
import { DashboardPage, UnitListPage, UnitPage } from './views/UnitPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  // The admin guard has already sent anyone without a complete sign-in away.
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const id = Number((request.params as { id?: string }).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound('未找到该单位');
  return id;
}

function text(request: FastifyRequest, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function unitRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin', async (request, reply) => {
      const session = sessionOf(request);
      const units = await listUnits(scopeOf(request, session));
      const page = DashboardPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        unitCount: units.length,
        missingCalendarYears: await missingCalendarYears(context.database.db),
        canEditCalendar: canManageCalendar(session.actor),
      });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });

    const listPage = async (request: FastifyRequest, extra: { error?: string; imported?: number } = {}) => {
      const session = sessionOf(request);
      const units = await listUnits(scopeOf(request, session));
      const canImport = holdsRole(session.actor, ['system-admin']);
      return renderPage(
        UnitListPage({ actor: session.actor, csrfToken: session.csrfToken, units, canImport, ...extra }),
      );
    };

    app.get('/admin/units', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await listPage(request)),
    );

    app.post('/admin/units/import', async (request, reply) => {
      const session = sessionOf(request);
      if (!holdsRole(session.actor, ['system-admin'])) throw new NotFound();
      reply.type('text/html; charset=utf-8');
      try {
        const upload = (await readMultipartForm(request, MAX_CSV_BYTES)).files.file;
        if (upload === undefined) throw new Invalid('file', '请选择要导入的 CSV 文件');
        const added = await importUnits(scopeOf(request, session), rowsFromCsv(upload.data.toString('utf8')));
        return await reply.send(await listPage(request, { imported: added.length }));
      } catch (error) {
        if (!(error instanceof Invalid || error instanceof TooLarge)) throw error;
        return reply.status(400).send(await listPage(request, { error: error.message }));
      }
    });

    const showUnit = async (request: FastifyRequest, error?: string) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getUnit(scope, idParam(request));
      const children = (await listUnits(scope)).filter((u) => u.parentId === unit.id);
      const allowed = allowedUnitActions(session.actor, unit);
      const moveTargets = (await listUnits(scope)).filter(
        (target) =>
          !target.path.startsWith(unit.path) &&
          target.id !== unit.parentId &&
          canOnUnit(session.actor, 'add-child', target),
      );
      const props = {
        actor: session.actor,
        csrfToken: session.csrfToken,
        unit,
        children,
        allowed,
        moveTargets,
      };
      return renderPage(UnitPage(error === undefined ? props : { ...props, error }));
    };

    app.get('/admin/units/:id', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await showUnit(request)),
    );

    const contactOf = (request: FastifyRequest) => ({
      officeName: text(request, 'officeName'),
      address: text(request, 'address'),
      hours: text(request, 'hours'),
      phone: text(request, 'phone'),
      fax: text(request, 'fax'),
      email: text(request, 'email'),
      postcode: text(request, 'postcode'),
    });

    /** Runs a change; a rule broken by the input shows on the unit's page instead of an error page. */
    const change = async (request: FastifyRequest, reply: FastifyReply, work: () => Promise<unknown>) => {
      try {
        await work();
        return await reply.redirect(`/admin/units/${idParam(request)}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid || error instanceof Conflict)) throw error;
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(await showUnit(request, error.message));
      }
    };

    app.post('/admin/units/:id', async (request, reply) => {
      const session = sessionOf(request);
      return change(request, reply, () =>
        updateUnit(scopeOf(request, session), idParam(request), {
          name: text(request, 'name'),
          kind: text(request, 'kind'),
          uscc: text(request, 'uscc'),
          regionCode: text(request, 'regionCode'),
          contact: contactOf(request),
        }),
      );
    });

    app.post('/admin/units/:id/move', async (request, reply) => {
      const session = sessionOf(request);
      const parentId = Number(text(request, 'parentId'));
      return change(request, reply, () => {
        if (!Number.isSafeInteger(parentId) || parentId <= 0)
          throw new Invalid('parentId', '请选择新的上级单位');
        return moveUnit(scopeOf(request, session), idParam(request), parentId);
      });
    });

    app.post('/admin/units/:id/children', async (request, reply) => {
      const session = sessionOf(request);
      const parentId = idParam(request);
      try {
        const unit = await addUnit(scopeOf(request, session), {
          parentId,
          name: text(request, 'name'),
          kind: text(request, 'kind'),
          uscc: text(request, 'uscc'),
        });
        return await reply.redirect(`/admin/units/${unit.id}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(await showUnit(request, error.message));
      }
    });
    return Promise.resolve();
  };
}
