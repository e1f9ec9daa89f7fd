// The application statistics of a unit for a report year (table 三, channels, on-time rate), compiled
// from its records by the counting rules in core. The report compiler calls this; it reads no personal
// data and changes nothing, so it writes no audit entry.
import type { ActingScope } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { NotFound } from '../../core/errors.ts';
import {
  compileApplicationStatistics,
  type ApplicationRecord,
  type ApplicationStatistics,
} from '../../core/statistics/applications.ts';
import { loadCalendar, readClock } from './clock.ts';
import type { ApplicationEvent } from './model.ts';
import { canReadApplication } from './policy.ts';
import { findEventsOf } from './repo.ts';
import {
  findStatisticsUnit,
  listRoutingSteps,
  listSubtreeUnitIds,
  listYearApplications,
  type RoutingStep,
  type StatisticsRow,
} from './statistics-repo.ts';

export interface UnitApplicationStatistics extends ApplicationStatistics {
  readonly unitId: number;
  readonly unitName: string;
  readonly includeSubunits: boolean;
}

export interface StatisticsRequest {
  readonly unitId: number;
  readonly year: number;
  /** Count the applications of every unit below too (a government's consolidated report). */
  readonly includeSubunits?: boolean;
}

/** Ledgers are read in slices so that no query carries more parameters than a database accepts. */
const LEDGER_SLICE = 500;

/**
 * The unit that held an application at the end of `last`, read from its routing steps: after the last
 * step up to that day, it is where that step sent it; before its first step, where that step took it
 * from; never routed, where it is now.
 */
function holderOn(last: PlainDate, row: StatisticsRow, steps: readonly RoutingStep[]): number | null {
  const before = steps.filter((step) => step.date <= last);
  if (before.length > 0) return before.at(-1)?.toUnitId ?? null;
  return steps.length > 0 ? (steps[0]?.fromUnitId ?? null) : row.unitId;
}

/**
 * Whether a closed application was decided on or before the due date in force at the decision, read
 * from its ledger; null when no due date was running (closed while a correction was awaited) or the
 * calendar cannot count the ledger.
 */
function decidedOnTime(
  calendar: WorkingDayCalendar,
  row: StatisticsRow & { readonly closedOn: PlainDate },
  events: readonly ApplicationEvent[],
): boolean | null {
  const clock = readClock(calendar, row.receivedOn, events, row.closedOn);
  if (!clock.ok || clock.reading.due === null) return null;
  return (clock.reading.decided ?? row.closedOn) <= clock.reading.due;
}

/**
 * The statistics of a unit's applications for a report year. Anyone who may read the unit's
 * applications may read them; for anyone else the unit answers like a missing one. The statistics of a
 * year do not depend on the day they are compiled (an application closed later simply is not closed yet).
 */
export async function applicationStatistics(
  scope: ActingScope,
  request: StatisticsRequest,
): Promise<UnitApplicationStatistics> {
  const db = scope.context.database.db;
  const unit = await findStatisticsUnit(db, request.unitId);
  if (unit === null || !canReadApplication(scope.actor, { unitPath: unit.path })) {
    throw new NotFound('未找到该单位');
  }
  const includeSubunits = request.includeSubunits ?? false;
  const candidates = await listYearApplications(db, { unit, includeSubunits, year: request.year });
  const first = `${request.year}-01-01`;
  const last = `${request.year}-12-31`;
  // A year counts an application in the unit that held it then: where it was decided when it closed in
  // the year (a closed application is never routed again), else where it stood on 31 December. A
  // transfer in a later year thus leaves the reports of earlier years as they were.
  const units = new Set(includeSubunits ? await listSubtreeUnitIds(db, unit) : [unit.id]);
  const openAtEnd = candidates.filter((row) => row.closedOn === null || row.closedOn > last);
  const routing = new Map<number, RoutingStep[]>();
  for (let start = 0; start < openAtEnd.length; start += LEDGER_SLICE) {
    const slice = openAtEnd.slice(start, start + LEDGER_SLICE).map((row) => row.id);
    for (const [id, steps] of await listRoutingSteps(db, slice)) routing.set(id, steps);
  }
  const rows = candidates.filter((row) => {
    const holder =
      row.closedOn !== null && row.closedOn <= last
        ? row.unitId
        : holderOn(last, row, routing.get(row.id) ?? []);
    return holder !== null && units.has(holder);
  });
  const closedInYear = rows.filter(
    (row): row is StatisticsRow & { closedOn: PlainDate } =>
      row.closedOn !== null && row.closedOn >= first && row.closedOn <= last,
  );
  const ledgers = new Map<number, ApplicationEvent[]>();
  for (let start = 0; start < closedInYear.length; start += LEDGER_SLICE) {
    const slice = closedInYear.slice(start, start + LEDGER_SLICE).map((row) => row.id);
    for (const [id, events] of await findEventsOf(db, slice)) ledgers.set(id, events);
  }
  const calendar = await loadCalendar(db);
  const onTime = new Map(
    closedInYear.map((row) => [row.id, decidedOnTime(calendar, row, ledgers.get(row.id) ?? [])]),
  );
  const records: ApplicationRecord[] = rows.map((row) => ({ ...row, onTime: onTime.get(row.id) ?? null }));
  return {
    ...compileApplicationStatistics(records, request.year),
    unitId: unit.id,
    unitName: unit.name,
    includeSubunits,
  };
}
