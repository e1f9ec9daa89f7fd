// How public pages are shown: the elder-friendly mode (适老化) a visitor turns on with a link (a cookie,
// no script), and the greyscale of national mourning days for the whole deployment (MOURNING_MODE).
// The layout is plain markup; the modes are classes on its <html> element, added as the page leaves.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

export const DISPLAY_COOKIE = 'display';
const ONE_YEAR = 365 * 24 * 3600;
const LAYOUT_START = '<!DOCTYPE html><html lang="zh-CN">';

export function isElder(request: FastifyRequest): boolean {
  return request.cookies[DISPLAY_COOKIE] === 'elder';
}

/** The page to return to: the referring page of this site, or the home page. */
function backTo(request: FastifyRequest): string {
  const referer = request.headers.referer;
  if (typeof referer !== 'string') return '/';
  try {
    const url = new URL(referer);
    const host = request.headers.host;
    // A path starting with two slashes would be read by the browser as another host.
    if (host === undefined || url.host !== host || url.pathname.startsWith('/display')) return '/';
    if (url.pathname.startsWith('//') || url.pathname.includes('\\')) return '/';
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

/** The classes of the page's <html> element for this request. */
export function displayClasses(request: FastifyRequest, config: Pick<Config, 'mourningMode'>): string[] {
  const classes: string[] = [];
  if (isElder(request)) classes.push('elder');
  if (config.mourningMode) classes.push('mourning');
  return classes;
}

export function registerDisplayModes(
  app: FastifyInstance,
  config: Pick<Config, 'mourningMode' | 'env'>,
): void {
  // Setting a preference to a given value is idempotent, so a plain link (GET) may do it.
  app.get('/display', { schema: { hide: true } }, async (request, reply) => {
    const elder = (request.query as Record<string, unknown>).elder;
    if (elder === '1') {
      reply.setCookie(DISPLAY_COOKIE, 'elder', {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        maxAge: ONE_YEAR,
        secure: config.env === 'production' || request.protocol === 'https',
      });
    } else {
      reply.clearCookie(DISPLAY_COOKIE, { path: '/' });
    }
    return reply.header('cache-control', 'no-store').redirect(backTo(request), 303);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !payload.startsWith(LAYOUT_START)) return payload;
    if (request.url.startsWith('/admin')) return payload;
    const classes = displayClasses(request, config);
    // The page differs by the cookie: a cache must not hand one visitor's mode to another.
    reply.header('vary', 'Cookie');
    if (classes.length === 0) return payload;
    return `<!DOCTYPE html><html lang="zh-CN" class="${classes.join(' ')}">${payload.slice(LAYOUT_START.length)}`;
  });
}
