// Back-office pages of proactive disclosure: the item list with the review queue, the item form, and
// the item's workspace (edit, submit, checks' findings, review decisions, assignment, correct, withdraw).
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import { categoriesForKind, SUB_COLUMNS, SUB_COLUMN_LABELS } from '../../../core/publishing/categories.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../../core/checks/index.ts';
import { CHECKED_FIELD_LABELS } from '../../../core/publishing/item-checks.ts';
import {
  ITEM_STATUS_LABELS,
  METADATA_LABELS,
  VALIDITIES,
  VALIDITY_LABELS,
} from '../../../core/publishing/metadata.ts';
import { REVIEW_STAGE_LABELS } from '../../../core/publishing/review-chain.ts';
import type { ItemContent, Subcategory } from '../model.ts';
import type { ItemListEntry, ItemWorkspace } from '../service.ts';
import { categoryLabel } from './format.ts';
import { RichBody } from './RichBody.tsx';
import { MAX_ITEM_ATTACHMENT_BYTES, typeNameOf } from '../attachments.ts';
import { attachmentHref } from '../rich-text.ts';

/** What the form fields show: the stored item, or what was just typed when it was refused. */
export type FormValues = Readonly<Partial<Record<keyof ItemContent | 'bodyFormat' | 'draftId', string>>>;

/** A rich-text body is edited as its HTML, a plain one as its text. */
export function formValuesOf(content: ItemContent): FormValues {
  return {
    ...Object.fromEntries(
      Object.entries(content).map(([key, value]) => [key, value === null ? '' : String(value)]),
    ),
    body: content.bodyHtml ?? content.body,
    bodyFormat: content.bodyHtml === null ? 'text' : 'html',
  };
}

