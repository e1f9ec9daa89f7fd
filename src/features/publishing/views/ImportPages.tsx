// Pages of the import of items published on another platform: the upload form with the documented
// columns, and the progress page that refreshes itself (no script) until the import has ended.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { ImportStatus } from '../import-repo.ts';
import { IMPORT_COLUMNS } from '../import-rows.ts';
import type { ImportView } from '../import-service.ts';
import { FormError, type FormProblem } from './AdminPages.tsx';

export const IMPORT_STATUS_LABELS: Readonly<Record<ImportStatus, string>> = {
  running: '正在导入',
  done: '导入完成',
  failed: '导入失败',
};

export function ImportNewPage({
  actor,
  csrfToken,
  unit,
  error,
}: {
  actor: StaffActor;
  csrfToken: string;
  unit: { id: number; name: string };
  error?: FormProblem;
}) {
  return (
    <AdminLayout title="导入已发布信息" actor={actor} csrfToken={csrfToken}>
      <h1>导入已发布信息（{unit.name}）</h1>
      <p>
        从其他平台迁移时，可上传 CSV 或 XLSX 文件导入已经公开的信息。文件第 1 行为表头，列的顺序不限；带 *
        的列必须有。每一行导入为一条已发布信息，保留原发布日期；填写了索引号的须为
        “统一社会信用代码/年份-五位顺序号”格式且在本单位未被使用，未填写的由系统按发布年份编号。栏目代码为法定主动公开内容的类别代码。
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">列名</th>
            <th scope="col">必填</th>
          </tr>
        </thead>
        <tbody>
          {IMPORT_COLUMNS.map((column) => (
            <tr key={column.field}>
              <td>{column.header}</td>
              <td>{column.required ? '*' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">效力填“有效”“失效”或“废止”（仅规范性文件）；日期为 YYYY-MM-DD。</p>
      <form
        method="post"
        action={`/admin/publishing/units/${unit.id}/imports?_csrf=${encodeURIComponent(csrfToken)}`}
        enctype="multipart/form-data"
      >
        <FormError error={error} />
        <p>
          <label for="f-file">文件（CSV 或 XLSX）</label>
          <br />
          <input id="f-file" type="file" name="file" accept=".csv,.xlsx" required />
        </p>
        <p>
          <button type="submit">上传并导入</button>
        </p>
      </form>
    </AdminLayout>
  );
}

export function ImportProgressPage({
  actor,
  csrfToken,
  view,
}: {
  actor: StaffActor;
  csrfToken: string;
  view: ImportView;
}) {
  const { record } = view;
  const running = record.status === 'running';
  return (
    <AdminLayout
      title="导入进度"
      actor={actor}
      csrfToken={csrfToken}
      head={running ? <meta http-equiv="refresh" content="2" /> : null}
    >
      <h1>导入进度（{view.unitName}）</h1>
      <p>
        文件：{record.fileName}
        <br />
        <span class="muted">SHA-256：{record.fileSha256}</span>
      </p>
      <p data-testid="import-status" data-status={record.status}>
        {IMPORT_STATUS_LABELS[record.status]}
      </p>
      <p>
        <progress
          data-testid="import-progress"
          max={record.rowsTotal ?? undefined}
          value={record.rowsTotal === null ? undefined : record.rowsRead}
        >
          {record.rowsRead} 行
        </progress>{' '}
        已处理 {record.rowsRead}
        {record.rowsTotal === null ? '' : ` / ${record.rowsTotal}`} 行
      </p>
      {record.failure !== null ? (
        <p class="error-message" role="alert" data-testid="import-failure">
          {record.failure}
        </p>
      ) : null}
      <p data-testid="import-counts">
        已导入 <strong data-testid="import-accepted">{record.accepted}</strong> 条，未导入{' '}
        <strong data-testid="import-rejected">{record.rejected}</strong> 行
      </p>
      {view.rejections.length > 0 ? (
        <>
          <h2>未导入的行</h2>
          {record.rejected > view.rejections.length ? (
            <p class="muted">仅列出前 {view.shownRejections} 行。</p>
          ) : null}
          <table data-testid="import-rejections">
            <thead>
              <tr>
                <th scope="col">行号</th>
                <th scope="col">列</th>
                <th scope="col">原因</th>
              </tr>
            </thead>
            <tbody>
              {view.rejections.map((rejection) => (
                <tr key={`${rejection.rowNumber}-${rejection.field}`}>
                  <td>{rejection.rowNumber}</td>
                  <td>{rejection.field}</td>
                  <td>{rejection.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <p>
        <a href={`/admin/publishing/units/${view.unitId}/imports/new`}>再导入一个文件</a> ·{' '}
        <a href="/admin/publishing">返回主动公开</a>
      </p>
    </AdminLayout>
  );
}
