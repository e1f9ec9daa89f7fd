// The annual report as compiled from the unit's records: the statutory tables with the faulty cells
// marked, the findings, the narrative drafts, and for every number of table 三 the applications behind it.
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { ReportTables } from '../../reports/render/index.ts';
import type { CompiledReport } from '../compile.ts';

export interface ReportDraftPageProps {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly unitId: number;
  readonly year: number;
  readonly compiled: CompiledReport;
  /** The actor may publish the report (政务公开办负责人 of the unit or above). */
  readonly canPublish: boolean;
}

const TABLE3_TOTAL = 6;

export function ReportDraftPage({
  actor,
  csrfToken,
  unitId,
  year,
  compiled,
  canPublish,
}: ReportDraftPageProps) {
  const { report, findings } = compiled;
  const errors = findings.filter((finding) => finding.severity === 'error');
  return (
    <AdminLayout title={`${year}年度报告（由记录编制）`} actor={actor} csrfToken={csrfToken}>
      <h1>
        {report.agency}
        {year}年政府信息公开工作年度报告（由记录编制）
      </h1>
      <form method="get" action={`/admin/units/${unitId}/annual-report`} class="inline-form">
        <label>
          年度
          <input name="year" type="number" value={String(year)} min="2021" max="2100" />
        </label>
        <button type="submit">编制</button>
      </form>
      <p data-testid="report-status" class={errors.length > 0 ? 'error-message' : 'notice'}>
        {errors.length > 0 ? `有 ${errors.length} 处错误，改正记录后才能发布。` : '全部勾稽关系检查通过。'}
        {compiled.missingStatistics.length > 0
          ? ` 尚未录入的行政管理统计：${compiled.missingStatistics.join('、')}（见“年报记录”）。`
          : ''}
      </p>
      {errors.length === 0 && canPublish ? (
        <form method="post" action={`/admin/units/${unitId}/annual-report/publish`} class="inline-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="year" value={String(year)} />
          <button type="submit">发布{year}年度报告</button>
        </form>
      ) : null}
      {findings.length > 0 ? (
        <ul data-testid="findings">
          {findings.map((finding, index) => (
            <li key={index} class={finding.severity === 'error' ? 'error-message' : 'warning'}>
              {finding.message}
            </li>
          ))}
        </ul>
      ) : null}
      <ReportTables report={report} findings={findings} />
      <h2>表三各项数字对应的申请</h2>
      <table data-testid="table3-sources">
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">总计</th>
            <th scope="col">申请</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(compiled.sources.table3)
            .filter(([, columns]) => (columns[TABLE3_TOTAL] ?? []).length > 0)
            .map(([row, columns]) => {
              const ids = columns[TABLE3_TOTAL] ?? [];
              return (
                <tr key={row} data-row={row}>
                  <th scope="row">{row}</th>
                  <td>{ids.length}</td>
                  <td>
                    {ids.slice(0, 50).map((id) => (
                      <a key={id} href={`/admin/applications/${id}`}>
                        {id}{' '}
                      </a>
                    ))}
                    {ids.length > 50 ? `等 ${ids.length} 件` : ''}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      <h2>正文草稿</h2>
      {(['一', '五', '六'] as const).map((section) => (
        <section key={section}>
          <h3>{section}</h3>
          {(report.sections?.[section] ?? '').split('\n').map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </section>
      ))}
    </AdminLayout>
  );
}
