// Review before publishing (三校三审 and the 保密审查 sign-off): submitting an item with its unit's chain,
// assigning and deciding each stage, overriding a check finding with a reason, publication at the last
// approval (the 索引号 and the date are the system's, set once); and the unit's chain itself. Each checks
// the policy first, runs in one transaction and writes its audit entry there.
import type { ActingScope } from '../../app-context.ts';
import { yearOf } from '../../core/calendar/plain-date.ts';
import { Conflict, Invalid, NotFound, Unprocessable } from '../../core/errors.ts';
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
import { inTransaction } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { indexItem } from '../search/service.ts';
import type { Item, ReviewRecord } from './model.ts';
import { authorizeItem, canConfigureUnit, canDecideStage } from './policy.ts';
import {
  findChain,
  findPublishingUnit,
  insertOverride,
  insertReview,
  listOverrides,
  listReviewersOf,
  listReviews,
  lockItem,
  markPublished,
  nextSerial,
  saveChain,
  updateItemState,
} from './repo.ts';
import { audit, refuseUnlessStatus, requiredReason, userIdOf } from './item-support.ts';

export async function chainOf(
  db: Parameters<typeof findChain>[0],
  unitId: number,
): Promise<readonly ReviewStage[]> {
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

export function positionOfItem(item: Item, reviews: readonly ReviewRecord[]): ReviewPosition | null {
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
    if (key === '') throw new Invalid('key', '请选择要说明的检查结果');
    const reason = requiredReason(form.reason, '不予修改须填写理由', '理由');
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
