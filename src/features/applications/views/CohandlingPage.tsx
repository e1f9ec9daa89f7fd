// 协办任务: what other units asked this unit to contribute to their applications, with the internal deadline.
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import type { TaskWithRequest } from '../workflow-tasks.ts';

export function CohandlingPage(props: {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly tasks: readonly TaskWithRequest[];
  readonly error?: string;
}) {
  return (
    <AdminLayout title="协办任务" actor={props.actor} csrfToken={props.csrfToken}>
      <h1>协办任务</h1>
      {props.error ? (
        <p class="error-message" role="alert" data-testid="task-error">
          {props.error}
        </p>
      ) : null}
      {props.tasks.length === 0 ? (
        <p data-testid="no-tasks">暂无协办任务。</p>
      ) : (
        <table data-testid="tasks">
          <thead>
            <tr>
              <th scope="col">申请查询码</th>
              <th scope="col">协办单位</th>
              <th scope="col">申请内容</th>
              <th scope="col">协办事项</th>
              <th scope="col">协办期限</th>
              <th scope="col">答复</th>
            </tr>
          </thead>
          <tbody>
            {props.tasks.map((task) => (
              <tr key={task.id} data-task={task.id}>
                <td>{task.queryCode}</td>
                <td>{task.unitName}</td>
                <td>{task.description}</td>
                <td>{task.request}</td>
                <td>{task.dueOn}</td>
                <td>
                  {task.status === 'replied' ? (
                    (task.reply ?? '')
                  ) : (
                    <form method="post" action={`/admin/cohandling/${task.id}/reply`}>
                      <CsrfField token={props.csrfToken} />
                      <label>
                        协办意见
                        <textarea name="reply" required rows={3} />
                      </label>
                      <button type="submit">答复</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
