// Freshness of a unit's 政府信息公开 column, by the single-veto indicators of the national inspection of
// government websites (国办秘函〔2019〕19号): the homepage without a new item for 2 weeks; 5 or more stale
// columns (news-type not updated for 2 weeks, notice/policy-type for 6 months); 10 or more columns that
// should be updated left long unupdated; 5 or more blank columns. Pure: the feature reads the dates.
import { addDays, dayNumberOf, type PlainDate } from '../calendar/plain-date.ts';
import { SUB_COLUMN_LABELS, type StatutoryCategory } from './categories.ts';

export const COLUMN_KINDS = ['news', 'notice-policy', 'static'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const COLUMN_KIND_LABELS: Readonly<Record<ColumnKind, string>> = {
  news: '动态要闻类（2周）',
  'notice-policy': '通知公告、政策文件类（6个月）',
  static: '基本信息类（不要求定期更新）',
};

export function isColumnKind(value: string): value is ColumnKind {
  return (COLUMN_KINDS as readonly string[]).includes(value);
}

export type ColumnStatus = 'fresh' | 'stale' | 'blank';

export const COLUMN_STATUS_LABELS: Readonly<Record<ColumnStatus, string>> = {
  fresh: '正常',
  stale: '未及时更新',
  blank: '空白栏目',
};

/**
 * The default kind of each column (overridable per unit and column). Our reading of the catalogue:
 *
 * | column                                   | kind          | why                                         |
 * | ---------------------------------------- | ------------- | ------------------------------------------- |
 * | sub-columns 指南, 制度, 年报             | static        | changed when the facts change / once a year |
 * | a20-02 机关职能、机构与联系方式          | static        | changed when the facts change               |
 * | a20-12 突发公共事件应对                  | static        | published when an event happens             |
 * | a20-15 其他依法应主动公开的信息          | static        | a catch-all without a rhythm                |
 * | every other Art. 20 / Art. 21 category   | notice-policy | documents, notices and results              |
 * | a unit's sub-category named 动态/要闻/新闻 | news        | the news-type columns of the indicator      |
 * | any other sub-category                   | its parent's  |                                             |
 */
export const DEFAULT_KIND_BY_CODE: Readonly<Record<string, ColumnKind>> = {
  'sub:guide': 'static',
  'sub:rules': 'static',
  'sub:annual-report': 'static',
  'cat:a20-02': 'static',
  'cat:a20-12': 'static',
  'cat:a20-15': 'static',
};

const NEWS_NAME = /动态|要闻|新闻|资讯/;

/** The default kind of a column by its key and, for a unit's own sub-category, its name and parent. */
export function defaultColumnKind(key: string, name: string, parentKind: ColumnKind | null): ColumnKind {
  const fixed = DEFAULT_KIND_BY_CODE[key];
  if (fixed !== undefined) return fixed;
  if (key.startsWith('subcat:')) return NEWS_NAME.test(name) ? 'news' : (parentKind ?? 'notice-policy');
  return 'notice-policy';
}

/** A column of the unit's 政府信息公开 column, as the measure sees it. */
export interface ColumnDefinition {
  /** `sub:<sub-column>`, `cat:<category code>` or `subcat:<sub-category id>`. */
  readonly key: string;
  readonly name: string;
  /** The key of the column it sits in (a sub-category's category), or null. */
  readonly parentKey: string | null;
}

/** The columns of a unit: the sub-columns but 法定主动公开内容, its categories and the unit's sub-categories. */
export function columnsOf(
  categories: readonly StatutoryCategory[],
  subcategories: readonly { readonly id: number; readonly parentCode: string; readonly name: string }[],
): ColumnDefinition[] {
  const codes = new Set(categories.map((category) => category.code));
  return [
    { key: 'sub:guide', name: SUB_COLUMN_LABELS.guide, parentKey: null },
    { key: 'sub:rules', name: SUB_COLUMN_LABELS.rules, parentKey: null },
    ...categories.map((category) => ({ key: `cat:${category.code}`, name: category.name, parentKey: null })),
    ...subcategories
      .filter((sub) => codes.has(sub.parentCode))
      .map((sub) => ({ key: `subcat:${sub.id}`, name: sub.name, parentKey: `cat:${sub.parentCode}` })),
    { key: 'sub:annual-report', name: SUB_COLUMN_LABELS['annual-report'], parentKey: null },
  ];
}

export function isColumnKey(value: string): boolean {
  return /^(sub:(guide|rules|annual-report)|cat:a2[01][ct]?-\d{2}|subcat:\d{1,15})$/.test(value);
}

/** The date `months` calendar months after `date`; a day the target month lacks becomes its last day. */
export function addMonths(date: PlainDate, months: number): PlainDate {
  dayNumberOf(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/**
 * The day a column last updated on `last` goes stale. The edge: a news column updated on 1 November is
 * still fresh on 14 November (13 days) and stale from 15 November (14 days without an update, i.e. no
 * item in the 2 weeks 2–15 November). A notice/policy column updated on 31 August goes stale on the same
 * day 6 months later, or the last day of that month when it has no such day (28 or 29 February).
 * Static columns never go stale.
 */
export function staleFrom(kind: ColumnKind, last: PlainDate): PlainDate | null {
  if (kind === 'news') return addDays(last, 14);
  if (kind === 'notice-policy') return addMonths(last, 6);
  return null;
}

/** "Long unupdated" (长期未更新), our reading: a column that should be updated, with no update for a year. */
export function longUnupdatedFrom(kind: ColumnKind, last: PlainDate): PlainDate | null {
  return kind === 'static' ? null : addMonths(last, 12);
}

export interface ColumnFreshness {
  readonly key: string;
  readonly name: string;
  readonly parentKey: string | null;
  readonly kind: ColumnKind;
  /** Whether the kind was set for this unit rather than taken from the default table. */
  readonly kindOverridden: boolean;
  readonly lastPublishedOn: PlainDate | null;
  readonly status: ColumnStatus;
  /** The day it went stale (stale columns only). */
  readonly staleSince: PlainDate | null;
  /** Days since it went stale, counting that day as 0 (stale columns only). */
  readonly daysStale: number | null;
  readonly longUnupdated: boolean;
}

export type VetoCode = 'homepage' | 'stale-columns' | 'long-unupdated' | 'blank-columns';

export interface FreshnessVeto {
  readonly code: VetoCode;
  readonly count: number;
  readonly threshold: number;
  readonly message: string;
}

export interface UnitFreshness {
  readonly unitId: number;
  readonly asOf: PlainDate;
  /** The last publication in the whole column (the unit's homepage for the indicator). */
  readonly lastPublishedOn: PlainDate | null;
  readonly homepageStale: boolean;
  readonly columns: readonly ColumnFreshness[];
  readonly staleColumns: number;
  readonly longUnupdatedColumns: number;
  readonly blankColumns: number;
  readonly vetoes: readonly FreshnessVeto[];
}

export const STALE_VETO = 5;
export const LONG_UNUPDATED_VETO = 10;
export const BLANK_VETO = 5;

/**
 * One column as of `asOf`. A column without any item is blank whatever its kind, and counts only as
 * blank (not also as stale or long unupdated), so each column weighs in one indicator at most besides
 * the long-unupdated one, which is a subset of the stale ones.
 */
export function measureColumn(
  column: ColumnDefinition,
  kind: ColumnKind,
  kindOverridden: boolean,
  lastPublishedOn: PlainDate | null,
  asOf: PlainDate,
): ColumnFreshness {
  const base = { ...column, kind, kindOverridden, lastPublishedOn };
  if (lastPublishedOn === null) {
    return { ...base, status: 'blank', staleSince: null, daysStale: null, longUnupdated: false };
  }
  const since = staleFrom(kind, lastPublishedOn);
  if (since === null || asOf < since) {
    return { ...base, status: 'fresh', staleSince: null, daysStale: null, longUnupdated: false };
  }
  const longFrom = longUnupdatedFrom(kind, lastPublishedOn);
  return {
    ...base,
    status: 'stale',
    staleSince: since,
    daysStale: dayNumberOf(asOf) - dayNumberOf(since),
    longUnupdated: longFrom !== null && asOf >= longFrom,
  };
}

export interface ColumnInput {
  readonly column: ColumnDefinition;
  readonly kind: ColumnKind;
  readonly kindOverridden: boolean;
  readonly lastPublishedOn: PlainDate | null;
}

/** A unit's freshness from its columns' last publication dates and its own last publication. */
export function measureUnit(
  unitId: number,
  asOf: PlainDate,
  lastPublishedOn: PlainDate | null,
  inputs: readonly ColumnInput[],
): UnitFreshness {
  const columns = inputs.map((input) =>
    measureColumn(input.column, input.kind, input.kindOverridden, input.lastPublishedOn, asOf),
  );
  const homepageStale = lastPublishedOn === null || asOf >= addDays(lastPublishedOn, 14);
  const staleColumns = columns.filter((column) => column.status === 'stale').length;
  const longUnupdatedColumns = columns.filter((column) => column.longUnupdated).length;
  const blankColumns = columns.filter((column) => column.status === 'blank').length;
  const vetoes: FreshnessVeto[] = [];
  if (homepageStale) {
    vetoes.push({
      code: 'homepage',
      count: 1,
      threshold: 1,
      message:
        lastPublishedOn === null
          ? '政府信息公开栏目尚无任何已发布信息'
          : `政府信息公开栏目已超过2周无新发布信息（最近发布：${lastPublishedOn}）`,
    });
  }
  if (staleColumns >= STALE_VETO) {
    vetoes.push({
      code: 'stale-columns',
      count: staleColumns,
      threshold: STALE_VETO,
      message: `未按要求更新的栏目 ${staleColumns} 个（${STALE_VETO} 个及以上即为单项否决）`,
    });
  }
  if (longUnupdatedColumns >= LONG_UNUPDATED_VETO) {
    vetoes.push({
      code: 'long-unupdated',
      count: longUnupdatedColumns,
      threshold: LONG_UNUPDATED_VETO,
      message: `应更新但长期未更新的栏目 ${longUnupdatedColumns} 个（${LONG_UNUPDATED_VETO} 个及以上即为单项否决）`,
    });
  }
  if (blankColumns >= BLANK_VETO) {
    vetoes.push({
      code: 'blank-columns',
      count: blankColumns,
      threshold: BLANK_VETO,
      message: `空白栏目 ${blankColumns} 个（${BLANK_VETO} 个及以上即为单项否决）`,
    });
  }
  return {
    unitId,
    asOf,
    lastPublishedOn,
    homepageStale,
    columns,
    staleColumns,
    longUnupdatedColumns,
    blankColumns,
    vetoes,
  };
}

/** Worst first: more vetoes, then more stale, blank and long-unupdated columns, then the id. */
export function compareWorstFirst(a: UnitFreshness, b: UnitFreshness): number {
  return (
    b.vetoes.length - a.vetoes.length ||
    b.staleColumns - a.staleColumns ||
    b.blankColumns - a.blankColumns ||
    b.longUnupdatedColumns - a.longUnupdatedColumns ||
    a.unitId - b.unitId
  );
}
