// The public pages of applications (no sign-in): the form, the acknowledgment and the status page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { getApplicationStatus, listReceivingAgencies, submitOnlineApplication } from './service.ts';
import { InvalidApplication, type ApplicationForm, type FieldError } from './validate.ts';
import { AcknowledgmentPage, ApplyFormPage, StatusPage } from './views/ApplyPages.tsx';

/** The fields of the form: anything else in the body is ignored. */
const FORM_FIELDS = [
  'unitId',
  'applicantKind',
  'applicantName',
  'idType',
  'idNumber',
  'applicantType',
  'orgUscc',
  'contactName',
  'phone',
  'email',
  'address',
  'postcode',
  'fax',
  'description',
  'title',
  'documentNumber',
  'indexNumber',
  'provisionForm',
  'obtainWay',
  'purpose',
] as const;

function formOf(request: FastifyRequest, fields: readonly string[]): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

function errorsOf(error: Invalid): readonly FieldError[] {
  return error instanceof InvalidApplication
    ? error.errors
    : [{ field: error.field, message: error.message }];
}

export function applicationRoutes(context: AppContext) {
  const rateLimit = { max: context.config.publicRateLimitPerMinute, timeWindow: '1 minute' };
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/apply', { schema: { hide: true } }, async (_request, reply) => {
      const units = await listReceivingAgencies(context);
      return reply.type(html).send(renderPage(ApplyFormPage({ units })));
    });

    app.post('/apply', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
      const values: ApplicationForm = formOf(request, FORM_FIELDS);
      try {
        // The page is sent only after the transaction has committed: a shown code is a stored application.
        const ack = await submitOnlineApplication({ context, address: request.ip }, values);
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
          .send(renderPage(ApplyFormPage({ units, values, errors: errorsOf(error) })));
      }
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
