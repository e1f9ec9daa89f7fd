import { describe, expect, it } from 'vitest';
import { countTrainings, type TrainingSessionFacts } from './training.ts';

const session = (
  id: number,
  heldOn: string,
  participants: number,
  organiserUnitId: number,
  participantUnitIds: number[],
): TrainingSessionFacts => ({ id, heldOn, participants, organiserUnitId, participantUnitIds });

describe('countTrainings', () => {
  const sessions = [
    session(1, '2025-03-01', 40, 1, [2, 3]),
    session(2, '2025-12-31', 12, 2, []),
    session(3, '2026-01-01', 99, 1, [2]),
    session(4, '2025-06-01', 7, 9, [3]),
  ];

  it('counts sessions organised or attended in the year, each once', () => {
    expect(countTrainings(sessions, 2025, new Set([1]))).toEqual({ sessions: 1, participants: 40 });
    expect(countTrainings(sessions, 2025, new Set([2]))).toEqual({ sessions: 2, participants: 52 });
    expect(countTrainings(sessions, 2025, new Set([1, 2, 3]))).toEqual({ sessions: 3, participants: 59 });
    expect(countTrainings(sessions, 2026, new Set([3]))).toEqual({ sessions: 0, participants: 0 });
  });
});
