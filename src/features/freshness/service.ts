// Use cases of the freshness monitor: the overview of the units a person answers for, one unit's columns
// with its sub-units and its late items, and the disclosure office's change of a column's kind (audited).
import type { ActingScope } from '../../app-context.ts';
import { isPlainDate, type PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { categoriesForKind } from '../../core/publishing/categories.ts';
import {
  columnsOf,
  compareWorstFirst,
  isColumnKind,
  type UnitFreshness,
} from '../../core/publishing/freshness.ts';
import { inTransaction } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { lateItems, measureFreshness, type LateItem } from './measure.ts';
import {
  authorizeFreshnessOverview,
  authorizeSetColumnKind,
  authorizeUnitFreshness,
  canSetColumnKind,
} from './policy.ts';
import {
  findKindOverride,
  findUnits,
  listSubcategoriesOf,
  listUnitsIn,
  saveKindOverride,
  type FreshnessUnit,
} from './repo.ts';

/** The day to measure as of: today, or an earlier day asked for (a past measure reads the same later). */
function asOfDate(text: string | null, now: Date): PlainDate {
  const today = chinaDate(now);
  if (text === null || text === '') return today;
  if (!isPlainDate(text) || text > today)
    throw new Invalid('asOf', '统计日期应为今天或以前的日期（YYYY-MM-DD）');
  return text;
}

export interface UnitEntry {
  readonly unit: FreshnessUnit;
  readonly freshness: UnitFreshness;
}

async function measured(scope: ActingScope, units: readonly FreshnessUnit[], asOf: PlainDate) {
  const map = await measureFreshness(
    scope.context.database.db,
    units.map((unit) => unit.id),
    asOf,
  );
  const entries: UnitEntry[] = [];
  for (const unit of units) {
    const freshness = map.get(unit.id);
    if (freshness !== undefined) entries.push({ unit, freshness });
  }
  return entries.sort((a, b) => compareWorstFirst(a.freshness, b.freshness));
}

/** Every unit the person answers for (their units and sub-units), worst first, as of a day. */
export async function getFreshnessOverview(
  scope: ActingScope,
  asOfText: string | null = null,
  now = new Date(),
): Promise<{ asOf: PlainDate; entries: UnitEntry[] }> {
  const scopes = authorizeFreshnessOverview(scope.actor);
  const asOf = asOfDate(asOfText, now);
  const units = await listUnitsIn(scope.context.database.db, scopes);
  return { asOf, entries: await measured(scope, units, asOf) };
}

export interface UnitFreshnessPage {
  readonly unit: FreshnessUnit;
  readonly freshness: UnitFreshness;
  /** The units below it, worst first (empty for a unit without sub-units). */
  readonly subUnits: readonly UnitEntry[];
  readonly late: { readonly from: PlainDate; readonly to: PlainDate; readonly items: readonly LateItem[] };
  readonly canSetKind: boolean;
}

/** One unit as of a day (today unless asked); the Art. 26 list covers that year up to that day. */
export async function getUnitFreshness(
  scope: ActingScope,
  unitId: number,
  asOfText: string | null = null,
  now = new Date(),
): Promise<UnitFreshnessPage> {
  const { db } = scope.context.database;
  const [unit] = await findUnits(db, [unitId]);
  authorizeUnitFreshness(scope.actor, unit);
  const asOf = asOfDate(asOfText, now);
  const below = (await listUnitsIn(db, [unit.path])).filter((candidate) => candidate.id !== unit.id);
  const all = await measured(scope, [unit, ...below], asOf);
  const own = all.find((entry) => entry.unit.id === unit.id);
  if (own === undefined) throw new NotFound('未找到该单位');
  const from = `${asOf.slice(0, 4)}-01-01`;
  return {
    unit,
    freshness: own.freshness,
    subUnits: all.filter((entry) => entry !== own),
    late: { from, to: asOf, items: await lateItems(db, [unit.id], from, asOf) },
    canSetKind: canSetColumnKind(scope.actor, unit.path),
  };
}

/** Sets the kind of one column of the unit (政务公开办 over the unit only); audited with the old kind. */
export async function setColumnKind(
  scope: ActingScope,
  unitId: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const [unit] = await findUnits(trx, [unitId]);
    authorizeSetColumnKind(scope.actor, unit);
    const columnKey = typeof form.column === 'string' ? form.column : '';
    const kind = typeof form.kind === 'string' ? form.kind : '';
    const subcategories = await listSubcategoriesOf(trx, [unit.id]);
    const columns = columnsOf(categoriesForKind(unit.kind), subcategories);
    if (!columns.some((column) => column.key === columnKey))
      throw new Invalid('column', '请选择本单位的栏目');
    if (!isColumnKind(kind)) throw new Invalid('kind', '请选择栏目类型');
    const before = await findKindOverride(trx, unit.id, columnKey);
    const userId = scope.actor.kind === 'staff' ? scope.actor.userId : null;
    await saveKindOverride(trx, dialect, { unitId: unit.id, columnKey, kind, userId }, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'freshness.column-kind',
        objectType: 'unit',
        objectId: unit.id,
        details: { column: columnKey, from: before, to: kind },
      },
      now,
    );
  });
}
