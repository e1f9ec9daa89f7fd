// Pages of corrections (纠错): the public form and its receipt; the back-office list and task page.
import type { StaffActor } from '../../accounts/model.ts';
import { Layout } from '../../../web/views/Layout.tsx';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import { CORRECTION_SOURCE_LABELS, CORRECTION_STATUS_LABELS } from '../model.ts';
import type { CorrectionView } from '../service.ts';

export function CorrectionFormPage({
  item,
  values = {},
  error,
}: {
  item: { id: number; title: string };
  values?: Readonly<Record<string, string>>;
  error?: { field: string; message: string };
}) {
  return (
    <Layout title={`纠错：${item.title}`}>
      <h1>纠错</h1>
      <p>
        页面：<a href={`/disclosure/items/${item.id}`}>{item.title}</a>
      </p>
      {error ? (
        <p class="error-message" role="alert" data-testid="form-error" data-field={error.field}>
          {error.message}
        </p>
      ) : null}
      <form method="post" action={`/disclosure/items/${item.id}/correction`}>
        <label>
          哪里有误（必填）
          <textarea name="description" required maxLength={2000}>
            {values.description ?? ''}
          </textarea>
        </label>
        <label>
          联系方式（电话或电子邮箱，选填，仅用于答复）
          <input name="contact" value={values.contact ?? ''} maxLength={100} />
        </label>
        {/* Left empty by people; filled in by form-filling robots. */}
        <div hidden>
          <label>
            网址
            <input name="website" tabIndex={-1} autoComplete="off" value="" />
          </label>
        </div>
        <button type="submit">提交</button>
      </form>
    </Layout>
  );
}

export function CorrectionReceiptPage({
  item,
  dueOn,
}: {
  item: { id: number; title: string };
  dueOn: string | null;
}) {
  return (
    <Layout title="纠错已收到">
      <h1>纠错已收到</h1>
      <p data-testid="receipt">
        感谢您的纠错。我们将核实“{item.title}”并在{dueOn === null ? '规定期限' : ` ${dueOn} `}内处理。
      </p>
      <p>
        <a href={`/disclosure/items/${item.id}`}>返回原页面</a>
      </p>
    </Layout>
  );
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

function beijingTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

interface PageBase {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

export function CorrectionListPage({
  actor,
  csrfToken,
  tasks,
}: PageBase & { tasks: readonly CorrectionView[] }) {
  return (
    <AdminLayout title="纠错任务" actor={actor} csrfToken={csrfToken}>
      <h1>纠错任务</h1>
      <table data-testid="corrections">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">页面</th>
            <th scope="col">来源</th>
            <th scope="col">状态</th>
            <th scope="col">答复期限</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr
              key={task.id}
              data-task={task.id}
              data-status={task.status}
              data-overdue={String(task.overdue)}
            >
              <td>{task.unitName}</td>
              <td>
                <a href={`/admin/corrections/${task.id}`}>{task.itemTitle ?? '（无关联信息）'}</a>
              </td>
              <td>{CORRECTION_SOURCE_LABELS[task.source]}</td>
              <td>{CORRECTION_STATUS_LABELS[task.status]}</td>
              <td>
                {task.dueOn}
                {task.overdue ? <strong class="overdue">（已逾期）</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

export function CorrectionTaskPage({
  actor,
  csrfToken,
  task,
  error,
  revealed,
}: PageBase & { task: CorrectionView; error?: string; revealed?: string | null }) {
  const open = task.status === 'open' || task.status === 'in-progress';
  return (
    <AdminLayout title="纠错任务" actor={actor} csrfToken={csrfToken}>
      <h1>纠错任务 #{task.id}</h1>
      {error !== undefined ? (
        <p class="error-message" role="alert" data-testid="form-error">
          {error}
        </p>
      ) : null}
      <dl>
        <dt>单位</dt>
        <dd>{task.unitName}</dd>
        <dt>页面</dt>
        <dd>
          {task.itemId === null ? (
            '（无关联信息）'
          ) : (
            <a href={`/admin/publishing/items/${task.itemId}`} data-testid="item-link">
              {task.itemTitle}
            </a>
          )}
        </dd>
        <dt>来源</dt>
        <dd>{CORRECTION_SOURCE_LABELS[task.source]}</dd>
        <dt>状态</dt>
        <dd data-testid="status">{CORRECTION_STATUS_LABELS[task.status]}</dd>
        <dt>收到日期</dt>
        <dd>{task.receivedOn}</dd>
        <dt>答复期限</dt>
        <dd data-testid="due-on">
          {task.dueOn}
          {task.overdue ? '（已逾期）' : ''}
        </dd>
        <dt>问题说明</dt>
        <dd>{task.description}</dd>
        <dt>联系方式</dt>
        <dd data-testid="contact">
          {revealed !== undefined ? (
            <strong data-testid="contact-revealed">{revealed ?? '（未留）'}</strong>
          ) : (
            (task.contactMasked ?? '（未留）')
          )}
        </dd>
        <dt>更正情况</dt>
        <dd>{task.fixNote ?? ''}</dd>
        <dt>答复</dt>
        <dd>{task.reply ?? ''}</dd>
        {task.replyMessage !== null ? (
          <>
            <dt>答复邮件</dt>
            <dd data-testid="reply-message" data-sent={String(task.replyMessage.sentAt !== null)}>
              {task.replyMessage.sentAt === null
                ? `已排队，等待发送（${beijingTime(task.replyMessage.queuedAt)}）`
                : task.replyMessage.sentVia === 'email'
                  ? `已发送至纠错人的电子邮箱（${beijingTime(task.replyMessage.sentAt)}）`
                  : `未配置邮件服务器，答复已记入系统日志（${beijingTime(task.replyMessage.sentAt)}）`}
            </dd>
          </>
        ) : null}
      </dl>
      {task.contactKind !== null && revealed === undefined ? (
        <form method="post" action={`/admin/corrections/${task.id}/reveal`} data-testid="reveal-form">
          <CsrfField token={csrfToken} />
          <label>
            查看完整联系方式的原因（记入审计日志）
            <input name="reason" required minLength={2} maxLength={200} />
          </label>
          <button type="submit">查看联系方式</button>
        </form>
      ) : null}
      {open && task.status === 'open' ? (
        <form method="post" action={`/admin/corrections/${task.id}/triage`}>
          <CsrfField token={csrfToken} />
          <button type="submit">开始处理</button>
        </form>
      ) : null}
      {open ? (
        <>
          <form method="post" action={`/admin/corrections/${task.id}/fix`}>
            <CsrfField token={csrfToken} />
            <label>
              更正情况（页面的更正请在信息的“更正”中完成）
              <textarea name="fixNote" required maxLength={2000} />
            </label>
            <button type="submit">记录更正</button>
          </form>
          <form method="post" action={`/admin/corrections/${task.id}/reply`}>
            <CsrfField token={csrfToken} />
            <label>
              处理结果
              <select name="outcome">
                <option value="replied">已答复（采纳）</option>
                <option value="rejected">不予采纳</option>
              </select>
            </label>
            <label>
              答复内容
              <textarea name="reply" required maxLength={2000} />
            </label>
            <button type="submit">答复并办结</button>
          </form>
        </>
      ) : null}
    </AdminLayout>
  );
}
