// Use cases of proactive disclosure: write, submit, review (三校三审), publish, correct and withdraw items;
// set a unit's review chain; add sub-categories. Each checks the policy first, runs in one transaction
// and writes its audit entry there. The publication date and the 索引号 are the system's, set once.
import type { ActingScope } from '../../app-context.ts';
import { yearOf } from '../../core/calendar/plain-date.ts';
import { Conflict, Invalid, NotFound, Unprocessable } from '../../core/errors.ts';
import { findCategory } from '../../core/publishing/categories.ts';
import { formatIndexNumber } from '../../core/publishing/index-number.ts';
import { loadDictionaries } from '../checks/service.ts';
import { blockingFindings, checkItem, type ItemFinding } from '../../core/publishing/item-checks.ts';
import { ITEM_STATUS_LABELS } from '../../core/publishing/metadata.ts';
import {
  chainProblem,
  decide,
  DEFAULT_CHAIN,
  isReviewStage,
  positionOf,
  REVIEW_STAGE_LABELS,
  type ReviewDecision,
  type ReviewPosition,
  type ReviewStage,
  type StageApproval,
} from '../../core/publishing/review-chain.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { indexItem, removeFromIndex } from '../search/service.ts';
import { imageSourcesOf } from './attachments.ts';
import { listItemAttachments, type ItemAttachment } from './attachments-repo.ts';
import { parseItemForm, type ItemForm } from './form.ts';
import type { Item, ItemContent, OverrideRecord, ReviewRecord, Subcategory } from './model.ts';
import {
  authorizeItem,
  authorizeItemList,
  authorizeUnitFor,
  canAddSubcategory,
  canConfigureUnit,
  canDecideStage,
  canOnItem,
  itemScopes,
} from './policy.ts';
import {
  findChain,
  findDraftForItem,
  findItem,
  linkItemToDraft,
  type DraftForItem,
  findPublishingUnit,
  insertItem,
  insertOverride,
  insertReview,
  insertSubcategory,
  insertVersion,
  listItems,
  listOverrides,
  listReviewersOf,
  listReviews,
  listSubcategories,
  listVersions,
  lockItem,
  markPublished,
  nextSerial,
  saveChain,
  updateItemContent,
  updateItemState,
  type StoredVersion,
} from './repo.ts';
import { assertNormativeChangeUnlocked } from './report-lock.ts';

const userIdOf = (scope: ActingScope): number | null =>
  scope.actor.kind === 'staff' ? scope.actor.userId : null;

function audit(scope: ActingScope, action: string, itemId: number, details: Record<string, unknown>) {
  return {
    actor: auditActorOf(scope.actor),
    address: scope.address,
    action,
    objectType: 'publishing_item',
    objectId: itemId,
    details,
  };
}

function contentOf(item: Item): ItemContent {
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

function refuseUnlessStatus(item: Item, allowed: readonly Item['status'][], act: string): void {
  if (!allowed.includes(item.status)) {
    throw new Conflict(`该信息当前状态为“${ITEM_STATUS_LABELS[item.status]}”，不能${act}`);
  }
}

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

async function chainOf(db: Parameters<typeof findChain>[0], unitId: number): Promise<readonly ReviewStage[]> {
  return (await findChain(db, unitId)) ?? DEFAULT_CHAIN;
}

/** Sends a draft or returned item into review with the unit's chain; returns the checks' findings. */
export async function submitForReview(
  scope: ActingScope,
  itemId: number,
  now = new Date(),
): Promise<ItemFinding[]> {
  const { db, dialect } = scope.context.database;
  // Read before the transaction: the dictionaries are cached per database, not per transaction.
  const dictionaries = await loadDictionaries(db, now);
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'edit', item);
    refuseUnlessStatus(item, ['draft', 'returned'], '送审');
    const chain = await chainOf(trx, item.unitId);
    const findings = checkItem(item, { dictionaries, today: now });
    await updateItemState(
      trx,
      dialect,
      item.id,
      { status: 'in_review', round: item.round + 1, chain, submittedBy: userIdOf(scope), assigneeId: null },
      now,
    );
    await recordAudit(
      trx,
      audit(scope, 'publishing.submit', item.id, {
        round: item.round + 1,
        chain,
        findings: findings.length,
        errors: findings.filter((finding) => finding.severity === 'error').length,
      }),
      now,
    );
    return findings;
  });
}

