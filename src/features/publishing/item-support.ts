// What the publishing use cases share: the acting user's id, the audit entry of an item, an item's content
// as a version keeps it, the refusal of an act the item's status does not allow, the reason an act must
// give, and keeping the current content as a version before a correction replaces it.
import type { ActingScope } from '../../app-context.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import { ITEM_STATUS_LABELS } from '../../core/publishing/metadata.ts';
import type { Executor } from '../../db/transaction.ts';
import { auditActorOf } from '../audit/service.ts';
import type { Item, ItemContent } from './model.ts';
import { insertVersion } from './repo.ts';

const MAX_REASON_CHARACTERS = 500;

export const userIdOf = (scope: ActingScope): number | null =>
  scope.actor.kind === 'staff' ? scope.actor.userId : null;

export function audit(scope: ActingScope, action: string, itemId: number, details: Record<string, unknown>) {
  return {
    actor: auditActorOf(scope.actor),
    address: scope.address,
    action,
    objectType: 'publishing_item',
    objectId: itemId,
    details,
  };
}

export function contentOf(item: Item): ItemContent {
  return {
    subColumn: item.subColumn,
    categoryCode: item.categoryCode,
    subcategoryId: item.subcategoryId,
    title: item.title,
    summary: item.summary,
    body: item.body,
    bodyHtml: item.bodyHtml,
    documentNumber: item.documentNumber,
    writtenOn: item.writtenOn,
    genre: item.genre,
    keywords: item.keywords,
    validity: item.validity,
    effectiveOn: item.effectiveOn,
    invalidOn: item.invalidOn,
    disclosureMethod: item.disclosureMethod,
    disclosurePeriod: item.disclosurePeriod,
    format: item.format,
  };
}

export function refuseUnlessStatus(item: Item, allowed: readonly Item['status'][], act: string): void {
  if (!allowed.includes(item.status)) {
    throw new Conflict(`该信息当前状态为“${ITEM_STATUS_LABELS[item.status]}”，不能${act}`);
  }
}

/** The reason an act must give, trimmed: `missing` when there is none, `label` named when it is too long. */
export function requiredReason(value: unknown, missing: string, label: string): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason === '') throw new Invalid('reason', missing);
  if (Array.from(reason).length > MAX_REASON_CHARACTERS) {
    throw new Invalid('reason', `${label}不能超过 ${MAX_REASON_CHARACTERS} 个字`);
  }
  return reason;
}

/** Keeps the item's current content as its version, with the reason of the correction that replaces it. */
export async function keepCurrentVersion(
  trx: Executor,
  scope: ActingScope,
  item: Item,
  correction: { readonly reason: string; readonly material: boolean },
  now: Date,
): Promise<void> {
  await insertVersion(
    trx,
    scope.context.database.dialect,
    {
      itemId: item.id,
      version: item.version,
      content: contentOf(item),
      reason: correction.reason,
      material: correction.material,
      createdBy: userIdOf(scope),
    },
    now,
  );
}
