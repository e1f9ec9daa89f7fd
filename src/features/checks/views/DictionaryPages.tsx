// Back-office pages of the check dictionaries: the list with its filter, the entry form, the CSV import
// with its preview, and the progress of the re-scan of published items.
import {
  CATEGORY_LABELS,
  DICTIONARY_CATEGORIES,
  SEVERITY_LABELS,
  type DictionaryEntry,
} from '../../../core/checks/index.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { describeProblem } from '../csv.ts';
import type { ImportPreview, ScanProgress, StoredEntry } from '../model.ts';
import type { DictionaryOverview, ImportResult } from '../service.ts';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

export interface PageError {
  readonly field: string | null;
  readonly message: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

function beijing(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function ErrorNote({ error }: { error: PageError | undefined }) {
  if (error === undefined) return null;
  return (
    <p class="error-message" role="alert" data-testid="form-error" data-field={error.field ?? ''}>
      {error.message}
    </p>
  );
}

function EntryFields({ entry }: { entry: Partial<DictionaryEntry> | undefined }) {
  return (
    <>
      <label>
        词条
        <input name="term" required maxLength={100} value={entry?.term ?? ''} />
      </label>
      <label>
        类别
        <select name="category">
          {DICTIONARY_CATEGORIES.map((category) => (
            <option value={category} selected={entry?.category === category}>
              {CATEGORY_LABELS[category]}
            </option>
          ))}
        </select>
      </label>
      <label>
        级别
        <select name="severity">
          <option value="" selected={entry?.severity === undefined}>
            按类别默认
          </option>
          <option value="error" selected={entry?.severity === 'error'}>
            {SEVERITY_LABELS.error}（须改正或说明理由后才能发布）
          </option>
          <option value="warning" selected={entry?.severity === 'warning'}>
            {SEVERITY_LABELS.warning}
          </option>
        </select>
      </label>
      <label>
        建议（正确的写法，可不填）
        <input name="suggestion" maxLength={500} value={entry?.suggestion ?? ''} />
      </label>
      <label>
        说明（来源或理由，可不填）
        <input name="note" maxLength={500} value={entry?.note ?? ''} />
      </label>
    </>
  );
}

function ScanStatus({ scan, version }: { scan: ScanProgress | null; version: number }) {
  if (scan === null) {
    return <p data-testid="scan-status">词库第 {version} 版尚未复查已公开信息，后台任务将自动开始。</p>;
  }
  const percent = scan.total === 0 ? 100 : Math.min(100, Math.floor((scan.checked / scan.total) * 100));
  const stale = scan.targetVersion !== version;
  return (
    <div data-testid="scan-status" data-version={scan.targetVersion} data-checked={scan.checked}>
      <p>
        {stale
          ? `词库已更新到第 ${version} 版，复查将按新版本重新开始（上一次复查针对第 ${scan.targetVersion} 版）。`
          : scan.finishedAt !== null
            ? `第 ${scan.targetVersion} 版复查已完成（${beijing(scan.finishedAt)}）：检查已公开信息 ${scan.checked} 条，新开纠错任务 ${scan.tasksOpened} 件。`
            : `第 ${scan.targetVersion} 版复查进行中：已检查 ${scan.checked} / ${scan.total} 条，新开纠错任务 ${scan.tasksOpened} 件。`}
      </p>
      {!stale ? (
        <progress max={100} value={percent}>
          {percent}%
        </progress>
      ) : null}
    </div>
  );
}

export function DictionaryPage({
  actor,
  csrfToken,
  overview,
  error,
  notice,
  draft,
}: Shell & {
  overview: DictionaryOverview;
  error?: PageError;
  notice?: string;
  draft?: Partial<DictionaryEntry>;
}) {
  const { state, entries, filter } = overview;
  return (
    <AdminLayout title="检查词库" actor={actor} csrfToken={csrfToken}>
      <h1>检查词库</h1>
      <p data-testid="dictionary-version">
        当前为第 {state.version} 版，共 {overview.total}{' '}
        个词条。发布前检查和已公开信息的复查都使用本词库；每次修改后，
        后台任务会按新版本复查所有已公开信息，并为新发现的问题开具纠错任务。
      </p>
      {state.seededFromSample ? (
        <p class="muted" data-testid="seeded-note">
          本词库首次使用时载入了随软件提供的示例词条（说明中标有“示例条目”）。示例只用于演示格式，请导入本单位的词库。
        </p>
      ) : null}
      {notice !== undefined ? (
        <p class="ok" role="status" data-testid="notice">
          {notice}
        </p>
      ) : null}
      <ErrorNote error={error} />
      <section aria-labelledby="scan">
        <h2 id="scan">已公开信息复查</h2>
        <ScanStatus scan={overview.scan} version={state.version} />
      </section>
      <section aria-labelledby="list">
        <h2 id="list">词条</h2>
        <form method="get" action="/admin/dictionaries" class="filters">
          <label>
            类别
            <select name="category">
              <option value="">全部</option>
              {DICTIONARY_CATEGORIES.map((category) => (
                <option value={category} selected={filter.category === category}>
                  {CATEGORY_LABELS[category]}
                </option>
              ))}
            </select>
          </label>
          <label>
            级别
            <select name="severity">
              <option value="">全部</option>
              <option value="error" selected={filter.severity === 'error'}>
                {SEVERITY_LABELS.error}
              </option>
              <option value="warning" selected={filter.severity === 'warning'}>
                {SEVERITY_LABELS.warning}
              </option>
            </select>
          </label>
          <label>
            包含文字
            <input name="q" value={filter.text ?? ''} maxLength={100} />
          </label>
          <button type="submit">筛选</button>
        </form>
        <p>
          <a href="/admin/dictionaries/export.csv">导出全部词条（CSV）</a>
        </p>
        <table data-testid="entries">
          <thead>
            <tr>
              <th scope="col">词条</th>
              <th scope="col">类别</th>
              <th scope="col">级别</th>
              <th scope="col">建议</th>
              <th scope="col">说明</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr data-entry={entry.id}>
                <td>{entry.term}</td>
                <td>{CATEGORY_LABELS[entry.category]}</td>
                <td>{SEVERITY_LABELS[entry.severity]}</td>
                <td>{entry.suggestion ?? ''}</td>
                <td>{entry.note ?? ''}</td>
                <td>
                  <a href={`/admin/dictionaries/entries/${entry.id}`}>修改</a>
                  <form method="post" action={`/admin/dictionaries/entries/${entry.id}/delete`}>
                    <CsrfField token={csrfToken} />
                    <button type="submit">删除</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="add">
        <h2 id="add">添加词条</h2>
        <form method="post" action="/admin/dictionaries/entries">
          <CsrfField token={csrfToken} />
          <EntryFields entry={draft} />
          <button type="submit">添加</button>
        </form>
      </section>
      <section aria-labelledby="import">
        <h2 id="import">从 CSV 导入</h2>
        <p class="muted">
          导入的文件将替换整个词库。表头：词条、类别、级别、建议、说明（或
          term、category、severity、suggestion、note）。
          上传后先显示将有哪些变化，确认后才保存；文件有任何一行有误都不导入。
        </p>
        <form
          method="post"
          action={`/admin/dictionaries/import?_csrf=${encodeURIComponent(csrfToken)}`}
          enctype="multipart/form-data"
        >
          <label for="dictionary-file">文件（UTF-8 编码的 CSV，不超过 1MB）</label>
          <input id="dictionary-file" name="file" type="file" accept=".csv,text/csv" required />
          <button type="submit">预览</button>
        </form>
      </section>
    </AdminLayout>
  );
}

export function EntryPage({
  actor,
  csrfToken,
  entry,
  draft,
  error,
}: Shell & { entry: StoredEntry; draft?: Partial<DictionaryEntry>; error?: PageError }) {
  return (
    <AdminLayout title="修改词条" actor={actor} csrfToken={csrfToken}>
      <h1>修改词条</h1>
      <ErrorNote error={error} />
      <form method="post" action={`/admin/dictionaries/entries/${entry.id}`}>
        <CsrfField token={csrfToken} />
        <EntryFields entry={draft ?? entry} />
        <button type="submit">保存</button>
      </form>
      <p>
        <a href="/admin/dictionaries">返回词库</a>
      </p>
    </AdminLayout>
  );
}

function EntryList({
  caption,
  entries,
  testId,
}: {
  caption: string;
  entries: readonly DictionaryEntry[];
  testId: string;
}) {
  if (entries.length === 0) return null;
  return (
    <table data-testid={testId}>
      <caption>{caption}</caption>
      <tbody>
        {entries.map((entry) => (
          <tr>
            <td>{entry.term}</td>
            <td>{CATEGORY_LABELS[entry.category]}</td>
            <td>{SEVERITY_LABELS[entry.severity]}</td>
            <td>{entry.suggestion ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportPreviewPage({ actor, csrfToken, preview }: Shell & { preview: ImportPreview }) {
  const { diff } = preview;
  return (
    <AdminLayout title="导入预览" actor={actor} csrfToken={csrfToken}>
      <h1>导入预览：{preview.fileName}</h1>
      {diff === null ? (
        <>
          <p class="error-message" role="alert" data-testid="form-error" data-field="file">
            文件有误，未导入任何词条。请改正以下问题后重新上传：
          </p>
          <ul data-testid="import-problems">
            {preview.problems.map((problem) => (
              <li>{describeProblem(problem)}</li>
            ))}
            {preview.listProblems.map((message) => (
              <li>{message}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p data-testid="import-summary">
            导入后：新增 {diff.added.length} 个，删除 {diff.removed.length} 个，修改 {diff.changed.length}{' '}
            个， 不变 {diff.unchanged} 个。
          </p>
          <EntryList caption="新增" entries={diff.added} testId="added" />
          <EntryList caption="删除" entries={diff.removed} testId="removed" />
          <EntryList
            caption="修改（修改后）"
            entries={diff.changed.map((change) => change.after)}
            testId="changed"
          />
          <form
            method="post"
            action={`/admin/dictionaries/import/confirm?_csrf=${encodeURIComponent(csrfToken)}`}
            enctype="multipart/form-data"
          >
            <input type="hidden" name="version" value={String(preview.version)} />
            <input type="hidden" name="fileName" value={preview.fileName} />
            <textarea name="csv" hidden aria-hidden="true">
              {preview.csv}
            </textarea>
            <button type="submit">确认导入</button>
          </form>
        </>
      )}
      <p>
        <a href="/admin/dictionaries">返回词库</a>
      </p>
    </AdminLayout>
  );
}

export function importNotice(result: ImportResult): string {
  return `已导入，词库更新为第 ${result.version} 版：新增 ${result.added} 个，删除 ${result.removed} 个，修改 ${result.changed} 个词条。`;
}
