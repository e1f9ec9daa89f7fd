// Back-office pages of the channels registry: the units with their channels, and one unit's registry
// with its forms (add, change, record a publication, import a list) and this year's counts.
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
import type { Unit } from '../../units/model.ts';
import type { Channel, UnitRegistry } from '../service.ts';

interface PageBase {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

const platformOf = (channel: Channel) => (channel.platform === null ? '' : PLATFORM_LABELS[channel.platform]);

export function RegistryListPage({
  actor,
  csrfToken,
  registries,
}: PageBase & { registries: readonly { unit: Unit; channels: readonly Channel[] }[] }) {
  return (
    <AdminLayout title="发布渠道" actor={actor} csrfToken={csrfToken}>
      <h1>发布渠道</h1>
      <table data-testid="registries">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">已登记渠道</th>
          </tr>
        </thead>
        <tbody>
          {registries.map(({ unit, channels }) => (
            <tr key={unit.id} data-unit={unit.id}>
              <td>
                <a href={`/admin/channels/units/${unit.id}`}>{unit.name}</a>
              </td>
              <td>{channels.length}</td>
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
        备案编号
        <input name="recordNumber" value={channel?.recordNumber ?? ''} maxLength={60} />
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
  const { unit, channels, counts } = registry;
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
