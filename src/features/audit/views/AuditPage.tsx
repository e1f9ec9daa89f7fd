import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { AuditQuery } from '../queries.ts';
import type { StoredAuditEntry } from '../repo.ts';

const RESULT_LABELS = { ok: '成功', denied: '拒绝', failed: '失败' } as const;

export interface AuditPageProps {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly query: AuditQuery;
  readonly entries: readonly StoredAuditEntry[];
  readonly limit: number;
  readonly exportHref: string;
  readonly error?: string;
}

function Filter({ query }: { query: AuditQuery }) {
  const fields: [keyof AuditQuery, string, string][] = [
    ['from', '起始日期', 'date'],
    ['to', '截止日期', 'date'],
    ['actorName', '操作人', 'text'],
    ['action', '操作', 'text'],
    ['objectType', '对象类型', 'text'],
    ['objectId', '对象编号', 'text'],
  ];
  return (
    <form method="get" action="/admin/audit" class="filter-form" data-testid="audit-filter">
      {fields.map(([name, label, type]) => (
        <span key={name}>
          <label for={`f-${name}`}>{label}</label>
          <input id={`f-${name}`} name={name} type={type} value={query[name] ?? ''} />
        </span>
      ))}
      <button type="submit">筛选</button>
    </form>
  );
}

/** The security auditor's screen: filter the log, read entries, export them as CSV. */
export function AuditPage({ actor, csrfToken, query, entries, limit, exportHref, error }: AuditPageProps) {
  return (
    <AdminLayout title="审计日志" actor={actor} csrfToken={csrfToken}>
      <h1>审计日志</h1>
      <Filter query={query} />
      {error ? (
        <p class="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <p>
        <a href={exportHref} data-testid="audit-export">
          导出为 CSV
        </a>
        （导出操作本身会记入审计日志）
      </p>
      <p class="muted">
        显示最新的 {entries.length} 条{entries.length >= limit ? `（最多 ${limit} 条，请缩小筛选范围）` : ''}
        。
      </p>
      <table data-testid="audit-entries">
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">时间（UTC）</th>
            <th scope="col">操作人</th>
            <th scope="col">来源地址</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
            <th scope="col">结果</th>
            <th scope="col">详情</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td class="num">{entry.seq}</td>
              <td>{entry.at}</td>
              <td>{entry.actorName ?? '—'}</td>
              <td>{entry.address ?? '—'}</td>
              <td>{entry.action}</td>
              <td>{entry.objectType ? `${entry.objectType} ${entry.objectId ?? ''}` : '—'}</td>
              <td>{RESULT_LABELS[entry.result]}</td>
              <td>
                <code>{entry.details}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
