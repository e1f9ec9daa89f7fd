import type { ComponentChildren } from 'preact';
import type { StaffActor } from '../../../features/accounts/model.ts';
import { canReadAuditLog } from '../../../features/audit/policy.ts';
import { canManageCalendar } from '../../../features/calendar/policy.ts';
import { canListApplications } from '../../../features/applications/policy.ts';
import { canListItems } from '../../../features/publishing/policy.ts';
import { canListRecords } from '../../../features/records/policy.ts';
import { canListSupervision } from '../../../features/supervision/policy.ts';
import { canListAssessment } from '../../../features/assessment/policy.ts';
import { canManageDictionaries } from '../../../features/checks/policy.ts';
import { dashboardGrants } from '../../../features/dashboards/policy.ts';
import { canListFreshness } from '../../../features/freshness/policy.ts';

export interface AdminLayoutProps {
  readonly title: string;
  /** The signed-in person, or null on the sign-in pages. */
  readonly actor: StaffActor | null;
  readonly csrfToken?: string;
  /** Extra elements of the head, e.g. the refresh of a progress page. */
  readonly head?: ComponentChildren;
  readonly children: ComponentChildren;
}

/** Hidden CSRF field for every state-changing form of the back office. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The back-office shell (后台). */
export function AdminLayout({ title, actor, csrfToken, head, children }: AdminLayoutProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} - 公开 后台`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {head}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          跳到正文
        </a>
        <header class="site-header">
          <p class="site-name">公开 · 后台管理</p>
          {actor ? (
            <nav aria-label="后台导航">
              <ul>
                <li>
                  <a href="/admin">工作台</a>
                </li>
                <li>
                  <a href="/admin/units">单位</a>
                </li>
                {canListApplications(actor) ? (
                  <>
                    <li>
                      <a href="/admin/worklist">待办</a>
                    </li>
                    <li>
                      <a href="/admin/applications">依申请公开</a>
                    </li>
                  </>
                ) : null}
                {canListItems(actor) ? (
                  <li>
                    <a href="/admin/publishing">主动公开</a>
                  </li>
                ) : null}
                {canListRecords(actor) ? (
                  <li>
                    <a href="/admin/records">年报记录</a>
                  </li>
                ) : null}
                {canListSupervision(actor) ? (
                  <li>
                    <a href="/admin/supervision">监督保障</a>
                  </li>
                ) : null}
                {canListFreshness(actor) ? (
                  <li>
                    <a href="/admin/freshness">栏目更新</a>
                  </li>
                ) : null}
                {canListAssessment(actor) ? (
                  <li>
                    <a href="/admin/assessment">考核</a>
                  </li>
                ) : null}
                {dashboardGrants(actor).length > 0 ? (
                  <li>
                    <a href="/admin/dashboard">统计图表</a>
                  </li>
                ) : null}
                {canManageDictionaries(actor) ? (
                  <li>
                    <a href="/admin/dictionaries">检查词库</a>
                  </li>
                ) : null}
                {canManageDictionaries(actor) ? (
                  <li>
                    <a href="/admin/scans">内容扫描</a>
                  </li>
                ) : null}
                {actor.grants.some((grant) => grant.role === 'system-admin') ? (
                  <li>
                    <a href="/admin/users">账号</a>
                  </li>
                ) : null}
                {canManageCalendar(actor) ? (
                  <li>
                    <a href="/admin/calendar">工作日历</a>
                  </li>
                ) : null}
                {canReadAuditLog(actor) ? (
                  <li>
                    <a href="/admin/audit">审计日志</a>
                  </li>
                ) : null}
                <li>
                  <span data-testid="signed-in-as">{actor.displayName}</span>
                </li>
                <li>
                  <form method="post" action="/admin/logout" class="inline-form">
                    {csrfToken ? <CsrfField token={csrfToken} /> : null}
                    <button type="submit" class="link-button">
                      退出
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
