// Back-office routes of the channels registry. The admin guard (sign-in complete, CSRF on posts) runs
// first; the policy decides the rest and anything forbidden answers 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import type { RejectedRow } from '../../core/channels/channels.ts';
import { Conflict, Invalid, NotFound, TooLarge } from '../../core/errors.ts';
import { readMultipartForm } from '../../web/multipart.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { chinaDate } from '../applications/clock.ts';
import { findChannel } from './repo.ts';
import { readPublicationTable } from './import-file.ts';
import { checkEventDocument, MAX_EVENT_DOCUMENT_BYTES } from './documents.ts';
import { isPlainDate } from '../../core/calendar/plain-date.ts';
import {
  addChannel,
  getUnitRegistry,
  ImportRejected,
  importPublications,
  listRegistries,
  checkAccountAccess,
  getEventDocument,
  recordAccountEvent,
  recordPublication,
  subtreeActivity,
  updateChannel,
} from './service.ts';
import { ActivityPage, RegistryListPage, UnitRegistryPage } from './views/ChannelPages.tsx';

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest, message: string): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound(message);
  return id;
}

const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body as Record<string, unknown> | undefined) ?? {};

export function channelAdminRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    const unitPage = async (
      request: FastifyRequest,
      unitId: number,
      extra: { error?: string; rejected?: readonly RejectedRow[]; imported?: number } = {},
    ) => {
      const session = sessionOf(request);
      const registry = await getUnitRegistry(scopeOf(request, session), unitId, chinaDate(new Date()));
      return renderPage(
        UnitRegistryPage({ actor: session.actor, csrfToken: session.csrfToken, registry, ...extra }),
      );
    };

    /** Runs a change; a rule broken by the input shows on the unit's page with status 400. */
    const change = async (
      request: FastifyRequest,
      reply: FastifyReply,
      unitId: () => Promise<number>,
      work: () => Promise<unknown>,
    ) => {
      try {
        await work();
        return await reply.redirect(`/admin/channels/units/${await unitId()}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid || error instanceof Conflict)) throw error;
        return reply
          .status(error instanceof Conflict ? 409 : 400)
          .type(html)
          .send(await unitPage(request, await unitId(), { error: error.message }));
      }
    };

    app.get('/admin/channels', async (request, reply) => {
      const session = sessionOf(request);
      const registries = await listRegistries(scopeOf(request, session));
      return reply
        .type(html)
        .send(
          renderPage(RegistryListPage({ actor: session.actor, csrfToken: session.csrfToken, registries })),
        );
    });

    app.get('/admin/channels/units/:id', async (request, reply) =>
      reply.type(html).send(await unitPage(request, idParam(request, '未找到该单位'))),
    );

    app.post('/admin/channels/units/:id', async (request, reply) => {
      const unitId = idParam(request, '未找到该单位');
      const scope = scopeOf(request, sessionOf(request));
      return change(
        request,
        reply,
        () => Promise.resolve(unitId),
        () => addChannel(scope, unitId, bodyOf(request)),
      );
    });

    const channelUnit = async (channelId: number) =>
      (await findChannel(context.database.db, channelId))?.unitId ?? 0;

    app.post('/admin/channels/:id', async (request, reply) => {
      const channelId = idParam(request, '未找到该渠道');
      const scope = scopeOf(request, sessionOf(request));
      return change(
        request,
        reply,
        () => channelUnit(channelId),
        () => updateChannel(scope, channelId, bodyOf(request)),
      );
    });

    app.post('/admin/channels/:id/publications', async (request, reply) => {
      const channelId = idParam(request, '未找到该渠道');
      const scope = scopeOf(request, sessionOf(request));
      return change(
        request,
        reply,
        () => channelUnit(channelId),
        () => recordPublication(scope, channelId, bodyOf(request)),
      );
    });

    app.post('/admin/channels/units/:id/import', async (request, reply) => {
      const unitId = idParam(request, '未找到该单位');
      const scope = scopeOf(request, sessionOf(request));
      try {
        const imported = await importPublications(scope, unitId, async () => {
          if (!request.isMultipart()) throw new Invalid('file', '请选择要导入的 CSV 或 XLSX 文件');
          const upload = (await readMultipartForm(request, MAX_IMPORT_BYTES)).files.file;
          if (upload === undefined) throw new Invalid('file', '请选择要导入的 CSV 或 XLSX 文件');
          return {
            fileName: upload.fileName,
            table: await readPublicationTable(upload.fileName, upload.data),
          };
        });
        return await reply.type(html).send(await unitPage(request, unitId, { imported }));
      } catch (error) {
        if (!(error instanceof Invalid || error instanceof TooLarge)) throw error;
        const rejected = error instanceof ImportRejected ? error.rejected : undefined;
        return reply
          .status(error instanceof TooLarge ? 413 : 400)
          .type(html)
          .send(await unitPage(request, unitId, { error: error.message, ...(rejected ? { rejected } : {}) }));
      }
    });
    app.post('/admin/channels/:id/events', async (request, reply) => {
      const channelId = idParam(request, '未找到该账号');
      const scope = scopeOf(request, sessionOf(request));
      // The policy first, so a refused person learns nothing from the form's or the file's errors.
      await checkAccountAccess(scope, channelId);
      let form: { fields: Record<string, unknown>; file?: { fileName: string; data: Buffer } };
      try {
        if (request.isMultipart()) {
          const read = await readMultipartForm(request, MAX_EVENT_DOCUMENT_BYTES);
          form = { fields: read.fields, ...(read.files.document ? { file: read.files.document } : {}) };
        } else {
          form = { fields: bodyOf(request) };
        }
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        return reply
          .status(413)
          .type(html)
          .send(await unitPage(request, await channelUnit(channelId), { error: error.message }));
      }
      const { fields, file } = form;
      return change(
        request,
        reply,
        () => channelUnit(channelId),
        () =>
          recordAccountEvent(scope, channelId, fields, async () =>
            file === undefined ? null : checkEventDocument(file),
          ),
      );
    });

    app.get('/admin/channels/events/:id/document', async (request, reply) => {
      const eventId = idParam(request, '未找到该文件');
      const document = await getEventDocument(scopeOf(request, sessionOf(request)), eventId);
      return reply
        .type(document.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(document.data);
    });

    app.get('/admin/channels/units/:id/activity', async (request, reply) => {
      const unitId = idParam(request, '未找到该单位');
      const session = sessionOf(request);
      const asked = (request.query as { asOf?: string }).asOf ?? '';
      const asOf = isPlainDate(asked) ? asked : chinaDate(new Date());
      const activity = await subtreeActivity(scopeOf(request, session), unitId, asOf);
      return reply
        .type(html)
        .send(renderPage(ActivityPage({ actor: session.actor, csrfToken: session.csrfToken, activity })));
    });
    return Promise.resolve();
  };
}
