// All SQL of the search for possible repeated applications: other applications of the same applicant,
// found through the blind indexes of the phone and the identity number (never through clear values).
import type { Executor } from '../../db/transaction.ts';

export interface SameApplicantRow {
  readonly id: number;
  readonly queryCode: string;
  readonly unitName: string;
  readonly receivedOn: string;
  readonly description: string;
  readonly title: string | null;
  readonly phoneIndex: string;
  readonly idNumberIndex: string | null;
}

export interface SameApplicantQuery {
  readonly phoneIndexes: readonly string[];
  readonly idNumberIndexes: readonly string[];
  /** Received within [from, to], both included. */
  readonly from: string;
  readonly to: string;
  readonly excludeId: number;
  /** Units whose subtrees are searched; null: every unit. */
  readonly scopes: readonly string[] | null;
  readonly limit: number;
}

export async function findSameApplicant(
  db: Executor,
  query: SameApplicantQuery,
): Promise<SameApplicantRow[]> {
  if (query.phoneIndexes.length === 0 && query.idNumberIndexes.length === 0) return [];
  if (query.scopes !== null && query.scopes.length === 0) return [];
  let select = db
    .selectFrom('applications')
    .innerJoin('units', 'units.id', 'applications.unit_id')
    .select([
      'applications.id',
      'applications.query_code',
      'units.name as unit_name',
      'applications.received_on',
      'applications.description',
      'applications.title',
      'applications.phone_index',
      'applications.id_number_index',
    ])
    .where((eb) =>
      eb.or([
        ...(query.phoneIndexes.length > 0
          ? [eb('applications.phone_index', 'in', [...query.phoneIndexes])]
          : []),
        ...(query.idNumberIndexes.length > 0
          ? [eb('applications.id_number_index', 'in', [...query.idNumberIndexes])]
          : []),
      ]),
    )
    .where('applications.received_on', '>=', query.from)
    .where('applications.received_on', '<=', query.to)
    .where('applications.id', '<>', query.excludeId);
  const scopes = query.scopes;
  if (scopes !== null) {
    select = select.where((eb) => eb.or(scopes.map((scope) => eb('units.path', 'like', `${scope}%`))));
  }
  const rows = await select
    .orderBy('applications.received_on', 'desc')
    .orderBy('applications.id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    queryCode: row.query_code,
    unitName: row.unit_name,
    receivedOn: row.received_on,
    description: row.description,
    title: row.title,
    phoneIndex: row.phone_index,
    idNumberIndex: row.id_number_index,
  }));
}
