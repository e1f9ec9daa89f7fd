import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { recordAudit } from '../../src/features/audit/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit, listUnits } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

describe(`the auditor's audit log on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let auditor: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    const city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    await addUnit(operator, { parentId: city.id, name: '示例区人民政府', kind: 'county' });
    for (const [username, role] of [
      ['zhao.audit', 'security-auditor'],
      ['qian.admin', 'system-admin'],
    ] as const) {
      await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: city.id, role }],
      });
    }
    auditor = await signInOverHttp(app, 'zhao.audit', PASSWORD);
    admin = await signInOverHttp(app, 'qian.admin', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('lets the auditor filter the log by action and actor', async () => {
    const all = await app.inject({ method: 'GET', url: '/admin/audit', headers: { cookie: auditor.cookie } });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('unit.add');
    expect(all.body).toContain('session.sign-in');
    const units = await app.inject({
      method: 'GET',
      url: '/admin/audit?action=unit.add',
      headers: { cookie: auditor.cookie },
    });
    expect(units.body).toContain('unit.add');
    expect(units.body).not.toContain('session.sign-in');
    const bad = await app.inject({
      method: 'GET',
      url: '/admin/audit?from=2026-13-99x',
      headers: { cookie: auditor.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('起始日期');
    const impossible = await app.inject({
      method: 'GET',
      url: '/admin/audit?to=2024-13-45',
      headers: { cookie: auditor.cookie },
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('截止日期');
  });

  it('exports CSV that opens in Excel, and records the export itself', async () => {
    const csv = await app.inject({
      method: 'GET',
      url: '/admin/audit/export.csv?action=unit.add',
      headers: { cookie: auditor.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.body.startsWith('\uFEFF序号,时间')).toBe(true);
    expect(csv.body.split('\n').filter((line) => line.includes('unit.add'))).toHaveLength(2);
    const after = await app.inject({
      method: 'GET',
      url: '/admin/audit?action=audit.export',
      headers: { cookie: auditor.cookie },
    });
    expect(after.body).toContain('zhao.audit');
  });

  it('keeps an auditor appointed in a sub-unit out of the installation-wide log', async () => {
    const district = (await listUnits(operatorScope(context))).find((u) => u.parentId !== null) as Unit;
    await createUser(operatorScope(context), {
      username: 'sub.audit',
      displayName: 'sub',
      password: PASSWORD,
      grants: [{ unitId: district.id, role: 'security-auditor' }],
    });
    const subAuditor = await signInOverHttp(app, 'sub.audit', PASSWORD);
    const response = await app.inject({
      method: 'GET',
      url: '/admin/audit',
      headers: { cookie: subAuditor.cookie },
    });
    expect(response.statusCode).toBe(404);
  });

  it('defuses spreadsheet formulas in the CSV export', async () => {
    await inTransaction(context.database.db, (trx) =>
      recordAudit(trx, {
        actor: null,
        address: 'cli',
        action: 'test.formula',
        objectType: '=HYPERLINK("x")',
      }),
    );
    const csv = await app.inject({
      method: 'GET',
      url: '/admin/audit/export.csv?action=test.formula',
      headers: { cookie: auditor.cookie },
    });
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv.body).toContain("'=HYPERLINK");
  });

  it('keeps the system administrator out of the audit log (separation of duties)', async () => {
    for (const url of ['/admin/audit', '/admin/audit/export.csv']) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      expect(response.statusCode).toBe(404);
    }
  });
});
