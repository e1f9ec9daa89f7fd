// Back-office routes of proactive disclosure. The admin guard (sign-in complete, CSRF on posts) runs
// first; the policy decides the rest and anything forbidden answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import {
  assignReviewer,
  correctItem,
  createItem,
  decideReview,
  editorUnitsOf,
  getItemWorkspace,
  getNewItemContext,
  listItemsForStaff,
  overrideFinding,
  submitForReview,
  updateDraft,
  withdrawItem,
} from './service.ts';
import {
  ItemListPage,
  ItemWorkspacePage,
  NewItemPage,
  typedValues,
  type RefusedForm,
} from './views/AdminPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
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
      const unit = await getNewItemContext(scopeOf(request, session), idParam(request));
      return reply
        .type(html)
        .send(renderPage(NewItemPage({ actor: session.actor, csrfToken: session.csrfToken, unit })));
    });

    // A refused form comes back filled in as typed, with the message beside it.
    app.post('/admin/publishing/units/:id/items', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      try {
        const id = await createItem(scope, idParam(request), bodyOf(request));
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
    return Promise.resolve();
  };
}
