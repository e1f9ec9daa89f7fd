// Use cases of proactive disclosure around the item itself: drafts (also from Art. 44 drafts), the item's
// back-office page and lists, sub-categories. Review and publication are in review.ts, corrections and
// withdrawal in published-changes.ts. Each checks the policy first, runs in one transaction and writes its
// audit entry there.
import type { ActingScope } from '../../app-context.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { findCategory } from '../../core/publishing/categories.ts';
import { loadDictionaries } from '../checks/service.ts';
import { checkItem, type ItemFinding } from '../../core/publishing/item-checks.ts';
import { type ReviewPosition, type ReviewStage } from '../../core/publishing/review-chain.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { imageSourcesOf } from './attachments.ts';
import { listItemAttachments, type ItemAttachment } from './attachments-repo.ts';
import { parseItemForm, type ItemForm } from './form.ts';
import type { Item, OverrideRecord, ReviewRecord, Subcategory } from './model.ts';
import {
  authorizeItem,
  authorizeItemList,
  authorizeUnitFor,
  canAddSubcategory,
  canDecideStage,
  canOnItem,
  itemScopes,
} from './policy.ts';
import {
  findDraftForItem,
  findItem,
  linkItemToDraft,
  type DraftForItem,
  findPublishingUnit,
  insertItem,
  insertSubcategory,
  listItems,
  listOverrides,
  listReviewersOf,
  listReviews,
  listSubcategories,
  listVersions,
  lockItem,
  updateItemContent,
  type StoredVersion,
} from './repo.ts';
import { audit, refuseUnlessStatus, userIdOf } from './item-support.ts';
import { positionOfItem } from './review.ts';

/**
 * The Art. 44 draft a new item is made from (条例第四十四条), or null: it must be a draft of the same
 * unit that no item was made from yet.
 */
async function draftToLink(trx: Executor, unitId: number, value: unknown): Promise<number | null> {
  if (value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value : '';
  const draft = /^\d{1,15}$/.test(text) ? await findDraftForItem(trx, Number(text)) : null;
  if (draft === null || draft.unitId !== unitId) {
    throw new Invalid('draftId', '主动公开草稿须是本单位的草稿');
  }
  if (draft.itemId !== null) throw new Conflict('该草稿已创建过主动公开信息');
  return draft.id;
}

/** An Art. 44 draft, for the form of the item made from it: its unit's editors only. */
export async function getDraftForNewItem(
  scope: ActingScope,
  unitId: number,
  draftText: string,
): Promise<{
  draft: DraftForItem;
  unit: { unitId: number; unitName: string; unitKind: string; subcategories: Subcategory[] };
}> {
  const { db } = scope.context.database;
  const unit = await findPublishingUnit(db, unitId);
  authorizeUnitFor(scope.actor, 'edit', unit);
  const draft = /^\d{1,15}$/.test(draftText) ? await findDraftForItem(db, Number(draftText)) : null;
  if (draft === null || draft.unitId !== unit.id) throw new NotFound('未找到该草稿');
  if (draft.itemId !== null) throw new Conflict('该草稿已创建过主动公开信息');
  return {
    draft,
    unit: {
      unitId: unit.id,
      unitName: unit.name,
      unitKind: unit.kind,
      subcategories: await listSubcategories(db, unit.id),
    },
  };
}

/** Creates a draft item of the unit; returns its id. */
export async function createItem(
  scope: ActingScope,
  unitId: number,
  form: ItemForm,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const unit = await findPublishingUnit(trx, unitId);
    authorizeUnitFor(scope.actor, 'edit', unit);
    const content = parseItemForm(form, {
      unitKind: unit.kind,
      subcategories: await listSubcategories(trx, unit.id),
      today: chinaDate(now),
    });
    const draftId = await draftToLink(trx, unit.id, form.draftId);
    const id = await insertItem(trx, dialect, unit.id, content, userIdOf(scope), now);
    if (draftId !== null) await linkItemToDraft(trx, id, draftId);
    await recordAudit(
      trx,
      audit(scope, 'publishing.create', id, { unitId: unit.id, subColumn: content.subColumn, draftId }),
      now,
    );
    return id;
  });
}

/** Saves an editor's changes to a draft or a returned item. */
export async function updateDraft(
  scope: ActingScope,
  itemId: number,
  form: ItemForm,
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'edit', item);
    refuseUnlessStatus(item, ['draft', 'returned'], '修改（已发布的信息请使用更正）');
    const content = parseItemForm(form, {
      unitKind: item.unitKind,
      subcategories: await listSubcategories(trx, item.unitId),
      today: chinaDate(now),
      imageSources: imageSourcesOf(item.id, await listItemAttachments(trx, item.id)),
    });
    await updateItemContent(trx, dialect, item.id, content, now);
    await recordAudit(trx, audit(scope, 'publishing.update', item.id, { status: item.status }), now);
  });
}

