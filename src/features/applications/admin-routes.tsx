// Back-office pages of applications. The admin guard (sign-in complete) runs before every route here;
// the policy decides which applications each page shows and which acts a person may do, and anything
// else answers 404. A refused act re-renders the page with the field and the rule; nothing is written.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { canRecordDelivery } from '../letters/policy.ts';
import { listLetters } from '../letters/service.ts';
import { LetterList } from '../letters/views/LetterList.tsx';
import { listAttachments } from './attachments.ts';
import { chinaDate } from './clock.ts';
import { isDraftable } from './drafts.ts';
import { getPossibleDuplicates } from './duplicates.ts';
import { findPublishedMatches } from './published-matches.ts';
import { listApplications } from './service.ts';
import { AttachmentList } from './views/AttachmentList.tsx';
import { DraftButton } from './views/DraftsPage.tsx';
import { DuplicateList } from './views/DuplicateList.tsx';
import { PublishedMatchList } from './views/PublishedMatchList.tsx';
import { ApplicationListPage, ApplicationPage } from './views/AdminApplicationPages.tsx';
import { CohandlingPage } from './views/CohandlingPage.tsx';
import {
  assignApplication,
  decideApplication,
  endConsultation,
  extendDeadline,
  noticeFee,
  recordCorrected,
  recordFeePaid,
  recordLegalConsultation,
  replyCohandling,
  requestCohandling,
  requestCorrection,
  requestReasons,
  returnApplication,
  setDeadline,
  startConsultation,
  transferApplication,
} from './workflow.ts';
import { loadApplicationWorkspace } from './workflow-page.ts';
import { listCohandlingTasks } from './workflow-tasks.ts';
import type { StepForm } from './workflow-core.ts';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function idParam(request: FastifyRequest, message = '未找到该申请'): number {
  const text = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (id <= 0) throw new NotFound(message);
  return id;
}

function formOf(request: FastifyRequest): StepForm {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
  return form;
}

type Act = (scope: ActingScope, id: number, form: StepForm) => Promise<unknown>;

/** The acts on one application, by the last segment of their URL, each with the step it records. */
const ACTS: Readonly<Record<string, { readonly act: Act; readonly step: string }>> = {
  assign: { act: assignApplication, step: 'assigned' },
  transfer: { act: transferApplication, step: 'transferred' },
  return: { act: returnApplication, step: 'returned' },
  cohandling: { act: requestCohandling, step: 'cohandling_requested' },
  'legal-consultation': { act: recordLegalConsultation, step: 'legal_consultation' },
  'correction-request': { act: requestCorrection, step: 'correction_requested' },
  corrected: { act: recordCorrected, step: 'corrected' },
  'consultation-start': { act: startConsultation, step: 'consultation_started' },
  'consultation-end': { act: endConsultation, step: 'consultation_ended' },
  'fee-notice': { act: noticeFee, step: 'fee_notice' },
  'fee-paid': { act: recordFeePaid, step: 'fee_paid' },
  extension: { act: extendDeadline, step: 'extended' },
  'reasons-request': { act: requestReasons, step: 'reasons_requested' },
  deadline: { act: setDeadline, step: 'deadline_set' },
  decision: { act: decideApplication, step: 'decided' },
};

/** Parts of the application page other features add (letters, attachments, duplicates, drafts). */
export type ApplicationPageExtras = (scope: ActingScope, applicationId: number) => Promise<unknown>;

export function applicationAdminRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });
  const html = 'text/html; charset=utf-8';

  async function sendApplicationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    options: { error?: { field: string | null; message: string }; status?: number } = {},
  ) {
    const session = sessionOf(request);
    const scope = scopeOf(request, session);
    const workspace = await loadApplicationWorkspace(scope, id);
    const [letters, attachments, { application, duplicates }] = await Promise.all([
      listLetters(context.database.db, id),
      listAttachments(scope, id),
      getPossibleDuplicates(scope, id),
    ]);
    const published =
      workspace.status === 'open' ? await findPublishedMatches(context.database.db, application) : [];
    const done = (request.query as { done?: string }).done ?? null;
    const today = chinaDate(new Date());
    const page = ApplicationPage({
      actor: session.actor,
      csrfToken: session.csrfToken,
      workspace,
      error: options.error ?? null,
      done: options.error ? null : done,
      extras: (
        <>
          {duplicates.length > 0 ? <DuplicateList duplicates={duplicates} /> : null}
          {published.length > 0 ? <PublishedMatchList matches={published} /> : null}
          <section id="letters">
            <h2>文书</h2>
            <LetterList
              applicationId={id}
              letters={letters}
              canRecordDelivery={canRecordDelivery(session.actor, { unitPath: workspace.unitPath })}
              csrfToken={session.csrfToken}
              today={today}
            />
            {workspace.mayHandle &&
            isDraftable({ status: workspace.status, outcome: workspace.decision?.outcome ?? null }) ? (
              <DraftButton applicationId={id} csrfToken={session.csrfToken} />
            ) : null}
          </section>
          {attachments.length > 0 ? (
            <section>
              <h2>附件</h2>
              <AttachmentList attachments={attachments} />
            </section>
          ) : null}
        </>
      ),
    });
    return reply
      .code(options.status ?? 200)
      .type(html)
      .send(renderPage(page));
  }

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/applications', async (request, reply) => {
      const session = sessionOf(request);
      const applications = await listApplications(scopeOf(request, session));
      const page = ApplicationListPage({ actor: session.actor, csrfToken: session.csrfToken, applications });
      return reply.type(html).send(renderPage(page));
    });

    app.get('/admin/applications/:id', async (request, reply) =>
      sendApplicationPage(request, reply, idParam(request)),
    );

    for (const [segment, { act, step }] of Object.entries(ACTS)) {
      app.post(`/admin/applications/:id/${segment}`, async (request, reply) => {
        const session = sessionOf(request);
        const id = idParam(request);
        try {
          await act(scopeOf(request, session), id, formOf(request));
        } catch (error) {
          if (error instanceof Invalid || error instanceof Conflict) {
            return sendApplicationPage(request, reply, id, {
              error: { field: error instanceof Invalid ? error.field : null, message: error.message },
              status: error.status,
            });
          }
          throw error;
        }
        return reply.redirect(`/admin/applications/${id}?done=${step}`, 303);
      });
    }

    app.get('/admin/cohandling', async (request, reply) => {
      const session = sessionOf(request);
      const tasks = await listCohandlingTasks(scopeOf(request, session));
      const page = CohandlingPage({ actor: session.actor, csrfToken: session.csrfToken, tasks });
      return reply.type(html).send(renderPage(page));
    });

    app.post('/admin/cohandling/:id/reply', async (request, reply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const taskId = idParam(request, '未找到该协办任务');
      try {
        await replyCohandling(scope, taskId, formOf(request));
      } catch (error) {
        if (error instanceof Invalid || error instanceof Conflict) {
          const tasks = await listCohandlingTasks(scope);
          const page = CohandlingPage({
            actor: session.actor,
            csrfToken: session.csrfToken,
            tasks,
            error: error.message,
          });
          return reply.code(error.status).type(html).send(renderPage(page));
        }
        throw error;
      }
      return reply.redirect('/admin/cohandling?done=1', 303);
    });
    return Promise.resolve();
  };
}
