// Published items that table 二 (一) of the annual report counts (规章 and 行政规范性文件 in the Art. 20(1)
// column, records/repo listNormativeItems): correcting how one counts, or withdrawing it, changes every
// report from its 成文日期 to its end, so inside a published and locked year it waits for an audited
// unlock, as a change to the register does.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import {
  NORMATIVE_CATEGORY_CODE,
  normativeFactsOfItems,
  yearsCounted,
} from '../../core/records/normative.ts';
import type { Executor } from '../../db/transaction.ts';
import { assertUnlocked, type YearSpan } from '../annual-report/lock.ts';
import type { ItemContent, Subcategory } from './model.ts';

type CountedFields = Pick<
  ItemContent,
  'categoryCode' | 'subcategoryId' | 'genre' | 'documentNumber' | 'writtenOn' | 'validity' | 'invalidOn'
>;

function inNormativeColumn(item: CountedFields, subcategories: readonly Subcategory[]): boolean {
  if (item.categoryCode === NORMATIVE_CATEGORY_CODE) return true;
  const subcategory = subcategories.find((candidate) => candidate.id === item.subcategoryId);
  return subcategory?.parentCode === NORMATIVE_CATEGORY_CODE;
}

/** The report years the item counts in as a normative document, or null when table 二 (一) ignores it. */
function countedSpan(
  item: CountedFields,
  publishedOn: PlainDate,
  subcategories: readonly Subcategory[],
): YearSpan | null {
  if (!inNormativeColumn(item, subcategories)) return null;
  // The same rule as the count itself: which items are documents, and when they are issued and end.
  const [facts] = normativeFactsOfItems([{ ...item, id: 0, publishedOn }], []);
  return facts === undefined ? null : yearsCounted(facts);
}

function countedKey(item: CountedFields, span: YearSpan | null): string {
  if (span === null) return 'not counted';
  return [item.genre, item.documentNumber, item.writtenOn, item.validity, item.invalidOn].join('|');
}

/**
 * Refuses a correction (`after`) or a withdrawal (`after` null) of a published item that would change
 * table 二 (一) of a published, locked report of its unit.
 */
export async function assertNormativeChangeUnlocked(
  trx: Executor,
  unitId: number,
  publishedOn: PlainDate,
  subcategories: readonly Subcategory[],
  before: CountedFields,
  after: CountedFields | null,
): Promise<void> {
  const spanBefore = countedSpan(before, publishedOn, subcategories);
  const spanAfter = after === null ? null : countedSpan(after, publishedOn, subcategories);
  if (after !== null && countedKey(before, spanBefore) === countedKey(after, spanAfter)) return;
  const spans = [spanBefore, spanAfter].filter((span): span is YearSpan => span !== null);
  await assertUnlocked(trx, [unitId], spans);
}
