// A supervising unit's rollup of its sub-units' annual reports for a year: side by side with status,
// errors and key figures with their change against last year, the summed tables, the XLSX download, and
// the import of a report of a unit not on the platform.
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../../../core/report/format.ts';
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { ReportTables } from '../../reports/render/index.ts';
import { ROLLUP_STATUS_LABELS, type Rollup } from '../service.ts';
import { change, KEY_FIGURE_LABELS, type KeyFigures } from '../sum.ts';

export interface RollupPageProps {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly rollup: Rollup;
  readonly error?: string;
  readonly imported?: { readonly errors: number; readonly warnings: number };
}

const FIGURES = Object.keys(KEY_FIGURE_LABELS) as (keyof KeyFigures)[];

function signed(value: number | null): string {
  if (value === null) return '—';
  return value > 0 ? `+${value}` : String(value);
}

export function RollupPage({ actor, csrfToken, rollup, error, imported }: RollupPageProps) {
  const { unit, year } = rollup;
  const base = `/admin/units/${unit.id}/report-rollup`;
  return (
    <AdminLayout title={`${year}年度报告汇总`} actor={actor} csrfToken={csrfToken}>
      <h1>
        {unit.name}所属单位{year}年政府信息公开工作年度报告汇总
      </h1>
      <form method="get" action={base} class="inline-form">
        <label>
          年度
          <input name="year" type="number" value={String(year)} min="2021" max="2100" />
        </label>
        <button type="submit">查看</button>
      </form>
      <p>
        <a href={`${base}/xlsx?year=${year}`}>下载汇总表（XLSX）</a>
      </p>
      {error === undefined ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {imported === undefined ? null : (
        <p class="notice" role="status">
          已导入报告：错误 {imported.errors} 处，提示 {imported.warnings} 处。
        </p>
      )}
      <table class="rollup">
        <thead>
          <tr>
            <th>单位</th>
            <th>状态</th>
            <th>错误数</th>
            {FIGURES.map((key) => (
              <th>{KEY_FIGURE_LABELS[key]}（同比）</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rollup.entries.map((entry) => (
            <tr data-unit={entry.name} data-status={entry.status}>
              <th>
                {entry.unitId === null ? (
                  entry.name
                ) : (
                  <a href={`/admin/units/${entry.unitId}/annual-report?year=${year}`}>{entry.name}</a>
                )}
              </th>
              <td>{ROLLUP_STATUS_LABELS[entry.status]}</td>
              <td>{entry.errors === null ? '—' : String(entry.errors)}</td>
              {FIGURES.map((key) => {
                const current = entry.figures?.[key] ?? null;
                return (
                  <td data-figure={key}>
                    {current === null ? '—' : String(current)}（
                    {signed(change(current, entry.previous?.[key] ?? null))}）
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>合计（{rollup.summed} 份报告）</h2>
      <ReportTables
        idPrefix="rollup"
        findings={[]}
        report={{
          format: '2021',
          year,
          agency: unit.name,
          table2: rollup.sum.table2,
          table3_columns: [...TABLE3_COLUMNS],
          table3: rollup.sum.table3,
          table4_columns: [...TABLE4_COLUMNS],
          table4: rollup.sum.table4,
        }}
      />
      {rollup.canImport ? (
        <section>
          <h2>导入未在本平台的单位的年度报告</h2>
          <p>
            上传文本、网页（HTML）或 Word（DOCX）格式的年度报告，由报告检查器读取表格数字并检查后计入汇总。
          </p>
          <form
            method="post"
            action={`${base}/import?_csrf=${encodeURIComponent(csrfToken)}`}
            enctype="multipart/form-data"
          >
            <input type="hidden" name="year" value={String(year)} />
            <label>
              单位名称（留空则取报告中的名称）
              <input name="name" maxlength={100} />
            </label>
            <input type="file" name="file" accept=".txt,.md,.html,.htm,.docx" required />
            <button type="submit">导入</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
