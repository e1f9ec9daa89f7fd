// Back-office routes of proactive disclosure. The admin guard (sign-in complete, CSRF on posts) runs
// first; the policy decides the rest and anything forbidden answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { readMultipartForm } from '../../web/multipart.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import {
  addItemAttachment,
  authorizeAttachmentUpload,
  contentDisposition,
  imageSourcesOf,
  downloadStaffAttachment,
  MAX_ITEM_ATTACHMENT_BYTES,
  removeItemAttachment,
} from './attachments.ts';
import { previewBody } from './rich-text.ts';
import { correctItem, withdrawItem } from './published-changes.ts';
import {
  assignReviewer,
  decideReview,
  getReviewChain,
  setReviewChain,
  overrideFinding,
  submitForReview,
} from './review.ts';
import {
  createItem,
  editorUnitsOf,
  getItemWorkspace,
  getNewItemContext,
  getDraftForNewItem,
  listItemsForStaff,
  updateDraft,
} from './service.ts';
import {
  ItemListPage,
  ItemWorkspacePage,
  NewItemPage,
  typedValues,
  type RefusedForm,
} from './views/AdminPages.tsx';
import { CHAIN_POSITIONS, ReviewChainPage } from './views/ReviewChainPage.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest, name = 'id'): number {
  const text = (request.params as Record<string, string | undefined>)[name] ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该信息');
  return id;
}

const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body as Record<string, unknown> | undefined) ?? {};

