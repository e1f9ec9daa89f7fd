// Back-office pages of the check dictionaries. The admin guard (sign-in complete, CSRF on posts) runs
// first; the service's policy answers 404 to anyone but the installation's system administrators.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import type { DictionaryEntry } from '../../core/checks/index.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { readMultipartForm } from '../../web/multipart.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { authorizeDictionaries } from './policy.ts';
import {
  addEntry,
  applyImport,
  editEntry,
  exportDictionary,
  getDictionaryOverview,
  getEntry,
  MAX_DICTIONARY_CSV_BYTES,
  previewImport,
  removeEntry,
} from './service.ts';
import {
  DictionaryPage,
  EntryPage,
  ImportPreviewPage,
  importNotice,
  type PageError,
} from './views/DictionaryPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该词条');
  return id;
}

const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body as Record<string, unknown> | undefined) ?? {};

/** What was typed into the entry form, shown again when it was refused. */
function draftOf(body: Record<string, unknown>): Partial<DictionaryEntry> {
  const text = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
  const draft: Record<string, string> = {};
  for (const field of ['term', 'category', 'severity', 'suggestion', 'note']) {
    const value = text(field);
    if (value !== undefined) draft[field] = value;
  }
  return draft;
}

function pageErrorOf(error: unknown): PageError | null {
  if (error instanceof Invalid) return { field: error.field, message: error.message };
  if (error instanceof Conflict) return { field: null, message: error.message };
  return null;
}

const HTML = 'text/html; charset=utf-8';

export function dictionaryRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  const listPage = async (
    request: FastifyRequest,
    extra: { error?: PageError; notice?: string; draft?: Partial<DictionaryEntry> } = {},
  ) => {
    const session = sessionOf(request);
    const query = (request.query as Record<string, unknown> | undefined) ?? {};
    const overview = await getDictionaryOverview(scopeOf(request, session), query);
    return renderPage(
      DictionaryPage({ actor: session.actor, csrfToken: session.csrfToken, overview, ...extra }),
    );
  };

  /** Runs a change; a refused one shows its reason on the list page (400 or 409). */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    work: (scope: ActingScope) => Promise<string>,
    draft?: Partial<DictionaryEntry>,
  ) => {
    const session = sessionOf(request);
    try {
      const notice = await work(scopeOf(request, session));
      return await reply.type(HTML).send(await listPage(request, { notice }));
    } catch (error) {
      const pageError = pageErrorOf(error);
      if (pageError === null) throw error;
      return reply
        .status((error as Invalid | Conflict).status)
        .type(HTML)
        .send(await listPage(request, { error: pageError, ...(draft === undefined ? {} : { draft }) }));
    }
  };

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/dictionaries', async (request, reply) => reply.type(HTML).send(await listPage(request)));

    app.get('/admin/dictionaries/export.csv', async (request, reply) => {
      const session = sessionOf(request);
      const csv = await exportDictionary(scopeOf(request, session));
      const name = `dictionary-${new Date().toISOString().slice(0, 10)}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    });

    app.post('/admin/dictionaries/entries', async (request, reply) => {
      const body = bodyOf(request);
      return change(
        request,
        reply,
        async (scope) => {
          const { version } = await addEntry(scope, body);
          return `已添加，词库更新为第 ${version} 版。`;
        },
        draftOf(body),
      );
    });

    app.get('/admin/dictionaries/entries/:id', async (request, reply) => {
      const session = sessionOf(request);
      const entry = await getEntry(scopeOf(request, session), idParam(request));
      return reply
        .type(HTML)
        .send(renderPage(EntryPage({ actor: session.actor, csrfToken: session.csrfToken, entry })));
    });

    app.post('/admin/dictionaries/entries/:id', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const id = idParam(request);
      const body = bodyOf(request);
      try {
        const { version } = await editEntry(scope, id, body);
        return await reply
          .type(HTML)
          .send(await listPage(request, { notice: `已保存，词库更新为第 ${version} 版。` }));
      } catch (error) {
        const pageError = pageErrorOf(error);
        if (pageError === null) throw error;
        const entry = await getEntry(scope, id);
        const page = EntryPage({
          actor: session.actor,
          csrfToken: session.csrfToken,
          entry,
          draft: draftOf(body),
          error: pageError,
        });
        return reply
          .status((error as Invalid | Conflict).status)
          .type(HTML)
          .send(renderPage(page));
      }
    });

    app.post('/admin/dictionaries/entries/:id/delete', async (request, reply) => {
      const id = idParam(request);
      return change(request, reply, async (scope) => {
        const { version } = await removeEntry(scope, id);
        return `已删除，词库更新为第 ${version} 版。`;
      });
    });

    app.post('/admin/dictionaries/import', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      authorizeDictionaries(session.actor);
      try {
        if (!request.isMultipart()) throw new Invalid('file', '请选择要导入的 CSV 文件');
        const upload = (await readMultipartForm(request, MAX_DICTIONARY_CSV_BYTES)).files.file;
        const preview = await previewImport(scope, upload);
        const page = ImportPreviewPage({ actor: session.actor, csrfToken: session.csrfToken, preview });
        return await reply
          .status(preview.diff === null ? 400 : 200)
          .type(HTML)
          .send(renderPage(page));
      } catch (error) {
        const pageError = pageErrorOf(error);
        if (pageError === null) throw error;
        return reply
          .status((error as Invalid | Conflict).status)
          .type(HTML)
          .send(await listPage(request, { error: pageError }));
      }
    });

    app.post('/admin/dictionaries/import/confirm', async (request, reply) =>
      change(request, reply, async (scope) => {
        authorizeDictionaries(scope.actor);
        if (!request.isMultipart()) throw new Invalid('file', '请先上传文件预览');
        const { fields } = await readMultipartForm(request, MAX_DICTIONARY_CSV_BYTES);
        return importNotice(await applyImport(scope, fields));
      }),
    );
    return Promise.resolve();
  };
}
