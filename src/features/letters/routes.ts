// Back-office pages of letters: a letter to print or download (for whoever may read its application),
// the delivery record, and the template editor of a unit. The admin guard runs before every route here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { sendLetter } from './send.ts';
import { openLetter, recordDelivery } from './service.ts';
import { getUnitTemplate, listUnitTemplates, resetUnitTemplate, saveUnitTemplate } from './templates.ts';
import { TemplateEditPage, TemplateListPage } from './views/TemplatePages.tsx';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function numberParam(request: FastifyRequest, name: string, missing: string): number {
  const text = (request.params as Record<string, string | undefined>)[name] ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound(missing);
  return id;
}

function kindParam(request: FastifyRequest): string {
  return (request.params as { kind?: string }).kind ?? '';
}

function field(request: FastifyRequest, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function letterAdminRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';
  const applicationId = (request: FastifyRequest) => numberParam(request, 'id', '未找到该申请');
  const letterId = (request: FastifyRequest) => numberParam(request, 'letterId', '未找到该文书');
  const unitId = (request: FastifyRequest) => numberParam(request, 'id', '未找到该单位');

  return function register(app: FastifyInstance): Promise<void> {
    for (const format of ['html', 'docx'] as const) {
      const url = `/admin/applications/:id/letters/:letterId${format === 'docx' ? '/docx' : ''}`;
      app.get(url, async (request, reply) => {
        const scope = scopeOf(request, sessionOf(request));
        const letter = await openLetter(scope, applicationId(request), letterId(request), format);
        return sendLetter(reply, letter, format);
      });
    }

    app.post('/admin/applications/:id/letters/:letterId/delivery', async (request, reply) => {
      const scope = scopeOf(request, sessionOf(request));
      const id = applicationId(request);
      await recordDelivery(scope, id, letterId(request), {
        deliveredOn: field(request, 'deliveredOn'),
        method: field(request, 'method'),
      });
      return reply.redirect(`/admin/applications/${id}#letters`, 303);
    });

    app.get('/admin/units/:id/letter-templates', async (request, reply) => {
      const session = sessionOf(request);
      const { unit, templates } = await listUnitTemplates(scopeOf(request, session), unitId(request));
      const page = TemplateListPage({ actor: session.actor, csrfToken: session.csrfToken, unit, templates });
      return reply.type(html).send(renderPage(page));
    });

    const editPage = async (request: FastifyRequest, refused?: { body: string; error: string }) => {
      const session = sessionOf(request);
      const { unit, template } = await getUnitTemplate(
        scopeOf(request, session),
        unitId(request),
        kindParam(request),
      );
      return renderPage(
        TemplateEditPage({ actor: session.actor, csrfToken: session.csrfToken, unit, template, ...refused }),
      );
    };

    app.get('/admin/units/:id/letter-templates/:kind', async (request, reply) =>
      reply.type(html).send(await editPage(request)),
    );

    app.post('/admin/units/:id/letter-templates/:kind', async (request, reply) => {
      const session = sessionOf(request);
      const id = unitId(request);
      const body = field(request, 'body') ?? '';
      try {
        await saveUnitTemplate(scopeOf(request, session), id, kindParam(request), body);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return reply
          .status(400)
          .type(html)
          .send(await editPage(request, { body, error: error.message }));
      }
      return reply.redirect(`/admin/units/${id}/letter-templates`, 303);
    });

    app.post('/admin/units/:id/letter-templates/:kind/reset', async (request, reply) => {
      const session = sessionOf(request);
      const id = unitId(request);
      await resetUnitTemplate(scopeOf(request, session), id, kindParam(request));
      return reply.redirect(`/admin/units/${id}/letter-templates`, 303);
    });
    return Promise.resolve();
  };
}
