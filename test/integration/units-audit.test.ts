import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invalid, NotFound } from '../../src/core/errors.ts';
import { verifyAudit } from '../../src/features/audit/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit, importUnits, listUnits, moveUnit, updateUnit } from '../../src/features/units/service.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';

describe(`units and the audit trail on ${testDialect}`, () => {
  let context: TestContext;
  let city: Unit;
  let district: Unit;
  let bureau: Unit;
  beforeAll(async () => {
    context = await createTestContext();
    const operator = operatorScope(context);
    city = await addUnit(operator, {
      parentId: null,
      name: '示例市人民政府',
      kind: 'city',
      uscc: '11210105000000001X',
    });
    district = await addUnit(operator, { parentId: city.id, name: '示例区人民政府', kind: 'county' });
    bureau = await addUnit(operator, {
      parentId: district.id,
      name: '示例区教育局',
      kind: 'department',
      contact: { phone: '024-12345678', postcode: '110031', email: 'gk@example.gov.cn' },
    });
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('keeps the hierarchy as paths, and a staff member sees only their subtree', async () => {
    expect(bureau.path).toBe(`/${city.id}/${district.id}/${bureau.id}/`);
    const editor = scopeOf(context, staff([['editor', district]]));
    expect((await listUnits(editor)).map((u) => u.name)).toEqual(['示例区人民政府', '示例区教育局']);
    expect((await listUnits(operatorScope(context))).length).toBe(3);
  });

  it('rejects a wrong 统一社会信用代码 naming the position, and leaves nothing behind', async () => {
    const before = (await listUnits(operatorScope(context))).length;
    const attempt = addUnit(operatorScope(context), {
      parentId: city.id,
      name: '示例市财政局',
      kind: 'department',
      uscc: '11210105000000001Y',
    });
    await expect(attempt).rejects.toThrow(Invalid);
    await expect(attempt).rejects.toThrow(/第18位/);
    expect((await listUnits(operatorScope(context))).length).toBe(before);
  });

  it('lets only a system administrator over the unit change it; others get “not found”', async () => {
    const admin = scopeOf(context, staff([['system-admin', district]]));
    const updated = await updateUnit(admin, bureau.id, { name: '示例区教育局（改）', kind: 'department' });
    expect(updated.name).toBe('示例区教育局（改）');
    const editor = scopeOf(context, staff([['editor', district]]));
    await expect(updateUnit(editor, bureau.id, { name: 'x局', kind: 'department' })).rejects.toThrow(
      NotFound,
    );
    const auditor = scopeOf(context, staff([['security-auditor', city]]));
    await expect(updateUnit(auditor, bureau.id, { name: 'x局', kind: 'department' })).rejects.toThrow(
      NotFound,
    );
    const outsider = scopeOf(context, staff([['system-admin', bureau]]));
    await expect(updateUnit(outsider, district.id, { name: 'x区', kind: 'county' })).rejects.toThrow(
      NotFound,
    );
  });

  it('moves a subtree, and refuses to move a unit under itself', async () => {
    const operator = operatorScope(context);
    const other = await addUnit(operator, { parentId: city.id, name: '示例县人民政府', kind: 'county' });
    const moved = await moveUnit(operator, bureau.id, other.id);
    expect(moved.path).toBe(`/${city.id}/${other.id}/${bureau.id}/`);
    await expect(moveUnit(operator, district.id, district.id)).rejects.toThrow(/不能把/);
    await moveUnit(operator, bureau.id, district.id);
  });

  it('imports units all or nothing, naming the row and the field of the first error', async () => {
    const operator = operatorScope(context);
    const before = (await listUnits(operator)).length;
    await expect(
      importUnits(operator, [
        { name: '示例区司法局', kind: 'department', parent: '示例区人民政府' },
        { name: '示例区司法局某科', kind: 'section', parent: '示例区司法局' },
      ]),
    ).rejects.toThrow(/第 3 行：“单位类型”应为/);
    expect((await listUnits(operator)).length).toBe(before);
    const added = await importUnits(operator, [
      { name: '示例区司法局', kind: 'department', parent: '示例区人民政府' },
      { name: '示例街道办事处', kind: 'street', parent: '11210105000000001X' },
    ]);
    expect(added.map((u) => u.parentId)).toEqual([district.id, city.id]);
  });

  it('writes an audit entry for every change, in the same transaction, in an unbroken chain', async () => {
    const entries = await findAuditEntries(context.database.db, { objectType: 'unit' }, 100);
    expect(entries.filter((e) => e.action === 'unit.add').length).toBeGreaterThanOrEqual(6);
    expect(entries.some((e) => e.action === 'unit.update' && e.actorName === 'tester')).toBe(true);
    expect(await verifyAudit(context.database.db)).toMatchObject({ ok: true });
  });

  it('numbers entries without gaps when many changes run at once', async () => {
    const operator = operatorScope(context);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        addUnit(operator, { parentId: city.id, name: `并发单位${i}`, kind: 'other' }),
      ),
    );
    expect(await verifyAudit(context.database.db)).toMatchObject({ ok: true });
  });

  it('refuses to update or delete audit entries, and detects and locates tampering done around that', async () => {
    const db = context.database.db;
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 2`.execute(db)).rejects.toThrow();
    await expect(sql`DELETE FROM audit_log WHERE seq = 2`.execute(db)).rejects.toThrow();

    // Someone with direct access to the database disables the guard and edits an entry.
    const disable =
      testDialect === 'postgres'
        ? sql`ALTER TABLE audit_log DISABLE TRIGGER USER`
        : sql`DROP TRIGGER audit_log_no_update`;
    await disable.execute(db);
    await sql`UPDATE audit_log SET actor_name = '另一个人' WHERE seq = 3`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, seq: 3 });
    expect(((await verifyAudit(db)) as { message: string }).message).toContain('3');
  });

  it('detects entries deleted from the end of the log', async () => {
    const db = context.database.db;
    await sql`UPDATE audit_log SET actor_name = '命令行操作员' WHERE seq = 3`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    if (testDialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    const { rows } = await sql<{ last: number }>`SELECT max(seq) AS last FROM audit_log`.execute(db);
    const last = Number(rows[0]?.last);
    await sql`DELETE FROM audit_log WHERE seq = ${last}`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, seq: last });
  });
});
