// The back-office dashboard: a year picker (a plain GET form) and, per unit, the monthly trends and the
// comparison of sub-units and the ranking of the latest assessment run, each chart with its numbers in a
// table below it.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import { Chart } from '../../../web/charts/Chart.tsx';
import { rankingChart, type ChartSpec } from '../../../web/charts/svg.ts';
import { parsePeriod } from '../../../core/assessment/period.ts';
import { formatHundredths } from '../../../core/assessment/scoring.ts';
import { periodLabel } from '../../assessment/export.ts';
import type { AssessmentRun } from '../../assessment/model.ts';
import type { Dashboard, UnitDashboard } from '../service.ts';

const MONTH_LABELS = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);

function trendCharts(panel: UnitDashboard, year: number): ChartSpec[] {
  const id = `u${panel.unit.id}`;
  const publications: ChartSpec = {
    id: `${id}-publications`,
    kind: 'line',
    title: `${year}年每月主动公开信息数`,
    categories: MONTH_LABELS,
    series: [{ name: '主动公开', values: panel.months.map((month) => month.publications) }],
  };
  if (!panel.showsApplications) return [publications];
  return [
    publications,
    {
      id: `${id}-applications`,
      kind: 'line',
      title: `${year}年每月收到和办结的政府信息公开申请`,
      categories: MONTH_LABELS,
      series: [
        { name: '收到申请', values: panel.months.map((month) => month.received) },
        { name: '办结申请', values: panel.months.map((month) => month.decided) },
      ],
    },
    {
      id: `${id}-on-time`,
      kind: 'bar',
      title: `${year}年每月按期答复率`,
      categories: MONTH_LABELS,
      series: [{ name: '按期答复率', values: panel.months.map((month) => month.onTimeRate) }],
      unit: '%',
      max: 100,
    },
  ];
}

function comparisonChart(panel: UnitDashboard, year: number): ChartSpec {
  return {
    id: `u${panel.unit.id}-subunits`,
    kind: 'bar',
    title: `${year}年下级单位对比`,
    categories: panel.subunits.map((subunit) => subunit.name),
    series: [
      { name: '主动公开', values: panel.subunits.map((subunit) => subunit.publications) },
      { name: '收到申请', values: panel.subunits.map((subunit) => subunit.received) },
      { name: '办结申请', values: panel.subunits.map((subunit) => subunit.decided) },
    ],
  };
}

function RankingSection({ unitId, run }: { readonly unitId: number; readonly run: AssessmentRun }) {
  const label = periodLabel(parsePeriod(run.period));
  const spec = rankingChart(
    `u${unitId}-ranking`,
    `${label}下级单位考核得分排名`,
    run.scores.map((row) => ({ label: row.unitName, value: row.score / 100 })),
    { measure: '得分', unit: '分', max: 100 },
  );
  return (
    <section data-testid={`ranking-${unitId}`}>
      <h3>考核排名</h3>
      <p data-testid={`ranking-info-${unitId}`}>
        {`${label}，考核细则第 ${run.ruleSet.version} 版，计算日期 ${run.asOf}。`}
        <a href={`/admin/assessment/units/${unitId}?period=${encodeURIComponent(run.period)}`}>
          查看考核排名和各项得分
        </a>
      </p>
      {run.scores.length === 0 ? <p class="muted">没有直属下级单位。</p> : <Chart spec={spec} />}
      {run.scores.some((row, index) => row.rank !== index + 1) ? (
        <p class="muted">
          {`同分同名次：${run.scores.map((row) => `${row.unitName} 第 ${row.rank} 名（${formatHundredths(row.score)} 分）`).join('，')}。`}
        </p>
      ) : null}
    </section>
  );
}

function UnitPanel({ panel, year }: { readonly panel: UnitDashboard; readonly year: number }) {
  const headingId = `unit-${panel.unit.id}`;
  return (
    <section aria-labelledby={headingId} data-unit={panel.unit.id}>
      <h2 id={headingId}>
        {panel.unit.name}
        {panel.includesSubunits ? '（含下级单位）' : ''}
      </h2>
      <dl class="facts">
        <dt>全年主动公开</dt>
        <dd data-testid={`total-publications-${panel.unit.id}`}>{panel.totals.publications}</dd>
        {panel.showsApplications ? (
          <>
            <dt>全年收到申请</dt>
            <dd data-testid={`total-received-${panel.unit.id}`}>{panel.totals.received}</dd>
            <dt>全年办结申请</dt>
            <dd data-testid={`total-decided-${panel.unit.id}`}>{panel.totals.decided}</dd>
          </>
        ) : null}
      </dl>
      {panel.showsApplications ? null : <p>依申请公开的统计仅向办理人、政务公开办和领导审批人显示。</p>}
      {trendCharts(panel, year).map((spec) => (
        <Chart key={spec.id} spec={spec} />
      ))}
      {panel.subunits.length > 0 ? <Chart spec={comparisonChart(panel, year)} /> : null}
      {panel.ranking === null ? null : <RankingSection unitId={panel.unit.id} run={panel.ranking} />}
    </section>
  );
}

export function DashboardPage({
  actor,
  csrfToken,
  dashboard,
}: {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly dashboard: Dashboard;
}) {
  return (
    <AdminLayout title="统计看板" actor={actor} csrfToken={csrfToken}>
      <h1>{`统计看板（${dashboard.year}年）`}</h1>
      <form method="get" action="/admin/dashboard" class="inline-form">
        <label for="dashboard-year">年度</label>
        <select id="dashboard-year" name="year">
          {dashboard.years.map((year) => (
            <option key={year} value={String(year)} selected={year === dashboard.year}>
              {`${year}年`}
            </option>
          ))}
        </select>
        <button type="submit">查看</button>
      </form>
      {dashboard.units.map((panel) => (
        <UnitPanel key={panel.unit.id} panel={panel} year={dashboard.year} />
      ))}
    </AdminLayout>
  );
}
