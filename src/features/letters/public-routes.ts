// The applicant's download of a letter through a signed link (no sign-in): the status page links here.
// A forged or expired link, or a letter not sent to the applicant, answers 404 with a zh-CN message.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { sendLetter } from './send.ts';
import { openLetterByToken } from './service.ts';

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token?: string }).token ?? '';
}

export function letterPublicRoutes(context: AppContext) {
  const rateLimit = { max: context.config.publicRateLimitPerMinute, timeWindow: '1 minute' };

  return function register(app: FastifyInstance): Promise<void> {
    for (const format of ['html', 'docx'] as const) {
      const url = `/apply/letters/:token${format === 'docx' ? '/docx' : ''}`;
      app.get(url, { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
        const letter = await openLetterByToken(context, tokenOf(request), format, request.ip);
        return sendLetter(reply, letter, format);
      });
    }
    return Promise.resolve();
  };
}
