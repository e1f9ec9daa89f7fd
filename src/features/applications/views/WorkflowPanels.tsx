// The handling panels of the application page: status, routing, co-handling, the clock steps and the
// decision. Only the acts the actor may do in the application's state are offered.
import type { ComponentChildren } from 'preact';
import { OUTCOME_GROUPS, OUTCOMES } from '../../../core/disclosure/outcomes.ts';
import { CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import type { ApplicationEvent } from '../model.ts';
import type { ApplicationWorkspace } from '../workflow-page.ts';
import { chineseDate } from './ClockSummary.tsx';

export const STEP_LABELS: Readonly<Record<string, string>> = {
  received: '收到申请',
  assigned: '指定办理人',
  transferred: '转办',
  returned: '退回',
  cohandling_requested: '发起协办',
  cohandling_replied: '协办答复',
  legal_consultation: '法律会商',
  correction_requested: '补正告知',
  corrected: '收到补正',
  consultation_started: '开始征求意见',
  consultation_ended: '征求意见结束',
  fee_notice: '收费通知',
  fee_paid: '缴费',
  extended: '延期答复',
  reasons_requested: '要求说明理由（第三十五条）',
  deadline_set: '另行确定答复期限（第三十五条）',
  decided: '作出答复决定',
  letter_issued: '出具文书',
  letter_delivered: '文书送达',
  delivered: '答复书送达',
};

/** One line describing a step, with names resolved. */
export function stepSummary(event: ApplicationEvent, workspace: ApplicationWorkspace): string {
  const unit = (id: number | null) => (id === null ? '' : (workspace.unitNames.get(id) ?? `单位${id}`));
  const user = (id: number | null) => (id === null ? '' : (workspace.userNames.get(id) ?? `用户${id}`));
  const details = event.details ?? {};
  const detail = (key: string) => {
    const value = details[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  const parts: (string | null)[] = (() => {
    switch (event.type) {
      case 'assigned':
        return [`办理人：${user(event.userId)}`];
      case 'transferred':
        return [`${unit(event.unitId)} → ${unit(event.toUnitId)}`, `理由：${event.reason ?? ''}`];
      case 'returned':
        return [`${unit(event.unitId)} 退回 ${unit(event.toUnitId)}`, `理由：${event.reason ?? ''}`];
      case 'cohandling_requested':
        return [
          `协办单位：${unit(event.toUnitId)}`,
          event.due ? `协办期限：${event.due}` : null,
          event.reason,
        ];
      case 'cohandling_replied':
        return [`${unit(event.unitId)}：${event.reason ?? ''}`];
      case 'legal_consultation':
        return [
          `参加：${detail('participants') ?? ''}`,
          `事项：${event.reason ?? ''}`,
          `意见：${detail('opinion') ?? ''}`,
        ];
      case 'consultation_started':
        return [
          `${event.party === 'agency' ? '其他机关' : '第三方'}：${event.ref ?? ''}`,
          event.reason,
          '征求意见期间不计入答复期限',
        ];
      case 'consultation_ended':
        return [event.ref ?? '', event.reason];
      case 'fee_notice':
        return [
          `${detail('amount') ?? ''}元（${detail('method') === 'by_pages' ? '按量计收' : '按件计收'}）`,
        ];
      case 'fee_paid':
        return [`缴款凭证：${event.ref ?? ''}`];
      case 'extended':
        return [
          `延长 ${event.workdays ?? 0} 个工作日`,
          `理由：${event.reason ?? ''}`,
          `批准人：${user(event.userId)}`,
        ];
      case 'deadline_set':
        return [`答复期限定为 ${event.due ?? ''}`, `理由：${event.reason ?? ''}`];
      case 'decided':
        return [OUTCOMES.find((outcome) => outcome.code === event.reason)?.label ?? event.reason];
      case 'letter_issued':
        return [`${detail('title') ?? ''}${detail('number') ? `（${detail('number') ?? ''}）` : ''}`];
      case 'letter_delivered':
      case 'delivered':
        return [detail('number'), detail('method') === null ? null : `送达方式：${detail('method') ?? ''}`];
      default:
        return [
          event.workdays === null ? null : `${event.workdays} 个工作日`,
          event.due === null ? null : `期限至 ${event.due}`,
          event.reason,
        ];
    }
  })();
  return parts.filter((part) => part !== null && part !== '').join('；');
}

export function Timeline({ workspace }: { workspace: ApplicationWorkspace }) {
  return (
    <table data-testid="events">
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">事项</th>
          <th scope="col">说明</th>
          <th scope="col">记录人</th>
        </tr>
      </thead>
      <tbody>
        {workspace.events.map((event) => (
          <tr key={event.id} data-step={event.type}>
            <td>{chineseDate(event.date)}</td>
            <td>{STEP_LABELS[event.type] ?? event.type}</td>
            <td>{stepSummary(event, workspace)}</td>
            <td>{event.recordedBy === null ? '系统' : (workspace.userNames.get(event.recordedBy) ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActionForm(props: {
  readonly id: number;
  readonly action: string;
  readonly title: string;
  readonly csrf: string;
  readonly submit: string;
  readonly children?: ComponentChildren;
}) {
  return (
    <details class="action" data-action={props.action}>
      <summary>{props.title}</summary>
      <form method="post" action={`/admin/applications/${props.id}/${props.action}`}>
        <CsrfField token={props.csrf} />
        {props.children}
        <button type="submit">{props.submit}</button>
      </form>
    </details>
  );
}

function Field(props: {
  readonly name: string;
  readonly label: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly value?: string;
  readonly hint?: string;
}) {
  return (
    <p>
      <label>
        {props.label}
        {props.type === 'textarea' ? (
          <textarea name={props.name} required={props.required} rows={3} />
        ) : (
          <input
            name={props.name}
            type={props.type ?? 'text'}
            required={props.required}
            value={props.value}
          />
        )}
      </label>
      {props.hint ? <span class="muted">{props.hint}</span> : null}
    </p>
  );
}

function DateField({ today }: { today: string }) {
  return <Field name="date" label="日期" type="date" value={today} hint="默认今天；不得晚于今天" />;
}

export function WorkflowPanels({ workspace, csrf }: { workspace: ApplicationWorkspace; csrf: string }) {
  const { application: a } = workspace;
  const id = a.id;
  const reading = a.clock.ok ? a.clock.reading : null;
  const today = a.clock.ok ? a.clock.today : '';
  const state = reading?.state ?? null;
  const openConsultations =
    reading?.pauses.filter((pause) => pause.kind === 'consultation' && pause.to === null) ?? [];
  const correctionAsked = workspace.events.some((event) => event.type === 'correction_requested');
  const selfAssignable =
    workspace.selfId !== null && workspace.assignees.some((user) => user.id === workspace.selfId);
  if (workspace.status !== 'open') {
    return (
      <section data-testid="decision">
        <h2>办理结果</h2>
        {workspace.decision ? (
          <dl class="summary">
            <dt>答复类型</dt>
            <dd data-testid="outcome">
              {workspace.decision.outcomeInfo?.label ?? workspace.decision.outcome}
            </dd>
            <dt>法律依据</dt>
            <dd>{workspace.decision.outcomeInfo?.ground ?? ''}</dd>
            <dt>统计口径</dt>
            <dd>年度报告表三“{workspace.decision.outcomeInfo?.table3Row ?? ''}”</dd>
            <dt>答复日期</dt>
            <dd>{chineseDate(workspace.decision.decidedOn)}</dd>
            {workspace.decision.provided ? (
              <>
                <dt>公开的信息</dt>
                <dd>{workspace.decision.provided}</dd>
              </>
            ) : null}
            {workspace.decision.withheld ? (
              <>
                <dt>不予公开的内容及理由</dt>
                <dd>{workspace.decision.withheld}</dd>
              </>
            ) : null}
            {workspace.decision.note ? (
              <>
                <dt>说明</dt>
                <dd>{workspace.decision.note}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </section>
    );
  }
  return (
    <section data-testid="workflow">
      <h2>办理</h2>
      <dl class="summary">
        <dt>办理人</dt>
        <dd data-testid="handler">{workspace.handler?.displayName ?? '尚未指定'}</dd>
        {workspace.fee ? (
          <>
            <dt>信息处理费</dt>
            <dd data-testid="fee">
              {workspace.fee.amountYuan}元，{chineseDate(workspace.fee.noticeOn)}通知
              {workspace.fee.paidOn ? `，${chineseDate(workspace.fee.paidOn)}已缴纳` : '，尚未缴纳'}
            </dd>
          </>
        ) : null}
      </dl>
      {reading && reading.warnings.length > 0 ? (
        <ul class="warning-list" data-testid="clock-warnings">
          {reading.warnings.map((warning) => (
            <li key={warning.code}>{warning.message}</li>
          ))}
        </ul>
      ) : null}
      {!workspace.mayHandle && !workspace.mayApprove ? (
        <p class="muted">您可以查看该申请，办理须由本单位办理人或政务公开办负责人进行。</p>
      ) : null}
      {workspace.mayApprove ? (
        <ActionForm id={id} action="assign" title="指定办理人" csrf={csrf} submit="指定">
          <p>
            <label>
              办理人
              <select name="handlerId" required>
                {workspace.assignees.map((user) => (
                  <option key={user.id} value={String(user.id)}>
                    {user.displayName}
                  </option>
                ))}
              </select>
            </label>
          </p>
        </ActionForm>
      ) : workspace.mayHandle && selfAssignable && workspace.handler?.id !== workspace.selfId ? (
        <form method="post" action={`/admin/applications/${id}/assign`} data-action="take">
          <CsrfField token={csrf} />
          <input type="hidden" name="handlerId" value={String(workspace.selfId)} />
          <button type="submit">由我办理（接办）</button>
        </form>
      ) : null}
      {workspace.mayHandle ? (
        <>
          <ActionForm
            id={id}
            action="decision"
            title="作出答复决定"
            csrf={csrf}
            submit="作出决定并生成答复书"
          >
            <p>
              <label>
                答复类型
                <select name="outcome" required>
                  {OUTCOME_GROUPS.map((group) => (
                    <optgroup key={group} label={group}>
                      {OUTCOMES.filter((outcome) => outcome.group === group && !outcome.automaticOnly).map(
                        (outcome) => (
                          <option key={outcome.code} value={outcome.code}>
                            {outcome.label}
                          </option>
                        ),
                      )}
                    </optgroup>
                  ))}
                </select>
              </label>
            </p>
            <Field name="provided" label="公开的信息及获取方式" type="textarea" />
            <Field name="withheld" label="不予公开的内容（部分公开、不予公开时必填）" type="textarea" />
            <Field name="withheldReason" label="不予公开的理由（部分公开、不予公开时必填）" type="textarea" />
            <Field name="responsibleAgency" label="负责公开的机关及联系方式（不属于本机关负责公开时必填）" />
            <Field name="note" label="说明" type="textarea" />
            <DateField today={today} />
          </ActionForm>
          {!correctionAsked && state === 'running' ? (
            <ActionForm
              id={id}
              action="correction-request"
              title="补正告知（第三十条）"
              csrf={csrf}
              submit="发出补正告知"
            >
              <Field name="items" label="需要补正的事项" type="textarea" required />
              <Field name="workdays" label="补正期限（工作日）" type="number" value="15" />
              <DateField today={today} />
            </ActionForm>
          ) : null}
          {state === 'awaiting_correction' ? (
            <ActionForm id={id} action="corrected" title="收到补正" csrf={csrf} submit="登记收到补正">
              <Field name="note" label="补正内容摘要" type="textarea" />
              <DateField today={today} />
            </ActionForm>
          ) : null}
          {state === 'running' || state === 'paused' ? (
            <ActionForm
              id={id}
              action="consultation-start"
              title="征求第三方或其他机关意见（第三十二条、第三十四条）"
              csrf={csrf}
              submit="发出征求意见书"
            >
              <p>
                <label>
                  征求对象
                  <select name="party" required>
                    <option value="third_party">第三方</option>
                    <option value="agency">其他机关</option>
                  </select>
                </label>
              </p>
              <Field name="name" label="名称" required />
              <Field name="matter" label="征求意见事项" type="textarea" required />
              <DateField today={today} />
            </ActionForm>
          ) : null}
          {openConsultations.length > 0 ? (
            <ActionForm id={id} action="consultation-end" title="登记征求意见结束" csrf={csrf} submit="登记">
              <p>
                <label>
                  征求对象
                  <select name="name" required>
                    {openConsultations.map((pause) => (
                      <option key={pause.ref} value={pause.ref}>
                        {pause.ref}（回复期限 {pause.limit}）
                      </option>
                    ))}
                  </select>
                </label>
              </p>
              <Field name="result" label="回复意见摘要（逾期未回复的写明）" type="textarea" />
              <DateField today={today} />
            </ActionForm>
          ) : null}
          {workspace.fee === null && (state === 'running' || state === 'paused') ? (
            <ActionForm
              id={id}
              action="fee-notice"
              title="收费通知（国办函〔2020〕109号）"
              csrf={csrf}
              submit="发出收费通知"
            >
              <p>
                <label>
                  收费方式（只能选其一）
                  <select name="method" required>
                    <option value="by_count">按件计收（按申请人当月申请件数）</option>
                    <option value="by_pages">按量计收（按页数）</option>
                  </select>
                </label>
              </p>
              <Field name="pages" label="页数（按量计收时填写）" type="number" />
              <DateField today={today} />
            </ActionForm>
          ) : null}
          {workspace.fee !== null && workspace.fee.paidOn === null ? (
            <ActionForm id={id} action="fee-paid" title="登记缴费" csrf={csrf} submit="登记缴费">
              <Field name="paymentRef" label="缴款凭证号" required />
              <DateField today={today} />
            </ActionForm>
          ) : null}
          <ActionForm
            id={id}
            action="reasons-request"
            title="要求说明理由（第三十五条）"
            csrf={csrf}
            submit="发出说明理由告知书"
          >
            <Field name="matter" label="需要说明理由的事项" type="textarea" required />
            <DateField today={today} />
          </ActionForm>
          <ActionForm id={id} action="transfer" title="转办" csrf={csrf} submit="转办">
            <UnitSelect workspace={workspace} name="toUnitId" label="转办单位" />
            <Field name="reason" label="转办理由" type="textarea" required />
          </ActionForm>
          {workspace.returnable ? (
            <ActionForm id={id} action="return" title="退回（非本单位职责）" csrf={csrf} submit="退回">
              <Field name="reason" label="退回理由" type="textarea" required />
            </ActionForm>
          ) : null}
          <ActionForm id={id} action="cohandling" title="发起协办" csrf={csrf} submit="发起协办">
            <UnitSelect workspace={workspace} name="unitId" label="协办单位" />
            <Field name="request" label="协办事项" type="textarea" required />
            <Field name="leadWorkdays" label="协办期限：答复期限前几个工作日" type="number" value="5" />
          </ActionForm>
          <ActionForm id={id} action="legal-consultation" title="记录法律会商" csrf={csrf} submit="记录">
            <Field name="participants" label="参加人员或单位" required />
            <Field name="question" label="会商事项" type="textarea" required />
            <Field name="opinion" label="会商意见" type="textarea" required />
          </ActionForm>
        </>
      ) : null}
      {workspace.mayApprove ? (
        <>
          {reading?.extended ? null : (
            <ActionForm
              id={id}
              action="extension"
              title="批准延期答复（第三十三条第一款）"
              csrf={csrf}
              submit="批准延期并生成告知书"
            >
              <Field name="workdays" label="延长工作日数（最多 20）" type="number" value="20" required />
              <Field name="reason" label="延期理由" type="textarea" required />
              <DateField today={today} />
            </ActionForm>
          )}
          <ActionForm
            id={id}
            action="deadline"
            title="另行确定答复期限（第三十五条）"
            csrf={csrf}
            submit="确定期限并生成告知书"
          >
            <Field name="due" label="答复期限" type="date" required />
            <Field name="reason" label="理由" type="textarea" required />
            <DateField today={today} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

function UnitSelect(props: { workspace: ApplicationWorkspace; name: string; label: string }) {
  return (
    <p>
      <label>
        {props.label}
        <select name={props.name} required>
          {props.workspace.units
            .filter((unit) => unit.id !== props.workspace.application.unitId)
            .map((unit) => (
              <option key={unit.id} value={String(unit.id)}>
                {'　'.repeat(Math.max(0, unit.path.split('/').length - 3))}
                {unit.name}
              </option>
            ))}
        </select>
      </label>
    </p>
  );
}

export function CohandlingTable({ workspace }: { workspace: ApplicationWorkspace }) {
  if (workspace.tasks.length === 0) return null;
  return (
    <section>
      <h2>协办</h2>
      <table data-testid="cohandling">
        <thead>
          <tr>
            <th scope="col">协办单位</th>
            <th scope="col">协办事项</th>
            <th scope="col">协办期限</th>
            <th scope="col">答复</th>
          </tr>
        </thead>
        <tbody>
          {workspace.tasks.map((task) => (
            <tr key={task.id}>
              <td>{task.unitName}</td>
              <td>{task.request}</td>
              <td>{task.dueOn}</td>
              <td>{task.status === 'replied' ? (task.reply ?? '') : '未答复'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
