// What the public side reads: a unit's 政府信息公开 column, a sub-column's catalogue page by page
// (keyset on publication year and serial), and a published item. Nothing unpublished is ever returned.
import type { AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import {
  categoriesForKind,
  SUB_COLUMNS,
  type StatutoryCategory,
  type SubColumn,
} from '../../core/publishing/categories.ts';
import type { Item, PublishedSummary } from './model.ts';
import {
  findItem,
  findPublishingUnit,
  listPublicUnits,
  listPublished,
  publishedYears,
  type PublishingUnit,
} from './repo.ts';

export const PAGE_SIZE = 20;
const LATEST = 5;

export interface PublicColumn {
  readonly unit: PublishingUnit;
  readonly latest: Readonly<Record<SubColumn, readonly PublishedSummary[]>>;
  readonly categories: readonly StatutoryCategory[];
}

async function publicUnit(context: AppContext, unitId: number): Promise<PublishingUnit> {
  const unit = await findPublishingUnit(context.database.db, unitId);
  if (unit === null) throw new NotFound('未找到该单位');
  return unit;
}

export async function getPublicColumn(context: AppContext, unitId: number): Promise<PublicColumn> {
  const unit = await publicUnit(context, unitId);
  const entries = await Promise.all(
    SUB_COLUMNS.map(
      async (subColumn) =>
        [
          subColumn,
          await listPublished(context.database.db, {
            unitId: unit.id,
            subColumn,
            categoryCode: null,
            year: null,
            after: null,
            limit: LATEST,
          }),
        ] as const,
    ),
  );
  return {
    unit,
    latest: Object.fromEntries(entries) as Record<SubColumn, PublishedSummary[]>,
    categories: categoriesForKind(unit.kind),
  };
}

export interface CatalogueFilter {
  readonly category: string | null;
  readonly year: number | null;
  /** `<year>-<serial>` of the last item of the previous page. */
  readonly after: string | null;
}

export interface CataloguePage {
  readonly unit: PublishingUnit;
  readonly subColumn: SubColumn;
  readonly categories: readonly StatutoryCategory[];
  readonly years: readonly number[];
  readonly filter: CatalogueFilter;
  readonly items: readonly PublishedSummary[];
  /** The cursor of the next page, or null on the last one. */
  readonly next: string | null;
}

function parseCursor(after: string | null): { year: number; serial: number } | null {
  const match = after === null ? null : /^(\d{4})-(\d{1,9})$/.exec(after);
  return match ? { year: Number(match[1]), serial: Number(match[2]) } : null;
}

export async function getCataloguePage(
  context: AppContext,
  unitId: number,
  subColumn: SubColumn,
  filter: CatalogueFilter,
): Promise<CataloguePage> {
  const unit = await publicUnit(context, unitId);
  const categories = categoriesForKind(unit.kind);
  const category =
    subColumn === 'statutory' && categories.some((candidate) => candidate.code === filter.category)
      ? filter.category
      : null;
  const rows = await listPublished(context.database.db, {
    unitId: unit.id,
    subColumn,
    categoryCode: category,
    year: filter.year,
    after: parseCursor(filter.after),
    limit: PAGE_SIZE + 1,
  });
  const items = rows.slice(0, PAGE_SIZE);
  const last = items[items.length - 1];
  return {
    unit,
    subColumn,
    categories,
    years: await publishedYears(context.database.db, unit.id, subColumn),
    filter: { ...filter, category },
    items,
    next: rows.length > PAGE_SIZE && last !== undefined ? `${last.publishedYear}-${last.serial}` : null,
  };
}

/** A published item; withdrawn, unpublished and missing items all answer 404. */
export async function getPublishedItem(context: AppContext, itemId: number): Promise<Item> {
  const item = await findItem(context.database.db, itemId);
  if (item === null || item.status !== 'published') throw new NotFound('未找到该信息');
  return item;
}

/** Every unit, each with its column (names of disclosing bodies are public by law). */
export function listColumnUnits(context: AppContext): Promise<PublishingUnit[]> {
  return listPublicUnits(context.database.db);
}
