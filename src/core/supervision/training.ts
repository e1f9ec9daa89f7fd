// Training on disclosure counted for the annual report's 监督保障 part: a session counts once for a set of
// units when any of them organised it or took part in it, in the year it was held.
import { yearOf, type PlainDate } from '../calendar/plain-date.ts';

export interface TrainingSessionFacts {
  readonly id: number;
  readonly heldOn: PlainDate;
  readonly participants: number;
  readonly organiserUnitId: number;
  readonly participantUnitIds: readonly number[];
}

export interface TrainingCount {
  readonly sessions: number;
  readonly participants: number;
}

export function countTrainings(
  sessions: readonly TrainingSessionFacts[],
  year: number,
  unitIds: ReadonlySet<number>,
): TrainingCount {
  let count = 0;
  let participants = 0;
  for (const session of sessions) {
    if (yearOf(session.heldOn) !== year) continue;
    const involved =
      unitIds.has(session.organiserUnitId) || session.participantUnitIds.some((id) => unitIds.has(id));
    if (!involved) continue;
    count += 1;
    participants += session.participants;
  }
  return { sessions: count, participants };
}
