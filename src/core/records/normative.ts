// Table 二 (一) from a register of normative documents (规章 and 行政规范性文件), by date alone.
// A document is in force from the day it is issued until the day before it is repealed (废止) or
// becomes invalid (失效); a document repealed on 31 December is therefore not in force at the year's end.
// 本年废止件数 counts every document whose validity ended in the year, whether by 废止 or by 失效, so that
// 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N) holds exactly (cross-check 8 of the spec).
import { yearOf, type PlainDate } from '../calendar/plain-date.ts';

export const NORMATIVE_KINDS = ['rule', 'normative'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];

/** The row labels of table 二 (一) in the 2021 format. */
export const NORMATIVE_KIND_LABELS: Readonly<Record<NormativeKind, string>> = {
  rule: '规章',
  normative: '行政规范性文件',
};

export function isNormativeKind(value: unknown): value is NormativeKind {
  return typeof value === 'string' && (NORMATIVE_KINDS as readonly string[]).includes(value);
}

/**
 * What the computation needs of a document. `id` is any caller-chosen key (e.g. `document:3` for the
 * register, `item:12` for a published item), so documents of several sources can be counted together.
 */
export interface NormativeDocumentFacts {
  readonly id: string;
  readonly kind: NormativeKind;
  readonly issuedOn: PlainDate;
  readonly repealedOn: PlainDate | null;
  readonly invalidOn: PlainDate | null;
}

/**
 * The report years a document counts in: from its issue to its end (现行有效件数 of every year between), with
 * no last year while it is in force.
 */
export function yearsCounted(
  document: Pick<NormativeDocumentFacts, 'issuedOn' | 'repealedOn' | 'invalidOn'>,
): { readonly from: number; readonly to: number | null } {
  const ends = [document.repealedOn, document.invalidOn].filter((date) => date !== null).sort();
  return { from: yearOf(document.issuedOn), to: ends[0] === undefined ? null : yearOf(ends[0]) };
}

export type Validity = 'not-issued' | 'in-force' | 'repealed' | 'invalid';

export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = {
  'not-issued': '尚未制发',
  'in-force': '现行有效',
  repealed: '已废止',
  invalid: '已失效',
};

/** The first day the document is no longer in force, and why; null while no end is recorded. */
export function endOf(
  document: NormativeDocumentFacts,
): { on: PlainDate; by: 'repealed' | 'invalid' } | null {
  const { repealedOn, invalidOn } = document;
  if (repealedOn !== null && (invalidOn === null || repealedOn <= invalidOn)) {
    return { on: repealedOn, by: 'repealed' };
  }
  return invalidOn === null ? null : { on: invalidOn, by: 'invalid' };
}

/** The document's validity on a date. */
export function validityOn(document: NormativeDocumentFacts, date: PlainDate): Validity {
  if (document.issuedOn > date) return 'not-issued';
  const end = endOf(document);
  if (end === null || end.on > date) return 'in-force';
  return end.by;
}

export interface NormativeCount {
  readonly issued: number;
  readonly ended: number;
  readonly inForce: number;
  /** The documents behind each number. */
  readonly ids: { readonly issued: string[]; readonly ended: string[]; readonly inForce: string[] };
}

/** 本年制发件数, 本年废止件数 and 现行有效件数 per kind, for the documents given (one unit's). */
export function countNormativeDocuments(
  documents: readonly NormativeDocumentFacts[],
  year: number,
): Record<NormativeKind, NormativeCount> {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  const result = {} as Record<NormativeKind, NormativeCount>;
  for (const kind of NORMATIVE_KINDS) {
    const ids = { issued: [] as string[], ended: [] as string[], inForce: [] as string[] };
    for (const document of documents) {
      if (document.kind !== kind) continue;
      if (document.issuedOn >= first && document.issuedOn <= last) ids.issued.push(document.id);
      const end = endOf(document);
      if (end !== null && end.on >= first && end.on <= last) ids.ended.push(document.id);
      if (validityOn(document, last) === 'in-force') ids.inForce.push(document.id);
    }
    result[kind] = { issued: ids.issued.length, ended: ids.ended.length, inForce: ids.inForce.length, ids };
  }
  return result;
}

/** The block of table 二 (一) in the interchange shape (2021 labels). */
export function table2NormativeBlock(
  counts: Record<NormativeKind, NormativeCount>,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    NORMATIVE_KINDS.map((kind) => [
      NORMATIVE_KIND_LABELS[kind],
      {
        本年制发件数: counts[kind].issued,
        本年废止件数: counts[kind].ended,
        现行有效件数: counts[kind].inForce,
      },
    ]),
  );
}

/** The statutory column of Art. 20(1) (法规规章和规范性文件), where published normative documents sit. */
export const NORMATIVE_CATEGORY_CODE = 'a20-01';

/** What table 二 (一) needs of a published item of that column. */
export interface NormativeItemFacts {
  readonly id: number;
  readonly genre: string | null;
  readonly documentNumber: string | null;
  readonly writtenOn: PlainDate | null;
  readonly publishedOn: PlainDate;
  /** 'valid' | 'expired' (失效) | 'repealed' (废止) | null, as publishing stores it. */
  readonly validity: string | null;
  readonly invalidOn: PlainDate | null;
}

/**
 * The kind of a published item by its 体裁分类: 规章 or 行政规范性文件 (also written 规范性文件); any other genre
 * (a plan, a notice) is not a normative document, even in the same column.
 */
export function normativeKindOfGenre(genre: string | null): NormativeKind | null {
  const text = (genre ?? '').replace(/\s/g, '');
  if (text.includes('规章')) return 'rule';
  if (text.includes('规范性文件')) return 'normative';
  return null;
}

const normalizedNumber = (text: string) => text.replace(/[\s〔〕[\]（）()]/g, '');

/**
 * Published items counted as normative documents beside the register: an item whose 发文字号 is already in
 * the register is the same document and is left to the register. A document is issued on its 成文日期 (the
 * publication date when none is given); 废止 and 失效 end it on the item's 失效或废止日期 (without that date the
 * end cannot be dated, and the document still counts as in force).
 */
export function normativeFactsOfItems(
  items: readonly NormativeItemFacts[],
  registeredNumbers: readonly string[],
): NormativeDocumentFacts[] {
  const registered = new Set(registeredNumbers.map(normalizedNumber));
  const facts: NormativeDocumentFacts[] = [];
  for (const item of items) {
    const kind = normativeKindOfGenre(item.genre);
    if (kind === null) continue;
    if (item.documentNumber !== null && registered.has(normalizedNumber(item.documentNumber))) continue;
    facts.push({
      id: `item:${item.id}`,
      kind,
      issuedOn: item.writtenOn ?? item.publishedOn,
      repealedOn: item.validity === 'repealed' ? item.invalidOn : null,
      invalidOn: item.validity === 'expired' ? item.invalidOn : null,
    });
  }
  return facts;
}
