// Signs a staff member in through HTTP, as a browser would, and returns the cookie and CSRF token.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

export interface SignedIn {
  readonly cookie: string;
  readonly csrf: string;
}

export async function signInOverHttp(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<SignedIn> {
  const login = await app.inject({
    method: 'POST',
    url: '/admin/login',
    payload: form({ username, password, next: '/admin' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(login.statusCode, `${username}: ${login.body.slice(0, 300)}`).toBe(303);
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  const dashboard = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(dashboard.body)?.[1] ?? '';
  return { cookie, csrf };
}

/** Posts a back-office form as the signed-in person, with their CSRF token. */
export function postAs(app: FastifyInstance, who: SignedIn, url: string, fields: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: who.csrf, ...fields }),
  });
}
