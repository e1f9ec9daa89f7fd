// The annual report as compiled from the unit's records: the statutory tables with the faulty cells
// marked, the findings, the year lock and its history, the narrative sections to edit, and for every
// number of tables 二, 三 and 四 the records behind it.
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { ReportTables } from '../../reports/render/index.ts';
import { chinaDate } from '../../applications/clock.ts';
import type { CompiledReport } from '../compile.ts';
import type { DrillCell } from '../drill-down.ts';
import type { LockState } from '../lock.ts';
import { EDITABLE_SECTIONS, type EditedReport } from '../narrative-edit.ts';
import { SECTION_TITLES } from '../../../core/report/format.ts';

export interface ReportDraftPageProps {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly unitId: number;
  readonly year: number;
  readonly compiled: CompiledReport;
  /** The actor may publish the report (政务公开办负责人 of the unit or above). */
  readonly canPublish: boolean;
  readonly lock: LockState;
  readonly narrative: Omit<EditedReport, 'compiled'>;
  readonly drill: readonly DrillCell[];
}

const timeOf = (at: Date) =>
  `${chinaDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;

const TABLE3_TOTAL = 6;

export function ReportDraftPage({
  actor,
  csrfToken,
  unitId,
  year,
  compiled,
  canPublish,
  lock,
  narrative,
  drill,
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
      <section data-testid="report-lock">
        <h2>年度锁定</h2>
        <p class={lock.locked ? 'warning' : 'muted'}>
          {lock.locked
            ? `${year}年度报告已发布，该年度已锁定：会改变已发布报告的申请办理步骤和记录修改均不能保存。确需更正的，由本单位或上级单位的政务公开办负责人说明理由解锁，修改后重新发布（重新发布保留此前版本并再次锁定）。`
            : lock.history.length > 0
              ? `${year}年度报告已解锁，修改后请重新发布。`
              : `${year}年度报告尚未发布，发布后该年度将锁定。`}
        </p>
        {lock.locked && canPublish ? (
          <form method="post" action={`/admin/units/${unitId}/annual-report/unlock`}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="year" value={String(year)} />
            <label>
              解锁理由（必填，记入审计日志）
              <textarea name="reason" rows={2} required maxLength={500}></textarea>
            </label>
            <button type="submit">解锁{year}年度</button>
          </form>
        ) : null}
        {lock.history.length > 0 ? (
          <table data-testid="lock-history">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作</th>
                <th scope="col">操作人</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {lock.history.map((event) => (
                <tr key={event.id} data-event={event.event}>
                  <td>{timeOf(event.at)}</td>
                  <td>{event.event === 'lock' ? `发布第 ${event.version ?? ''} 版并锁定` : '解锁'}</td>
                  <td>{event.actorName}</td>
                  <td>{event.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
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
      <h2>表二、表四各项数字对应的记录</h2>
      <table data-testid="drill-down">
        <thead>
          <tr>
            <th scope="col">表</th>
            <th scope="col">项目</th>
            <th scope="col">数字</th>
            <th scope="col">记录</th>
          </tr>
        </thead>
        <tbody>
          {drill.map((cell) => (
            <tr key={cell.anchor} id={cell.anchor} data-cell={cell.anchor}>
              <td>{cell.table}</td>
              <th scope="row">{cell.label}</th>
              <td>
                <a href={`#${cell.anchor}`}>{cell.count}</a>
              </td>
              <td>
                <ul>
                  {cell.records.map((record) => (
                    <li key={record.ref} data-ref={record.ref}>
                      {record.href === null ? record.title : <a href={record.href}>{record.title}</a>}
                      {record.detail === '' ? '' : `（${record.detail}）`}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>正文</h2>
      {narrative.similarity.length > 0 ? (
        <ul data-testid="similarity-warnings">
          {narrative.similarity.map((warning) => (
            <li key={warning.section} class="warning" data-section={warning.section}>
              第{warning.section}部分与上一年度已发布报告的相应部分几乎相同（相似度{' '}
              {Math.round(warning.score * 100)}%），请根据本年度实际情况撰写，避免内容雷同。
            </li>
          ))}
        </ul>
      ) : null}
      {EDITABLE_SECTIONS.map((section) => {
        const saved = narrative.edited[section];
        const text = report.sections?.[section] ?? '';
        const saves = narrative.history.filter((entry) => entry.section === section);
        return (
          <section key={section} id={`narrative-${section}`} data-section={section}>
            <h3>{SECTION_TITLES[section]}</h3>
            <p class="muted" data-testid={`narrative-origin-${section}`}>
              {saved === undefined
                ? '系统根据记录生成的草稿，尚未编辑。'
                : `已编辑（共保存 ${saves.length} 次，最近一次：${saved.savedBy ?? '命令行操作员'}，${timeOf(saved.savedAt)}）。`}
            </p>
            {canPublish && !lock.locked ? (
              <form method="post" action={`/admin/units/${unitId}/annual-report/narrative`}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <input type="hidden" name="year" value={String(year)} />
                <input type="hidden" name="section" value={section} />
                <textarea name="body" rows={8} required>
                  {text}
                </textarea>
                <button type="submit">保存第{section}部分</button>
              </form>
            ) : (
              text.split('\n').map((line, index) => <p key={index}>{line}</p>)
            )}
          </section>
        );
      })}
    </AdminLayout>
  );
}
