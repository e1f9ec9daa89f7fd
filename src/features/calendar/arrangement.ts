// A year's arrangement as a person reads it: runs of consecutive days off or make-up working days with
// their name, where each day is taken from the admin's override or else the official data. Pure.
import {
  chineseDaysArrangements,
  type OfficialArrangements,
} from '../../core/calendar/official-arrangements.ts';
import { dayNumberOf, yearOf, type PlainDate } from '../../core/calendar/plain-date.ts';
import type { DayKind } from '../../core/calendar/working-days.ts';
import type { ArrangementRow } from './model.ts';

interface Day {
  readonly date: PlainDate;
  readonly working: boolean;
  readonly name: string | null;
  readonly source: ArrangementRow['source'];
}

export function arrangementOfYear(
  year: number,
  overrides: readonly { readonly date: PlainDate; readonly kind: DayKind; readonly name: string | null }[],
  official: OfficialArrangements = chineseDaysArrangements,
): ArrangementRow[] {
  const days = new Map<PlainDate, Day>();
  const inYear = (date: PlainDate) => yearOf(date) === year;
  for (const [date, name] of official.daysOff) {
    if (inYear(date)) days.set(date, { date, working: false, name, source: 'official' });
  }
  for (const [date, name] of official.makeUpWorkdays) {
    if (inYear(date)) days.set(date, { date, working: true, name, source: 'official' });
  }
  for (const override of overrides) {
    if (!inYear(override.date)) continue;
    const working = override.kind === 'workday';
    days.set(override.date, { date: override.date, working, name: override.name, source: 'override' });
  }
  const rows: ArrangementRow[] = [];
  for (const day of [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const previous = rows.at(-1);
    if (
      previous !== undefined &&
      dayNumberOf(day.date) === dayNumberOf(previous.to) + 1 &&
      day.working === previous.working &&
      day.name === previous.name &&
      day.source === previous.source
    ) {
      rows[rows.length - 1] = { ...previous, to: day.date, days: previous.days + 1 };
    } else {
      const { working, name, source } = day;
      rows.push({ from: day.date, to: day.date, days: 1, working, name, source });
    }
  }
  return rows;
}
