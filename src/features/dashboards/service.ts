// The dashboard of the signed-in person: for each unit they work in, the year's monthly trends of
// proactive publications (the platform's column and the recorded channels), applications received and
// decided and the on-time rate; for the disclosure office, the unit's whole subtree and a comparison of
// its sub-units, and the ranking of the sub-units from the unit's latest assessment run. It reads and
// changes nothing personal, so it writes no audit entry.
import type { ActingScope } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid } from '../../core/errors.ts';
import { chinaDate } from '../applications/clock.ts';
import { canReadApplication } from '../applications/policy.ts';
import { applicationStatistics } from '../applications/statistics.ts';
import type { AssessmentRun } from '../assessment/model.ts';
import { getLatestRanking } from '../assessment/service.ts';
import { publicationCounts } from '../channels/service.ts';
import { authorizeDashboard, dashboardGrants, supervisesSubtree } from './policy.ts';
import { findDashboardUnit, listApplicationDates, listSubtree, type DashboardUnit } from './repo.ts';

/** The first year the dashboard offers (the 2019 条例 took effect on 15 May 2019). */
export const FIRST_DASHBOARD_YEAR = 2019;

export interface MonthFigures {
  /** 1–12. */
  readonly month: number;
  /** null for months that have not begun. */
  readonly publications: number | null;
  readonly received: number | null;
  readonly decided: number | null;
  /** Decided in the month on or before the due date in force / with a due date at all. */
  readonly onTime: number | null;
  readonly late: number | null;
  /** Per cent with one decimal; null when nothing with a due date was decided in the month. */
  readonly onTimeRate: number | null;
}

export interface SubunitFigures {
  readonly unitId: number;
  readonly name: string;
  /** The sub-unit with everything below it. */
  readonly publications: number;
  readonly received: number;
  readonly decided: number;
}

export interface UnitDashboard {
  readonly unit: DashboardUnit;
  readonly includesSubunits: boolean;
  /** Whether the person may see the figures of applications (else those fields are null). */
  readonly showsApplications: boolean;
  readonly months: readonly MonthFigures[];
  readonly totals: {
    readonly publications: number;
    readonly received: number | null;
    readonly decided: number | null;
  };
  /** The direct sub-units (each with its subtree); empty unless the whole subtree is shown. */
  readonly subunits: readonly SubunitFigures[];
  /** The unit's latest assessment run (the whole subtree shown only), whatever the year picked. */
  readonly ranking: AssessmentRun | null;
}

export interface Dashboard {
  readonly year: number;
  readonly years: readonly number[];
  readonly units: readonly UnitDashboard[];
}

/** The year asked for in the query, or this year; anything else names the rule. */
export function dashboardYear(text: unknown, today: PlainDate): number {
  const current = Number(today.slice(0, 4));
  if (text === undefined || text === '') return current;
  const year = typeof text === 'string' && /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= FIRST_DASHBOARD_YEAR && year <= current)) {
    throw new Invalid('year', `年度须为 ${FIRST_DASHBOARD_YEAR} 年至 ${current} 年之间的四位数字`);
  }
  return year;
}

const pad = (month: number) => String(month).padStart(2, '0');

