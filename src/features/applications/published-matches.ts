// Already-published items that may answer an application (条例第三十六条第（一）项: information already
// public is answered by telling the applicant where to find it). Suggested to the handler on the
// application page: an exact document or index number, or a similar title and summary, among the items
// the receiving unit and the units above it have published.
import { requestSimilarity } from '../../core/disclosure/repeated-request.ts';
import type { Executor } from '../../db/transaction.ts';
import type { StoredApplication } from './model.ts';

export interface PublishedMatch {
  readonly id: number;
  readonly title: string;
  readonly indexNumber: string | null;
  readonly publishedOn: string | null;
  readonly unitName: string;
  /** 'number' when the request names the item's document or index number. */
  readonly by: 'number' | 'similar';
  readonly similarity: number;
}

const MIN_SIMILARITY = 0.3;
const MAX_COMPARED = 2000;
const MAX_SHOWN = 5;

/** The unit and every unit above it, from the materialised path ("/1/5/12/" → 1, 5, 12). */
function unitsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}

export async function findPublishedMatches(
  db: Executor,
  application: StoredApplication,
): Promise<PublishedMatch[]> {
  const rows = await db
    .selectFrom('publishing_items')
    .innerJoin('units', 'units.id', 'publishing_items.unit_id')
    .select([
      'publishing_items.id',
      'publishing_items.title',
      'publishing_items.summary',
      'publishing_items.document_number',
      'publishing_items.index_number',
      'publishing_items.published_on',
      'units.name as unit_name',
    ])
    .where('publishing_items.status', '=', 'published')
    .where('publishing_items.unit_id', 'in', unitsOnPath(application.unitPath))
    .orderBy('publishing_items.id', 'desc')
    .limit(MAX_COMPARED)
    .execute();
  const request = application.request;
  const wanted = [request.title, request.description]
    .filter((part) => part !== null && part !== '')
    .join(' ');
  const numbers = [request.documentNumber, request.indexNumber].filter(
    (value): value is string => value !== null && value.trim() !== '',
  );
  return rows
    .map((row) => {
      const byNumber = numbers.some((n) => n === row.document_number || n === row.index_number);
      return {
        id: row.id,
        title: row.title,
        indexNumber: row.index_number,
        publishedOn: row.published_on,
        unitName: row.unit_name,
        by: byNumber ? ('number' as const) : ('similar' as const),
        similarity: byNumber ? 1 : requestSimilarity(wanted, `${row.title} ${row.summary}`),
      };
    })
    .filter((match) => match.by === 'number' || match.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_SHOWN);
}
