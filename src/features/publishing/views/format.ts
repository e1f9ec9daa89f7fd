// Small display helpers shared by the publishing pages.
import { findCategory } from '../../../core/publishing/categories.ts';

/** 2026-11-28 → 2026年11月28日 */
export function chineseDay(date: string | null): string {
  if (date === null) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
}

export function categoryLabel(code: string | null, subcategory: string | null = null): string {
  if (code === null) return '';
  const category = findCategory(code);
  const name = category === undefined ? code : category.name;
  return subcategory === null ? name : `${name} / ${subcategory}`;
}

/** Plain-text paragraphs: blank lines or single line breaks separate them. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
