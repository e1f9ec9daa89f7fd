// Back-office pages of the channels registry: the units with their channels, one unit's registry with its
// forms (add, change, record a publication or an account's status event, import a list), this year's
// counts and the activity of its new-media accounts, and the activity of a unit's subtree as of a date.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import {
  CHANNEL_KINDS,
  CHANNEL_KIND_LABELS,
  CHANNEL_STATUSES,
  CHANNEL_STATUS_LABELS,
  NEW_MEDIA_PLATFORMS,
  PLATFORM_LABELS,
  type RejectedRow,
} from '../../../core/channels/channels.ts';
import {
  ACCOUNT_EVENT_KINDS,
  ACCOUNT_EVENT_LABELS,
  NEAR_ZOMBIE_SILENT_DAYS,
  ZOMBIE_SILENT_DAYS,
  type ActivityLevel,
} from '../../../core/channels/activity.ts';
import type { Unit } from '../../units/model.ts';
import type { AccountActivityRow } from '../activity.ts';
import type { Channel, SubtreeActivity, UnitRegistry } from '../service.ts';

interface PageBase {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

const platformOf = (channel: Channel) => (channel.platform === null ? '' : PLATFORM_LABELS[channel.platform]);

export function RegistryListPage({
  actor,
  csrfToken,
  registries,
}: PageBase & {
  registries: readonly { unit: Unit; channels: readonly Channel[]; warnings: readonly string[] }[];
}) {
  return (
    <AdminLayout title="发布渠道" actor={actor} csrfToken={csrfToken}>
      <h1>发布渠道</h1>
      <table data-testid="registries">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">已登记渠道</th>
            <th scope="col">提示</th>
            <th scope="col">新媒体活跃度</th>
          </tr>
        </thead>
        <tbody>
          {registries.map(({ unit, channels, warnings }) => (
            <tr key={unit.id} data-unit={unit.id}>
              <td>
                <a href={`/admin/channels/units/${unit.id}`}>{unit.name}</a>
              </td>
              <td>{channels.length}</td>
              <td data-testid="warnings">
                {warnings.map((warning) => (
                  <p key={warning} class="warning">
                    {warning}
                  </p>
                ))}
              </td>
              <td>
                <a href={`/admin/channels/units/${unit.id}/activity`}>本单位及下级单位</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

function ChannelFields({ channel }: { channel?: Channel }) {
  return (
    <>
      <label>
        类别
        <select name="kind">
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind} selected={channel?.kind === kind}>
              {CHANNEL_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        平台（政务新媒体）
        <select name="platform">
          <option value="">—</option>
          {NEW_MEDIA_PLATFORMS.map((platform) => (
            <option key={platform} value={platform} selected={channel?.platform === platform}>
              {PLATFORM_LABELS[platform]}
            </option>
          ))}
        </select>
      </label>
      <label>
        名称（栏目名、账号名或媒体名称）
        <input name="name" value={channel?.name ?? ''} required maxLength={100} />
      </label>
      <label>
        账号 ID（政务新媒体）
        <input name="accountId" value={channel?.accountId ?? ''} maxLength={100} />
      </label>
      <label>
        备案编号
        <input name="recordNumber" value={channel?.recordNumber ?? ''} maxLength={60} />
      </label>
      <label>
        运营主体（政务新媒体）
        <input name="operator" value={channel?.operator ?? ''} maxLength={100} />
      </label>
      <label>
        状态
        <select name="status">
          {CHANNEL_STATUSES.map((status) => (
            <option key={status} value={status} selected={channel?.status === status}>
              {CHANNEL_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        开设日期
        <input type="date" name="openedOn" value={channel?.openedOn ?? ''} />
      </label>
      <label>
        关停日期
        <input type="date" name="closedOn" value={channel?.closedOn ?? ''} />
      </label>
    </>
  );
}

export function UnitRegistryPage({
  actor,
  csrfToken,
  registry,
  error,
  rejected,
  imported,
}: PageBase & {
  registry: UnitRegistry;
  error?: string;
  rejected?: readonly RejectedRow[];
  imported?: number;
}) {
  const { unit, channels, counts, activity, histories, warnings, today } = registry;
  const warningList =
    warnings.length === 0 ? null : (
      <ul class="warning" role="status" data-testid="platform-warnings">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    );
  return (
    <AdminLayout title={`${unit.name} · 发布渠道`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name} · 发布渠道</h1>
      {error !== undefined ? (
        <p class="error-message" role="alert" data-testid="form-error">
          {error}
        </p>
      ) : null}
      {rejected !== undefined && rejected.length > 0 ? (
        <table data-testid="rejected-rows">
          <caption>未通过检查的行</caption>
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">列</th>
              <th scope="col">问题</th>
            </tr>
          </thead>
          <tbody>
            {rejected.map((row) => (
              <tr key={`${row.row}-${row.column}`} data-row={row.row} data-column={row.column}>
                <td>{row.row}</td>
                <td>{row.column}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {warningList}
      {imported !== undefined ? (
        <p role="status" data-testid="imported">
          已导入 {imported} 条发布记录
        </p>
      ) : null}
      <h2>本年发布数量</h2>
      <table data-testid="counts">
        <tbody>
          {CHANNEL_KINDS.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{CHANNEL_KIND_LABELS[kind]}</th>
              <td>{counts.byKind[kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>政务新媒体活跃度（截至 {today}）</h2>
      <p>
        以最后一次发布的日期计：连续 {ZOMBIE_SILENT_DAYS} 天及以上未发布为僵尸号，{NEAR_ZOMBIE_SILENT_DAYS}{' '}
        天及以上即予提示。<a href={`/admin/channels/units/${unit.id}/activity`}>本单位及下级单位</a>
      </p>
      <ActivityTable accounts={activity} showUnit={false} />
      <h2>已登记渠道</h2>
      {channels.map((channel) => (
        <section key={channel.id} data-channel={channel.id}>
          <h3>
            {CHANNEL_KIND_LABELS[channel.kind]} {platformOf(channel)} · {channel.name}（
            {CHANNEL_STATUS_LABELS[channel.status]}，发布记录 {channel.publications} 条）
          </h3>
          <form method="post" action={`/admin/channels/${channel.id}`}>
            <CsrfField token={csrfToken} />
            <ChannelFields channel={channel} />
            <button type="submit">保存</button>
          </form>
          {channel.kind === 'new-media' ? (
            <AccountHistory
              channelId={channel.id}
              events={histories.filter((event) => event.channelId === channel.id)}
              csrfToken={csrfToken}
            />
          ) : null}
          <form method="post" action={`/admin/channels/${channel.id}/publications`}>
            <CsrfField token={csrfToken} />
            <label>
              发布日期
              <input type="date" name="publishedOn" required />
            </label>
            <label>
              标题
              <input name="title" required maxLength={500} />
            </label>
            <label>
              链接
              <input type="url" name="url" />
            </label>
            <button type="submit">登记发布</button>
          </form>
        </section>
      ))}
      <h2>登记新渠道</h2>
      {warningList}
      <form method="post" action={`/admin/channels/units/${unit.id}`}>
        <CsrfField token={csrfToken} />
        <ChannelFields />
        <button type="submit">登记</button>
      </form>
      <h2>导入发布记录</h2>
      <p>
        CSV 或 XLSX 文件，表头为：日期、渠道、标题、链接（渠道填已登记的名称）。有一行不合格则整个文件不导入。
      </p>
      <form
        method="post"
        action={`/admin/channels/units/${unit.id}/import?_csrf=${encodeURIComponent(csrfToken)}`}
        enctype="multipart/form-data"
      >
        <input type="file" name="file" accept=".csv,.xlsx" required />
        <button type="submit">导入</button>
      </form>
    </AdminLayout>
  );
}

function AccountHistory({
  channelId,
  events,
  csrfToken,
}: {
  channelId: number;
  events: UnitRegistry['histories'];
  csrfToken: string;
}) {
  return (
    <>
      <table data-testid={`history-${channelId}`}>
        <caption>账号状态记录</caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">事项</th>
            <th scope="col">说明</th>
            <th scope="col">文件</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-event={event.kind}>
              <td>{event.occurredOn}</td>
              <td>{ACCOUNT_EVENT_LABELS[event.kind]}</td>
              <td>{event.note ?? ''}</td>
              <td>
                {event.document === null ? (
                  ''
                ) : (
                  <a href={`/admin/channels/events/${event.id}/document`}>{event.document.name}</a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        method="post"
        action={`/admin/channels/${channelId}/events?_csrf=${encodeURIComponent(csrfToken)}`}
        enctype="multipart/form-data"
      >
        <label>
          事项
          <select name="kind">
            {ACCOUNT_EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ACCOUNT_EVENT_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          日期
          <input type="date" name="occurredOn" required />
        </label>
        <label>
          说明
          <input name="note" maxLength={500} />
        </label>
        <label>
          文件（PDF、JPEG、PNG 或 DOCX，不超过 5MB）
          <input type="file" name="document" accept=".pdf,.jpg,.jpeg,.png,.docx" />
        </label>
        <button type="submit">登记状态变更</button>
      </form>
    </>
  );
}

const LEVEL_LABELS: Readonly<Record<ActivityLevel, string>> = {
  zombie: '僵尸号',
  'near-zombie': '即将成为僵尸号',
  active: '正常',
};

function ActivityTable({
  accounts,
  showUnit,
}: {
  accounts: readonly AccountActivityRow[];
  showUnit: boolean;
}) {
  if (accounts.length === 0) return <p data-testid="no-accounts">没有运行中的政务新媒体账号。</p>;
  return (
    <table data-testid="activity">
      <thead>
        <tr>
          {showUnit ? <th scope="col">单位</th> : null}
          <th scope="col">平台</th>
          <th scope="col">账号</th>
          <th scope="col">最后发布</th>
          <th scope="col">未发布天数</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => (
          <tr key={account.channelId} data-account={account.channelId} data-level={account.level}>
            {showUnit ? (
              <td>
                <a href={`/admin/channels/units/${account.unitId}`}>{account.unitName}</a>
              </td>
            ) : null}
            <td>{PLATFORM_LABELS[account.platform]}</td>
            <td>
              {account.name}
              {account.accountId === null ? '' : `（${account.accountId}）`}
            </td>
            <td>{account.lastPostOn ?? '无发布记录'}</td>
            <td data-silent>{account.silentDays ?? '—'}</td>
            <td>{LEVEL_LABELS[account.level]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActivityPage({ actor, csrfToken, activity }: PageBase & { activity: SubtreeActivity }) {
  const { unit, asOf, accounts } = activity;
  const flagged = accounts.filter((account) => account.level !== 'active');
  return (
    <AdminLayout title={`${unit.name} · 政务新媒体活跃度`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name}及下级单位 · 政务新媒体活跃度</h1>
      <form method="get" action={`/admin/channels/units/${unit.id}/activity`}>
        <label>
          截至日期
          <input type="date" name="asOf" value={asOf} required />
        </label>
        <button type="submit">查看</button>
      </form>
      <p data-testid="activity-summary">
        截至 {asOf}（含当日的发布）：运行中的账号 {accounts.length} 个，僵尸号{' '}
        {accounts.filter((account) => account.level === 'zombie').length} 个，即将成为僵尸号{' '}
        {accounts.filter((account) => account.level === 'near-zombie').length} 个。连续 {ZOMBIE_SILENT_DAYS}{' '}
        天及以上未发布为僵尸号，{NEAR_ZOMBIE_SILENT_DAYS} 天及以上予以提示；检查前两周即应整改。
      </p>
      <h2>僵尸号及即将成为僵尸号的账号</h2>
      <ActivityTable accounts={flagged} showUnit={true} />
      <h2>全部运行中的账号</h2>
      <ActivityTable accounts={accounts} showUnit={true} />
    </AdminLayout>
  );
}
