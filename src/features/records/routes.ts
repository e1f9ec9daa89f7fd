// Back-office routes of the report's records. The admin guard (sign-in complete, CSRF on posts) runs
// first; every route is scoped by the unit in its path and the policy answers 404 for anything out of reach.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { yearOf } from '../../core/calendar/plain-date.ts';
import { Conflict, Invalid, NotFound, TooLarge } from '../../core/errors.ts';
import { readMultipartForm } from '../../web/multipart.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { chinaDate } from '../applications/clock.ts';
import { ImportRefused, type ImportFile } from './import.ts';
import {
  enterStatistic,
  getRecordsUnit,
  importCases,
  importDocuments,
  importStatistics,
  listRecordsUnitsFor,
  listUnitCases,
  listUnitDocuments,
  listUnitStatistics,
  recordsForReport,
  saveCase,
  saveDocument,
} from './service.ts';
import { validateYear, type Input } from './validate.ts';
import {
  CasesPage,
  DocumentsPage,
  RecordsIndexPage,
  RecordsOverviewPage,
  StatisticsPage,
  type Notice,
} from './views/RecordPages.tsx';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
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

const queryOf = (request: FastifyRequest) => request.query as Record<string, string | undefined>;

function formOf(request: FastifyRequest): Input {
  const body = (request.body as Record<string, unknown> | undefined) ?? {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

type Kind = 'documents' | 'statistics' | 'cases';

export function recordsRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/records', async (request, reply) => {
      const session = sessionOf(request);
      const units = await listRecordsUnitsFor(scopeOf(request, session));
      if (units.length === 0) throw new NotFound();
      return reply
        .type(HTML)
        .send(renderPage(RecordsIndexPage({ actor: session.actor, csrfToken: session.csrfToken, units })));
    });

    app.get('/admin/records/units/:id', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getRecordsUnit(scope, unitParam(request));
      const asked = queryOf(request).year;
      let year = yearOf(chinaDate(new Date())) - 1;
      if (asked !== undefined && asked !== '') {
        try {
          year = validateYear(asked);
        } catch {
          // An unreadable year in the address falls back to the last full year.
        }
      }
      const records = await recordsForReport(scope, unit.id, year);
      const page = RecordsOverviewPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        unit,
        year,
        records,
      });
      return reply.type(HTML).send(renderPage(page));
    });

    /** Renders a register's page, with the record asked for in `?edit=` in its form. */
    const registerPage = async (
      request: FastifyRequest,
      kind: Kind,
      notice: Notice = {},
    ): Promise<string> => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getRecordsUnit(scope, unitParam(request));
      const shell = { actor: session.actor, csrfToken: session.csrfToken, unit, notice };
      // A refused change of a stored record comes back still editing that record.
      const asked = queryOf(request).edit ?? notice.typed?.documentId ?? notice.typed?.caseId;
      const editId = unit.canEdit ? numberOf(asked) : null;
      switch (kind) {
        case 'documents': {
          const documents = await listUnitDocuments(scope, unit.id);
          const editing = documents.find((document) => document.id === editId) ?? null;
          return renderPage(DocumentsPage({ ...shell, documents, editing, today: chinaDate(new Date()) }));
        }
        case 'statistics':
          return renderPage(StatisticsPage({ ...shell, entries: await listUnitStatistics(scope, unit.id) }));
        case 'cases': {
          const cases = await listUnitCases(scope, unit.id);
          const editing = cases.find((record) => record.id === editId) ?? null;
          return renderPage(CasesPage({ ...shell, cases, editing }));
        }
      }
    };

    /** Runs a change; a refused form comes back on its page, filled in as typed, with status 400. */
    const change = async (
      request: FastifyRequest,
      reply: FastifyReply,
      kind: Kind,
      work: () => Promise<unknown>,
    ) => {
      try {
        await work();
        return await reply.redirect(`/admin/records/units/${unitParam(request)}/${kind}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid || error instanceof Conflict)) throw error;
        const field = error instanceof Invalid ? error.field : '';
        const page = await registerPage(request, kind, {
          error: { field, message: error.message },
          typed: formOf(request),
        });
        return reply.status(400).type(HTML).send(page);
      }
    };

    /** Reads the uploaded file once the policy has let the person through, then imports it whole or not at all. */
    const upload = async (
      request: FastifyRequest,
      reply: FastifyReply,
      kind: Kind,
      work: (scope: ActingScope, unitId: number, file: ImportFile) => Promise<number>,
    ) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getRecordsUnit(scope, unitParam(request), 'edit');
      try {
        if (!request.isMultipart()) throw new Invalid('file', '请选择要导入的 CSV 或 XLSX 文件');
        const file = (await readMultipartForm(request, MAX_IMPORT_BYTES)).files.file;
        if (file === undefined) throw new Invalid('file', '请选择要导入的 CSV 或 XLSX 文件');
        const count = await work(scope, unit.id, file);
        return await reply
          .type(HTML)
          .send(await registerPage(request, kind, { done: `已导入 ${count} 行。` }));
      } catch (error) {
        if (error instanceof ImportRefused) {
          const page = await registerPage(request, kind, {
            error: { field: 'file', message: error.message },
            problems: error.problems,
          });
          return reply.status(400).type(HTML).send(page);
        }
        if (!(error instanceof Invalid || error instanceof TooLarge)) throw error;
        const page = await registerPage(request, kind, { error: { field: 'file', message: error.message } });
        return reply.status(400).type(HTML).send(page);
      }
    };

    for (const kind of ['documents', 'statistics', 'cases'] as const) {
      app.get(`/admin/records/units/:id/${kind}`, async (request, reply) =>
        reply.type(HTML).send(await registerPage(request, kind)),
      );
    }

    app.post('/admin/records/units/:id/documents', async (request, reply) => {
      const scope = scopeOf(request, sessionOf(request));
      const form = formOf(request);
      return change(request, reply, 'documents', () =>
        saveDocument(scope, unitParam(request), numberOf(form.documentId), form),
      );
    });
    app.post('/admin/records/units/:id/documents/import', (request, reply) =>
      upload(request, reply, 'documents', importDocuments),
    );

    app.post('/admin/records/units/:id/statistics', async (request, reply) => {
      const scope = scopeOf(request, sessionOf(request));
      return change(request, reply, 'statistics', () =>
        enterStatistic(scope, unitParam(request), formOf(request)),
      );
    });
    app.post('/admin/records/units/:id/statistics/import', (request, reply) =>
      upload(request, reply, 'statistics', importStatistics),
    );

    app.post('/admin/records/units/:id/cases', async (request, reply) => {
      const scope = scopeOf(request, sessionOf(request));
      const form = formOf(request);
      return change(request, reply, 'cases', () =>
        saveCase(scope, unitParam(request), numberOf(form.caseId), form),
      );
    });
    app.post('/admin/records/units/:id/cases/import', (request, reply) =>
      upload(request, reply, 'cases', importCases),
    );
    return Promise.resolve();
  };
}
