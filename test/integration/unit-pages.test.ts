import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit, getUnit, listUnits } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { multipartBody } from '../support/multipart.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

describe(`unit pages on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let admin: SignedIn;
  let city: Unit;
  let district: Unit;
  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '示例区人民政府', kind: 'county' });
    await createUser(operator, {
      username: 'feng.admin',
      displayName: '冯',
      password: PASSWORD,
      grants: [{ unitId: city.id, role: 'system-admin' }],
    });
    admin = await signInOverHttp(app, 'feng.admin', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  const post = (url: string, fields: Record<string, string>) => postAs(app, admin, url, fields);

  const upload = (csv: string) => {
    const { body, contentType } = multipartBody([
      { name: 'file', fileName: 'units.csv', data: Buffer.from(csv) },
    ]);
    return app.inject({
      method: 'POST',
      url: `/admin/units/import?_csrf=${encodeURIComponent(admin.csrf)}`,
      headers: { cookie: admin.cookie, 'content-type': contentType },
      payload: body,
    });
  };

  it('edits a unit and shows a wrong 统一社会信用代码 on the page, naming the position', async () => {
    const bad = await post(`/admin/units/${district.id}`, {
      name: '示例区人民政府',
      kind: 'county',
      uscc: '11210105000000001Y',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('第18位');
    const good = await post(`/admin/units/${district.id}`, {
      name: '示例区人民政府',
      kind: 'county',
      uscc: '11210105000000001X',
      officeName: '示例区人民政府办公室',
      phone: '024-86123456',
      postcode: '110031',
    });
    expect(good.statusCode).toBe(303);
    const unit = await getUnit(operatorScope(context), district.id);
    expect(unit.contact).toMatchObject({ officeName: '示例区人民政府办公室', phone: '024-86123456' });
  });

  it('imports units from an uploaded CSV all or nothing, and moves a unit', async () => {
    const before = (await listUnits(operatorScope(context))).length;
    const bad = await upload(
      '单位名称,单位类型,上级单位\n示例区教育局,department,示例区人民政府\n示例区某局,bureau,示例区人民政府\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('第 3 行');
    expect((await listUnits(operatorScope(context))).length).toBe(before);

    const good = await upload(
      '单位名称,单位类型,上级单位\n示例区教育局,department,示例区人民政府\n示例街道,street,示例市人民政府\n',
    );
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('已导入 2 个单位');
    const street = (await listUnits(operatorScope(context))).find((u) => u.name === '示例街道') as Unit;
    const moved = await post(`/admin/units/${street.id}/move`, { parentId: String(district.id) });
    expect(moved.statusCode).toBe(303);
    expect((await getUnit(operatorScope(context), street.id)).parentId).toBe(district.id);
  });
});
