import type { FastifyRequest } from 'fastify';

/**
 * Whether a request goes to a back-office route. Decided on the route the router matched, not on the
 * raw URL: `/%61dmin/login` reaches `/admin/login` but does not start with "/admin".
 */
export function isBackOfficeRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route !== undefined && route.startsWith('/admin');
}
