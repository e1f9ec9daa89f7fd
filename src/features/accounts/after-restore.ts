// After a database restore the sessions of the backup would be valid again: end them all, and record
// the restore in the (restored) audit log.
import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { revokeAllSessions } from './session-repo.ts';

export async function endSessionsAfterRestore(
  context: AppContext,
  backupFile: string,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = context.database;
  return inTransaction(db, async (trx) => {
    const ended = await revokeAllSessions(trx, dialect, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf({ kind: 'operator' }),
        address: 'cli',
        action: 'database.restore',
        details: { file: backupFile, sessionsEnded: ended },
      },
      now,
    );
    return ended;
  });
}
