// Back-office routes of Art. 44 drafts. The admin guard (sign-in complete, CSRF on posts) runs first;
// the policy decides the rest and anything forbidden answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { createDraftFromApplication, listDisclosureDrafts } from './drafts.ts';
import { DraftListPage } from './views/DraftsPage.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该申请');
  return id;
}

export function disclosureDraftRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  return function register(app: FastifyInstance): Promise<void> {
    // A refusal (not decided, not disclosed, already drafted) is an error page with its reason.
    app.post('/admin/applications/:id/disclosure-draft', async (request, reply) => {
      const session = sessionOf(request);
      const id = await createDraftFromApplication(scopeOf(request, session), idParam(request));
      return reply.redirect(`/admin/disclosure-drafts#draft-${id}`, 303);
    });

    app.get('/admin/disclosure-drafts', async (request, reply) => {
      const session = sessionOf(request);
      const drafts = await listDisclosureDrafts(scopeOf(request, session));
      const page = DraftListPage({ actor: session.actor, csrfToken: session.csrfToken, drafts });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });
    return Promise.resolve();
  };
}
