// Back-office routes of the import of published items: the upload form, the upload (multipart, streamed
// to a temporary file; its CSRF token travels in the action URL) and the progress page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { AppError, Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { MAX_IMPORT_BYTES, storeUpload, type StoredUpload } from './import-file.ts';
import { getImportUnit, getImportView, startImport } from './import-service.ts';
import { ImportNewPage, ImportProgressPage } from './views/ImportPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest, name: string): number {
  const text = (request.params as Record<string, string | undefined>)[name] ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该导入');
  return id;
}

/** The file part of the upload stored to disk; every other part is read and dropped. */
async function receiveFile(request: FastifyRequest, maxBytes: number): Promise<StoredUpload> {
  let stored: StoredUpload | null = null;
  let refused: Error | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'file' || part.filename === '' || stored !== null || refused !== null) {
      part.file.resume();
      continue;
    }
    try {
      stored = await storeUpload(part.filename, part.file);
    } catch (error) {
      part.file.resume();
      refused = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (refused !== null) throw refused;
  if (stored === null) throw new Invalid('file', '请选择要导入的 CSV 或 XLSX 文件');
  return stored;
}

export function publishingImportRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/publishing/units/:id/imports/new', async (request, reply) => {
      const session = sessionOf(request);
      const unit = await getImportUnit(scopeOf(request, session), idParam(request, 'id'));
      return reply
        .type(html)
        .send(renderPage(ImportNewPage({ actor: session.actor, csrfToken: session.csrfToken, unit })));
    });

    app.post('/admin/publishing/units/:id/imports', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unitId = idParam(request, 'id');
      // The policy first: a refused actor learns nothing about the file rules.
      const unit = await getImportUnit(scope, unitId);
      try {
        if (!request.isMultipart()) throw new Invalid('file', '请选择要导入的 CSV 或 XLSX 文件');
        const upload = await receiveFile(request, Math.min(MAX_IMPORT_BYTES, context.config.maxUploadBytes));
        const id = await startImport(scope, unit.id, upload, request.log);
        return await reply.redirect(`/admin/publishing/units/${unit.id}/imports/${id}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error instanceof NotFound) throw error;
        const page = ImportNewPage({
          actor: session.actor,
          csrfToken: session.csrfToken,
          unit,
          error: { field: error instanceof Invalid ? error.field : 'file', message: error.message },
        });
        return reply.status(error.status).type(html).send(renderPage(page));
      }
    });

    app.get('/admin/publishing/units/:id/imports/:importId', async (request, reply) => {
      const session = sessionOf(request);
      const view = await getImportView(
        scopeOf(request, session),
        idParam(request, 'id'),
        idParam(request, 'importId'),
      );
      return reply
        .type(html)
        .header('cache-control', 'no-store')
        .send(renderPage(ImportProgressPage({ actor: session.actor, csrfToken: session.csrfToken, view })));
    });

    return Promise.resolve();
  };
}
