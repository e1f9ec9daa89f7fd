// Staff sessions on the back office: the session cookie, CSRF tokens and the sign-in guard.
import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { CsrfRejected } from '../../core/errors.ts';
import type { LoadedSession } from '../../features/accounts/model.ts';
import { loadSession } from '../../features/accounts/sessions.ts';
import { isBackOfficeRequest } from './back-office.ts';

export const SESSION_COOKIE = 'gk_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    staffSession: LoadedSession | null;
    sessionToken: string | null;
  }
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  production: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // In production the site is served over HTTPS, possibly through a proxy this process cannot see.
    secure: production || request.protocol === 'https',
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

function crossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    // request.host follows X-Forwarded-Host when TRUST_PROXY names the proxy.
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function csrfTokenOf(request: FastifyRequest): unknown {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && '_csrf' in body) return body._csrf;
  // File uploads are read as a stream by their route, after this check: their form carries the token
  // in its action URL instead.
  return (request.query as Record<string, unknown> | undefined)?._csrf;
}

/** Loads the staff session of /admin requests and refuses state changes without the session's CSRF token. */
export async function registerStaffSessions(app: FastifyInstance, context: AppContext): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('staffSession', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!isBackOfficeRequest(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.sessionToken = token;
    request.staffSession = await loadSession(context, token, new Date());
  });
  // Back-office pages carry personal data, TOTP secrets and recovery codes: never kept by a cache.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (isBackOfficeRequest(request)) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    // Before a session exists (the sign-in form) there is no token to compare: a browser's Origin
    // header tells a cross-site form post apart, so another site cannot sign a person in as itself.
    if (isBackOfficeRequest(request) && STATE_CHANGING.has(request.method) && crossSite(request)) {
      done(new CsrfRejected());
      return;
    }
    const session = request.staffSession;
    if (
      session !== null &&
      STATE_CHANGING.has(request.method) &&
      !sameToken(csrfTokenOf(request), session.csrfToken)
    ) {
      done(new CsrfRejected());
      return;
    }
    done();
  });
}

/** Where a request without a complete sign-in must go, or null when it may proceed. */
export function signInRedirect(request: FastifyRequest): string | null {
  const session = request.staffSession;
  if (session === null) return `/admin/login?next=${encodeURIComponent(request.url)}`;
  if (session.secondFactor === 'required') return '/admin/second-factor';
  if (session.secondFactor === 'enrol') return '/admin/totp';
  if (session.passwordExpired) return '/admin/password';
  return null;
}
