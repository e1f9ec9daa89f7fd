import type { FastifyInstance } from 'fastify';
import { multipartBody, type Part } from './multipart.ts';

/** Posts a multipart form the way a browser does (Accept: text/html for pages). */
export function postForm(app: FastifyInstance, url: string, parts: readonly Part[], accept = 'text/html') {
  const { body, contentType } = multipartBody(parts);
  return app.inject({ method: 'POST', url, headers: { accept, 'content-type': contentType }, payload: body });
}
