import { describe, expect, it } from 'vitest';
import { chainProblem, decide, DEFAULT_CHAIN, positionOf, type StageApproval } from './review-chain.ts';

const EDITOR = 1;
const input = (stage: string, reviewerId: number, decision: 'approve' | 'return' = 'approve') => ({
  stage,
  decision,
  reviewerId,
  submitterId: EDITOR,
});

describe('review chain configuration', () => {
  it('defaults to 初审, 复审, 保密审查, 终审', () => {
    expect(DEFAULT_CHAIN).toEqual(['first', 'second', 'secrecy', 'final']);
    expect(chainProblem(DEFAULT_CHAIN)).toBeNull();
    expect(chainProblem(['secrecy', 'final'])).toBeNull();
  });

  it('refuses empty, unknown, repeated stages and a chain without 保密审查', () => {
    expect(chainProblem([])).toBe('审核流程至少须有一个环节');
    expect(chainProblem(['first', 'third'])).toBe('未知的审核环节“third”');
    expect(chainProblem(['first', 'first', 'secrecy'])).toBe('审核流程中的环节不能重复');
    expect(chainProblem(['first', 'second', 'final'])).toMatch(/必须包含保密审查/);
  });
});

describe('the review state machine', () => {
  it('walks every stage in order, each by another person, and publishes after the last', () => {
    const approvals: StageApproval[] = [];
    const steps: [string, number][] = [
      ['first', 11],
      ['second', 12],
      ['secrecy', 13],
    ];
    for (const [stage, reviewer] of steps) {
      const outcome = decide(DEFAULT_CHAIN, approvals, input(stage, reviewer));
      expect(outcome.kind).toBe('advanced');
      approvals.push({ stage: stage as StageApproval['stage'], reviewerId: reviewer });
    }
    expect(positionOf(DEFAULT_CHAIN, approvals)).toEqual({ kind: 'pending', stage: 'final', index: 3 });
    expect(decide(DEFAULT_CHAIN, approvals, input('final', 14))).toEqual({ kind: 'publish' });
  });

  it('names the next stage after an approval', () => {
    expect(decide(DEFAULT_CHAIN, [], input('first', 11))).toEqual({ kind: 'advanced', next: 'second' });
  });

  it('refuses a stage out of order: nothing skips a missing stage', () => {
    expect(decide(DEFAULT_CHAIN, [], input('final', 14))).toEqual({
      kind: 'refused',
      reason: '当前待办环节为初审，不能作出终审决定；各环节须依次完成',
    });
    const two: StageApproval[] = [
      { stage: 'first', reviewerId: 11 },
      { stage: 'second', reviewerId: 12 },
    ];
    expect(decide(DEFAULT_CHAIN, two, input('final', 14)).kind).toBe('refused');
  });

  it('refuses the author and a second approval by the same person', () => {
    expect(decide(DEFAULT_CHAIN, [], input('first', EDITOR))).toEqual({
      kind: 'refused',
      reason: '送审人不能审核本人送审的信息',
    });
    expect(decide(DEFAULT_CHAIN, [{ stage: 'first', reviewerId: 11 }], input('second', 11))).toEqual({
      kind: 'refused',
      reason: '同一人不能通过同一信息的两个审核环节',
    });
  });

  it('lets any stage return the item, even to the same reviewer', () => {
    expect(
      decide(DEFAULT_CHAIN, [{ stage: 'first', reviewerId: 11 }], input('second', 11, 'return')),
    ).toEqual({
      kind: 'returned',
    });
  });

  it('has nothing left to decide once complete, and rejects approvals out of chain order', () => {
    const all = DEFAULT_CHAIN.map((stage, index) => ({ stage, reviewerId: 20 + index }));
    expect(positionOf(DEFAULT_CHAIN, all)).toEqual({ kind: 'complete' });
    expect(decide(DEFAULT_CHAIN, all, input('final', 30)).kind).toBe('refused');
    expect(() => positionOf(DEFAULT_CHAIN, [{ stage: 'second', reviewerId: 1 }])).toThrow();
  });

  it('follows a shorter configured chain', () => {
    expect(decide(['secrecy'], [], input('secrecy', 11))).toEqual({ kind: 'publish' });
  });
});
