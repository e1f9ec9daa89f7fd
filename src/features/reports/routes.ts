// The public report checker: a page (年度报告检查) and the same as JSON for scripts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Invalid } from '../../core/errors.ts';
import type { AnnualReport } from '../../core/report/types.ts';
import { readMultipartForm } from '../../web/multipart.ts';
import { renderPage } from '../../web/render.tsx';
import { validate } from '../../web/validate.ts';
import { insertCheckRun } from './repo.ts';
import { checkReportSource, readReport, type CheckOutcome, type ReportSource } from './service.ts';
import { CheckPage } from './views/CheckPage.tsx';

const JsonCheckBody = Type.Object(
  {
    text: Type.String({ minLength: 1, description: '报告全文（纯文本、Markdown 或 HTML）' }),
    previous_text: Type.Optional(Type.String({ minLength: 1, description: '上一年度报告全文（可选）' })),
  },
  { additionalProperties: false },
);

interface CheckRequest {
  readonly source: ReportSource;
  readonly previous?: ReportSource;
  readonly text?: string;
}

async function checkRequestFromForm(request: FastifyRequest, maxBytes: number): Promise<CheckRequest> {
  const form = await readMultipartForm(request, maxBytes);
  const file = form.files.file;
  const text = form.fields.text?.trim() ?? '';
  const previousFile = form.files.previous;
  const previousText = form.fields.previous_text?.trim() ?? '';
  const previous: ReportSource | undefined = previousFile
    ? { kind: 'file', data: previousFile.data, name: previousFile.fileName }
    : previousText
      ? { kind: 'text', text: previousText }
      : undefined;
  if (file) return { source: { kind: 'file', data: file.data, name: file.fileName }, previous };
  if (text) return { source: { kind: 'text', text }, previous, text };
  throw new Invalid('file', '请粘贴报告全文，或选择要上传的报告文件');
}

async function previousReport(source: ReportSource | undefined): Promise<AnnualReport | undefined> {
  if (!source) return undefined;
  const read = await readReport(source);
  if ('reason' in read) throw new Invalid('previous', `上一年度报告无法读取：${read.reason}`);
  return read;
}

async function runCheck(
  context: AppContext,
  request: CheckRequest,
  via: 'web' | 'api',
): Promise<CheckOutcome> {
  const previous = await previousReport(request.previous);
  const outcome = await checkReportSource(request.source, previous ? { previous } : {});
  await insertCheckRun(context.database.db, context.database.dialect, {
    source: via,
    fileName: request.source.name ?? null,
    format: outcome.kind === 'checked' ? outcome.report.format : null,
    reportYear: outcome.kind === 'checked' ? outcome.report.year : null,
    agency: outcome.kind === 'checked' ? outcome.report.agency : null,
    outcome: outcome.kind,
    errors: outcome.kind === 'checked' ? outcome.errors : 0,
    warnings: outcome.kind === 'checked' ? outcome.warnings : 0,
  });
  return outcome;
}

export function reportRoutes(context: AppContext) {
  const { config } = context;
  const maxUploadMb = Math.round(config.maxUploadBytes / 1048576);
  const rateLimit = { max: config.publicRateLimitPerMinute, timeWindow: '1 minute' };

  return function register(app: FastifyInstance): Promise<void> {
    app.get('/report-check', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(renderPage(CheckPage({ maxUploadMb }))),
    );

    app.post('/report-check', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      let checkRequest: CheckRequest;
      try {
        checkRequest = await checkRequestFromForm(request, config.maxUploadBytes);
        const outcome = await runCheck(context, checkRequest, 'web');
        return await reply.send(renderPage(CheckPage({ maxUploadMb, outcome, text: checkRequest.text })));
      } catch (error) {
        if (error instanceof Invalid || (error as { status?: number }).status === 413) {
          const status = (error as { status: number }).status;
          return reply
            .status(status)
            .send(renderPage(CheckPage({ maxUploadMb, inputError: (error as Error).message })));
        }
        throw error;
      }
    });

    app.post(
      '/api/v1/report-checks',
      {
        config: { rateLimit },
        // Validated in the handler: the same endpoint takes JSON and multipart uploads.
        validatorCompiler: () => () => true,
        schema: {
          summary: '检查一份政府信息公开工作年度报告',
          description:
            '以 JSON（text 为报告全文）或 multipart/form-data（file 为报告文件：txt/md/html/docx/pdf；可选 previous 为上一年度报告）提交。' +
            '返回交换格式 JSON（含 findings）；无法读取时返回 422 并说明原因。',
          consumes: ['application/json', 'multipart/form-data'],
          body: JsonCheckBody,
          tags: ['年度报告'],
        },
      },
      async (request, reply) => {
        let checkRequest: CheckRequest;
        if (request.isMultipart()) {
          checkRequest = await checkRequestFromForm(request, config.maxUploadBytes);
        } else {
          const body = validate(JsonCheckBody, request.body);
          checkRequest = {
            source: { kind: 'text', text: body.text },
            ...(body.previous_text ? { previous: { kind: 'text', text: body.previous_text } } : {}),
          };
        }
        const outcome = await runCheck(context, checkRequest, 'api');
        if (outcome.kind === 'unreadable') {
          return reply.status(422).send({ error: { code: 'unreadable', message: outcome.reason } });
        }
        return reply.send(outcome.report);
      },
    );
    return Promise.resolve();
  };
}
