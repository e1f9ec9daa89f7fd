// Conditional GET for the public disclosure pages: a strong ETag from the rendered page, Last-Modified
// where the page knows its date, and 304 Not Modified when the browser already holds the page.
// Runs after the display modes, so the tag covers the page exactly as sent.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface PublicCaching {
  /** Paths under this prefix are cached. */
  readonly prefix: string;
  /** The date of the page's content, when one is known. */
  readonly lastModified: (request: FastifyRequest) => Promise<Date | null>;
}

function tagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes do not count.
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

function atSecond(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function registerPublicCaching(app: FastifyInstance, caching: PublicCaching): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const path = request.url.split('?')[0] ?? '';
    if (path !== caching.prefix && !path.startsWith(`${caching.prefix}/`)) return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    reply.header('etag', etag);
    reply.header('cache-control', 'no-cache');
    const modified = await caching.lastModified(request);
    if (modified !== null) reply.header('last-modified', modified.toUTCString());
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const fresh =
      typeof ifNoneMatch === 'string'
        ? tagMatches(ifNoneMatch, etag)
        : typeof ifModifiedSince === 'string' &&
          modified !== null &&
          !Number.isNaN(Date.parse(ifModifiedSince)) &&
          atSecond(modified) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
    if (!fresh) return payload;
    reply.code(304);
    return '';
  });
}
