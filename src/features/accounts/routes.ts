// Sign-in, second factor, TOTP enrolment and sign-out of the back office.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { renderPage } from '../../web/render.tsx';
import { clearSessionCookie, setSessionCookie } from '../../web/auth/staff-session.ts';
import {
  LoginPage,
  PasswordPage,
  SetupPage,
  RecoveryCodesPage,
  SecondFactorPage,
  TotpEnrolPage,
} from '../../web/views/admin/SignInPages.tsx';
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondFactor } from './second-factor.ts';
import { signIn, signOut, signOutEverywhere } from './sessions.ts';
import { changePassword } from './service.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import { assertSetupToken, completeSetup, hasTopLevelUnit } from './setup.ts';
import type { LoadedSession } from './model.ts';

function secondFactorDone(session: LoadedSession): boolean {
  return session.secondFactor === 'passed' || session.secondFactor === 'not-needed';
}

function field(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Only plain back-office paths: an open redirect would let a link send a signed-in user anywhere, and
 * anything outside this alphabet could not even be put in a Location header.
 */
function safeNext(next: string): string {
  return /^\/admin(\/[A-Za-z0-9._~%/?=&-]*)?$/.test(next) ? next : '/admin';
}

function html(reply: FastifyReply, page: Parameters<typeof renderPage>[0], status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(page));
}

