// Possible repeated applications (重复申请, 条例第三十六条第（五）项): other applications of the same
// applicant — same phone or same identity number — received within a year of this one, asking for
// much the same information. A warning for the handler, who decides; nothing is refused here.
// (Already-published items matching the request need the proactive-disclosure items: not yet.)
import type { ActingScope } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { oneYearAfter, oneYearBefore } from '../../core/disclosure/receipt-date.ts';
import { requestSimilarity, isSimilarRequest } from '../../core/disclosure/repeated-request.ts';
import type { Executor } from '../../db/transaction.ts';
import type { KeyRing } from '../../security/key-ring.ts';
import {
  indexesForLookup,
  openPersonalForDisplay,
  UNREADABLE_PERSONAL_VALUE,
} from '../privacy/personal-field.ts';
import { findSameApplicant } from './duplicates-repo.ts';
import type { StoredApplication } from './model.ts';
import { applicationScopes, authorizeApplication } from './policy.ts';
import { findApplication } from './repo.ts';

/** How many applications of the same applicant are compared at most (the newest first). */
const MAX_COMPARED = 200;

export interface PossibleDuplicate {
  readonly id: number;
  readonly queryCode: string;
  readonly unitName: string;
  readonly receivedOn: PlainDate;
  readonly description: string;
  /** 0 … 1, see core/disclosure/repeated-request.ts. */
  readonly similarity: number;
  /** What ties it to the same applicant. */
  readonly sameBy: readonly ('phone' | 'id-number')[];
}

function requestText(request: { readonly title: string | null; readonly description: string }): string {
  return [request.title, request.description].filter((part) => part !== null && part !== '').join(' ');
}

/**
 * The applications that may repeat `application`: same phone or identity number (looked up through the
 * blind indexes under every key of the ring), received within one year before or after it, inside the
 * given unit subtrees (null: everywhere), with a similar request. Most similar first.
 */
export async function findPossibleDuplicates(
  db: Executor,
  keys: KeyRing,
  application: StoredApplication,
  scopes: readonly string[] | null,
): Promise<PossibleDuplicate[]> {
  const open = (sealed: string | null) => {
    const value = openPersonalForDisplay(keys, sealed);
    return value === UNREADABLE_PERSONAL_VALUE ? null : value;
  };
  const phone = open(application.sealed.phone);
  const idNumber = open(application.sealed.idNumber);
  const phoneIndexes = phone === null ? [] : indexesForLookup(keys, phone, 'phone');
  const idNumberIndexes = idNumber === null ? [] : indexesForLookup(keys, idNumber, 'id-number');
  const rows = await findSameApplicant(db, {
    phoneIndexes,
    idNumberIndexes,
    from: oneYearBefore(application.receivedOn),
    to: oneYearAfter(application.receivedOn),
    excludeId: application.id,
    scopes,
    limit: MAX_COMPARED,
  });
  const text = requestText(application.request);
  return rows
    .filter((row) => isSimilarRequest(text, requestText(row)))
    .map((row) => ({
      id: row.id,
      queryCode: row.queryCode,
      unitName: row.unitName,
      receivedOn: row.receivedOn,
      description: row.description,
      similarity: requestSimilarity(text, requestText(row)),
      sameBy: [
        ...(phoneIndexes.includes(row.phoneIndex) ? (['phone'] as const) : []),
        ...(row.idNumberIndex !== null && idNumberIndexes.includes(row.idNumberIndex)
          ? (['id-number'] as const)
          : []),
      ],
    }))
    .sort((a, b) => b.similarity - a.similarity || b.receivedOn.localeCompare(a.receivedOn));
}

/** The possible duplicates of an application the actor may read, among the applications they may read. */
export async function getPossibleDuplicates(
  scope: ActingScope,
  id: number,
): Promise<{ application: StoredApplication; duplicates: PossibleDuplicate[] }> {
  const { db } = scope.context.database;
  const application = await findApplication(db, id);
  authorizeApplication(scope.actor, application);
  const duplicates = await findPossibleDuplicates(
    db,
    scope.context.keys,
    application,
    applicationScopes(scope.actor),
  );
  return { application, duplicates };
}
