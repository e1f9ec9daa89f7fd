// The work list (待办): a tab per view with its count, then the applications of the chosen view.
// No applicant data is shown; the query code leads to the application's page.
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import {
  CLOCK_STATE_LABELS,
  WORK_LIST_LABELS,
  WORK_LIST_VIEWS,
  type RowTiming,
  type WorkList,
} from '../worklists-model.ts';
import { chineseDate } from './ClockSummary.tsx';

export interface WorkListPageProps {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly list: WorkList;
}

function timingText(timing: RowTiming): string {
  switch (timing.kind) {
    case 'left':
      return timing.workdays === 0 ? '今日到期' : `剩 ${timing.workdays} 个工作日`;
    case 'overdue':
      return `逾期 ${timing.workdays} 个工作日`;
    case 'none':
      return '—';
    case 'unknown':
      return timing.message;
  }
}

export function WorkListPage({ actor, csrfToken, list }: WorkListPageProps) {
  const title = `待办：${WORK_LIST_LABELS[list.view]}`;
  return (
    <AdminLayout title={title} actor={actor} csrfToken={csrfToken}>
      <h1>待办</h1>
      <p class="muted">
        未办结的申请，按答复期限排序；剩余工作日按 {chineseDate(list.today)}
        的工作日历计算（节假日不计，调休上班日计入）。申请人信息不在此列出。
      </p>
      <nav aria-label="待办分类">
        <ul data-testid="worklist-tabs">
          {WORK_LIST_VIEWS.map((view) => (
            <li key={view}>
              <a href={`/admin/worklist?view=${view}`} aria-current={view === list.view ? 'page' : undefined}>
                {WORK_LIST_LABELS[view]}
              </a>{' '}
              <span data-count-for={view}>（{list.counts[view] ?? '—'}）</span>
            </li>
          ))}
        </ul>
      </nav>
      {list.calendarProblem === null ? null : (
        <p class="error-message" data-testid="calendar-problem">
          到期分类暂无法计算：{list.calendarProblem}
        </p>
      )}
      <h2>{WORK_LIST_LABELS[list.view]}</h2>
      {list.rows.length === 0 ? (
        <p data-testid="worklist-empty">暂无申请。</p>
      ) : (
        <table data-testid="worklist">
          <thead>
            <tr>
              <th scope="col">查询码</th>
              <th scope="col">受理机关</th>
              <th scope="col">收到申请日期</th>
              <th scope="col">答复期限</th>
              <th scope="col">剩余工作日</th>
              <th scope="col">状态</th>
              <th scope="col">办理人</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id} data-application={row.id}>
                <td>
                  <a href={`/admin/applications/${row.id}`}>{row.queryCode}</a>
                </td>
                <td>{row.unitName}</td>
                <td>{row.receivedOn}</td>
                <td data-testid="due">{row.dueOn ?? '—'}</td>
                <td data-timing={row.timing.kind}>{timingText(row.timing)}</td>
                <td>
                  {row.clockState === null ? '—' : (CLOCK_STATE_LABELS[row.clockState] ?? row.clockState)}
                </td>
                <td>{row.handlerName ?? '未分配'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.rows.length >= list.limit ? (
        <p class="muted" data-testid="worklist-limit">
          只列出前 {list.limit} 件；各分类的件数为全部件数。
        </p>
      ) : null}
    </AdminLayout>
  );
}
