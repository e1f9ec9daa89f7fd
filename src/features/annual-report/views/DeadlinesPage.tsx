// The publication deadlines of a unit's annual reports and of the units below it (条例第四十九条).
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { UNIT_KIND_LABELS } from '../../units/model.ts';
import { DEADLINE_STATUS_LABELS, type DeadlineOverview } from '../deadlines.ts';

export function DeadlinesPage({
  actor,
  csrfToken,
  overview,
}: {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly overview: DeadlineOverview;
}) {
  const { unit, year, rows, today } = overview;
  const late = rows.filter((row) => row.status === 'late' || row.status === 'overdue').length;
  return (
    <AdminLayout title={`${year}年度报告发布情况`} actor={actor} csrfToken={csrfToken}>
      <h1>
        {unit.name}及下级单位{year}年度政府信息公开工作年度报告发布情况
      </h1>
      <p class="muted">
        依照《中华人民共和国政府信息公开条例》第四十九条，县级以上人民政府部门应当在每年1月31日前公布本行政机关上一年度政府信息公开工作年度报告；县级以上地方人民政府的年度报告应当在每年3月31日前公布。本页将乡镇人民政府同人民政府一并按3月31日计，其他单位按1月31日计。
      </p>
      <form method="get" action={`/admin/units/${unit.id}/annual-report/deadlines`} class="inline-form">
        <label>
          报告年度
          <input name="year" type="number" value={String(year)} min="2021" max="2100" />
        </label>
        <button type="submit">查看</button>
      </form>
      <p data-testid="deadline-summary" class={late > 0 ? 'warning' : 'notice'}>
        截至{today}，共 {rows.length} 个单位，逾期 {late} 个。
      </p>
      <table data-testid="deadlines">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">类别</th>
            <th scope="col">发布期限</th>
            <th scope="col">首次发布日期</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.unit.id}
              data-unit={row.unit.id}
              data-status={row.status}
              class={row.status === 'late' || row.status === 'overdue' ? 'error-message' : undefined}
            >
              <th scope="row">
                <a href={`/admin/units/${row.unit.id}/annual-report?year=${year}`}>{row.unit.name}</a>
              </th>
              <td>{UNIT_KIND_LABELS[row.unit.kind]}</td>
              <td>{row.deadline}</td>
              <td>{row.publishedOn ?? '—'}</td>
              <td>{DEADLINE_STATUS_LABELS[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
