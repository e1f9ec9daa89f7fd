// The security auditor's pages: the audit log with filters, and its CSV export.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../app-context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { AUDIT_PAGE_LIMIT, exportAuditLog, searchAuditLog, type AuditQuery } from './queries.ts';
import { AuditPage } from './views/AuditPage.tsx';

const QUERY_FIELDS = ['from', 'to', 'actorName', 'action', 'objectType', 'objectId'] as const;

function auditQueryOf(request: FastifyRequest): AuditQuery {
  const raw = request.query as Record<string, unknown>;
  const query: Record<string, string> = {};
  for (const field of QUERY_FIELDS) {
    const value = raw[field];
    if (typeof value === 'string' && value.trim() !== '') query[field] = value.trim();
  }
  return query;
}

const CSV_HEADER = [
  '序号',
  '时间',
  '操作人编号',
  '操作人',
  '来源地址',
  '操作',
  '对象类型',
  '对象编号',
  '结果',
  '详情',
  '哈希',
];

export function auditRoutes(context: AppContext) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get('/admin/audit', async (request, reply) => {
      const session = request.staffSession;
      if (session === null) throw new NotFound();
      const scope = { context, actor: session.actor, address: request.ip };
      const query = auditQueryOf(request);
      const exportHref = `/admin/audit/export.csv?${new URLSearchParams({ ...query }).toString()}`;
      const props = {
        actor: session.actor,
        csrfToken: session.csrfToken,
        query,
        limit: AUDIT_PAGE_LIMIT,
        exportHref,
      };
      reply.type('text/html; charset=utf-8');
      try {
        return await reply.send(
          renderPage(AuditPage({ ...props, entries: await searchAuditLog(scope, query) })),
        );
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return reply.status(400).send(renderPage(AuditPage({ ...props, entries: [], error: error.message })));
      }
    });

    app.get('/admin/audit/export.csv', async (request, reply) => {
      const session = request.staffSession;
      if (session === null) throw new NotFound();
      const entries = await exportAuditLog(
        { context, actor: session.actor, address: request.ip },
        auditQueryOf(request),
      );
      const rows = entries.map((e) => [
        e.seq,
        e.at,
        e.actorId ?? '',
        e.actorName ?? '',
        e.address ?? '',
        e.action,
        e.objectType ?? '',
        e.objectId ?? '',
        e.result,
        e.details,
        e.hash,
      ]);
      // The byte-order mark makes Excel and WPS open the Chinese text as UTF-8.
      // Cells that a spreadsheet would run as formulas (=, +, -, @) are defused: user names typed at the
      // sign-in page end up in the log.
      const csv = `\uFEFF${stringify([CSV_HEADER, ...rows], { escape_formulas: true })}`;
      const name = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    });
    return Promise.resolve();
  };
}
