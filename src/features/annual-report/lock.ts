// The year lock (条例第五十条: the published report must stay true to the records): publishing a unit's
// report for year Y locks (unit, Y); while locked, any change that would alter that report is refused
// with a Conflict naming the report and who may unlock it. A supervisor of the unit or above unlocks with
// a mandatory reason (audited); the next publication locks again.
import type { ActingScope } from '../../app-context.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import type { DialectName } from '../../db/dialect.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { authorizePublishReport } from './publish-policy.ts';
import { findReportUnit } from './publish-repo.ts';
import { insertLockEvent, listLockEvents, type LockEvent } from './lock-repo.ts';

/** Years a change touches: from `from` to `to` inclusive; `to` null: every later year too. */
export interface YearSpan {
  readonly from: number;
  readonly to: number | null;
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The locked (unit, year) pairs among the events given: the latest event of each pair decides. */
function lockedPairs(events: readonly LockEvent[]): { unitId: number; year: number }[] {
  const latest = new Map<string, LockEvent>();
  for (const event of events) latest.set(`${event.unitId}:${event.year}`, event);
  return [...latest.values()]
    .filter((event) => event.event === 'lock')
    .map(({ unitId, year }) => ({ unitId, year }))
    .sort((a, b) => a.year - b.year || a.unitId - b.unitId);
}

/**
 * Refuses the change when a report it would alter is published and locked: one of `unitIds` has a locked
 * year inside one of the spans.
 */
export async function assertUnlocked(
  db: Executor,
  unitIds: readonly number[],
  spans: readonly YearSpan[],
): Promise<void> {
  if (spans.length === 0) return;
  const from = Math.min(...spans.map((span) => span.from));
  const to = spans.some((span) => span.to === null)
    ? null
    : Math.max(...spans.map((span) => span.to ?? span.from));
  const events = await listLockEvents(db, unitIds, from, to);
  const hit = lockedPairs(events).find(({ year }) =>
    spans.some((span) => year >= span.from && (span.to === null || year <= span.to)),
  );
  if (hit === undefined) return;
  const unit = await findReportUnit(db, hit.unitId);
  throw new Conflict(
    `${unit?.name ?? ''}${hit.year}年政府信息公开工作年度报告已发布，该年度已锁定，此项修改会改变已发布的报告，不能保存。` +
      `确需更正的，请由本单位或上级单位的政务公开办负责人在年度报告页面说明理由解锁，修改后重新发布。`,
  );
}

/** Locks the year at publication (inside the publishing transaction). */
export async function lockYear(
  trx: Executor,
  dialect: DialectName,
  scope: ActingScope,
  report: { readonly unitId: number; readonly year: number; readonly version: number },
  now: Date,
): Promise<void> {
  const actor = auditActorOf(scope.actor);
  await insertLockEvent(
    trx,
    dialect,
    { ...report, event: 'lock', reason: null, actorId: actor.id, actorName: actor.name ?? '' },
    now,
  );
}

export interface LockState {
  readonly locked: boolean;
  /** Every lock and unlock of the year, oldest first. */
  readonly history: readonly LockEvent[];
}

export async function lockStateOf(db: Executor, unitId: number, year: number): Promise<LockState> {
  const history = await listLockEvents(db, [unitId], year, year);
  return { locked: history.at(-1)?.event === 'lock', history };
}

/** Unlocks a published year: supervisors of the unit or above, with a reason; audited. */
export async function unlockYear(
  scope: ActingScope,
  request: { readonly unitId: number; readonly year: number; readonly reason: string },
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  const reason = request.reason.trim();
  await inTransaction(db, async (trx) => {
    const unit = await findReportUnit(trx, request.unitId);
    authorizePublishReport(scope.actor, unit);
    if (reason === '') throw new Invalid('reason', '解锁须填写理由（说明需要更正的记录）');
    if (reason.length > 500) throw new Invalid('reason', '解锁理由不能超过 500 个字');
    const state = await lockStateOf(trx, unit.id, request.year);
    if (!state.locked) throw new Conflict(`${unit.name}${request.year}年度报告未锁定，无需解锁`);
    const actor = auditActorOf(scope.actor);
    const id = await insertLockEvent(
      trx,
      dialect,
      {
        unitId: unit.id,
        year: request.year,
        event: 'unlock',
        version: null,
        reason,
        actorId: actor.id,
        actorName: actor.name ?? '',
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actor,
        address: scope.address,
        action: 'annual_report.unlock',
        objectType: 'annual_report_lock',
        objectId: id,
        details: { unitId: unit.id, year: request.year, reason },
      },
      now,
    );
  });
}
