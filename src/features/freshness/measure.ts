// Measures the freshness of units' 政府信息公开 columns as of a day, and lists the items published later
// than Art. 26 allows. Reads only: other features (assessment, reminders) call these with their own db.
import type { Kysely } from 'kysely';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { categoriesForKind } from '../../core/publishing/categories.ts';
import {
  columnsOf,
  defaultColumnKind,
  isColumnKind,
  measureUnit,
  type ColumnInput,
  type ColumnKind,
  type UnitFreshness,
} from '../../core/publishing/freshness.ts';
import { art26Timeliness } from '../../core/publishing/freshness-timeliness.ts';
import type { Database } from '../../db/schema.ts';
import { loadCalendar } from '../applications/clock.ts';
import {
  findUnits,
  lastPublications,
  listKindOverrides,
  listSubcategoriesOf,
  publishedBetween,
  type PublicationGroup,
} from './repo.ts';

export type { UnitFreshness } from '../../core/publishing/freshness.ts';

/** The column keys an item's publication counts for: its sub-column, or its category and sub-category. */
function keysOf(group: PublicationGroup): string[] {
  if (group.subColumn !== 'statutory') return [`sub:${group.subColumn}`];
  const keys: string[] = [];
  if (group.categoryCode !== null) keys.push(`cat:${group.categoryCode}`);
  if (group.subcategoryId !== null) keys.push(`subcat:${group.subcategoryId}`);
  return keys;
}

const later = (a: PlainDate | undefined, b: PlainDate): PlainDate => (a === undefined || b > a ? b : a);

/**
 * The freshness of each unit as of the end of `asOf` (units that do not exist are left out). Only items
 * published on or before `asOf` and not withdrawn by then count, so the answer for a past day is stable.
 */
export async function measureFreshness(
  db: Kysely<Database>,
  unitIds: readonly number[],
  asOf: PlainDate,
): Promise<Map<number, UnitFreshness>> {
  const units = await findUnits(db, unitIds);
  const ids = units.map((unit) => unit.id);
  const [subcategories, overrides, groups] = await Promise.all([
    listSubcategoriesOf(db, ids),
    listKindOverrides(db, ids),
    lastPublications(db, ids, asOf),
  ]);
  const result = new Map<number, UnitFreshness>();
  for (const unit of units) {
    const own = new Map<string, ColumnKind>();
    for (const override of overrides) {
      if (override.unitId === unit.id && isColumnKind(override.kind))
        own.set(override.columnKey, override.kind);
    }
    const last = new Map<string, PlainDate>();
    let unitLast: PlainDate | undefined;
    for (const group of groups) {
      if (group.unitId !== unit.id) continue;
      unitLast = later(unitLast, group.lastPublishedOn);
      for (const key of keysOf(group)) last.set(key, later(last.get(key), group.lastPublishedOn));
    }
    const columns = columnsOf(
      categoriesForKind(unit.kind),
      subcategories.filter((sub) => sub.unitId === unit.id),
    );
    const kinds = new Map<string, ColumnKind>();
    const inputs: ColumnInput[] = columns.map((column) => {
      const parentKind = column.parentKey === null ? null : (kinds.get(column.parentKey) ?? null);
      const override = own.get(column.key);
      const kind = override ?? defaultColumnKind(column.key, column.name, parentKind);
      kinds.set(column.key, kind);
      return {
        column,
        kind,
        kindOverridden: override !== undefined,
        lastPublishedOn: last.get(column.key) ?? null,
      };
    });
    result.set(unit.id, measureUnit(unit.id, asOf, unitLast ?? null, inputs));
  }
  return result;
}

/** A year of items has a few hundred distinct dates: each deadline is counted on the calendar once. */
function memoized(calendar: WorkingDayCalendar): WorkingDayCalendar {
  const after = new Map<string, PlainDate>();
  const between = new Map<string, number>();
  return {
    ...calendar,
    isWorkingDay: (date) => calendar.isWorkingDay(date),
    dayInfo: (date) => calendar.dayInfo(date),
    nthWorkdayAfter(date, n) {
      const key = `${date}/${n}`;
      let due = after.get(key);
      if (due === undefined) {
        due = calendar.nthWorkdayAfter(date, n);
        after.set(key, due);
      }
      return due;
    },
    workdaysBetween(from, upTo) {
      const key = `${from}/${upTo}`;
      let count = between.get(key);
      if (count === undefined) {
        count = calendar.workdaysBetween(from, upTo);
        between.set(key, count);
      }
      return count;
    },
  };
}

export interface LateItem {
  readonly itemId: number;
  readonly unitId: number;
  readonly title: string;
  readonly indexNumber: string | null;
  readonly writtenOn: PlainDate;
  readonly publishedOn: PlainDate;
  /** The 20th working day after the 成文日期. */
  readonly dueOn: PlainDate;
  readonly workdaysLate: number;
}

/** Items of the units published in [from, to] more than 20 working days after their 成文日期 (Art. 26). */
export async function lateItems(
  db: Kysely<Database>,
  unitIds: readonly number[],
  from: PlainDate,
  to: PlainDate,
): Promise<LateItem[]> {
  const items = await publishedBetween(db, unitIds, from, to);
  if (items.length === 0) return [];
  const calendar = memoized(await loadCalendar(db));
  const late: LateItem[] = [];
  for (const item of items) {
    const verdict = art26Timeliness(calendar, item.writtenOn, item.publishedOn);
    if (verdict.kind !== 'late' || item.writtenOn === null) continue;
    late.push({
      itemId: item.id,
      unitId: item.unitId,
      title: item.title,
      indexNumber: item.indexNumber,
      writtenOn: item.writtenOn,
      publishedOn: item.publishedOn,
      dueOn: verdict.dueOn,
      workdaysLate: verdict.workdaysLate,
    });
  }
  return late;
}