export function accountRoutes(context: AppContext) {
  const signInLimit = { max: context.config.signInRateLimitPerMinute, timeWindow: '1 minute' };

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/login', { schema: { hide: true } }, async (request, reply) => {
      const next = (request.query as Record<string, string | undefined>).next ?? '/admin';
      return html(reply, LoginPage({ next }));
    });

    app.post(
      '/admin/login',
      { schema: { hide: true }, config: { rateLimit: signInLimit } },
      async (request, reply) => {
        const username = field(request, 'username').trim();
        const next = safeNext(field(request, 'next'));
        const result = await signIn(
          context,
          {
            username,
            password: field(request, 'password'),
            address: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          },
          new Date(),
        );
        if (result.kind !== 'signed-in')
          return html(reply, LoginPage({ error: result.message, next, username }), 401);
        setSessionCookie(request, reply, result.token, context.config.env === 'production');
        const target =
          result.secondFactor === 'required'
            ? '/admin/second-factor'
            : result.secondFactor === 'enrol'
              ? '/admin/totp'
              : next;
        return reply.redirect(target, 303);
      },
    );

    app.get('/admin/second-factor', { schema: { hide: true } }, async (request, reply) => {
      const session = request.staffSession;
      if (session === null) return reply.redirect('/admin/login', 303);
      return html(reply, SecondFactorPage({ csrfToken: session.csrfToken }));
    });

    app.post(
      '/admin/second-factor',
      { schema: { hide: true }, config: { rateLimit: signInLimit } },
      async (request, reply) => {
        const session = request.staffSession;
        if (session === null || request.sessionToken === null) return reply.redirect('/admin/login', 303);
        const result = await verifySecondFactor(
          context,
          request.sessionToken,
          field(request, 'code'),
          new Date(),
        );
        if (result.kind !== 'passed') {
          return html(reply, SecondFactorPage({ csrfToken: session.csrfToken, error: result.message }), 401);
        }
        setSessionCookie(request, reply, result.token, context.config.env === 'production');
        return reply.redirect('/admin', 303);
      },
    );

    app.get('/admin/totp', { schema: { hide: true } }, async (request, reply) => {
      const session = request.staffSession;
      if (session === null || request.sessionToken === null) return reply.redirect('/admin/login', 303);
      const enrolment = await startTotpEnrolment(context, request.sessionToken, new Date());
      return html(
        reply,
        TotpEnrolPage({ csrfToken: session.csrfToken, secret: enrolment.secret, qrSvg: enrolment.qrSvg }),
      );
    });

    app.post(
      '/admin/totp',
      { schema: { hide: true }, config: { rateLimit: signInLimit } },
      async (request, reply) => {
        const session = request.staffSession;
        if (session === null || request.sessionToken === null) return reply.redirect('/admin/login', 303);
        const result = await confirmTotpEnrolment(
          context,
          request.sessionToken,
          field(request, 'code'),
          new Date(),
        );
        if (result.kind !== 'enabled') {
          const enrolment = await startTotpEnrolment(context, request.sessionToken, new Date());
          return html(
            reply,
            TotpEnrolPage({
              csrfToken: session.csrfToken,
              secret: enrolment.secret,
              qrSvg: enrolment.qrSvg,
              error: result.message,
            }),
            400,
          );
        }
        setSessionCookie(request, reply, result.token, context.config.env === 'production');
        return html(reply, RecoveryCodesPage({ codes: result.recoveryCodes }));
      },
    );

    app.get('/admin/password', { schema: { hide: true } }, async (request, reply) => {
      const session = request.staffSession;
      if (session === null || !secondFactorDone(session)) return reply.redirect('/admin/login', 303);
      return html(reply, PasswordPage({ csrfToken: session.csrfToken, expired: session.passwordExpired }));
    });

    app.post(
      '/admin/password',
      { schema: { hide: true }, config: { rateLimit: signInLimit } },
      async (request, reply) => {
        const session = request.staffSession;
        if (session === null || !secondFactorDone(session)) return reply.redirect('/admin/login', 303);
        const page = { csrfToken: session.csrfToken, expired: session.passwordExpired };
        const newPassword = field(request, 'newPassword');
        if (newPassword !== field(request, 'confirmPassword')) {
          return html(reply, PasswordPage({ ...page, error: '两次输入的新密码不一致' }), 400);
        }
        try {
          await changePassword(
            { context, actor: session.actor, address: request.ip },
            { currentPassword: field(request, 'currentPassword'), newPassword },
            new Date(),
          );
        } catch (error) {
          if (error instanceof Invalid)
            return html(reply, PasswordPage({ ...page, error: error.message }), 400);
          throw error;
        }
        return html(reply, PasswordPage({ csrfToken: session.csrfToken, expired: false, done: true }));
      },
    );

    app.get('/admin/setup/:token', { schema: { hide: true } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      await assertSetupToken(context, token);
      return html(reply, SetupPage({ token, askUnit: !(await hasTopLevelUnit(context)) }));
    });

    app.post(
      '/admin/setup/:token',
      { schema: { hide: true }, config: { rateLimit: signInLimit } },
      async (request, reply) => {
        const { token } = request.params as { token: string };
        await assertSetupToken(context, token);
        const values = {
          unitName: field(request, 'unitName'),
          unitKind: field(request, 'unitKind'),
          username: field(request, 'username'),
          displayName: field(request, 'displayName'),
        };
        const page = { token, askUnit: !(await hasTopLevelUnit(context)), values };
        if (field(request, 'password') !== field(request, 'confirmPassword')) {
          return html(reply, SetupPage({ ...page, error: '两次输入的密码不一致' }), 400);
        }
        try {
          await completeSetup(context, token, { ...values, password: field(request, 'password') });
        } catch (error) {
          if (error instanceof Invalid || error instanceof Conflict) {
            return html(reply, SetupPage({ ...page, error: error.message }), 400);
          }
          throw error;
        }
        return reply.redirect('/admin/login', 303);
      },
    );

    app.post('/admin/logout', { schema: { hide: true } }, async (request, reply) => {
      if (request.sessionToken !== null) await signOut(context, request.sessionToken, new Date());
      clearSessionCookie(reply);
      return reply.redirect('/admin/login', 303);
    });

    app.post('/admin/logout-everywhere', { schema: { hide: true } }, async (request, reply) => {
      const session = request.staffSession;
      // Only a finished sign-in may end the other sessions: a password alone must not log the owner out.
      if (session !== null && secondFactorDone(session)) {
        await signOutEverywhere({ context, actor: session.actor, address: request.ip }, new Date());
      }
      clearSessionCookie(reply);
      return reply.redirect('/admin/login', 303);
    });
    return Promise.resolve();
  };
}
