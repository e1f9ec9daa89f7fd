// The public list of a unit's published annual reports: the latest version of each year with its
// downloads, and the earlier versions a re-publication replaced.
import { Layout } from '../../../web/views/Layout.tsx';
import { DISCLOSURE_COLUMN, SUB_COLUMN_LABELS } from '../../../core/publishing/categories.ts';
import { chinaDate } from '../../applications/clock.ts';
import { chineseDay } from '../../publishing/views/format.ts';
import type { PublishedReportList } from '../publish.ts';

const dayOf = (at: Date) => chineseDay(chinaDate(at));

export function PublishedReportsPage({ list }: { list: PublishedReportList }) {
  const { unit, years } = list;
  const base = `/disclosure/units/${unit.id}/annual-reports`;
  return (
    <Layout title={`${unit.name} 政府信息公开工作年度报告`}>
      <p>
        <a href={`/disclosure/units/${unit.id}`}>
          {unit.name} · {DISCLOSURE_COLUMN}
        </a>{' '}
        · <a href={`/disclosure/units/${unit.id}/annual-report`}>{SUB_COLUMN_LABELS['annual-report']}</a>
      </p>
      <h1>{unit.name}政府信息公开工作年度报告</h1>
      {years.length === 0 ? (
        <p class="muted">尚未发布年度报告。</p>
      ) : (
        <ul data-testid="published-reports">
          {years.map(({ year, latest, earlier }) => (
            <li key={year} id={`year-${year}`} data-year={year}>
              <a href={`${base}/${year}`}>
                {unit.name}
                {year}年政府信息公开工作年度报告
              </a>{' '}
              <span class="muted">
                （第 {latest.version} 版，{dayOf(latest.publishedAt)}发布）
              </span>{' '}
              <a href={`${base}/${year}/docx`}>下载 DOCX</a> <a href={`${base}/${year}/json`}>下载 JSON</a>
              {earlier.length > 0 ? (
                <ul>
                  {earlier.map((version) => (
                    <li key={version.version} data-version={version.version}>
                      <a href={`${base}/${year}?version=${version.version}`}>
                        第 {version.version} 版（{dayOf(version.publishedAt)}发布，已被新版本替代）
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
