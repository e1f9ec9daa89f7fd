import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endSessionsAfterRestore } from '../../src/features/accounts/after-restore.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { loadSession, signIn } from '../../src/features/accounts/sessions.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

describe(`after a restore on ${testDialect}`, () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('ends every session that came back with the backup, and records the restore', async () => {
    const operator = operatorScope(context);
    const city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    const password = 'Hg7#water-Lily-2026';
    await createUser(operator, {
      username: 'zhou.editor',
      displayName: '周',
      password,
      grants: [{ unitId: city.id, role: 'editor' }],
    });
    const now = new Date();
    const result = await signIn(
      context,
      { username: 'zhou.editor', password, address: '192.0.2.1', userAgent: null },
      now,
    );
    if (result.kind !== 'signed-in') throw new Error(result.message);
    expect(await loadSession(context, result.token, now)).not.toBeNull();
    expect(await endSessionsAfterRestore(context, 'backup.db', now)).toBe(1);
    expect(await loadSession(context, result.token, now)).toBeNull();
    const entries = await findAuditEntries(context.database.db, { action: 'database.restore' }, 10);
    expect(entries).toHaveLength(1);
  });
});
