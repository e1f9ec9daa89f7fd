// Back-office routes of correction tasks. The admin guard (sign-in complete, CSRF on posts) runs first;
// the policy decides the rest and anything forbidden answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import {
  getCorrection,
  listCorrections,
  recordCorrectionFix,
  replyCorrection,
  revealCorrectionContact,
  triageCorrection,
} from './service.ts';
import { CorrectionListPage, CorrectionTaskPage } from './views/CorrectionPages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该纠错任务');
  return id;
}

const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body as Record<string, unknown> | undefined) ?? {};

export function correctionAdminRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/corrections', async (request, reply) => {
      const session = sessionOf(request);
      const tasks = await listCorrections(scopeOf(request, session));
      return reply
        .type(html)
        .send(renderPage(CorrectionListPage({ actor: session.actor, csrfToken: session.csrfToken, tasks })));
    });

    const taskPage = async (request: FastifyRequest, error?: string, revealed?: string | null) => {
      const session = sessionOf(request);
      const task = await getCorrection(scopeOf(request, session), idParam(request));
      const props = { actor: session.actor, csrfToken: session.csrfToken, task };
      return renderPage(
        CorrectionTaskPage({
          ...props,
          ...(error === undefined ? {} : { error }),
          ...(revealed === undefined ? {} : { revealed }),
        }),
      );
    };

    app.get('/admin/corrections/:id', async (request, reply) =>
      reply.type(html).send(await taskPage(request)),
    );

    const act = (
      path: string,
      run: (scope: ActingScope, id: number, body: Record<string, unknown>) => Promise<unknown>,
    ) =>
      app.post(`/admin/corrections/:id${path}`, async (request, reply) => {
        const session = sessionOf(request);
        const id = idParam(request);
        try {
          await run(scopeOf(request, session), id, bodyOf(request));
          return await reply.redirect(`/admin/corrections/${id}`, 303);
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          return reply
            .status(400)
            .type(html)
            .send(await taskPage(request, error.message));
        }
      });

    app.post('/admin/corrections/:id/reveal', async (request, reply) => {
      const session = sessionOf(request);
      const id = idParam(request);
      reply.type(html).header('cache-control', 'no-store');
      try {
        const contact = await revealCorrectionContact(scopeOf(request, session), id, bodyOf(request).reason);
        return await reply.send(await taskPage(request, undefined, contact));
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return reply.status(400).send(await taskPage(request, error.message));
      }
    });

    act('/triage', (scope, id) => triageCorrection(scope, id));
    act('/fix', (scope, id, body) => recordCorrectionFix(scope, id, body));
    act('/reply', (scope, id, body) => replyCorrection(scope, id, body));
    return Promise.resolve();
  };
}
