// Art. 44 drafts in the back office: the button a handler presses on a decided application, and the
// list of drafts waiting for the editors of the units in scope.
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { chinaDate } from '../clock.ts';
import type { DisclosureDraft } from '../drafts.ts';
import { chineseDate } from './ClockSummary.tsx';

const STATUS_LABELS: Readonly<Record<string, string>> = { draft: '草稿' };

/** Turns a decided application into a draft proactive-disclosure item (条例第四十四条). */
export function DraftButton({ applicationId, csrfToken }: { applicationId: number; csrfToken: string }) {
  return (
    <form
      method="post"
      action={`/admin/applications/${applicationId}/disclosure-draft`}
      class="inline-form"
      data-testid="disclosure-draft-form"
    >
      <CsrfField token={csrfToken} />
      <button type="submit">转为主动公开草稿</button>
      <span class="muted">（《中华人民共和国政府信息公开条例》第四十四条；草稿不含申请人信息）</span>
    </form>
  );
}

export interface DraftListPageProps {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly drafts: readonly DisclosureDraft[];
}

export function DraftListPage({ actor, csrfToken, drafts }: DraftListPageProps) {
  return (
    <AdminLayout title="主动公开草稿" actor={actor} csrfToken={csrfToken}>
      <h1>主动公开草稿</h1>
      <p class="muted">
        本人作为编辑、政务公开办负责人或依申请公开办理人所在单位（含下级单位）的草稿，包括由依申请公开转为主动公开的信息。
      </p>
      {drafts.length === 0 ? (
        <p data-testid="no-drafts">暂无草稿。</p>
      ) : (
        <table data-testid="draft-list">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">单位</th>
              <th scope="col">来源</th>
              <th scope="col">状态</th>
              <th scope="col">生成日期</th>
              <th scope="col">主动公开信息</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft) => (
              <tr key={draft.id} id={`draft-${draft.id}`} data-draft={draft.id}>
                <td>
                  <details>
                    <summary>{draft.title}</summary>
                    <pre class="draft-body" data-testid="draft-body">
                      {draft.body}
                    </pre>
                  </details>
                </td>
                <td>{draft.unitName}</td>
                <td data-testid="draft-origin">
                  {draft.fromApplication ? '依申请公开转主动公开' : '新建'}
                  {draft.application ? (
                    <>
                      （
                      <a href={`/admin/applications/${draft.application.id}`}>
                        {draft.application.queryCode}
                      </a>
                      ）
                    </>
                  ) : null}
                </td>
                <td>{STATUS_LABELS[draft.status] ?? draft.status}</td>
                <td>{chineseDate(chinaDate(draft.createdAt))}</td>
                <td data-testid="draft-item">
                  {draft.item === null ? (
                    <a href={`/admin/publishing/units/${draft.unitId}/new?draft=${draft.id}`}>
                      创建主动公开信息
                    </a>
                  ) : draft.item.published ? (
                    <a href={`/disclosure/items/${draft.item.id}`}>已发布</a>
                  ) : (
                    <a href={`/admin/publishing/items/${draft.item.id}`}>已创建，尚未发布</a>
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
