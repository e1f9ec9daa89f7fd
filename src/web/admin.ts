// The back office: sign-in pages are open; every other /admin route sits behind the guard below.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { accountRoutes } from '../features/accounts/routes.ts';
import { applicationAdminRoutes } from '../features/applications/admin-routes.tsx';
import { disclosureDraftRoutes } from '../features/applications/drafts-routes.ts';
import { registrationRoutes } from '../features/applications/registration-routes.ts';
import { workListRoutes } from '../features/applications/worklists-routes.ts';
import { userRoutes } from '../features/accounts/user-routes.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { annualReportRoutes } from '../features/annual-report/routes.ts';
import { reportRollupRoutes } from '../features/report-rollups/routes.ts';
import { annualReportPublishRoutes } from '../features/annual-report/publish-routes.ts';
import { annualReportEditRoutes } from '../features/annual-report/edit-routes.ts';
import { calendarRoutes } from '../features/calendar/routes.ts';
import { letterAdminRoutes } from '../features/letters/routes.ts';
import { publishingAdminRoutes } from '../features/publishing/admin-routes.ts';
import { publishingImportRoutes } from '../features/publishing/import-routes.ts';
import { recordsRoutes } from '../features/records/routes.ts';
import { supervisionRoutes } from '../features/supervision/routes.ts';
import { assessmentRoutes } from '../features/assessment/routes.ts';
import { correctionAdminRoutes } from '../features/corrections/admin-routes.ts';
import { dictionaryRoutes } from '../features/checks/routes.ts';
import { scanRoutes } from '../features/scans/routes.ts';
import { freshnessAdminRoutes } from '../features/freshness/admin-routes.ts';
import { channelAdminRoutes } from '../features/channels/admin-routes.ts';
import { dashboardRoutes } from '../features/dashboards/routes.ts';
import { unitRoutes } from '../features/units/routes.ts';
import { signInRedirect } from './auth/staff-session.ts';

export async function registerBackOffice(app: FastifyInstance, context: AppContext): Promise<void> {
  await app.register(accountRoutes(context));
  await app.register(async (guarded) => {
    guarded.addHook('onRequest', async (request, reply) => {
      const target = signInRedirect(request);
      if (target === null) return;
      if (request.method === 'GET') return reply.redirect(target, 303);
      return reply.status(401).type('text/plain; charset=utf-8').send('请先登录');
    });
    await guarded.register(unitRoutes(context));
    await guarded.register(auditRoutes(context));
    await guarded.register(userRoutes(context));
    await guarded.register(applicationAdminRoutes(context));
    await guarded.register(registrationRoutes(context));
    await guarded.register(workListRoutes(context));
    await guarded.register(disclosureDraftRoutes(context));
    await guarded.register(calendarRoutes(context));
    await guarded.register(annualReportRoutes(context));
    await guarded.register(reportRollupRoutes(context));
    await guarded.register(annualReportPublishRoutes(context));
    await guarded.register(annualReportEditRoutes(context));
    await guarded.register(letterAdminRoutes(context));
    await guarded.register(publishingAdminRoutes(context));
    await guarded.register(publishingImportRoutes(context));
    await guarded.register(recordsRoutes(context));
    await guarded.register(supervisionRoutes(context));
    await guarded.register(assessmentRoutes(context));
    await guarded.register(correctionAdminRoutes(context));
    await guarded.register(dictionaryRoutes(context));
    await guarded.register(scanRoutes(context));
    await guarded.register(freshnessAdminRoutes(context));
    await guarded.register(channelAdminRoutes(context));
    await guarded.register(dashboardRoutes(context));
  });
}
