// The state of the internal scans of published items: when each last ran, how far its walk is, how many
// items it checked and how many correction tasks it opened.
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { DEAD_LINK_SCAN, PRIVACY_DETECTOR_VERSION, type ScanName, type ScanOverviewRow } from '../model.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;

function beijing(at: Date | null): string {
  if (at === null) return '—';
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

const TITLES: Readonly<Record<ScanName, string>> = {
  'privacy-scan': '个人信息扫描',
  'dead-link-scan': '站内链接检查',
};

const EXPLANATIONS: Readonly<Record<ScanName, string>> = {
  'privacy-scan': `检查已公开信息的标题、内容概述和正文中未遮盖的身份证号码、手机号码、银行卡号、详细住址等（检测规则第 ${PRIVACY_DETECTOR_VERSION} 版）；发布审核时已说明理由保留的不再提示。检测规则更新后重新检查全部信息，此后只检查新公开或更正过的信息。`,
  'dead-link-scan':
    '每天检查一次已公开信息正文中指向本平台的链接：指向已撤回或不存在的信息、已删除的附件、不存在的单位的链接为失效链接。指向其他网站的链接只计数，不访问。',
};

function ScanSection({ row }: { row: ScanOverviewRow }) {
  const { state } = row;
  return (
    <section aria-labelledby={row.name} data-testid={row.name}>
      <h2 id={row.name}>{TITLES[row.name]}</h2>
      <p class="muted">{EXPLANATIONS[row.name]}</p>
      <dl>
        <dt>上次运行</dt>
        <dd data-testid="last-run">{beijing(row.lastRunAt)}</dd>
        <dt>运行结果</dt>
        <dd>{row.lastResult ?? '尚未运行'}</dd>
        <dt>本轮开始</dt>
        <dd>{state === null ? '—' : beijing(state.startedAt)}</dd>
        <dt>本轮状态</dt>
        <dd>
          {state === null
            ? '—'
            : state.finishedAt === null
              ? '进行中'
              : `已完成（${beijing(state.finishedAt)}）`}
        </dd>
        <dt>已检查信息</dt>
        <dd data-testid="checked">{state?.checked ?? 0} 条</dd>
        <dt>本轮新开纠错任务</dt>
        <dd data-testid="tasks-opened">{state?.tasksOpened ?? 0} 件</dd>
        <dt>累计开具纠错任务</dt>
        <dd data-testid="total-tasks">{row.totalTasks} 件</dd>
        {row.name === DEAD_LINK_SCAN ? (
          <>
            <dt>站外链接（不访问）</dt>
            <dd data-testid="external-links">{state?.externalLinks ?? 0} 个</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function ScansPage({
  actor,
  csrfToken,
  rows,
}: {
  actor: StaffActor;
  csrfToken: string;
  rows: readonly ScanOverviewRow[];
}) {
  return (
    <AdminLayout title="已公开信息扫描" actor={actor} csrfToken={csrfToken}>
      <h1>已公开信息扫描</h1>
      <p>
        后台任务自动扫描已公开信息，发现问题时为信息所属单位开具纠错任务（每条信息的同一问题只开具一次）。
      </p>
      {rows.map((row) => (
        <ScanSection row={row} />
      ))}
    </AdminLayout>
  );
}