/** Adds a unit's own sub-category under a statutory category; returns its id. */
export async function addSubcategory(
  scope: ActingScope,
  unitId: number,
  form: { readonly parentCode?: unknown; readonly name?: unknown },
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const unit = await findPublishingUnit(trx, unitId);
    if (unit === null || !canAddSubcategory(scope.actor, unit.path)) throw new NotFound('未找到该单位');
    const parentCode = typeof form.parentCode === 'string' ? form.parentCode : '';
    const name = typeof form.name === 'string' ? form.name.trim() : '';
    if (findCategory(parentCode) === undefined) throw new Invalid('parentCode', '请选择法定主动公开类别');
    if (name === '') throw new Invalid('name', '请填写子类别名称');
    if (Array.from(name).length > 50) throw new Invalid('name', '子类别名称不能超过 50 个字');
    const id = await insertSubcategory(trx, dialect, { unitId: unit.id, parentCode, name }, now);
    if (id === null) throw new Conflict(`该类别下已有名为“${name}”的子类别`);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'publishing.subcategory',
        objectType: 'unit',
        objectId: unit.id,
        details: { parentCode, name, subcategoryId: id },
      },
      now,
    );
    return id;
  });
}

/** Everything the back-office page of an item shows. */
export interface ItemWorkspace {
  readonly item: Item;
  readonly reviews: readonly ReviewRecord[];
  readonly position: ReviewPosition | null;
  readonly findings: readonly ItemFinding[];
  readonly overrides: readonly OverrideRecord[];
  readonly versions: readonly StoredVersion[];
  /** Every file the item has had; removed ones carry the version they left in. */
  readonly attachments: readonly ItemAttachment[];
  readonly subcategories: readonly Subcategory[];
  readonly reviewers: readonly { id: number; name: string; role: string }[];
  readonly can: {
    readonly edit: boolean;
    readonly review: boolean;
    readonly assign: boolean;
    readonly manage: boolean;
  };
}

export async function getItemWorkspace(
  scope: ActingScope,
  itemId: number,
  now = new Date(),
): Promise<ItemWorkspace> {
  const { db } = scope.context.database;
  const item = await findItem(db, itemId);
  authorizeItem(scope.actor, 'read', item);
  const reviews = await listReviews(db, item.id);
  const position = positionOfItem(item, reviews);
  return {
    item,
    reviews,
    position,
    findings:
      item.status === 'withdrawn'
        ? []
        : checkItem(item, { dictionaries: await loadDictionaries(db, now), today: now }),
    overrides: await listOverrides(db, item.id, item.round),
    versions: await listVersions(db, item.id),
    attachments: await listItemAttachments(db, item.id),
    subcategories: await listSubcategories(db, item.unitId),
    reviewers: canOnItem(scope.actor, 'assign', item.unitPath)
      ? await listReviewersOf(db, item.unitPath)
      : [],
    can: {
      edit: canOnItem(scope.actor, 'edit', item.unitPath),
      review:
        position !== null &&
        position.kind === 'pending' &&
        canDecideStage(scope.actor, position.stage, item.unitPath),
      assign: canOnItem(scope.actor, 'assign', item.unitPath),
      manage: canOnItem(scope.actor, 'manage', item.unitPath),
    },
  };
}

/** The unit form data for a new item: its kind (for the categories) and sub-categories. */
export async function getNewItemContext(
  scope: ActingScope,
  unitId: number,
): Promise<{ unitId: number; unitName: string; unitKind: string; subcategories: Subcategory[] }> {
  const { db } = scope.context.database;
  const unit = await findPublishingUnit(db, unitId);
  authorizeUnitFor(scope.actor, 'edit', unit);
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    subcategories: await listSubcategories(db, unit.id),
  };
}

export interface ItemListEntry {
  readonly item: Item;
  /** The stage waiting for a decision, when the item is in review. */
  readonly pendingStage: ReviewStage | null;
  /** Whether the reader may decide that stage now (the review queue). */
  readonly mine: boolean;
}

/** Items of the units in the reader's scope, with the review queue marked. */
export async function listItemsForStaff(scope: ActingScope): Promise<ItemListEntry[]> {
  authorizeItemList(scope.actor);
  const { db } = scope.context.database;
  const items = await listItems(db, itemScopes(scope.actor));
  const entries: ItemListEntry[] = [];
  for (const item of items) {
    let pendingStage: ReviewStage | null = null;
    if (item.status === 'in_review') {
      const position = positionOfItem(item, await listReviews(db, item.id));
      pendingStage = position?.kind === 'pending' ? position.stage : null;
    }
    const assignedElsewhere =
      item.assigneeId !== null && scope.actor.kind === 'staff' && item.assigneeId !== scope.actor.userId;
    const mine =
      pendingStage !== null &&
      !assignedElsewhere &&
      item.submittedBy !== userIdOf(scope) &&
      canDecideStage(scope.actor, pendingStage, item.unitPath);
    entries.push({ item, pendingStage, mine });
  }
  return entries;
}

/** The units where the actor holds the editor role (the list page links to a new item in each). */
export async function editorUnitsOf(scope: ActingScope): Promise<{ id: number; name: string }[]> {
  if (scope.actor.kind !== 'staff') return [];
  const units: { id: number; name: string }[] = [];
  for (const grant of scope.actor.grants.filter((candidate) => candidate.role === 'editor')) {
    const unit = await findPublishingUnit(scope.context.database.db, grant.unitId);
    if (unit !== null) units.push({ id: unit.id, name: unit.name });
  }
  return units;
}
