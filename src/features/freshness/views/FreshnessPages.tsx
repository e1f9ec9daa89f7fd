// Pages of the freshness monitor: the overview of a person's units and one unit's columns, its vetoes,
// its sub-units worst first and its items published later than Art. 26 allows.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import {
  COLUMN_KIND_LABELS,
  COLUMN_KINDS,
  COLUMN_STATUS_LABELS,
  type UnitFreshness,
} from '../../../core/publishing/freshness.ts';
import type { UnitEntry, UnitFreshnessPage } from '../service.ts';

interface PageBase {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

function Vetoes({ freshness }: { freshness: UnitFreshness }) {
  if (freshness.vetoes.length === 0) {
    return <p data-testid="no-veto">未触及单项否决指标。</p>;
  }
  return (
    <ul class="error-message" role="alert" data-testid="vetoes">
      {freshness.vetoes.map((veto) => (
        <li key={veto.code} data-veto={veto.code} data-count={veto.count}>
          <strong>{veto.message}</strong>
        </li>
      ))}
    </ul>
  );
}

function UnitTable({ entries, testId }: { entries: readonly UnitEntry[]; testId: string }) {
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col">单项否决</th>
          <th scope="col">未及时更新栏目</th>
          <th scope="col">长期未更新栏目</th>
          <th scope="col">空白栏目</th>
          <th scope="col">最近发布</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(({ unit, freshness }) => (
          <tr
            key={unit.id}
            data-unit={unit.id}
            data-vetoes={freshness.vetoes.length}
            data-stale={freshness.staleColumns}
            data-long={freshness.longUnupdatedColumns}
            data-blank={freshness.blankColumns}
          >
            <td>
              <a href={`/admin/units/${unit.id}/freshness`}>{unit.name}</a>
            </td>
            <td>
              {freshness.vetoes.length > 0 ? <strong class="overdue">{freshness.vetoes.length}</strong> : 0}
            </td>
            <td>{freshness.staleColumns}</td>
            <td>{freshness.longUnupdatedColumns}</td>
            <td>{freshness.blankColumns}</td>
            <td>{freshness.lastPublishedOn ?? '无'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FreshnessOverviewPage({
  actor,
  csrfToken,
  asOf,
  entries,
}: PageBase & { asOf: string; entries: readonly UnitEntry[] }) {
  return (
    <AdminLayout title="栏目更新监测" actor={actor} csrfToken={csrfToken}>
      <h1>栏目更新监测</h1>
      <p>
        截至 <span data-testid="as-of">{asOf}</span>，按问题严重程度排列。
      </p>
      <UnitTable entries={entries} testId="units" />
    </AdminLayout>
  );
}

export function UnitFreshnessView({
  actor,
  csrfToken,
  page,
  error,
}: PageBase & { page: UnitFreshnessPage; error?: { field: string; message: string } }) {
  const { unit, freshness } = page;
  return (
    <AdminLayout title={`栏目更新监测：${unit.name}`} actor={actor} csrfToken={csrfToken}>
      <h1>栏目更新监测：{unit.name}</h1>
      <Vetoes freshness={freshness} />
      {error ? (
        <p class="error-message" role="alert" data-testid="form-error" data-field={error.field}>
          {error.message}
        </p>
      ) : null}
      <p>
        截至 <span data-testid="as-of">{freshness.asOf}</span>；政府信息公开栏目最近发布：
        <span data-testid="last-published">{freshness.lastPublishedOn ?? '无'}</span>。
      </p>
      <h2>栏目</h2>
      <table data-testid="columns">
        <thead>
          <tr>
            <th scope="col">栏目</th>
            <th scope="col">类型</th>
            <th scope="col">最近更新</th>
            <th scope="col">状态</th>
            <th scope="col">超期天数</th>
          </tr>
        </thead>
        <tbody>
          {freshness.columns.map((column) => (
            <tr
              key={column.key}
              data-column={column.key}
              data-kind={column.kind}
              data-status={column.status}
              data-days-stale={column.daysStale ?? undefined}
              data-long={String(column.longUnupdated)}
            >
              <td>{column.parentKey === null ? column.name : `— ${column.name}`}</td>
              <td>
                {page.canSetKind ? (
                  <form method="post" action={`/admin/units/${unit.id}/freshness/kind`}>
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="column" value={column.key} />
                    <select name="kind" aria-label={`${column.name}的类型`}>
                      {COLUMN_KINDS.map((kind) => (
                        <option key={kind} value={kind} selected={kind === column.kind}>
                          {COLUMN_KIND_LABELS[kind]}
                        </option>
                      ))}
                    </select>
                    <button type="submit">保存</button>
                  </form>
                ) : (
                  COLUMN_KIND_LABELS[column.kind]
                )}
                {column.kindOverridden ? '（本单位设定）' : ''}
              </td>
              <td>{column.lastPublishedOn ?? '无'}</td>
              <td>
                {column.status === 'fresh' ? (
                  COLUMN_STATUS_LABELS.fresh
                ) : (
                  <strong class="overdue">
                    {COLUMN_STATUS_LABELS[column.status]}
                    {column.longUnupdated ? '（长期未更新）' : ''}
                  </strong>
                )}
              </td>
              <td>{column.daysStale ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.subUnits.length > 0 ? (
        <>
          <h2>下级单位</h2>
          <UnitTable entries={page.subUnits} testId="sub-units" />
        </>
      ) : null}
      <h2>发布超过20个工作日的信息（条例第二十六条）</h2>
      <p>
        {page.late.from} 至 {page.late.to} 发布的信息中，自成文日期起超过20个工作日才公开的：
        <span data-testid="late-count">{page.late.items.length}</span> 条。
      </p>
      {page.late.items.length > 0 ? (
        <table data-testid="late-items">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">成文日期</th>
              <th scope="col">应公开日期</th>
              <th scope="col">发布日期</th>
              <th scope="col">超出工作日</th>
            </tr>
          </thead>
          <tbody>
            {page.late.items.map((item) => (
              <tr key={item.itemId} data-item={item.itemId} data-workdays-late={item.workdaysLate}>
                <td>
                  <a href={`/admin/publishing/items/${item.itemId}`}>{item.title}</a>
                </td>
                <td>{item.writtenOn}</td>
                <td>{item.dueOn}</td>
                <td>{item.publishedOn}</td>
                <td>{item.workdaysLate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </AdminLayout>
  );
}
