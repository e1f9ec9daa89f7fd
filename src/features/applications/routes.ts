// The public pages of applications (no sign-in): the guide, the form with its files, the acknowledgment
// and the status page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { listPublicOffices } from '../units/service.ts';
import { MAX_ATTACHMENTS } from './attachments.ts';
import { readSubmittedForm } from './attachments-form.ts';
import { PUBLIC_FILE_FIELDS, submitApplication } from './registration-online.ts';
import { getApplicationStatus, listReceivingAgencies } from './service.ts';
import { APPLICATION_FORM_FIELDS, errorsOf } from './validate.ts';
import { AcknowledgmentPage, ApplyFormPage, StatusPage } from './views/ApplyPages.tsx';
import { GuidePage } from './views/GuidePage.tsx';

function formOf(request: FastifyRequest, fields: readonly string[]): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

export function applicationRoutes(context: AppContext) {
  const rateLimit = { max: context.config.publicRateLimitPerMinute, timeWindow: '1 minute' };
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    const { maxUploadBytes } = context.config;

    app.get('/apply', { schema: { hide: true } }, async (_request, reply) => {
      const units = await listReceivingAgencies(context);
      return reply.type(html).send(renderPage(ApplyFormPage({ units, maxUploadBytes })));
    });

    app.post('/apply', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
      const submitted = await readSubmittedForm(request, {
        fields: APPLICATION_FORM_FIELDS,
        fileFields: PUBLIC_FILE_FIELDS,
        maxFileBytes: maxUploadBytes,
        maxFiles: MAX_ATTACHMENTS,
      });
      const values = submitted.fields;
      try {
        // The page is sent only after the transaction has committed: a shown code is a stored application.
        const ack = await submitApplication({ context, address: request.ip }, values, submitted);
        return await reply
          .type(html)
          .header('cache-control', 'no-store')
          .send(renderPage(AcknowledgmentPage({ ack })));
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const units = await listReceivingAgencies(context);
        return reply
          .status(400)
          .type(html)
          .send(renderPage(ApplyFormPage({ units, maxUploadBytes, values, errors: errorsOf(error) })));
      }
    });

    app.get('/apply/guide', { schema: { hide: true } }, async (request, reply) => {
      const units = await listPublicOffices(context);
      const asked = ((request.query ?? {}) as { unit?: unknown }).unit;
      const wanted = typeof asked === 'string' ? asked.trim() : '';
      const selected = wanted === '' ? null : (units.find((unit) => String(unit.id) === wanted) ?? null);
      const page = GuidePage({ units, selected, unknownUnit: wanted !== '' && selected === null });
      return reply
        .status(wanted !== '' && selected === null ? 404 : 200)
        .type(html)
        .send(renderPage(page));
    });

    app.get('/apply/status', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(html).send(renderPage(StatusPage({}))),
    );

    app.post('/apply/status', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
      const values = formOf(request, ['queryCode', 'phoneTail']);
      reply.type(html).header('cache-control', 'no-store');
      try {
        const status = await getApplicationStatus(context, values);
        return await reply.send(renderPage(StatusPage({ status })));
      } catch (error) {
        if (error instanceof NotFound) {
          return reply.status(404).send(renderPage(StatusPage({ values, notFound: error.message })));
        }
        if (!(error instanceof Invalid)) throw error;
        return reply.status(400).send(renderPage(StatusPage({ values, errors: errorsOf(error) })));
      }
    });
    return Promise.resolve();
  };
}
