// Public pages of the 政府信息公开 column: open to everyone, no session, server-rendered.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { isSubColumn } from '../../core/publishing/categories.ts';
import { renderPage } from '../../web/render.tsx';
import { contentDisposition, downloadPublicAttachment, listPublicAttachments } from './attachments.ts';
import { getCataloguePage, getPublicColumn, getPublishedItem, listColumnUnits } from './catalogue.ts';
import { CatalogueListPage, ColumnHomePage, ColumnIndexPage, PublicItemPage } from './views/PublicPages.tsx';

function idParam(request: FastifyRequest, message: string): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound(message);
  return id;
}

function queryText(request: FastifyRequest, name: string): string | null {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function publishingRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    const html = 'text/html; charset=utf-8';
    app.get('/disclosure', async (_request, reply) => {
      const units = await listColumnUnits(context);
      return reply.type(html).send(renderPage(ColumnIndexPage({ units })));
    });

    app.get('/disclosure/units/:id', async (request, reply) => {
      const column = await getPublicColumn(context, idParam(request, '未找到该单位'));
      return reply.type(html).send(renderPage(ColumnHomePage({ column })));
    });

    app.get('/disclosure/units/:id/:column', async (request, reply) => {
      const subColumn = (request.params as { column?: string }).column ?? '';
      if (!isSubColumn(subColumn)) throw new NotFound('页面不存在');
      const year = queryText(request, 'year');
      const page = await getCataloguePage(context, idParam(request, '未找到该单位'), subColumn, {
        category: queryText(request, 'category'),
        year: year !== null && /^\d{4}$/.test(year) ? Number(year) : null,
        after: queryText(request, 'after'),
      });
      return reply.type(html).send(renderPage(CatalogueListPage({ page })));
    });

    app.get('/disclosure/items/:id', async (request, reply) => {
      const item = await getPublishedItem(context, idParam(request, '未找到该信息'));
      const attachments = await listPublicAttachments({ context }, item);
      return reply.type(html).send(renderPage(PublicItemPage({ item, attachments })));
    });

    app.get('/disclosure/items/:id/attachments/:attachmentId', async (request, reply) => {
      const attachmentText = (request.params as { attachmentId?: string }).attachmentId ?? '';
      const attachmentId = /^\d{1,15}$/.test(attachmentText) ? Number(attachmentText) : 0;
      if (attachmentId <= 0) throw new NotFound('未找到该附件');
      const file = await downloadPublicAttachment(context, idParam(request, '未找到该附件'), attachmentId);
      // Images are shown in the body; documents are downloaded.
      const disposition = file.mediaType.startsWith('image/') ? 'inline' : 'attachment';
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName, disposition))
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    });
    return Promise.resolve();
  };
}
