// The channels a unit publishes through (the annual report counts proactive publications by channel),
// the rules of a channel's registration, and the validation of imported publication lists.
import { isPlainDate, type PlainDate } from '../calendar/plain-date.ts';
import { Invalid } from '../errors.ts';

export const CHANNEL_KINDS = ['website', 'new-media', 'traditional', 'platform'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_KIND_LABELS: Readonly<Record<ChannelKind, string>> = {
  website: '政府网站栏目',
  'new-media': '政务新媒体',
  traditional: '传统媒体',
  platform: '政务服务和监管平台',
};

export const NEW_MEDIA_PLATFORMS = ['wechat', 'weibo', 'douyin', 'toutiao', 'app', 'other'] as const;
export type NewMediaPlatform = (typeof NEW_MEDIA_PLATFORMS)[number];

export const PLATFORM_LABELS: Readonly<Record<NewMediaPlatform, string>> = {
  wechat: '微信',
  weibo: '微博',
  douyin: '抖音',
  toutiao: '今日头条',
  app: '客户端',
  other: '其他',
};

export const CHANNEL_STATUSES = ['active', 'closed'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export const CHANNEL_STATUS_LABELS: Readonly<Record<ChannelStatus, string>> = {
  active: '运行中',
  closed: '已关停',
};

export interface ChannelInput {
  readonly kind: ChannelKind;
  readonly platform: NewMediaPlatform | null;
  readonly name: string;
  readonly recordNumber: string | null;
  readonly status: ChannelStatus;
  readonly openedOn: PlainDate | null;
  readonly closedOn: PlainDate | null;
  /** The account's id on its platform (new-media accounts only). */
  readonly accountId: string | null;
  /** The body that runs the account (运营主体), new-media accounts only. */
  readonly operator: string | null;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

function optionalText(value: unknown, field: string, label: string, max: number): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  if (text.length > max) throw new Invalid(field, `${label}不能超过 ${max} 个字`);
  return text;
}

function optionalDate(value: unknown, field: string, label: string): PlainDate | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  if (!isPlainDate(text)) throw new Invalid(field, `${label}应为有效日期（如 2026-01-05）`);
  return text;
}

/** Validates a channel as typed in the registry form; errors name the field. */
export function validateChannel(form: Readonly<Record<string, unknown>>): ChannelInput {
  const { kind, platform, status } = form;
  if (!oneOf(CHANNEL_KINDS, kind)) throw new Invalid('kind', '请选择渠道类别');
  let chosenPlatform: NewMediaPlatform | null = null;
  if (kind === 'new-media') {
    if (!oneOf(NEW_MEDIA_PLATFORMS, platform)) throw new Invalid('platform', '政务新媒体须选择平台');
    chosenPlatform = platform;
  }
  const name = optionalText(form.name, 'name', '名称', 100);
  if (name === null) throw new Invalid('name', '请填写渠道名称（栏目名、账号名或媒体名称）');
  const chosenStatus = status === undefined || status === '' ? 'active' : status;
  if (!oneOf(CHANNEL_STATUSES, chosenStatus)) throw new Invalid('status', '请选择状态');
  const openedOn = optionalDate(form.openedOn, 'openedOn', '开设日期');
  const closedOn = optionalDate(form.closedOn, 'closedOn', '关停日期');
  if (chosenStatus === 'closed' && closedOn === null) {
    throw new Invalid('closedOn', '已关停的渠道须填写关停日期');
  }
  if (chosenStatus === 'active' && closedOn !== null) {
    throw new Invalid('closedOn', '运行中的渠道不能有关停日期');
  }
  if (openedOn !== null && closedOn !== null && closedOn < openedOn) {
    throw new Invalid('closedOn', '关停日期不能早于开设日期');
  }
  return {
    kind,
    platform: chosenPlatform,
    name,
    recordNumber: optionalText(form.recordNumber, 'recordNumber', '备案编号', 60),
    status: chosenStatus,
    openedOn,
    closedOn,
    accountId: kind === 'new-media' ? optionalText(form.accountId, 'accountId', '账号 ID', 100) : null,
    operator: kind === 'new-media' ? optionalText(form.operator, 'operator', '运营主体', 100) : null,
  };
}

/** A channel as publication rows are checked against it. */
export interface ChannelRef {
  readonly id: number;
  readonly name: string;
  readonly openedOn: PlainDate | null;
  readonly closedOn: PlainDate | null;
}

export interface PublicationInput {
  readonly channelId: number;
  readonly publishedOn: PlainDate;
  readonly title: string;
  readonly url: string | null;
}

export interface RejectedRow {
  /** The row of the file, the header being row 1. */
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export const IMPORT_COLUMNS = ['日期', '渠道', '标题', '链接'] as const;

const MAX_TITLE = 500;
const MAX_URL = 2000;

/** A date as people type it in a spreadsheet: 2026-03-05, 2026/3/5, 2026.3.5 or 2026年3月5日. */
export function normaliseDate(text: string): PlainDate | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (match === null) return null;
  const date = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
  return isPlainDate(date) ? date : null;
}

/** Checks one publication (entered or imported) against its channel; throws Invalid naming the field. */
export function validatePublication(
  channel: ChannelRef,
  fields: { readonly date: string; readonly title: string; readonly url: string },
): PublicationInput {
  const publishedOn = normaliseDate(fields.date);
  if (publishedOn === null) throw new Invalid('日期', '日期无效，应为 2026-03-05 这样的日期');
  if (channel.openedOn !== null && publishedOn < channel.openedOn) {
    throw new Invalid('日期', `日期早于该渠道的开设日期 ${channel.openedOn}`);
  }
  if (channel.closedOn !== null && publishedOn > channel.closedOn) {
    throw new Invalid('日期', `日期晚于该渠道的关停日期 ${channel.closedOn}`);
  }
  const title = fields.title.trim();
  if (title === '') throw new Invalid('标题', '标题不能为空');
  if (title.length > MAX_TITLE) throw new Invalid('标题', `标题不能超过 ${MAX_TITLE} 个字`);
  const url = fields.url.trim();
  if (url !== '' && (!/^https?:\/\/[^\s]+$/i.test(url) || url.length > MAX_URL)) {
    throw new Invalid('链接', '链接应为以 http:// 或 https:// 开头的网址');
  }
  return { channelId: channel.id, publishedOn, title, url: url === '' ? null : url };
}

export interface ImportCheck {
  readonly accepted: readonly PublicationInput[];
  readonly rejected: readonly RejectedRow[];
}

/**
 * Checks an imported table (first row the header, with the columns 日期, 渠道, 标题 and optionally 链接,
 * in any order) against the unit's channels, named by their registered name. Blank rows are skipped.
 */
export function checkImportedRows(
  table: readonly (readonly string[])[],
  channels: readonly ChannelRef[],
): ImportCheck {
  const header = (table[0] ?? []).map((cell) => cell.trim().replace(/^\uFEFF/, ''));
  const position = (name: string) => header.indexOf(name);
  const missing = IMPORT_COLUMNS.filter((name) => name !== '链接' && position(name) < 0);
  if (missing.length > 0) {
    return {
      accepted: [],
      rejected: missing.map((column) => ({ row: 1, column, message: `表头缺少“${column}”列` })),
    };
  }
  const byName = new Map<string, ChannelRef[]>();
  for (const channel of channels) byName.set(channel.name, [...(byName.get(channel.name) ?? []), channel]);
  const accepted: PublicationInput[] = [];
  const rejected: RejectedRow[] = [];
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const cell = (name: string) => (position(name) < 0 ? '' : (cells[position(name)] ?? '').trim());
    if (cells.every((value) => value.trim() === '')) return;
    const named = cell('渠道');
    const matches = byName.get(named) ?? [];
    if (matches.length !== 1) {
      const message =
        named === ''
          ? '渠道不能为空'
          : matches.length === 0
            ? `未登记名为“${named}”的渠道`
            : `名为“${named}”的渠道不止一个`;
      rejected.push({ row, column: '渠道', message });
      return;
    }
    try {
      accepted.push(
        validatePublication(matches[0] as ChannelRef, {
          date: cell('日期'),
          title: cell('标题'),
          url: cell('链接'),
        }),
      );
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      rejected.push({ row, column: error.field, message: error.message });
    }
  });
  return { accepted, rejected };
}