function approvalsOf(reviews: readonly ReviewRecord[], round: number): StageApproval[] {
  return reviews
    .filter((review) => review.round === round && review.decision === 'approve')
    .map((review) => ({ stage: review.stage, reviewerId: review.reviewerId ?? 0 }));
}

function positionOfItem(item: Item, reviews: readonly ReviewRecord[]): ReviewPosition | null {
  if (item.status !== 'in_review' || item.chain === null) return null;
  return positionOf(item.chain, approvalsOf(reviews, item.round));
}

/** Assigns the pending stage of an item in review to a reviewer who may decide it. */
export async function assignReviewer(
  scope: ActingScope,
  itemId: number,
  form: { readonly reviewerId?: unknown },
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'assign', item);
    const reviewerId = Number(typeof form.reviewerId === 'string' ? form.reviewerId : NaN);
    const position = positionOfItem(item, await listReviews(trx, item.id));
    if (position === null || position.kind !== 'pending') {
      throw new Conflict(`该信息当前状态为“${ITEM_STATUS_LABELS[item.status]}”，没有待分配的审核环节`);
    }
    const candidates = await listReviewersOf(trx, item.unitPath);
    const allowed = candidates.filter(
      (candidate) =>
        candidate.id === reviewerId && (position.stage === 'final' ? true : candidate.role === 'reviewer'),
    );
    if (!Number.isSafeInteger(reviewerId) || allowed.length === 0) {
      throw new Invalid('reviewerId', `请选择可以作出${REVIEW_STAGE_LABELS[position.stage]}决定的审核人`);
    }
    await updateItemState(trx, dialect, item.id, { assigneeId: reviewerId }, now);
    await recordAudit(
      trx,
      audit(scope, 'publishing.assign', item.id, { stage: position.stage, reviewerId }),
      now,
    );
  });
}

export interface DecisionForm {
  readonly stage?: unknown;
  readonly decision?: unknown;
  readonly comment?: unknown;
}

export type DecisionResult =
  | { readonly kind: 'advanced'; readonly next: ReviewStage }
  | { readonly kind: 'returned' }
  | { readonly kind: 'published'; readonly indexNumber: string; readonly publishedOn: string };

/**
 * A reviewer's decision on the pending stage. A return needs a comment and sends the item back to the
 * editor; an approval of the last stage publishes it: the 索引号 takes the unit's next serial of the
 * year, the publication date is today in China, and no error finding may be left without an override.
 */
