// The public 纠错 form of a published item: no sign-in, rate-limited, with a honeypot field instead of an
// image CAPTCHA.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { getPublishedItem } from '../publishing/catalogue.ts';
import { reportCorrection } from './service.ts';
import { CorrectionFormPage, CorrectionReceiptPage } from './views/CorrectionPages.tsx';

function idParam(request: FastifyRequest): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound('未找到该信息');
  return id;
}

function formOf(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of ['description', 'contact', 'website']) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

export function correctionRoutes(context: AppContext) {
  const rateLimit = { max: context.config.publicRateLimitPerMinute, timeWindow: '1 minute' };
  const html = 'text/html; charset=utf-8';

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/disclosure/items/:id/correction', { schema: { hide: true } }, async (request, reply) => {
      const item = await getPublishedItem(context, idParam(request));
      return reply.type(html).send(renderPage(CorrectionFormPage({ item })));
    });

    app.post(
      '/disclosure/items/:id/correction',
      { schema: { hide: true }, config: { rateLimit } },
      async (request, reply) => {
        const item = await getPublishedItem(context, idParam(request));
        const values = formOf(request);
        reply.type(html).header('cache-control', 'no-store');
        // A filled honeypot is a robot: it gets the same receipt and nothing is stored.
        if ((values.website ?? '') !== '') {
          return reply.send(renderPage(CorrectionReceiptPage({ item, dueOn: null })));
        }
        try {
          const receipt = await reportCorrection(context, item.id, values);
          return await reply.send(renderPage(CorrectionReceiptPage({ item, dueOn: receipt.dueOn })));
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          const page = CorrectionFormPage({
            item,
            values,
            error: { field: error.field, message: error.message },
          });
          return reply.status(400).send(renderPage(page));
        }
      },
    );
    return Promise.resolve();
  };
}
