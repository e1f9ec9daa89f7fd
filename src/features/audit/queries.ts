// The auditor's view of the audit log: search and export (the export itself is audited).
import type { ActingScope } from '../../app-context.ts';
import { Invalid } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { authorizeAuditLog } from './policy.ts';
import { findAuditEntries, type AuditFilter, type StoredAuditEntry } from './repo.ts';
import { auditActorOf, recordAudit } from './service.ts';

export interface AuditQuery {
  readonly from?: string;
  readonly to?: string;
  readonly actorName?: string;
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: 2024-13-45 matches the pattern but is no date. */
function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const time = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 10) === value;
}

/** Turns the filter form into repo bounds; dates are whole days in China Standard Time (UTC+8). */
function auditFilterOf(query: AuditQuery): AuditFilter {
  for (const [field, value] of [
    ['from', query.from],
    ['to', query.to],
  ] as const) {
    if (value && !isCalendarDate(value)) {
      throw new Invalid(field, `“${field === 'from' ? '起始日期' : '截止日期'}”应为有效日期（YYYY-MM-DD）`);
    }
  }
  const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
  const dayEnd = (day: string) =>
    new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000 - 1).toISOString();
  const filter: { -readonly [K in keyof AuditFilter]: AuditFilter[K] } = {};
  if (query.from) filter.from = dayStart(query.from);
  if (query.to) filter.to = dayEnd(query.to);
  if (query.actorName?.trim()) filter.actorName = query.actorName.trim();
  if (query.action?.trim()) filter.action = query.action.trim();
  if (query.objectType?.trim()) filter.objectType = query.objectType.trim();
  if (query.objectId?.trim()) filter.objectId = query.objectId.trim();
  return filter;
}

export const AUDIT_PAGE_LIMIT = 500;
export const AUDIT_EXPORT_LIMIT = 100_000;

/** Entries matching the filter, newest first, for the auditor's screen. */
export async function searchAuditLog(scope: ActingScope, query: AuditQuery): Promise<StoredAuditEntry[]> {
  authorizeAuditLog(scope.actor);
  return findAuditEntries(scope.context.database.db, auditFilterOf(query), AUDIT_PAGE_LIMIT);
}

/** The export itself is an audited act: who took which part of the log, and how many entries. */
export async function exportAuditLog(
  scope: ActingScope,
  query: AuditQuery,
  now = new Date(),
): Promise<StoredAuditEntry[]> {
  authorizeAuditLog(scope.actor);
  const { db } = scope.context.database;
  const entries = await findAuditEntries(db, auditFilterOf(query), AUDIT_EXPORT_LIMIT);
  await inTransaction(db, (trx) =>
    recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'audit.export',
        objectType: 'audit_log',
        details: { filter: { ...query }, count: entries.length },
      },
      now,
    ),
  );
  return entries;
}
