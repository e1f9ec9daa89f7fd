// The rows of an import file: the documented header set (in Chinese, as agencies keep their lists) and
// the rules a row must meet to become a published item. The content rules are the item form's; the
// publication date and index number are the other platform's and are checked here.
import { compareDates, isPlainDate, yearOf, type PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid } from '../../core/errors.ts';
import { parseIndexNumber } from '../../core/publishing/index-number.ts';
import { VALIDITY_LABELS } from '../../core/publishing/metadata.ts';
import { parseItemForm, type FormContext } from './form.ts';
import type { ItemContent } from './model.ts';

/** The columns an import file may have, header text to form field; those marked required must be there. */
export const IMPORT_COLUMNS = [
  { header: '标题', field: 'title', required: true },
  { header: '栏目代码', field: 'categoryCode', required: true },
  { header: '发文字号', field: 'documentNumber', required: false },
  { header: '成文日期', field: 'writtenOn', required: false },
  { header: '发布日期', field: 'publishedOn', required: true },
  { header: '索引号', field: 'indexNumber', required: false },
  { header: '体裁', field: 'genre', required: false },
  { header: '关键词', field: 'keywords', required: false },
  { header: '内容概述', field: 'summary', required: true },
  { header: '正文', field: 'body', required: true },
  { header: '效力', field: 'validity', required: false },
  { header: '生效日期', field: 'effectiveOn', required: false },
  { header: '失效或废止日期', field: 'invalidOn', required: false },
] as const;

export type ImportField = (typeof IMPORT_COLUMNS)[number]['field'];

/** Where each known column is in the file (by the header row), or Invalid naming the missing ones. */
export function columnsOfHeader(header: readonly string[]): ReadonlyMap<ImportField, number> {
  const positions = new Map<ImportField, number>();
  header.forEach((text, position) => {
    const column = IMPORT_COLUMNS.find((candidate) => candidate.header === text.trim());
    if (column !== undefined && !positions.has(column.field)) positions.set(column.field, position);
  });
  const missing = IMPORT_COLUMNS.filter((column) => column.required && !positions.has(column.field));
  if (missing.length > 0) {
    throw new Invalid(
      'file',
      `第 1 行须为表头，缺少列：${missing.map((column) => column.header).join('、')}`,
    );
  }
  return positions;
}

export function headerOfField(field: string): string {
  return IMPORT_COLUMNS.find((column) => column.field === field)?.header ?? field;
}

export interface ImportedRow {
  readonly content: ItemContent;
  readonly publishedOn: PlainDate;
  /** As given in the file, checked for form and for the unit; null to take the unit's next serial. */
  readonly indexNumber: { readonly text: string; readonly year: number; readonly serial: number } | null;
}

const VALIDITY_OF_LABEL = new Map<string, string>(
  Object.entries(VALIDITY_LABELS).map(([value, label]) => [label, value]),
);

/**
 * A data row as an item, or Invalid naming the form field that breaks a rule (the caller reports it
 * by its column header). Imported items may carry a past publication date: the no-back-dating rule
 * protects dates the platform sets when it publishes, while these items were published elsewhere on
 * the date given and keeping that date is what makes the migrated catalogue true. A date after today
 * is still refused: nothing can have been published in the future.
 */
export function parseImportRow(
  cells: readonly string[],
  columns: ReadonlyMap<ImportField, number>,
  context: FormContext & { readonly unitCode: string },
): ImportedRow {
  const cell = (field: ImportField): string => {
    const position = columns.get(field);
    return position === undefined ? '' : (cells[position] ?? '').trim();
  };
  const validityText = cell('validity');
  const form: Record<string, string> = {
    subColumn: 'statutory',
    categoryCode: cell('categoryCode'),
    title: cell('title'),
    summary: cell('summary'),
    body: cell('body'),
    documentNumber: cell('documentNumber'),
    writtenOn: cell('writtenOn'),
    genre: cell('genre'),
    keywords: cell('keywords'),
    validity: VALIDITY_OF_LABEL.get(validityText) ?? validityText,
    effectiveOn: cell('effectiveOn'),
    invalidOn: cell('invalidOn'),
  };
  const content = parseItemForm(form, context);
  const publishedOn = cell('publishedOn');
  if (publishedOn === '') throw new Invalid('publishedOn', '请填写发布日期');
  if (!isPlainDate(publishedOn)) throw new Invalid('publishedOn', '发布日期须为“YYYY-MM-DD”格式的日期');
  if (compareDates(publishedOn, context.today) > 0) {
    throw new Invalid('publishedOn', `发布日期不能晚于今天（${context.today}）`);
  }
  if (content.writtenOn !== null && compareDates(content.writtenOn, publishedOn) > 0) {
    throw new Invalid('writtenOn', '成文日期不能晚于发布日期');
  }
  const indexText = cell('indexNumber');
  if (indexText === '') return { content, publishedOn, indexNumber: null };
  const parsed = parseIndexNumber(indexText);
  if (parsed === null) {
    throw new Invalid('indexNumber', '索引号须为“统一社会信用代码/年份-五位顺序号”格式');
  }
  if (parsed.unitCode !== context.unitCode) {
    throw new Invalid('indexNumber', '索引号中的代码须为本单位的统一社会信用代码');
  }
  if (parsed.year !== yearOf(publishedOn)) {
    throw new Invalid('indexNumber', '索引号中的年份须与发布日期的年份一致');
  }
  return { content, publishedOn, indexNumber: { text: indexText, year: parsed.year, serial: parsed.serial } };
}
