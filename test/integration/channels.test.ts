// The channels registry through HTTP: registering, changing and closing channels (a warning for a
// second open account on a platform), recording publications by entry and by CSV and XLSX import (all or
// nothing, the rejected rows named by row and column), and publicationCounts over a unit and a subtree,
// including the platform's own column counted from its published items.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { OWN_COLUMN_NAME, publicationCounts } from '../../src/features/channels/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { multipartBody } from '../support/multipart.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';

describe(`channels registry through HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let other: Unit;
  let editor: SignedIn;
  let outsider: SignedIn;
  const ids: Record<string, number> = {};

  const channelRows = () => context.database.db.selectFrom('channels').selectAll().orderBy('id').execute();
  const publicationCount = async () =>
    Number(
      (
        await context.database.db
          .selectFrom('channel_publications')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (who: SignedIn, unitId: number, fileName: string, data: Buffer) => {
    const { body, contentType } = multipartBody([{ name: 'file', fileName, data }]);
    return app.inject({
      method: 'POST',
      url: `/admin/channels/units/${unitId}/import?_csrf=${encodeURIComponent(who.csrf)}`,
      headers: { cookie: who.cookie, 'content-type': contentType },
      payload: body,
    });
  };
  const rejectedOf = (body: string) =>
    [...body.matchAll(/data-row="(\d+)" data-column="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
  const addItem = async (unit: Unit, serial: number, publishedOn: string | null, status = 'published') => {
    const at = fromDate(context.database.dialect, new Date());
    await context.database.db
      .insertInto('publishing_items')
      .values({
        unit_id: unit.id,
        status,
        sub_column: 'proactive',
        title: `信息${serial}`,
        summary: '概述',
        body: '正文',
        disclosure_method: '主动公开',
        disclosure_period: '长期公开',
        format: 'HTML',
        version: 1,
        round: 1,
        index_number: publishedOn === null ? null : `T-${unit.id}-${serial}`,
        published_year: publishedOn === null ? null : Number(publishedOn.slice(0, 4)),
        serial: publishedOn === null ? null : serial,
        published_on: publishedOn,
        created_at: at,
        updated_at: at,
      })
      .execute();
  };

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '甲区教育局', kind: 'department' });
    other = await addUnit(operator, { parentId: null, name: '乙区人民政府', kind: 'county' });
    await createUser(operator, {
      username: 'editor',
      displayName: '编辑甲',
      password: PASSWORD,
      grants: [{ unitId: district.id, role: 'supervisor' }],
    });
    await createUser(operator, {
      username: 'outsider',
      displayName: '编辑乙',
      password: PASSWORD,
      grants: [{ unitId: other.id, role: 'editor' }],
    });
    editor = await signInOverHttp(app, 'editor', PASSWORD);
    outsider = await signInOverHttp(app, 'outsider', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('registers channels, warns of a second open account on one platform, and records changes', async () => {
    const add = (unit: Unit, fields: Record<string, string>) =>
      postAs(app, editor, `/admin/channels/units/${unit.id}`, fields);
    expect((await add(district, { kind: 'website', name: '政策解读' })).statusCode).toBe(303);
    expect(
      (
        await add(district, {
          kind: 'new-media',
          platform: 'wechat',
          name: '甲区发布',
          recordNumber: 'WX-2020-001',
          openedOn: '2020-01-01',
        })
      ).statusCode,
    ).toBe(303);
    expect((await add(district, { kind: 'traditional', name: '甲区日报' })).statusCode).toBe(303);
    expect((await add(bureau, { kind: 'platform', name: '甲区政务服务网' })).statusCode).toBe(303);
    const noPlatform = await add(district, { kind: 'new-media', name: '无平台' });
    expect(noPlatform.statusCode).toBe(400);
    expect(noPlatform.body).toContain('政务新媒体须选择平台');
    // A second open account on one platform is a warning, not a refusal (the rule says 原则上).
    const second = await add(district, {
      kind: 'new-media',
      platform: 'wechat',
      name: '甲区发布二号',
      openedOn: '2026-01-01',
    });
    expect(second.statusCode).toBe(303);
    const warned = await app.inject({
      method: 'GET',
      url: `/admin/channels/units/${district.id}`,
      headers: { cookie: editor.cookie },
    });
    expect(
      warned.body.match(/一个单位在同一平台原则上只开设一个账号：本单位在“微信”有多个运行中的账号/g),
    ).toHaveLength(2);
    const list = await app.inject({
      method: 'GET',
      url: '/admin/channels',
      headers: { cookie: editor.cookie },
    });
    expect(list.body).toContain('本单位在“微信”有多个运行中的账号');
    const secondId = (await channelRows()).find((row) => row.name === '甲区发布二号')?.id ?? 0;
    expect(
      (
        await postAs(app, editor, `/admin/channels/${secondId}/events`, {
          kind: 'closed',
          occurredOn: '2026-02-01',
        })
      ).statusCode,
    ).toBe(303);
    await context.database.db.deleteFrom('channel_events').where('channel_id', '=', secondId).execute();
    await context.database.db.deleteFrom('channels').where('id', '=', secondId).execute();
    expect(
      (await postAs(app, outsider, `/admin/channels/units/${district.id}`, { kind: 'website', name: 'x' }))
        .statusCode,
    ).toBe(404);

    const rows = await channelRows();
    expect(rows.map((row) => [row.unit_id, row.kind, row.platform, row.name, row.status])).toEqual([
      [district.id, 'website', null, '政策解读', 'active'],
      [district.id, 'new-media', 'wechat', '甲区发布', 'active'],
      [district.id, 'traditional', null, '甲区日报', 'active'],
      [bureau.id, 'platform', null, '甲区政务服务网', 'active'],
    ]);
    for (const [index, name] of ['column', 'wechat', 'paper', 'platform'].entries()) {
      ids[name] = rows[index]?.id ?? 0;
    }

    const closed = await postAs(app, editor, `/admin/channels/${ids.wechat}`, {
      kind: 'new-media',
      platform: 'wechat',
      name: '甲区发布',
      recordNumber: 'WX-2020-001',
      status: 'closed',
      openedOn: '2020-01-01',
      closedOn: '2026-06-30',
    });
    expect(closed.statusCode).toBe(303);
    const noDate = await postAs(app, editor, `/admin/channels/${ids.paper}`, {
      kind: 'traditional',
      name: '甲区日报',
      status: 'closed',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('已关停的渠道须填写关停日期');
    expect(
      (await postAs(app, outsider, `/admin/channels/${ids.paper}`, { kind: 'traditional', name: 'x' }))
        .statusCode,
    ).toBe(404);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('object_type', '=', 'channel')
      .where('object_id', '=', String(ids.wechat))
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['channel.add', 'channel.update']);
    expect(JSON.parse(String(audit[1]?.details))).toMatchObject({
      before: { status: 'active', closedOn: null },
      after: { status: 'closed', closedOn: '2026-06-30' },
    });
    const page = await app.inject({
      method: 'GET',
      url: `/admin/channels/units/${district.id}`,
      headers: { cookie: editor.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('甲区发布（已关停');
  });

  it('records a publication typed in, refusing one after the channel closed', async () => {
    const entry = (channel: number, fields: Record<string, string>) =>
      postAs(app, editor, `/admin/channels/${channel}/publications`, fields);
    expect(
      (await entry(ids.paper ?? 0, { publishedOn: '2026-02-10', title: '甲区召开预算公开会' })).statusCode,
    ).toBe(303);
    const late = await entry(ids.wechat ?? 0, { publishedOn: '2026-07-01', title: '关停后' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('日期晚于该渠道的关停日期 2026-06-30');
    expect(await publicationCount()).toBe(1);
  });

  it('imports a CSV whole or not at all, naming every rejected row and column', async () => {
    const bad = [
      '日期,渠道,标题,链接',
      '2026-03-01,甲区日报,第一篇,https://example.gov.cn/1',
      '2026-02-30,甲区日报,日期不存在,',
      '2026-03-02,不存在的渠道,第三篇,',
      '2026/3/3,甲区发布,第四篇,ftp://x',
      ',,,',
      '2026-07-05,甲区发布,关停之后,',
    ].join('\n');
    const refused = await upload(editor, district.id, 'list.csv', Buffer.from(`\uFEFF${bad}`));
    expect(refused.statusCode).toBe(400);
    expect(rejectedOf(refused.body)).toEqual(['3:日期', '4:渠道', '5:链接', '7:日期']);
    expect(await publicationCount()).toBe(1);

    const good = [
      '标题,日期,渠道,链接',
      '第一篇,2026-03-01,甲区日报,https://example.gov.cn/1',
      '第二篇,2026/3/2,甲区日报,',
      '第三篇,2026年3月3日,甲区发布,',
    ].join('\r\n');
    const accepted = await upload(editor, district.id, 'list.CSV', Buffer.from(good));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('已导入 3 条发布记录');
    expect(await publicationCount()).toBe(4);
    const withoutHeader = await upload(
      editor,
      district.id,
      'list.csv',
      Buffer.from('日期,标题\n2026-01-01,x\n'),
    );
    expect(rejectedOf(withoutHeader.body)).toEqual(['1:渠道']);
    expect((await upload(outsider, district.id, 'list.csv', Buffer.from(good))).statusCode).toBe(404);
    expect(await publicationCount()).toBe(4);
  });

  it('imports an XLSX with date cells, and refuses one with a bad row', async () => {
    const workbook = async (rows: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('发布记录');
      sheet.addRow(['日期', '渠道', '标题', '链接']);
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const refused = await upload(
      editor,
      district.id,
      'list.xlsx',
      await workbook([
        [
          new Date(Date.UTC(2026, 3, 1)),
          '甲区日报',
          '四月报道',
          { text: '链接', hyperlink: 'https://example.gov.cn/4' },
        ],
        [new Date(Date.UTC(2026, 3, 2)), '甲区日报', '', ''],
      ]),
    );
    expect(refused.statusCode).toBe(400);
    expect(rejectedOf(refused.body)).toEqual(['3:标题']);
    const accepted = await upload(
      editor,
      district.id,
      'list.xlsx',
      await workbook([
        [
          new Date(Date.UTC(2026, 3, 1)),
          '甲区日报',
          '四月报道',
          { text: '链接', hyperlink: 'https://example.gov.cn/4' },
        ],
        ['2026-04-02', '甲区日报', '四月第二篇', ''],
        [new Date(Date.UTC(2026, 5, 30)), '甲区发布', '关停当日', ''],
        [new Date(Date.UTC(2025, 11, 31)), '政策解读', '去年的解读', ''],
      ]),
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('已导入 4 条发布记录');
    const april = await context.database.db
      .selectFrom('channel_publications')
      .select(['published_on', 'url', 'origin'])
      .where('title', '=', '四月报道')
      .executeTakeFirstOrThrow();
    expect(april).toEqual({ published_on: '2026-04-01', url: 'https://example.gov.cn/4', origin: 'import' });
    expect(await publicationCount()).toBe(8);
  });

  it('counts publications per channel kind and per channel, the own column from published items', async () => {
    await addItem(district, 1, '2026-01-05');
    await addItem(district, 2, '2026-12-31', 'withdrawn');
    await addItem(district, 3, '2025-12-31');
    await addItem(district, 4, null, 'draft');
    await addItem(bureau, 5, '2026-05-01');
    await context.database.db
      .insertInto('channel_publications')
      .values({
        channel_id: ids.platform ?? 0,
        published_on: '2026-05-02',
        title: '办事指南更新',
        url: null,
        origin: 'entry',
        created_by: null,
        created_at: fromDate(context.database.dialect, new Date()),
      })
      .execute();
    const db = context.database.db;
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const own = await publicationCounts(db, { unitIds: [district.id], ...year });
    expect(own.byKind).toEqual({ website: 2, 'new-media': 2, traditional: 5, platform: 0 });
    expect(own.total).toBe(9);
    expect(own.byChannel).toEqual([
      { channelId: null, unitId: district.id, kind: 'website', name: OWN_COLUMN_NAME, count: 2 },
      { channelId: ids.wechat, unitId: district.id, kind: 'new-media', name: '甲区发布', count: 2 },
      { channelId: ids.paper, unitId: district.id, kind: 'traditional', name: '甲区日报', count: 5 },
    ]);
    const tree = await publicationCounts(db, { subtreePath: district.path, ...year });
    expect(tree.byKind).toEqual({ website: 3, 'new-media': 2, traditional: 5, platform: 1 });
    expect(tree.byChannel.filter((row) => row.unitId === bureau.id)).toEqual([
      { channelId: null, unitId: bureau.id, kind: 'website', name: OWN_COLUMN_NAME, count: 1 },
      { channelId: ids.platform, unitId: bureau.id, kind: 'platform', name: '甲区政务服务网', count: 1 },
    ]);
    const lastYear = await publicationCounts(db, {
      unitIds: [district.id],
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(lastYear.byKind).toEqual({ website: 2, 'new-media': 0, traditional: 0, platform: 0 });
    expect((await publicationCounts(db, { unitIds: [other.id], ...year })).total).toBe(0);
  });
});