export function publishingAdminRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/publishing', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const entries = await listItemsForStaff(scope);
      const page = ItemListPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        entries,
        editorUnits: await editorUnitsOf(scope),
      });
      return reply.type(html).send(renderPage(page));
    });

    app.get('/admin/publishing/units/:id/new', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unitId = idParam(request);
      // ?draft=N: an item made from an Art. 44 draft of this unit, prefilled with its title and text.
      const draftText = (request.query as Record<string, unknown>).draft;
      if (typeof draftText === 'string') {
        const { draft, unit } = await getDraftForNewItem(scope, unitId, draftText);
        const page = NewItemPage({
          actor: session.actor,
          csrfToken: session.csrfToken,
          unit,
          values: { title: draft.title, summary: draft.title, body: draft.body, draftId: String(draft.id) },
        });
        return reply.type(html).send(renderPage(page));
      }
      const unit = await getNewItemContext(scope, unitId);
      return reply
        .type(html)
        .send(renderPage(NewItemPage({ actor: session.actor, csrfToken: session.csrfToken, unit })));
    });

    // A refused form comes back filled in as typed, with the message beside it.
    app.post('/admin/publishing/units/:id/items', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const body = bodyOf(request);
      if (body.preview === '1') {
        const unit = await getNewItemContext(scope, idParam(request));
        const page = NewItemPage({
          actor: session.actor,
          csrfToken: session.csrfToken,
          unit,
          values: typedValues(body),
          preview: previewBody(body),
        });
        return reply.type(html).send(renderPage(page));
      }
      try {
        const id = await createItem(scope, idParam(request), body);
        return await reply.redirect(`/admin/publishing/items/${id}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const unit = await getNewItemContext(scope, idParam(request));
        const page = NewItemPage({
          actor: session.actor,
          csrfToken: session.csrfToken,
          unit,
          values: typedValues(bodyOf(request)),
          error: { field: error.field, message: error.message },
        });
        return reply.status(400).type(html).send(renderPage(page));
      }
    });

    app.get('/admin/publishing/items/:id', async (request, reply) => {
      const session = sessionOf(request);
      const workspace = await getItemWorkspace(scopeOf(request, session), idParam(request));
      const page = ItemWorkspacePage({ actor: session.actor, csrfToken: session.csrfToken, workspace });
      return reply.type(html).send(renderPage(page));
    });

    const act = (
      path: string,
      run: (scope: ActingScope, id: number, body: Record<string, unknown>) => Promise<unknown>,
    ) =>
      app.post(`/admin/publishing/items/:id${path}`, async (request, reply) => {
        const session = sessionOf(request);
        const id = idParam(request);
        await run(scopeOf(request, session), id, bodyOf(request));
        return reply.redirect(`/admin/publishing/items/${id}`, 303);
      });

    const actWithForm = (
      path: string,
      form: RefusedForm['form'],
      run: (scope: ActingScope, id: number, body: Record<string, unknown>) => Promise<unknown>,
    ) =>
      app.post(`/admin/publishing/items/:id${path}`, async (request, reply) => {
        const session = sessionOf(request);
        const scope = scopeOf(request, session);
        const id = idParam(request);
        if (bodyOf(request).preview === '1') {
          const workspace = await getItemWorkspace(scope, id);
          const refused: RefusedForm = {
            form,
            values: typedValues(bodyOf(request)),
            preview: previewBody(bodyOf(request), imageSourcesOf(id, workspace.attachments)),
          };
          const page = ItemWorkspacePage({
            actor: session.actor,
            csrfToken: session.csrfToken,
            workspace,
            refused,
          });
          return reply.type(html).send(renderPage(page));
        }
        try {
          await run(scope, id, bodyOf(request));
          return await reply.redirect(`/admin/publishing/items/${id}`, 303);
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          const workspace = await getItemWorkspace(scope, id);
          const refused: RefusedForm = {
            form,
            error: { field: error.field, message: error.message },
            values: typedValues(bodyOf(request)),
          };
          const page = ItemWorkspacePage({
            actor: session.actor,
            csrfToken: session.csrfToken,
            workspace,
            refused,
          });
          return reply.status(400).type(html).send(renderPage(page));
        }
      });

    actWithForm('', 'edit', (scope, id, body) => updateDraft(scope, id, body));
    act('/submit', (scope, id) => submitForReview(scope, id));
    act('/assign', (scope, id, body) => assignReviewer(scope, id, body));
    act('/decision', (scope, id, body) => decideReview(scope, id, body));
    act('/override', (scope, id, body) => overrideFinding(scope, id, body));
    actWithForm('/correct', 'correct', (scope, id, body) => correctItem(scope, id, body));
    act('/withdraw', (scope, id, body) => withdrawItem(scope, id, body));

    app.get('/admin/units/:id/review-chain', async (request, reply) => {
      const session = sessionOf(request);
      const chain = await getReviewChain(scopeOf(request, session), idParam(request));
      return reply
        .type(html)
        .send(renderPage(ReviewChainPage({ actor: session.actor, csrfToken: session.csrfToken, chain })));
    });

    app.post('/admin/units/:id/review-chain', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const body = bodyOf(request);
      const stages = Array.from({ length: CHAIN_POSITIONS }, (_, index) => body[`stage${index + 1}`])
        .map((value) => (typeof value === 'string' ? value : ''))
        .filter((value) => value !== '');
      try {
        await setReviewChain(scope, idParam(request), stages);
        return await reply.redirect(`/admin/units/${idParam(request)}/review-chain`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const chain = await getReviewChain(scope, idParam(request));
        const page = ReviewChainPage({
          actor: session.actor,
          csrfToken: session.csrfToken,
          chain,
          values: stages,
          error: { field: error.field, message: error.message },
        });
        return reply.status(400).type(html).send(renderPage(page));
      }
    });

    // The upload is multipart: its CSRF token travels in the action URL (see staff-session.ts).
    app.post('/admin/publishing/items/:id/attachments', async (request, reply) => {
      const session = sessionOf(request);
      const id = idParam(request);
      // The policy comes before the upload is read (a refused person gets 404, never 413 or 400).
      await authorizeAttachmentUpload(scopeOf(request, session), id);
      const form = request.isMultipart()
        ? await readMultipartForm(request, Math.min(MAX_ITEM_ATTACHMENT_BYTES, context.config.maxUploadBytes))
        : { fields: {}, files: {} };
      await addItemAttachment(scopeOf(request, session), id, form.files.file, form.fields);
      return reply.redirect(`/admin/publishing/items/${id}#attachments`, 303);
    });

    app.post('/admin/publishing/items/:id/attachments/:attachmentId/remove', async (request, reply) => {
      const session = sessionOf(request);
      const id = idParam(request);
      await removeItemAttachment(
        scopeOf(request, session),
        id,
        idParam(request, 'attachmentId'),
        bodyOf(request),
      );
      return reply.redirect(`/admin/publishing/items/${id}#attachments`, 303);
    });

    app.get('/admin/publishing/items/:id/attachments/:attachmentId', async (request, reply) => {
      const session = sessionOf(request);
      const file = await downloadStaffAttachment(
        scopeOf(request, session),
        idParam(request),
        idParam(request, 'attachmentId'),
      );
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    });
    return Promise.resolve();
  };
}
