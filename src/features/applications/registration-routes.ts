// Back-office routes of intake: registering an application received by another channel than the online
// form, its possible repeated applications, and downloading an application's files. The admin guard
// (sign-in complete) runs before every route here; the policies answer 404 for everything else.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { downloadAttachment, MAX_ATTACHMENTS } from './attachments.ts';
import { readSubmittedForm } from './attachments-form.ts';
import { chinaDate } from './clock.ts';
import { getPossibleDuplicates } from './duplicates.ts';
import { isRegisteredChannel, registerApplication, registrationUnits } from './registration.ts';
import { authorizeRegistrationPage } from './registration-policy.ts';
import { APPLICATION_FORM_FIELDS, errorsOf } from './validate.ts';
import {
  PossibleDuplicatesPage,
  RegistrationChannelPage,
  RegistrationFormPage,
} from './views/RegistrationPages.tsx';

const REGISTRATION_FIELDS = [...APPLICATION_FORM_FIELDS, 'channel', 'receivedOn', 'receiptNote'];
const REGISTRATION_FILES = ['evidence', 'identityProof', 'powerOfAttorney'];

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest, name: 'id' | 'attachmentId'): number {
  const text = (request.params as Record<string, string | undefined>)[name] ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound(name === 'id' ? '未找到该申请' : '未找到该附件');
  return id;
}

/** A file name for the Content-Disposition header: ASCII fallback plus the UTF-8 name (RFC 6266). */
function contentDisposition(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export function registrationRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';
  const { maxUploadBytes } = context.config;

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/applications/new', async (request, reply) => {
      const session = sessionOf(request);
      const units = await registrationUnits(scopeOf(request, session));
      const channel = ((request.query ?? {}) as { channel?: unknown }).channel;
      const shell = { actor: session.actor, csrfToken: session.csrfToken };
      const page = isRegisteredChannel(channel)
        ? RegistrationFormPage({ ...shell, channel, units, today: chinaDate(new Date()), maxUploadBytes })
        : RegistrationChannelPage(shell);
      return reply.type(html).send(renderPage(page));
    });

    app.post('/admin/applications/new', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      // Before the upload is read: nobody without a registering role gets that far.
      authorizeRegistrationPage(session.actor);
      const submitted = await readSubmittedForm(request, {
        fields: REGISTRATION_FIELDS,
        fileFields: REGISTRATION_FILES,
        maxFileBytes: maxUploadBytes,
        maxFiles: MAX_ATTACHMENTS,
      });
      const values = submitted.fields;
      try {
        const registered = await registerApplication(scope, values, submitted);
        const target =
          registered.duplicates.length > 0
            ? `/admin/applications/${registered.id}/duplicates?registered=1`
            : `/admin/applications/${registered.id}`;
        return await reply.redirect(target, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const units = await registrationUnits(scope);
        const channel = isRegisteredChannel(values.channel) ? values.channel : null;
        const shell = { actor: session.actor, csrfToken: session.csrfToken };
        const page =
          channel === null
            ? RegistrationChannelPage(shell)
            : RegistrationFormPage({
                ...shell,
                channel,
                units,
                today: chinaDate(new Date()),
                maxUploadBytes,
                values,
                errors: errorsOf(error),
              });
        return reply.status(400).type(html).send(renderPage(page));
      }
    });

    app.get('/admin/applications/:id/duplicates', async (request, reply) => {
      const session = sessionOf(request);
      const { application, duplicates } = await getPossibleDuplicates(
        scopeOf(request, session),
        idParam(request, 'id'),
      );
      const registered = ((request.query ?? {}) as { registered?: unknown }).registered === '1';
      const page = PossibleDuplicatesPage({
        actor: session.actor,
        csrfToken: session.csrfToken,
        application: { id: application.id, queryCode: application.queryCode },
        duplicates,
        registered,
      });
      return reply.type(html).send(renderPage(page));
    });

    app.get('/admin/applications/:id/attachments/:attachmentId', async (request, reply) => {
      const session = sessionOf(request);
      const applicationId = idParam(request, 'id');
      const attachmentId = idParam(request, 'attachmentId');
      const file = await downloadAttachment(scopeOf(request, session), applicationId, attachmentId);
      const fallback = `attachment-${attachmentId}.${EXTENSIONS[file.mediaType] ?? 'bin'}`;
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName, fallback))
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    });
    return Promise.resolve();
  };
}
