// What the publishing use cases share: the acting user's id, the audit entry of an item, an item's content
// as a version keeps it, and the refusal of an act the item's status does not allow.
import type { ActingScope } from '../../app-context.ts';
import { Conflict } from '../../core/errors.ts';
import { ITEM_STATUS_LABELS } from '../../core/publishing/metadata.ts';
import { auditActorOf } from '../audit/service.ts';
import type { Item, ItemContent } from './model.ts';

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
