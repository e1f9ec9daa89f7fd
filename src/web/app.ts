// The composition root of the web process: the same AppContext serves the CLI and the tests.
import { readFileSync } from 'node:fs';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { countCheckRuns } from '../features/reports/repo.ts';
import { applicationRoutes } from '../features/applications/routes.ts';
import { letterPublicRoutes } from '../features/letters/public-routes.ts';
import { publishingRoutes } from '../features/publishing/routes.ts';
import { correctionRoutes } from '../features/corrections/routes.ts';
import { annualReportPublicRoutes } from '../features/annual-report/public-routes.ts';
import { openDataRoutes } from '../features/open-data/routes.ts';
import { reportRoutes } from '../features/reports/routes.ts';
import { disclosureLastModified } from '../features/search/service.ts';
import { searchRoutes } from '../features/search/routes.ts';
import { supervisionPublicRoutes } from '../features/supervision/public-routes.ts';
import { registerBackOffice } from './admin.ts';
import { registerNetworkAllowlist } from './auth/network-allowlist.ts';
import { registerStaffSessions } from './auth/staff-session.ts';
import { registerDisplayModes } from './display.ts';
import { registerErrorHandling } from './errors.ts';
import { registerPublicCaching } from './http-cache.ts';
import { renderPage } from './render.tsx';
import { HomePage } from './views/HomePage.tsx';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly { method: string; url: string }[];
  }
}

const SITE_CSS = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');

export async function createApp(context: AppContext): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.maxUploadBytes + 1024 * 1024,
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
  });

  // Every route, as registered: the authorisation matrix test walks this list, so new routes are covered.
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });

  await app.register(fastifyHelmet, {
    // With "no-referrer" browsers send `Origin: null` on form posts, which the back office's cross-site
    // check must refuse; "same-origin" keeps referrers from leaving the site and the origin visible.
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: config.maxUploadBytes } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '公开（Gongkai）接口',
        description: '政府信息公开平台的开放接口。',
        version: '1',
      },
    },
  });
  // Swagger UI needs inline styles of its own; it is the only page allowed them.
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  registerErrorHandling(app);
  registerNetworkAllowlist(app, config.adminAllowedNetworks);
  await registerStaffSessions(app, context);
  // In this order: the page takes its display classes before its ETag is computed.
  registerDisplayModes(app, config);
  registerPublicCaching(app, {
    prefix: '/disclosure',
    lastModified: (request) => disclosureLastModified(context, request.routeOptions.url, request.params),
  });

  app.get('/assets/site.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const checks = await countCheckRuns(context.database.db);
    return reply.type('text/html; charset=utf-8').send(renderPage(HomePage({ checks })));
  });
  await app.register(reportRoutes(context));
  await app.register(applicationRoutes(context));
  await app.register(letterPublicRoutes(context));
  await app.register(searchRoutes(context));
  await app.register(publishingRoutes(context));
  await app.register(correctionRoutes(context));
  await app.register(supervisionPublicRoutes(context));
  await app.register(annualReportPublicRoutes(context));
  await app.register(openDataRoutes(context));
  await registerBackOffice(app, context);
  return app;
}