/** The typed text of a refused form, as strings. */
export function typedValues(body: Readonly<Record<string, unknown>>): FormValues {
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** A refused form's message, beside the form the person is still filling in. */
export function FormError({ error }: { error: FormProblem | undefined }) {
  return error ? (
    <p class="error-message" role="alert" data-testid="form-error" data-field={error.field}>
      {error.message}
    </p>
  ) : null;
}

export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

interface PageBase {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

export function ItemListPage({
  actor,
  csrfToken,
  entries,
  editorUnits,
}: PageBase & { entries: readonly ItemListEntry[]; editorUnits: readonly { id: number; name: string }[] }) {
  const queue = entries.filter((entry) => entry.mine);
  return (
    <AdminLayout title="主动公开" actor={actor} csrfToken={csrfToken}>
      <h1>主动公开</h1>
      {editorUnits.length > 0 ? (
        <ul data-testid="new-item-links">
          {editorUnits.map((unit) => (
            <li key={unit.id}>
              <a href={`/admin/publishing/units/${unit.id}/new`}>新建信息（{unit.name}）</a>
              {' · '}
              <a href={`/admin/publishing/units/${unit.id}/imports/new`}>导入已有信息（CSV/XLSX）</a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>待我审核</h2>
      {queue.length === 0 ? (
        <p class="muted" data-testid="empty-queue">
          暂无待审核的信息。
        </p>
      ) : (
        <ul data-testid="review-queue">
          {queue.map(({ item, pendingStage }) => (
            <li key={item.id} data-item={item.id}>
              <a href={`/admin/publishing/items/${item.id}`}>{item.title}</a>（{item.unitName}，待
              {pendingStage ? REVIEW_STAGE_LABELS[pendingStage] : ''}）
            </li>
          ))}
        </ul>
      )}
      <h2>全部信息</h2>
      <table data-testid="item-list">
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">单位</th>
            <th scope="col">栏目</th>
            <th scope="col">状态</th>
            <th scope="col">{METADATA_LABELS.indexNumber}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ item, pendingStage }) => (
            <tr key={item.id} data-item={item.id}>
              <td>
                <a href={`/admin/publishing/items/${item.id}`}>{item.title}</a>
              </td>
              <td>{item.unitName}</td>
              <td>{SUB_COLUMN_LABELS[item.subColumn]}</td>
              <td data-testid="item-status">
                {ITEM_STATUS_LABELS[item.status]}
                {pendingStage ? `（待${REVIEW_STAGE_LABELS[pendingStage]}）` : ''}
              </td>
              <td>{item.indexNumber ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

function Field({
  name,
  label,
  value,
  type = 'text',
}: {
  name: string;
  label: string;
  value: string | null;
  type?: string;
}) {
  return (
    <p>
      <label for={`f-${name}`}>{label}</label>
      <br />
      <input id={`f-${name}`} name={name} type={type} value={value ?? ''} />
    </p>
  );
}

/** The catalogue fields; the 索引号 and the publication date are not among them: the system sets them. */
export function ItemFields({
  unitKind,
  subcategories,
  values,
  preview,
}: {
  unitKind: string;
  subcategories: readonly Subcategory[];
  values: FormValues | null;
  /** The sanitised body, when the editor asked for a preview. */
  preview?: string;
}) {
  const v: FormValues = values ?? {};
  return (
    <>
      <p>
        <label for="f-subColumn">所属栏目</label>
        <br />
        <select id="f-subColumn" name="subColumn">
          {SUB_COLUMNS.map((subColumn) => (
            <option key={subColumn} value={subColumn} selected={(v.subColumn ?? 'statutory') === subColumn}>
              {SUB_COLUMN_LABELS[subColumn]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="f-categoryCode">{METADATA_LABELS.category}（法定主动公开内容）</label>
        <br />
        <select id="f-categoryCode" name="categoryCode">
          <option value="">（不适用）</option>
          {categoriesForKind(unitKind).map((category) => (
            <option key={category.code} value={category.code} selected={v.categoryCode === category.code}>
              {category.name}（{category.basis}）
            </option>
          ))}
        </select>
      </p>
      {subcategories.length > 0 ? (
        <p>
          <label for="f-subcategoryId">子类别</label>
          <br />
          <select id="f-subcategoryId" name="subcategoryId">
            <option value="">（无）</option>
            {subcategories.map((sub) => (
              <option key={sub.id} value={String(sub.id)} selected={v.subcategoryId === String(sub.id)}>
                {categoryLabel(sub.parentCode, sub.name)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <Field name="title" label={METADATA_LABELS.title} value={v.title ?? null} />
      <p>
        <label for="f-summary">{METADATA_LABELS.summary}</label>
        <br />
        <textarea id="f-summary" name="summary" rows={3}>
          {v.summary ?? ''}
        </textarea>
      </p>
      <p>
        <label for="f-bodyFormat">正文格式</label>
        <br />
        <select id="f-bodyFormat" name="bodyFormat">
          <option value="text" selected={(v.bodyFormat ?? 'text') === 'text'}>
            纯文本（每行一段）
          </option>
          <option value="html" selected={v.bodyFormat === 'html'}>
            HTML（段落、h2–h4 标题、列表、表格、加粗、斜体、链接、本信息附件中的图片）
          </option>
        </select>
      </p>
      <p>
        <label for="f-body">正文</label>
        <br />
        <textarea id="f-body" name="body" rows={12}>
          {v.body ?? ''}
        </textarea>
      </p>
      {preview !== undefined ? (
        <section class="preview" aria-labelledby="preview-heading" data-testid="body-preview">
          <h3 id="preview-heading">正文预览（保存时按此结果保存）</h3>
          <RichBody html={preview} />
        </section>
      ) : null}
      <Field name="documentNumber" label={METADATA_LABELS.documentNumber} value={v.documentNumber ?? null} />
      <Field name="writtenOn" label={METADATA_LABELS.writtenOn} value={v.writtenOn ?? null} type="date" />
      <Field name="genre" label={METADATA_LABELS.genre} value={v.genre ?? null} />
      <Field name="keywords" label={METADATA_LABELS.keywords} value={v.keywords ?? null} />
      <p>
        <label for="f-validity">{METADATA_LABELS.validity}（规范性文件）</label>
        <br />
        <select id="f-validity" name="validity">
          <option value="">（不适用）</option>
          {VALIDITIES.map((validity) => (
            <option key={validity} value={validity} selected={v.validity === validity}>
              {VALIDITY_LABELS[validity]}
            </option>
          ))}
        </select>
      </p>
      <Field name="effectiveOn" label="生效日期" value={v.effectiveOn ?? null} type="date" />
      <Field name="invalidOn" label="失效或废止日期" value={v.invalidOn ?? null} type="date" />
      <Field
        name="disclosureMethod"
        label={METADATA_LABELS.disclosureMethod}
        value={v.disclosureMethod ?? null}
      />
      <Field
        name="disclosurePeriod"
        label={METADATA_LABELS.disclosurePeriod}
        value={v.disclosurePeriod ?? null}
      />
      <Field name="format" label={METADATA_LABELS.format} value={v.format ?? null} />
    </>
  );
}

export function NewItemPage({
  actor,
  csrfToken,
  unit,
  values = null,
  error,
  preview,
}: PageBase & {
  unit: { unitId: number; unitName: string; unitKind: string; subcategories: readonly Subcategory[] };
  values?: FormValues | null;
  error?: FormProblem;
  preview?: string;
}) {
  return (
    <AdminLayout title="新建主动公开信息" actor={actor} csrfToken={csrfToken}>
      <h1>新建主动公开信息（{unit.unitName}）</h1>
      <p class="muted">索引号和发布日期在发布时由系统生成，不能填写。</p>
      <form method="post" action={`/admin/publishing/units/${unit.unitId}/items`}>
        <CsrfField token={csrfToken} />
        {values?.draftId ? (
          <p data-testid="from-draft">
            <input type="hidden" name="draftId" value={values.draftId} />
            根据依申请公开转主动公开的草稿创建（条例第四十四条），已预先填入草稿的标题和正文。
          </p>
        ) : null}
        <FormError error={error} />
        <ItemFields
          unitKind={unit.unitKind}
          subcategories={unit.subcategories}
          values={values}
          preview={preview}
        />
        <button type="submit" name="preview" value="1">
          预览正文
        </button>{' '}
        <button type="submit">保存草稿</button>
      </form>
    </AdminLayout>
  );
}

/** A refused edit or correction: the message and what was typed, shown in its form. */
export interface RefusedForm {
  readonly form: 'edit' | 'correct';
  readonly error?: FormProblem;
  readonly values: FormValues;
  /** The sanitised body, when the form came back for a preview rather than a refusal. */
  readonly preview?: string;
}

export function ItemWorkspacePage({
  actor,
  csrfToken,
  workspace,
  refused,
}: PageBase & { workspace: ItemWorkspace; refused?: RefusedForm }) {
  const valuesFor = (form: RefusedForm['form']) =>
    refused?.form === form ? refused.values : formValuesOf(workspace.item);
  const errorFor = (form: RefusedForm['form']) => (refused?.form === form ? refused.error : undefined);
  const { item, position, findings, overrides, reviews, versions, can } = workspace;
  const base = `/admin/publishing/items/${item.id}`;
  const overridden = new Map(overrides.map((override) => [override.findingKey, override]));
  const editable = can.edit && (item.status === 'draft' || item.status === 'returned');
  const pending = position?.kind === 'pending' ? position.stage : null;
  return (
    <AdminLayout title={item.title} actor={actor} csrfToken={csrfToken}>
      <h1>{item.title}</h1>
      <p data-testid="item-state">
        {item.unitName} · {SUB_COLUMN_LABELS[item.subColumn]} · {ITEM_STATUS_LABELS[item.status]}
        {pending ? `（待${REVIEW_STAGE_LABELS[pending]}）` : ''}
        {item.indexNumber ? ` · 索引号 ${item.indexNumber}` : ''}
        {item.publishedOn ? ` · 发布日期 ${item.publishedOn}` : ''}
        {item.correctedOn ? ` · 更正于 ${item.correctedOn}` : ''}
      </p>
      {item.status === 'published' ? (
        <p>
          <a href={`/disclosure/items/${item.id}`}>查看公开页面</a>
        </p>
      ) : null}
      {item.draftId !== null ? (
        <p data-testid="item-draft">
          来源：<a href={`/admin/disclosure-drafts#draft-${item.draftId}`}>依申请公开转主动公开草稿</a>
          （条例第四十四条）
        </p>
      ) : null}
      {item.chain ? (
        <p class="muted">审核流程：{item.chain.map((stage) => REVIEW_STAGE_LABELS[stage]).join(' → ')}</p>
      ) : null}

      <h2>自动检查</h2>
      {findings.length === 0 ? (
        <p class="ok" data-testid="no-findings">
          未发现问题。
        </p>
      ) : (
        <table class="findings" data-testid="findings">
          <thead>
            <tr>
              <th scope="col">位置</th>
              <th scope="col">内容</th>
              <th scope="col">类别</th>
              <th scope="col">级别</th>
              <th scope="col">说明</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((finding) => {
              const override = overridden.get(finding.key);
              return (
                <tr
                  key={`${finding.key}-${finding.start}`}
                  class={finding.severity === 'error' ? 'finding-error' : 'warning'}
                >
                  <td>
                    {CHECKED_FIELD_LABELS[finding.field]}第 {finding.start + 1} 字
                  </td>
                  <td>{finding.text}</td>
                  <td>{CATEGORY_LABELS[finding.category]}</td>
                  <td>{SEVERITY_LABELS[finding.severity]}</td>
                  <td>
                    {finding.message}
                    {(finding.proposedMask ?? finding.suggestion)
                      ? `（建议：${finding.proposedMask ?? finding.suggestion}）`
                      : ''}
                  </td>
                  <td data-testid="finding-resolution">
                    {override ? (
                      `不予修改：${override.reason}`
                    ) : can.review && finding.severity === 'error' ? (
                      <form method="post" action={`${base}/override`}>
                        <CsrfField token={csrfToken} />
                        <input type="hidden" name="key" value={finding.key} />
                        <label for={`reason-${finding.start}-${finding.field}`}>不予修改的理由</label>
                        <input id={`reason-${finding.start}-${finding.field}`} name="reason" />
                        <button type="submit">说明理由</button>
                      </form>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {can.review && pending ? (
        <section aria-labelledby="decision">
          <h2 id="decision">{REVIEW_STAGE_LABELS[pending]}</h2>
          <form method="post" action={`${base}/decision`} data-testid="decision-form">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="stage" value={pending} />
            <p>
              <label for="f-comment">审核意见（退回时必填）</label>
              <br />
              <textarea id="f-comment" name="comment" rows={3} />
            </p>
            <button type="submit" name="decision" value="approve">
              通过
            </button>{' '}
            <button type="submit" name="decision" value="return">
              退回修改
            </button>
          </form>
        </section>
      ) : null}

      {can.assign && pending && workspace.reviewers.length > 0 ? (
        <form method="post" action={`${base}/assign`}>
          <CsrfField token={csrfToken} />
          <label for="f-reviewer">分配{REVIEW_STAGE_LABELS[pending]}审核人</label>{' '}
          <select id="f-reviewer" name="reviewerId">
            {workspace.reviewers.map((reviewer) => (
              <option
                key={`${reviewer.id}-${reviewer.role}`}
                value={String(reviewer.id)}
                selected={item.assigneeId === reviewer.id}
              >
                {reviewer.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit">分配</button>
        </form>
      ) : null}

      {editable ? (
        <section aria-labelledby="edit">
          <h2 id="edit">编辑</h2>
          <form method="post" action={base}>
            <CsrfField token={csrfToken} />
            <FormError error={errorFor('edit')} />
            <ItemFields
              unitKind={item.unitKind}
              subcategories={workspace.subcategories}
              values={valuesFor('edit')}
              preview={refused?.form === 'edit' ? refused.preview : undefined}
            />
            <button type="submit" name="preview" value="1">
              预览正文
            </button>{' '}
            <button type="submit">保存</button>
          </form>
          <form method="post" action={`${base}/submit`}>
            <CsrfField token={csrfToken} />
            <button type="submit">送审</button>
          </form>
        </section>
      ) : null}

      {can.manage && item.status === 'published' ? (
        <>
          <section aria-labelledby="correct">
            <h2 id="correct">更正</h2>
            <p class="muted">索引号和发布日期不变；旧版本保留在历史中。</p>
            <form method="post" action={`${base}/correct`}>
              <CsrfField token={csrfToken} />
              <FormError error={errorFor('correct')} />
              <ItemFields
                unitKind={item.unitKind}
                subcategories={workspace.subcategories}
                values={valuesFor('correct')}
                preview={refused?.form === 'correct' ? refused.preview : undefined}
              />
              <p>
                <label for="f-correct-reason">更正原因</label>
                <br />
                <input id="f-correct-reason" name="reason" />
              </p>
              <p>
                <input id="f-material" type="checkbox" name="material" value="1" />{' '}
                <label for="f-material">实质性更正（公开页面显示“更正于”日期）</label>
              </p>
              <button type="submit">更正</button>
            </form>
          </section>
          <section aria-labelledby="withdraw">
            <h2 id="withdraw">撤回</h2>
            <form method="post" action={`${base}/withdraw`}>
              <CsrfField token={csrfToken} />
              <label for="f-withdraw-reason">撤回原因</label> <input id="f-withdraw-reason" name="reason" />{' '}
              <button type="submit">撤回</button>
            </form>
          </section>
        </>
      ) : null}

      <AttachmentsSection
        workspace={workspace}
        csrfToken={csrfToken}
        changeable={editable || (can.manage && item.status === 'published')}
      />

      <h2>审核记录</h2>
      {reviews.length === 0 ? (
        <p class="muted">暂无。</p>
      ) : (
        <table data-testid="reviews">
          <thead>
            <tr>
              <th scope="col">轮次</th>
              <th scope="col">环节</th>
              <th scope="col">决定</th>
              <th scope="col">审核人</th>
              <th scope="col">意见</th>
              <th scope="col">时间</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review, index) => (
              <tr key={index}>
                <td>{review.round}</td>
                <td>{REVIEW_STAGE_LABELS[review.stage]}</td>
                <td>{review.decision === 'approve' ? '通过' : '退回'}</td>
                <td>{review.reviewerName ?? ''}</td>
                <td>{review.comment ?? ''}</td>
                <td>{review.decidedAt.toISOString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {versions.length > 0 ? (
        <>
          <h2>历史版本</h2>
          <ul data-testid="versions">
            {versions.map((version) => (
              <li key={version.version}>
                第 {version.version} 版：{version.content.title}（更正原因：{version.reason ?? ''}
                {version.material ? '，实质性更正' : ''}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminLayout>
  );
}

function sizeText(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))}KB` : `${(bytes / 1048576).toFixed(1)}MB`;
}

/** The item's files: current ones (with removal), removed ones in the history, and the upload form. */
function AttachmentsSection({
  workspace,
  csrfToken,
  changeable,
}: {
  workspace: ItemWorkspace;
  csrfToken: string;
  changeable: boolean;
}) {
  const { item, attachments } = workspace;
  const base = `/admin/publishing/items/${item.id}/attachments`;
  const published = item.status === 'published';
  const current = attachments.filter((attachment) => attachment.removedInVersion === null);
  const removed = attachments.filter((attachment) => attachment.removedInVersion !== null);
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">附件</h2>
      {current.length === 0 ? (
        <p class="muted">暂无附件。</p>
      ) : (
        <table data-testid="attachments">
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">类型</th>
              <th scope="col">大小</th>
              <th scope="col">正文中引用图片的地址</th>
              {changeable ? <th scope="col">删除</th> : null}
            </tr>
          </thead>
          <tbody>
            {current.map((attachment) => (
              <tr key={attachment.id} data-attachment={attachment.id}>
                <td>
                  <a href={`${base}/${attachment.id}`}>{attachment.fileName}</a>
                </td>
                <td>{typeNameOf(attachment.mediaType)}</td>
                <td>{sizeText(attachment.sizeBytes)}</td>
                <td>
                  {attachment.mediaType.startsWith('image/') ? (
                    <code>{attachmentHref(item.id, attachment.id)}</code>
                  ) : (
                    ''
                  )}
                </td>
                {changeable ? (
                  <td>
                    <form method="post" action={`${base}/${attachment.id}/remove`}>
                      <CsrfField token={csrfToken} />
                      {published ? (
                        <>
                          <label for={`f-remove-reason-${attachment.id}`}>更正原因</label>{' '}
                          <input id={`f-remove-reason-${attachment.id}`} name="reason" />{' '}
                        </>
                      ) : null}
                      <button type="submit">删除</button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removed.length > 0 ? (
        <ul data-testid="removed-attachments">
          {removed.map((attachment) => (
            <li key={attachment.id}>
              <a href={`${base}/${attachment.id}`}>{attachment.fileName}</a>（第 {attachment.addedInVersion}{' '}
              版添加，第 {attachment.removedInVersion} 版删除）
            </li>
          ))}
        </ul>
      ) : null}
      {changeable ? (
        <form
          method="post"
          action={`${base}?_csrf=${encodeURIComponent(csrfToken)}`}
          enctype="multipart/form-data"
          data-testid="attachment-form"
        >
          {published ? (
            <p>
              <label for="f-attachment-reason">更正原因（已发布的信息添加附件属于更正）</label>
              <br />
              <input id="f-attachment-reason" name="reason" />
            </p>
          ) : null}
          <p>
            <label for="f-file">
              添加附件（PDF、DOCX、XLSX、JPEG、PNG，按文件内容识别，每个不超过{' '}
              {MAX_ITEM_ATTACHMENT_BYTES / 1048576}MB）
            </label>
            <br />
            <input id="f-file" type="file" name="file" />
          </p>
          <button type="submit">上传</button>
        </form>
      ) : null}
    </section>
  );
}
