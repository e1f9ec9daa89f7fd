// Back-office routes of assessment. The admin guard (sign-in complete, CSRF on posts) runs first; every
// route is scoped by the supervising unit in its path and the policy answers 404 for anything out of reach.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { parsePeriod } from '../../core/assessment/period.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { LoadedSession } from '../accounts/model.ts';
import { noticeDocx, rankingXlsx } from './export.ts';
import type { AssessmentRun } from './model.ts';
import {
  getAssessmentUnit,
  getRanking,
  getRules,
  listAssessmentUnitsFor,
  listComputedPeriods,
  recordExport,
  rulesFromForm,
  runAssessment,
  saveRules,
} from './service.ts';
import {
  AssessmentIndexPage,
  RankingPage,
  RulesPage,
  ScorePage,
  type Notice,
} from './views/AssessmentPages.tsx';

const HTML = 'text/html; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sessionOf(request: FastifyRequest): LoadedSession {
  if (request.staffSession === null) throw new NotFound();
  return request.staffSession;
}

function numberOf(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,15}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

function unitParam(request: FastifyRequest): number {
  const id = numberOf((request.params as { id?: string }).id);
  if (id === null) throw new NotFound('未找到该单位');
  return id;
}

const queryOf = (request: FastifyRequest) => request.query as Record<string, string | undefined>;

function formOf(request: FastifyRequest): Record<string, string> {
  const body = (request.body as Record<string, unknown> | undefined) ?? {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function assessmentRoutes(context: AppContext) {
  const scopeOf = (request: FastifyRequest, session: LoadedSession): ActingScope => ({
    context,
    actor: session.actor,
    address: request.ip,
  });

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/assessment', async (request, reply) => {
      const session = sessionOf(request);
      const units = await listAssessmentUnitsFor(scopeOf(request, session));
      if (units.length === 0) throw new NotFound();
      return reply
        .type(HTML)
        .send(renderPage(AssessmentIndexPage({ actor: session.actor, csrfToken: session.csrfToken, units })));
    });

    const rankingPage = async (request: FastifyRequest, periodText: string | null, notice: Notice = {}) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getAssessmentUnit(scope, unitParam(request));
      const periods = await listComputedPeriods(scope, unit.id);
      let period: string | null = null;
      let run: AssessmentRun | null = null;
      let shown = notice;
      if (periodText !== null && periodText.trim() !== '') {
        try {
          period = parsePeriod(periodText).text;
          run = await getRanking(scope, unit.id, period);
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          shown = { error: { field: error.field, message: error.message }, typed: { period: periodText } };
        }
      }
      const page = renderPage(
        RankingPage({
          actor: session.actor,
          csrfToken: session.csrfToken,
          unit,
          period,
          run,
          periods,
          notice: shown,
        }),
      );
      return { page, refused: shown.error !== undefined };
    };

    app.get('/admin/assessment/units/:id', async (request, reply) => {
      const { page, refused } = await rankingPage(request, queryOf(request).period ?? null);
      return reply
        .status(refused ? 400 : 200)
        .type(HTML)
        .send(page);
    });

    app.post('/admin/assessment/units/:id/runs', async (request, reply) => {
      const scope = scopeOf(request, sessionOf(request));
      const unitId = unitParam(request);
      const form = formOf(request);
      try {
        await runAssessment(scope, unitId, form.period ?? '');
        const period = parsePeriod(form.period).text;
        return await reply.redirect(
          `/admin/assessment/units/${unitId}?period=${encodeURIComponent(period)}`,
          303,
        );
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        await getAssessmentUnit(scope, unitId);
        const { page } = await rankingPage(request, null, {
          error: { field: error.field, message: error.message },
          typed: form,
        });
        return reply.status(400).type(HTML).send(page);
      }
    });

    const rulesPage = async (request: FastifyRequest, notice: Notice = {}) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getAssessmentUnit(scope, unitParam(request));
      const { current, versions } = await getRules(scope, unit.id);
      return renderPage(
        RulesPage({ actor: session.actor, csrfToken: session.csrfToken, unit, current, versions, notice }),
      );
    };

    app.get('/admin/assessment/units/:id/rules', async (request, reply) =>
      reply.type(HTML).send(await rulesPage(request)),
    );

    app.post('/admin/assessment/units/:id/rules', async (request, reply) => {
      const scope = scopeOf(request, sessionOf(request));
      const unitId = unitParam(request);
      const form = formOf(request);
      try {
        // The policy first, so that a refused person learns nothing from validation messages.
        const unit = await getAssessmentUnit(scope, unitId);
        if (!unit.canEdit) throw new NotFound('未找到该单位');
        await saveRules(scope, unitId, rulesFromForm(form));
        return await reply.redirect(`/admin/assessment/units/${unitId}/rules`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const page = await rulesPage(request, {
          error: { field: error.field, message: error.message },
          typed: form,
        });
        return reply.status(400).type(HTML).send(page);
      }
    });

    /** The latest run of `?period=`; without a period the ranking page is where to pick one. */
    const runOf = async (request: FastifyRequest, reply: FastifyReply) => {
      const session = sessionOf(request);
      const scope = scopeOf(request, session);
      const unit = await getAssessmentUnit(scope, unitParam(request));
      const periodText = queryOf(request).period;
      if (periodText === undefined || periodText === '') {
        await reply.redirect(`/admin/assessment/units/${unit.id}`, 303);
        return null;
      }
      const run = await getRanking(scope, unit.id, periodText);
      if (run === null) throw new NotFound('该期间尚未计算得分');
      return { session, scope, unit, run };
    };

    app.get('/admin/assessment/units/:id/score', async (request, reply) => {
      const found = await runOf(request, reply);
      if (found === null) return reply;
      const row = found.run.scores.find((score) => score.unitId === numberOf(queryOf(request).unit));
      if (row === undefined) throw new NotFound('未找到该单位的得分');
      return reply.type(HTML).send(
        renderPage(
          ScorePage({
            actor: found.session.actor,
            csrfToken: found.session.csrfToken,
            unit: found.unit,
            run: found.run,
            row,
          }),
        ),
      );
    });

    app.get('/admin/assessment/units/:id/ranking.xlsx', async (request, reply) => {
      const found = await runOf(request, reply);
      if (found === null) return reply;
      const data = await rankingXlsx(found.unit, found.run);
      await recordExport(found.scope, found.run, 'xlsx');
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          attachment(
            `${found.unit.name}${found.run.period}考核排名.xlsx`,
            `assessment-${found.unit.id}-${found.run.period}.xlsx`,
          ),
        )
        .send(data);
    });

    app.get('/admin/assessment/units/:id/notice.docx', async (request, reply) => {
      const found = await runOf(request, reply);
      if (found === null) return reply;
      const data = await noticeDocx(found.unit, found.run);
      await recordExport(found.scope, found.run, 'docx');
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          attachment(
            `${found.unit.name}${found.run.period}考核通报.docx`,
            `assessment-notice-${found.unit.id}-${found.run.period}.docx`,
          ),
        )
        .send(data);
    });
    return Promise.resolve();
  };
}