function monthRange(year: number, month: number): { from: PlainDate; to: PlainDate } {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(days)}` };
}

const monthOf = (date: PlainDate) => Number(date.slice(5, 7));

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

async function unitDashboard(
  scope: ActingScope,
  unit: DashboardUnit,
  year: number,
  today: PlainDate,
): Promise<UnitDashboard> {
  const db = scope.context.database.db;
  const includesSubunits = supervisesSubtree(scope.actor, unit.path);
  const showsApplications = canReadApplication(scope.actor, { unitPath: unit.path });
  const filter = includesSubunits ? { subtreePath: unit.path } : { unitIds: [unit.id] };
  const begun = (month: number) => `${year}-${pad(month)}` <= today.slice(0, 7);

  const published: (number | null)[] = [];
  for (let month = 1; month <= 12; month += 1) {
    published.push(
      begun(month) ? (await publicationCounts(db, { ...filter, ...monthRange(year, month) })).total : null,
    );
  }
  const counts = Array.from({ length: 12 }, () => ({ received: 0, decided: 0, onTime: 0, late: 0 }));
  const EMPTY = { received: 0, decided: 0, onTime: 0, late: 0 };
  const countsOf = (month: number) => counts[month - 1] ?? EMPTY;
  let dates: Awaited<ReturnType<typeof listApplicationDates>> = [];
  if (showsApplications) {
    dates = await listApplicationDates(db, { unit, includeSubunits: includesSubunits, year });
    const statistics = await applicationStatistics(scope, {
      unitId: unit.id,
      year,
      includeSubunits: includesSubunits,
    });
    const onTime = new Set(statistics.ids.onTime.onTime);
    const late = new Set(statistics.ids.onTime.late);
    for (const row of dates) {
      if (row.receivedOn.startsWith(`${year}-`)) countsOf(monthOf(row.receivedOn)).received += 1;
      if (row.closedOn?.startsWith(`${year}-`)) {
        const month = countsOf(monthOf(row.closedOn));
        month.decided += 1;
        if (onTime.has(row.id)) month.onTime += 1;
        if (late.has(row.id)) month.late += 1;
      }
    }
  }
  const months: MonthFigures[] = published.map((publications, index) => {
    const month = index + 1;
    const figures = countsOf(month);
    const shown = showsApplications && begun(month);
    return {
      month,
      publications,
      received: shown ? figures.received : null,
      decided: shown ? figures.decided : null,
      onTime: shown ? figures.onTime : null,
      late: shown ? figures.late : null,
      onTimeRate: shown ? percent(figures.onTime, figures.onTime + figures.late) : null,
    };
  });
  const sum = (pick: (month: MonthFigures) => number | null) =>
    months.reduce((total, month) => total + (pick(month) ?? 0), 0);
  return {
    unit,
    includesSubunits,
    showsApplications,
    months,
    totals: {
      publications: sum((month) => month.publications),
      received: showsApplications ? sum((month) => month.received) : null,
      decided: showsApplications ? sum((month) => month.decided) : null,
    },
    subunits: includesSubunits ? await compareSubunits(scope, unit, year, dates) : [],
    ranking: includesSubunits ? await getLatestRanking(scope, unit.id) : null,
  };
}

async function compareSubunits(
  scope: ActingScope,
  unit: DashboardUnit,
  year: number,
  dates: readonly {
    readonly unitPath: string;
    readonly receivedOn: PlainDate;
    readonly closedOn: PlainDate | null;
  }[],
): Promise<SubunitFigures[]> {
  const db = scope.context.database.db;
  const subtree = await listSubtree(db, unit.path);
  const children = subtree.filter((candidate) => candidate.parentId === unit.id);
  if (children.length === 0) return [];
  const pathOf = new Map(subtree.map((candidate) => [candidate.id, candidate.path]));
  const publications = await publicationCounts(db, {
    subtreePath: unit.path,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  return children.map((child) => {
    const inChild = (path: string | undefined) => path !== undefined && path.startsWith(child.path);
    const rows = dates.filter((row) => inChild(row.unitPath));
    return {
      unitId: child.id,
      name: child.name,
      publications: publications.byChannel
        .filter((row) => inChild(pathOf.get(row.unitId)))
        .reduce((total, row) => total + row.count, 0),
      received: rows.filter((row) => row.receivedOn.startsWith(`${year}-`)).length,
      decided: rows.filter((row) => row.closedOn?.startsWith(`${year}-`) === true).length,
    };
  });
}

/** The dashboard of every unit in which the person holds a dashboard role. */
export async function getDashboard(
  scope: ActingScope,
  yearText: unknown,
  now = new Date(),
): Promise<Dashboard> {
  authorizeDashboard(scope.actor);
  const today = chinaDate(now);
  const year = dashboardYear(yearText, today);
  const db = scope.context.database.db;
  const units: UnitDashboard[] = [];
  for (const grant of dashboardGrants(scope.actor)) {
    const unit = await findDashboardUnit(db, grant.unitId);
    if (unit !== null) units.push(await unitDashboard(scope, unit, year, today));
  }
  const current = Number(today.slice(0, 4));
  const years = Array.from({ length: current - FIRST_DASHBOARD_YEAR + 1 }, (_, index) => current - index);
  return { year, years, units };
}
