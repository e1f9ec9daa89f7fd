// 三校三审 before publication: a per-unit chain of review stages, each decided (approved or returned) by a
// different person; the 保密审查 sign-off (条例第十七条) is part of every chain. An item reaches the public
// side only when every stage of its current submission has been approved, in order.

export const REVIEW_STAGES = ['first', 'second', 'final', 'secrecy'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const REVIEW_STAGE_LABELS: Readonly<Record<ReviewStage, string>> = {
  first: '初审',
  second: '复审',
  final: '终审',
  secrecy: '保密审查',
};

/** Default: 初审 → 复审 → 保密审查 → 终审, so the leader's 终审 is the last word and publishes. */
export const DEFAULT_CHAIN: readonly ReviewStage[] = ['first', 'second', 'secrecy', 'final'];

export function isReviewStage(value: string): value is ReviewStage {
  return (REVIEW_STAGES as readonly string[]).includes(value);
}

/** A chain's problem in zh-CN, or null when it is a valid chain. */
export function chainProblem(stages: readonly string[]): string | null {
  if (stages.length === 0) return '审核流程至少须有一个环节';
  const unknown = stages.find((stage) => !isReviewStage(stage));
  if (unknown !== undefined) return `未知的审核环节“${unknown}”`;
  if (new Set(stages).size !== stages.length) return '审核流程中的环节不能重复';
  if (!stages.includes('secrecy')) {
    return '审核流程必须包含保密审查（《中华人民共和国政府信息公开条例》第十七条）';
  }
  return null;
}

export type ReviewDecision = 'approve' | 'return';

/** An approval already recorded in the current submission. */
export interface StageApproval {
  readonly stage: ReviewStage;
  readonly reviewerId: number;
}

export type ReviewPosition =
  | { readonly kind: 'pending'; readonly stage: ReviewStage; readonly index: number }
  | { readonly kind: 'complete' };

/**
 * Where a submission stands: the first stage of the chain not yet approved, or complete. Approvals must
 * follow the chain's order; anything else is a corrupted record and throws.
 */
export function positionOf(
  chain: readonly ReviewStage[],
  approvals: readonly StageApproval[],
): ReviewPosition {
  approvals.forEach((approval, index) => {
    if (chain[index] !== approval.stage) throw new Error(`approval ${index} out of chain order`);
  });
  const next = chain[approvals.length];
  return next === undefined
    ? { kind: 'complete' }
    : { kind: 'pending', stage: next, index: approvals.length };
}

export type DecisionOutcome =
  | { readonly kind: 'advanced'; readonly next: ReviewStage }
  | { readonly kind: 'publish' }
  | { readonly kind: 'returned' }
  | { readonly kind: 'refused'; readonly reason: string };

export interface DecisionInput {
  readonly stage: string;
  readonly decision: ReviewDecision;
  readonly reviewerId: number;
  /** Who submitted the item: an author does not review their own text. */
  readonly submitterId: number | null;
}

/**
 * The effect of a decision on a submission: refused when it is not for the pending stage, when the
 * reviewer wrote the item or already approved an earlier stage of it (three reviews mean three people);
 * otherwise the next stage, publication after the last, or back to the editor.
 */
export function decide(
  chain: readonly ReviewStage[],
  approvals: readonly StageApproval[],
  input: DecisionInput,
): DecisionOutcome {
  const position = positionOf(chain, approvals);
  if (position.kind === 'complete') return { kind: 'refused', reason: '该信息已通过全部审核环节' };
  if (input.stage !== position.stage) {
    const label = isReviewStage(input.stage) ? REVIEW_STAGE_LABELS[input.stage] : input.stage;
    return {
      kind: 'refused',
      reason: `当前待办环节为${REVIEW_STAGE_LABELS[position.stage]}，不能作出${label}决定；各环节须依次完成`,
    };
  }
  if (input.decision === 'return') return { kind: 'returned' };
  if (input.submitterId !== null && input.reviewerId === input.submitterId) {
    return { kind: 'refused', reason: '送审人不能审核本人送审的信息' };
  }
  if (approvals.some((approval) => approval.reviewerId === input.reviewerId)) {
    return { kind: 'refused', reason: '同一人不能通过同一信息的两个审核环节' };
  }
  const next = chain[position.index + 1];
  return next === undefined ? { kind: 'publish' } : { kind: 'advanced', next };
}