export async function decideReview(
  scope: ActingScope,
  itemId: number,
  form: DecisionForm,
  now = new Date(),
): Promise<DecisionResult> {
  const { db, dialect } = scope.context.database;
  // Read before the transaction: the dictionaries are cached per database, not per transaction.
  const dictionaries = await loadDictionaries(db, now);
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'review', item);
    const stage = typeof form.stage === 'string' ? form.stage : '';
    const decision: ReviewDecision | null =
      form.decision === 'approve' || form.decision === 'return' ? form.decision : null;
    const comment =
      typeof form.comment === 'string' && form.comment.trim() !== '' ? form.comment.trim() : null;
    if (!isReviewStage(stage)) throw new Invalid('stage', '请选择审核环节');
    if (decision === null) throw new Invalid('decision', '请选择“通过”或“退回”');
    if (decision === 'return' && comment === null) throw new Invalid('comment', '退回修改须填写审核意见');
    if (comment !== null && Array.from(comment).length > 2000) {
      throw new Invalid('comment', '审核意见不能超过 2000 个字');
    }
    refuseUnlessStatus(item, ['in_review'], '审核');
    if (!canDecideStage(scope.actor, stage, item.unitPath)) {
      throw new Unprocessable(
        `${REVIEW_STAGE_LABELS[stage]}须由${stage === 'final' ? '审核人或领导审批人' : '审核人'}作出`,
      );
    }
    if (item.assigneeId !== null && scope.actor.kind === 'staff' && item.assigneeId !== scope.actor.userId) {
      throw new Unprocessable('该环节已分配给其他审核人');
    }
    const reviews = await listReviews(trx, item.id);
    const chain = item.chain ?? DEFAULT_CHAIN;
    const outcome = decide(chain, approvalsOf(reviews, item.round), {
      stage,
      decision,
      reviewerId: userIdOf(scope) ?? -1,
      submitterId: item.submittedBy,
    });
    if (outcome.kind === 'refused') throw new Conflict(outcome.reason);
    const review = {
      itemId: item.id,
      round: item.round,
      stage,
      decision,
      comment,
      reviewerId: userIdOf(scope),
    };
    if (outcome.kind === 'returned') {
      await insertReview(trx, dialect, review, now);
      await updateItemState(trx, dialect, item.id, { status: 'returned', assigneeId: null }, now);
      await recordAudit(
        trx,
        audit(scope, 'publishing.return', item.id, { round: item.round, stage, comment }),
        now,
      );
      return { kind: 'returned' };
    }
    if (outcome.kind === 'advanced') {
      await insertReview(trx, dialect, review, now);
      await updateItemState(trx, dialect, item.id, { assigneeId: null }, now);
      await recordAudit(
        trx,
        audit(scope, 'publishing.approve', item.id, { round: item.round, stage, next: outcome.next }),
        now,
      );
      return { kind: 'advanced', next: outcome.next };
    }
    const overrides = await listOverrides(trx, item.id, item.round);
    const blocking = blockingFindings(
      checkItem(item, { dictionaries, today: now }),
      new Set(overrides.map((override) => override.findingKey)),
    );
    if (blocking.length > 0) {
      throw new Unprocessable(
        `自动检查发现 ${blocking.length} 处错误尚未修改或说明理由，不能通过${REVIEW_STAGE_LABELS[stage]}：${blocking
          .map((finding) => `“${finding.text}”（${finding.message}）`)
          .join('；')}`,
      );
    }
    const publishedOn = chinaDate(now);
    const year = yearOf(publishedOn);
    // Format first: a unit without a credit code is refused before a serial is taken.
    formatIndexNumber(item.unitCode, year, 1);
    const serial = await nextSerial(trx, item.unitId, year);
    const indexNumber = formatIndexNumber(item.unitCode, year, serial);
    await insertReview(trx, dialect, review, now);
    const published = await markPublished(
      trx,
      dialect,
      item.id,
      { indexNumber, year, serial, publishedOn },
      now,
    );
    if (!published) throw new Conflict('该信息已发布');
    await indexItem(trx, dialect, item.id);
    await recordAudit(
      trx,
      audit(scope, 'publishing.publish', item.id, {
        round: item.round,
        stage,
        indexNumber,
        publishedOn,
        overrides: overrides.length,
      }),
      now,
    );
    return { kind: 'published', indexNumber, publishedOn };
  });
}

/** A reviewer accepts a finding of the automatic checks, with the reason, for the current submission. */
export async function overrideFinding(
  scope: ActingScope,
  itemId: number,
  form: { readonly key?: unknown; readonly reason?: unknown },
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  // Read before the transaction: the dictionaries are cached per database, not per transaction.
  const dictionaries = await loadDictionaries(db, now);
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'review', item);
    const key = typeof form.key === 'string' ? form.key : '';
    const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
    if (key === '') throw new Invalid('key', '请选择要说明的检查结果');
    if (reason === '') throw new Invalid('reason', '不予修改须填写理由');
    if (Array.from(reason).length > 500) throw new Invalid('reason', '理由不能超过 500 个字');
    refuseUnlessStatus(item, ['in_review'], '对检查结果作出说明');
    const finding = checkItem(item, { dictionaries, today: now }).find((candidate) => candidate.key === key);
    if (finding === undefined) throw new Invalid('key', '该检查结果已不存在，请刷新页面');
    const added = await insertOverride(
      trx,
      dialect,
      { itemId: item.id, round: item.round, findingKey: key, reason, decidedBy: userIdOf(scope) },
      now,
    );
    if (!added) throw new Conflict('该检查结果已有说明');
    await recordAudit(
      trx,
      audit(scope, 'publishing.override', item.id, {
        round: item.round,
        field: finding.field,
        category: finding.category,
        severity: finding.severity,
        reason,
      }),
      now,
    );
  });
}

/**
 * Corrects a published item: the old content is kept as a version, the item takes the new content and
 * the next version number. A material change shows “更正于 <date>” (today, set by the system) on the
 * public page. The 索引号 and the publication date never change. The new text must pass the checks.
 */
