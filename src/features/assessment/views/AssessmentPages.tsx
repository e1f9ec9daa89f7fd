// Back-office pages of assessment: the units in reach, a unit's ranking for a period (picker, compute,
// downloads), its rules editor with the version history, and a sub-unit's score with the records behind
// every indicator value.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import { INDICATORS, indicatorOf, type IndicatorCode } from '../../../core/assessment/catalogue.ts';
import { parsePeriod } from '../../../core/assessment/period.ts';
import { formatHundredths, formatMeasured, type RuleSet } from '../../../core/assessment/scoring.ts';
import { noticeKindOf, NOTICE_TITLES, periodLabel } from '../export.ts';
import type { AssessmentRun, RecordRef, RuleSetVersion, ScoreRow } from '../model.ts';
import type { AssessmentUnitEntry } from '../service.ts';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

export interface Notice {
  readonly error?: { readonly field: string; readonly message: string };
  readonly typed?: Readonly<Record<string, string | undefined>>;
}

function ErrorBlock({ notice }: { notice: Notice }) {
  return notice.error ? (
    <p class="error-message" role="alert" data-testid="form-error" data-field={notice.error.field}>
      {notice.error.message}
    </p>
  ) : null;
}

const base = (unit: { id: number }) => `/admin/assessment/units/${unit.id}`;

