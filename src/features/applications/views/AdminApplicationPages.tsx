// Back-office pages of applications: the work list and one application. Personal data is masked.
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  ID_TYPE_LABELS,
  OBTAIN_WAY_LABELS,
  PROVISION_FORM_LABELS,
  type ClockView,
  type MaskedApplication,
} from '../model.ts';
import type { ComponentChildren } from 'preact';
import type { ApplicationWorkspace } from '../workflow-page.ts';
import { ClockSummary } from './ClockSummary.tsx';
import { CohandlingTable, STEP_LABELS, Timeline, WorkflowPanels } from './WorkflowPanels.tsx';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

const STATUS_LABELS = {
  overdue: '已逾期',
  due_very_soon: '即将到期（2 个工作日内）',
  due_soon: '临近到期（5 个工作日内）',
  on_track: '办理中',
  not_running: '期限未在计算',
} as const;

function DueCells({ clock }: { clock: ClockView }) {
  if (!clock.ok) {
    return (
      <>
        <td>—</td>
        <td>{clock.message}</td>
      </>
    );
  }
  const { reading } = clock;
  const left =
    clock.overdueWorkdays > 0
      ? `逾期 ${clock.overdueWorkdays} 个工作日`
      : reading.state === 'awaiting_correction'
        ? '等待补正'
        : reading.state === 'paused'
          ? `暂停（余 ${reading.remainingWorkdays ?? 0} 个工作日）`
          : clock.workdaysLeft === null
            ? '—'
            : `剩 ${clock.workdaysLeft} 个工作日`;
  return (
    <>
      <td data-testid="due">{reading.due ?? '—'}</td>
      <td data-status={clock.status}>
        {left}
        {clock.status === 'overdue' || clock.status.startsWith('due_')
          ? `（${STATUS_LABELS[clock.status]}）`
          : ''}
      </td>
    </>
  );
}

export function ApplicationListPage(props: Shell & { readonly applications: readonly MaskedApplication[] }) {
  return (
    <AdminLayout title="依申请公开" actor={props.actor} csrfToken={props.csrfToken}>
      <h1>依申请公开</h1>
      <p class="muted">
        本人作为办理人、政务公开办负责人或领导审批人所在单位（含下级单位）收到的申请。申请人信息已脱敏。
      </p>
      <p>
        <a href="/admin/applications/new">登记信函、电子邮箱、传真、当面或口头申请</a>
        {' · '}
        <a href="/admin/worklist">待办</a>
        {' · '}
        <a href="/admin/cohandling">协办任务</a>
      </p>
      {props.applications.length === 0 ? (
        <p data-testid="no-applications">暂无申请。</p>
      ) : (
        <table data-testid="application-list">
          <thead>
            <tr>
              <th scope="col">查询码</th>
              <th scope="col">受理机关</th>
              <th scope="col">申请人</th>
              <th scope="col">收到申请日期</th>
              <th scope="col">答复期限</th>
              <th scope="col">剩余工作日</th>
            </tr>
          </thead>
          <tbody>
            {props.applications.map((application) => (
              <tr key={application.id} data-application={application.id}>
                <td>
                  <a href={`/admin/applications/${application.id}`}>{application.queryCode}</a>
                </td>
                <td>{application.unitName}</td>
                <td>{application.applicantName}</td>
                <td>{application.receivedOn}</td>
                <DueCells clock={application.clock} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export interface ApplicationPageProps extends Shell {
  readonly workspace: ApplicationWorkspace;
  /** A refusal of the last act, shown above the panels (the field and the rule). */
  readonly error?: { readonly field: string | null; readonly message: string } | null;
  /** The act just recorded. */
  readonly done?: string | null;
  /** Parts other features contribute (letters, attachments, duplicates, Art. 44 draft). */
  readonly extras?: ComponentChildren;
}

export function ApplicationPage({ actor, csrfToken, workspace, error, done, extras }: ApplicationPageProps) {
  const a = workspace.application;
  const row = (label: string, value: string | null) =>
    value === null ? null : (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    );
  return (
    <AdminLayout title={`申请 ${a.queryCode}`} actor={actor} csrfToken={csrfToken}>
      <h1>
        申请 {a.queryCode}
        <span class="muted" data-testid="status">
          {workspace.status === 'open' ? '（办理中）' : '（已办结）'}
        </span>
      </h1>
      {error ? (
        <p class="error-message" role="alert" data-testid="action-error" data-field={error.field ?? 'none'}>
          未能办理：{error.message}
        </p>
      ) : null}
      {done ? (
        <p class="notice" role="status" data-testid="action-done">
          已记录：{STEP_LABELS[done] ?? done}
        </p>
      ) : null}
      <h2>期限</h2>
      <ClockSummary
        clock={a.clock}
        receivedOn={a.receivedOn}
        extensionReason={workspace.events.find((event) => event.type === 'extended')?.reason ?? null}
      />
      <WorkflowPanels workspace={workspace} csrf={csrfToken} />
      {extras}
      <CohandlingTable workspace={workspace} />
      <h2>申请人（已脱敏）</h2>
      <dl class="summary" data-testid="applicant">
        {row('申请人类型', `${APPLICANT_KIND_LABELS[a.applicantKind]}（${a.applicantType}）`)}
        {row(a.applicantKind === 'organisation' ? '名称' : '姓名', a.applicantName)}
        {a.applicantKind === 'organisation'
          ? row(ID_TYPE_LABELS.uscc, a.orgUscc)
          : row(ID_TYPE_LABELS[a.idType], a.idNumber)}
        {row('法定代表人或者联系人', a.contactName)}
        {row('联系电话', a.phone)}
        {row('电子邮箱', a.email)}
        {row('通信地址', a.address)}
        {row('邮政编码', a.hasPostcode ? '已填写' : null)}
        {row('传真', a.hasFax ? '已填写' : null)}
      </dl>
      <h2>所需政府信息</h2>
      <dl class="summary" data-testid="request">
        {row('受理机关', a.unitName)}
        {row('申请方式', CHANNEL_LABELS[a.channel])}
        {row('内容描述', a.request.description)}
        {row('信息名称', a.request.title)}
        {row('文号', a.request.documentNumber)}
        {row('索引号', a.request.indexNumber)}
        {row('提供形式', PROVISION_FORM_LABELS[a.provisionForm])}
        {row('获取方式', OBTAIN_WAY_LABELS[a.obtainWay])}
        {row('用途', a.purpose)}
      </dl>
      <h2>办理记录</h2>
      <Timeline workspace={workspace} />
    </AdminLayout>
  );
}