export async function correctItem(
  scope: ActingScope,
  itemId: number,
  form: ItemForm,
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  // Read before the transaction: the dictionaries are cached per database, not per transaction.
  const dictionaries = await loadDictionaries(db, now);
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'manage', item);
    const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
    if (reason === '') throw new Invalid('reason', '请填写更正原因');
    if (Array.from(reason).length > 500) throw new Invalid('reason', '更正原因不能超过 500 个字');
    const material = form.material === '1' || form.material === 'on';
    refuseUnlessStatus(item, ['published'], '更正');
    const subcategories = await listSubcategories(trx, item.unitId);
    const content = parseItemForm(form, {
      unitKind: item.unitKind,
      subcategories,
      today: chinaDate(now),
      imageSources: imageSourcesOf(item.id, await listItemAttachments(trx, item.id)),
    });
    await assertNormativeChangeUnlocked(
      trx,
      item.unitId,
      item.publishedOn ?? chinaDate(now),
      subcategories,
      item,
      content,
    );
    const errors = checkItem(content, { dictionaries, today: now }).filter(
      (finding) => finding.severity === 'error',
    );
    if (errors.length > 0) {
      throw new Unprocessable(
        `更正后的内容仍有 ${errors.length} 处错误：${errors
          .map((finding) => `“${finding.text}”（${finding.message}）`)
          .join('；')}`,
      );
    }
    await insertVersion(
      trx,
      dialect,
      {
        itemId: item.id,
        version: item.version,
        content: contentOf(item),
        reason,
        material,
        createdBy: userIdOf(scope),
      },
      now,
    );
    await updateItemContent(trx, dialect, item.id, content, now);
    const correctedOn = material ? chinaDate(now) : item.correctedOn;
    await updateItemState(trx, dialect, item.id, { version: item.version + 1, correctedOn }, now);
    await indexItem(trx, dialect, item.id);
    await recordAudit(
      trx,
      audit(scope, 'publishing.correct', item.id, {
        fromVersion: item.version,
        toVersion: item.version + 1,
        material,
        reason,
        correctedOn,
        previousCorrectedOn: item.correctedOn,
        indexNumber: item.indexNumber,
        publishedOn: item.publishedOn,
      }),
      now,
    );
  });
}

/** Takes a published item off the public side, with the reason; the record and its history stay. */
export async function withdrawItem(
  scope: ActingScope,
  itemId: number,
  form: { readonly reason?: unknown },
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'manage', item);
    const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
    if (reason === '') throw new Invalid('reason', '请填写撤回原因');
    if (Array.from(reason).length > 500) throw new Invalid('reason', '撤回原因不能超过 500 个字');
    refuseUnlessStatus(item, ['published'], '撤回');
    await assertNormativeChangeUnlocked(
      trx,
      item.unitId,
      item.publishedOn ?? chinaDate(now),
      await listSubcategories(trx, item.unitId),
      item,
      null,
    );
    await updateItemState(
      trx,
      dialect,
      item.id,
      { status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason },
      now,
    );
    await removeFromIndex(trx, dialect, item.id);
    await recordAudit(
      trx,
      audit(scope, 'publishing.withdraw', item.id, {
        reason,
        withdrawnOn: chinaDate(now),
        indexNumber: item.indexNumber,
        publishedOn: item.publishedOn,
      }),
      now,
    );
  });
}

/** Sets the unit's review chain (the disclosure office); items already in review keep theirs. */
export async function setReviewChain(
  scope: ActingScope,
  unitId: number,
  stages: readonly string[],
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const unit = await findPublishingUnit(trx, unitId);
    if (unit === null || !canConfigureUnit(scope.actor, unit.path)) throw new NotFound('未找到该单位');
    const problem = chainProblem(stages);
    if (problem !== null) throw new Invalid('stages', problem);
    const chain = stages.filter(isReviewStage);
    await saveChain(trx, dialect, unit.id, chain, userIdOf(scope), now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'publishing.chain',
        objectType: 'unit',
        objectId: unit.id,
        details: { stages: chain },
      },
      now,
    );
  });
}

/** A unit's review chain for the disclosure office's page: the unit's own, or the default. */
export async function getReviewChain(
  scope: ActingScope,
  unitId: number,
): Promise<{ unitId: number; unitName: string; stages: readonly ReviewStage[]; isDefault: boolean }> {
  const { db } = scope.context.database;
  const unit = await findPublishingUnit(db, unitId);
  if (unit === null || !canConfigureUnit(scope.actor, unit.path)) throw new NotFound('未找到该单位');
  const own = await findChain(db, unit.id);
  return { unitId: unit.id, unitName: unit.name, stages: own ?? DEFAULT_CHAIN, isDefault: own === null };
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
