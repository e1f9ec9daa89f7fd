// The one place where errors become HTTP responses. Users never see a stack trace: domain errors carry
// safe zh-CN messages; anything else is logged and answered with a generic message.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import { renderPage } from './render.tsx';
import { ErrorPage } from './views/ErrorPage.tsx';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function describe(error: FastifyError | AppError): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const field = 'field' in error && typeof error.field === 'string' ? { field: error.field } : {};
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...field } } };
  }
  if (error.validation) {
    const first = error.validation[0];
    const field =
      first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || error.validationContext || '请求';
    return {
      status: 400,
      body: {
        error: { code: 'invalid', message: `“${field}”不符合要求：${first?.message ?? '格式错误'}`, field },
      },
    };
  }
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 413, body: { error: { code: 'too_large', message: '上传的内容超过大小限制' } } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { error: { code: 'unsupported_media_type', message: '不支持该请求内容类型' } },
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 400, body: { error: { code: 'invalid', message: '请求内容格式错误，无法解析' } } };
    default:
      break;
  }
  if (error.statusCode === 429) {
    return { status: 429, body: { error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' } } };
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { error: { code: 'bad_request', message: '请求无法处理' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: '服务器内部错误，请稍后再试' } } };
}

async function send(request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) {
  reply.status(status);
  if (wantsHtml(request)) {
    return reply
      .type('text/html; charset=utf-8')
      .send(renderPage(ErrorPage({ status, message: body.error.message })));
  }
  return reply.send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, body } = describe(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, status, body);
  });
  app.setNotFoundHandler(async (request, reply) =>
    send(request, reply, 404, { error: { code: 'not_found', message: '页面不存在' } }),
  );
}
