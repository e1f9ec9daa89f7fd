// `gongkai demo --reset`: refused in production and when the database holds more than the demo (unless
// forced); otherwise every table is dropped, the database migrated again and the demo seeded anew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '../../src/core/errors.ts';
import { DEMO_UNITS } from '../../src/features/demo/plan.ts';
import { nonDemoContent, resetDemo } from '../../src/features/demo/reset.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

describe(`resetting the demo deployment on ${testDialect}`, () => {
  let context: TestContext;
  const unitNames = async () =>
    (await context.database.db.selectFrom('units').select('name').orderBy('id').execute()).map(
      (unit) => unit.name,
    );

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    await addUnit(operatorScope(context), { parentId: null, name: '乙市人民政府', kind: 'city' });
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('refuses a database with records that are not the demo, and refuses in production', async () => {
    expect(await nonDemoContent(context.database)).toEqual(['单位“乙市人民政府”']);
    await expect(resetDemo(context, { force: false })).rejects.toThrow(
      new Conflict('数据库中不只有演示数据（单位“乙市人民政府”），未重置；确需清空全部数据请加 --force'),
    );
    const production = { ...context, config: { ...context.config, env: 'production' as const } };
    await expect(resetDemo(production, { force: true })).rejects.toThrow(
      new Conflict('生产环境（NODE_ENV=production）不能重置演示数据'),
    );
    expect(await unitNames()).toEqual(['乙市人民政府']);
  });

  it('with --force drops everything and seeds the demo again, after which it holds only the demo', async () => {
    const demo = await resetDemo(context, { force: true });
    expect(demo.accounts).toHaveLength(8);
    expect(await unitNames()).toEqual(DEMO_UNITS.map((unit) => unit.name));
    const applications = await context.database.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(applications.n)).toBe(205);
    const reports = await context.database.db
      .selectFrom('annual_reports')
      .select(['year', 'version'])
      .execute();
    expect(reports).toEqual([{ year: 2023, version: 1 }]);
    expect(await nonDemoContent(context.database)).toEqual([]);
  }, 180_000);
});