export function AssessmentIndexPage({
  actor,
  csrfToken,
  units,
}: Shell & { units: readonly AssessmentUnitEntry[] }) {
  return (
    <AdminLayout title="考核" actor={actor} csrfToken={csrfToken}>
      <h1>政府信息公开工作考核</h1>
      <p class="muted">按本单位的考核细则，对直属下级单位按周、月、季度、年度计算得分和排名。</p>
      <ul data-testid="assessment-units">
        {units.map((unit) => (
          <li>
            <a href={base(unit)}>{unit.name}</a>
            {unit.canEdit ? null : <span class="muted">（只读）</span>}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

function valueText(code: IndicatorCode, value: ScoreRow['indicators'][number]['value']): string {
  return value === null ? '不考核' : `${formatMeasured(value)}${indicatorOf(code)?.unit ?? ''}`;
}

export function RankingPage({
  actor,
  csrfToken,
  unit,
  period,
  run,
  periods,
  notice,
}: Shell & {
  unit: AssessmentUnitEntry;
  period: string | null;
  run: AssessmentRun | null;
  periods: readonly string[];
  notice: Notice;
}) {
  const parsed = period === null ? null : parsePeriod(period);
  const noticeKind = parsed === null ? null : noticeKindOf(parsed);
  const query = period === null ? '' : `?period=${encodeURIComponent(period)}`;
  return (
    <AdminLayout title={`考核排名 - ${unit.name}`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name}：考核排名</h1>
      <p>
        <a href={`${base(unit)}/rules`}>考核细则</a>
      </p>
      <ErrorBlock notice={notice} />
      <form method="get" action={base(unit)}>
        <label>
          考核期间
          <input
            name="period"
            value={notice.typed?.period ?? period ?? ''}
            placeholder="2023-Q4、2023-11、2023-W47 或 2023"
            required
          />
        </label>
        <button type="submit">查看</button>
      </form>
      {unit.canEdit ? (
        <form method="post" action={`${base(unit)}/runs`}>
          <CsrfField token={csrfToken} />
          {period === null ? (
            <label>
              考核期间
              <input name="period" required />
            </label>
          ) : (
            <input type="hidden" name="period" value={period} />
          )}
          <button type="submit">{run === null ? '计算得分' : '重新计算'}</button>
        </form>
      ) : null}
      {periods.length > 0 ? (
        <p>
          已计算：
          {periods.map((text) => (
            <>
              {' '}
              <a href={`${base(unit)}?period=${encodeURIComponent(text)}`}>{text}</a>
            </>
          ))}
        </p>
      ) : null}
      {parsed !== null && run === null ? (
        <p data-testid="no-run">{periodLabel(parsed)}尚未计算得分。</p>
      ) : null}
      {parsed !== null && run !== null ? (
        <section>
          <h2>{periodLabel(parsed)}</h2>
          <p class="muted" data-testid="run-info">
            考核细则第 {run.ruleSet.version} 版，计算日期 {run.asOf}
          </p>
          <p>
            <a href={`${base(unit)}/ranking.xlsx${query}`}>下载排名（XLSX）</a>
            {noticeKind === null ? null : (
              <>
                {' '}
                <a href={`${base(unit)}/notice.docx${query}`}>下载{NOTICE_TITLES[noticeKind]}（Word）</a>
              </>
            )}
          </p>
          <table data-testid="ranking">
            <thead>
              <tr>
                <th scope="col">名次</th>
                <th scope="col">单位</th>
                <th scope="col">得分</th>
                {run.ruleSet.rules.map((line) => (
                  <th scope="col">{indicatorOf(line.code)?.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {run.scores.map((row) => (
                <tr data-unit={row.unitId}>
                  <td>{row.rank}</td>
                  <td>
                    <a href={`${base(unit)}/score${query}&unit=${row.unitId}`}>{row.unitName}</a>
                  </td>
                  <td>{formatHundredths(row.score)}</td>
                  {row.indicators.map((indicator) => (
                    <td>
                      {valueText(indicator.code, indicator.value)}（{formatHundredths(indicator.points)}分）
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export function RulesPage({
  actor,
  csrfToken,
  unit,
  current,
  versions,
  notice,
}: Shell & {
  unit: AssessmentUnitEntry;
  current: RuleSet;
  versions: readonly RuleSetVersion[];
  notice: Notice;
}) {
  const typed = notice.typed;
  const valueOf = (field: 'weight' | 'full' | 'zero', code: IndicatorCode): string => {
    if (typed !== undefined) return typed[`${field}.${code}`] ?? '';
    const line = current.find((found) => found.code === code);
    const fallback = INDICATORS.find((indicator) => indicator.code === code)?.defaults[field] ?? 0;
    return formatHundredths(line === undefined ? fallback : line[field]);
  };
  const used = (code: IndicatorCode) =>
    typed !== undefined ? typed[`use.${code}`] !== undefined : current.some((line) => line.code === code);
  return (
    <AdminLayout title={`考核细则 - ${unit.name}`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name}：考核细则</h1>
      <p>
        <a href={base(unit)}>考核排名</a>
      </p>
      <p data-testid="rules-version">
        {versions.length === 0
          ? '尚未制定考核细则，以下为系统建议值。'
          : `现行为第 ${versions[0]?.version ?? 0} 版。`}
      </p>
      <p class="muted">
        达到满分线得该项全部分值，达到零分线不得分，其间按比例计分并四舍五入到 0.01
        分；期间内没有可考核记录的指标得全部分值。各项分值之和须为 100。同分同名次，其后名次顺延（如
        1、2、2、4）。
      </p>
      <ErrorBlock notice={notice} />
      <form method="post" action={`${base(unit)}/rules`}>
        <CsrfField token={csrfToken} />
        <table>
          <thead>
            <tr>
              <th scope="col">采用</th>
              <th scope="col">指标</th>
              <th scope="col">计算依据</th>
              <th scope="col">分值</th>
              <th scope="col">满分线</th>
              <th scope="col">零分线</th>
            </tr>
          </thead>
          <tbody>
            {INDICATORS.map((indicator) => (
              <tr>
                <td>
                  <input
                    type="checkbox"
                    name={`use.${indicator.code}`}
                    value="1"
                    checked={used(indicator.code)}
                    aria-label={`采用${indicator.label}`}
                    disabled={!unit.canEdit}
                  />
                </td>
                <td>
                  {indicator.label}（{indicator.unit}，
                  {indicator.direction === 'higher' ? '越高越好' : '越低越好'}）
                </td>
                <td class="muted">{indicator.reads}</td>
                {(['weight', 'full', 'zero'] as const).map((field) => (
                  <td>
                    <input
                      name={`${field}.${indicator.code}`}
                      value={valueOf(field, indicator.code)}
                      inputMode="decimal"
                      size={6}
                      disabled={!unit.canEdit}
                      aria-label={`${indicator.label}${field === 'weight' ? '分值' : field === 'full' ? '满分线' : '零分线'}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {unit.canEdit ? <button type="submit">保存为新版本</button> : null}
      </form>
      {versions.length > 0 ? (
        <section>
          <h2>历史版本</h2>
          <ul data-testid="rule-versions">
            {versions.map((version) => (
              <li>
                第 {version.version} 版（{version.createdAt.toISOString().slice(0, 10)}）：
                {version.rules
                  .map(
                    (line) =>
                      `${indicatorOf(line.code)?.label ?? line.code} ${formatHundredths(line.weight)} 分`,
                  )
                  .join('；')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AdminLayout>
  );
}

function recordLink(ref: RecordRef): { href: string; text: string } {
  switch (ref.kind) {
    case 'item':
      return { href: `/admin/publishing/items/${ref.id}`, text: `主动公开信息 ${ref.id}` };
    case 'application':
      return { href: `/admin/applications/${ref.id}`, text: `申请 ${ref.id}` };
    case 'correction':
      return { href: `/admin/corrections/${ref.id}`, text: `纠错任务 ${ref.id}` };
    case 'training':
      return { href: `/admin/supervision/units/${ref.unitId}/trainings`, text: `培训 ${ref.id}` };
    case 'annual-report':
      return { href: `/admin/units/${ref.unitId}/annual-report`, text: `年度报告 ${ref.id}` };
    case 'column':
      return { href: `/admin/units/${ref.unitId}/freshness`, text: `栏目“${ref.label ?? ''}”` };
    case 'account':
      return { href: `/admin/channels/units/${ref.unitId}/activity`, text: `账号“${ref.label ?? ''}”` };
  }
}

const OK_LABELS: Readonly<Partial<Record<IndicatorCode, readonly [string, string]>>> = {
  'applications-on-time': ['按期', '超期'],
  'corrections-on-time': ['按期', '未按期回复'],
  'annual-report-on-time': ['按时', '超期'],
  'columns-published': ['有发布', '未发布'],
};

export function ScorePage({
  actor,
  csrfToken,
  unit,
  run,
  row,
}: Shell & { unit: AssessmentUnitEntry; run: AssessmentRun; row: ScoreRow }) {
  const period = parsePeriod(run.period);
  return (
    <AdminLayout title={`考核得分 - ${row.unitName}`} actor={actor} csrfToken={csrfToken}>
      <h1>
        {row.unitName}：{periodLabel(period)}考核得分
      </h1>
      <p>
        <a href={`${base(unit)}?period=${encodeURIComponent(run.period)}`}>返回排名</a>
      </p>
      <p data-testid="score">
        得分 {formatHundredths(row.score)}，第 {row.rank} 名（共 {run.scores.length} 个单位；考核细则第{' '}
        {run.ruleSet.version} 版，计算日期 {run.asOf}）
      </p>
      {row.indicators.map((indicator) => {
        const line = run.ruleSet.rules.find((found) => found.code === indicator.code);
        const catalogued = indicatorOf(indicator.code);
        const labels = OK_LABELS[indicator.code];
        return (
          <section data-indicator={indicator.code}>
            <h2>{catalogued?.label}</h2>
            <p>
              数值：<span data-testid="value">{valueText(indicator.code, indicator.value)}</span>；得分{' '}
              {formatHundredths(indicator.points)} / {formatHundredths(line?.weight ?? 0)}（满分线{' '}
              {formatHundredths(line?.full ?? 0)}，零分线 {formatHundredths(line?.zero ?? 0)}）
            </p>
            <p class="muted">{catalogued?.reads}</p>
            {indicator.records.length === 0 ? (
              <p class="muted">没有记录。</p>
            ) : (
              <ul data-testid="records">
                {indicator.records.map((ref) => {
                  const link = recordLink(ref);
                  return (
                    <li>
                      <a href={link.href}>{link.text}</a>{' '}
                      {ref.count === undefined
                        ? ref.on
                        : `期间内发布 ${ref.count} 条${ref.count > 0 ? `，最近 ${ref.on}` : ''}`}
                      {labels === undefined ? null : `（${ref.ok ? labels[0] : labels[1]}）`}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </AdminLayout>
  );
}
