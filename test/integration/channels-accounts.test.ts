// New-media accounts (政务新媒体) through HTTP: the account's status history with documents checked by
// content, the activity as of past dates (only posts and events on or before the date count), the zombie
// edge (13, 14, 15 silent days), and the activity page of a unit's subtree.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { newMediaActivity } from '../../src/features/channels/activity.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { fakePdf, tinyPng } from '../support/files.ts';
import { multipartBody } from '../support/multipart.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';

describe(`new-media accounts through HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let other: Unit;
  let supervisor: SignedIn;
  let outsider: SignedIn;
  let wechat = 0;
  let weibo = 0;

  const accountId = async (name: string) =>
    (
      await context.database.db
        .selectFrom('channels')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const history = async (channelId: number) =>
    (
      await context.database.db
        .selectFrom('channel_events')
        .select(['kind', 'occurred_on', 'note', 'document_name', 'document_type'])
        .where('channel_id', '=', channelId)
        .orderBy('id')
        .execute()
    ).map((row) => [row.kind, row.occurred_on, row.note, row.document_name, row.document_type]);
  const sendEvent = (who: SignedIn, channelId: number, fields: Record<string, string>, file?: Buffer) => {
    const { body, contentType } = multipartBody([
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      ...(file ? [{ name: 'document', fileName: '备案变更通知.png', data: file }] : []),
    ]);
    return app.inject({
      method: 'POST',
      url: `/admin/channels/${channelId}/events?_csrf=${encodeURIComponent(who.csrf)}`,
      headers: { cookie: who.cookie, 'content-type': contentType },
      payload: body,
    });
  };
  const get = (who: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const summary = async (asOf: string) => {
    const map = await newMediaActivity(context.database.db, [district.id, bureau.id, other.id], asOf);
    return [district, bureau, other].map((unit) => {
      const entry = map.get(unit.id);
      return [
        entry?.accounts,
        entry?.zombies,
        entry?.nearZombies,
        entry?.posts,
        entry?.details[0]?.silentDays,
      ];
    });
  };

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '甲区教育局', kind: 'department' });
    other = await addUnit(operator, { parentId: null, name: '乙区人民政府', kind: 'county' });
    await createUser(operator, {
      username: 'office',
      displayName: '公开办',
      password: PASSWORD,
      grants: [{ unitId: district.id, role: 'supervisor' }],
    });
    await createUser(operator, {
      username: 'outsider',
      displayName: '乙区编辑',
      password: PASSWORD,
      grants: [{ unitId: other.id, role: 'editor' }],
    });
    supervisor = await signInOverHttp(app, 'office', PASSWORD);
    outsider = await signInOverHttp(app, 'outsider', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('registers accounts with their id and operator and starts their history with the opening', async () => {
    const added = await postAs(app, supervisor, `/admin/channels/units/${district.id}`, {
      kind: 'new-media',
      platform: 'wechat',
      name: '甲区发布',
      accountId: 'gh_0a1b2c',
      recordNumber: 'WX-2026-001',
      operator: '甲区融媒体中心',
      openedOn: '2026-01-05',
    });
    expect(added.statusCode).toBe(303);
    expect(
      (
        await postAs(app, supervisor, `/admin/channels/units/${bureau.id}`, {
          kind: 'new-media',
          platform: 'weibo',
          name: '甲区教育',
          openedOn: '2026-01-05',
        })
      ).statusCode,
    ).toBe(303);
    wechat = await accountId('甲区发布');
    weibo = await accountId('甲区教育');
    const row = await context.database.db
      .selectFrom('channels')
      .select(['account_id', 'operator', 'record_number'])
      .where('id', '=', wechat)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      account_id: 'gh_0a1b2c',
      operator: '甲区融媒体中心',
      record_number: 'WX-2026-001',
    });
    expect(await history(wechat)).toEqual([['opened', '2026-01-05', '登记账号时填写', null, null]]);
  });

  it('records changes with a document checked by its content, and refuses what does not fit', async () => {
    const changed = await sendEvent(
      supervisor,
      wechat,
      { kind: 'changed', occurredOn: '2026-03-01', note: '备案信息变更' },
      tinyPng(),
    );
    expect(changed.statusCode).toBe(303);
    const notImage = await sendEvent(
      supervisor,
      wechat,
      { kind: 'changed', occurredOn: '2026-03-02', note: '再次变更' },
      fakePdf(),
    );
    expect(notImage.statusCode).toBe(400);
    expect(notImage.body).toContain('不是 PDF、JPEG、PNG、DOCX 文件（按文件内容识别）');
    const tooBig = await sendEvent(
      supervisor,
      wechat,
      { kind: 'changed', occurredOn: '2026-03-02', note: '再次变更' },
      Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(tooBig.statusCode).toBe(413);
    const reopen = await sendEvent(supervisor, wechat, { kind: 'opened', occurredOn: '2026-03-03' });
    expect(reopen.statusCode).toBe(400);
    expect(reopen.body).toContain('该账号正在运行，无需登记开设');
    expect(
      (await sendEvent(outsider, wechat, { kind: 'changed', occurredOn: '2026-03-01', note: 'x' }))
        .statusCode,
    ).toBe(404);

    const [, second] = await context.database.db
      .selectFrom('channel_events')
      .select('id')
      .where('channel_id', '=', wechat)
      .orderBy('id')
      .execute();
    const download = await get(supervisor, `/admin/channels/events/${second?.id}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(tinyPng())).toBe(true);
    expect((await get(outsider, `/admin/channels/events/${second?.id}/document`)).statusCode).toBe(404);

    // A rename through the registration form is a change of that day; moving the opening date is refused.
    const renamed = await postAs(app, supervisor, `/admin/channels/${wechat}`, {
      kind: 'new-media',
      platform: 'wechat',
      name: '甲区发布厅',
      accountId: 'gh_0a1b2c',
      recordNumber: 'WX-2026-001',
      operator: '甲区融媒体中心',
      openedOn: '2026-01-05',
    });
    expect(renamed.statusCode).toBe(303);
    const moved = await postAs(app, supervisor, `/admin/channels/${wechat}`, {
      kind: 'new-media',
      platform: 'wechat',
      name: '甲区发布厅',
      openedOn: '2026-01-01',
    });
    expect(moved.statusCode).toBe(400);
    const events = await history(wechat);
    expect(events.slice(0, 2)).toEqual([
      ['opened', '2026-01-05', '登记账号时填写', null, null],
      ['changed', '2026-03-01', '备案信息变更', '备案变更通知.png', 'image/png'],
    ]);
    expect(events[2]?.slice(0, 1)).toEqual(['changed']);
    expect(events[2]?.[2]).toBe('名称：甲区发布 → 甲区发布厅');
    expect(events).toHaveLength(3);

    const page = await get(supervisor, `/admin/channels/units/${district.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('备案变更通知.png');
    expect(page.body).toContain('名称：甲区发布 → 甲区发布厅');
  });

  it('reads activity as of past dates, with the zombie edge at 14 silent days', async () => {
    for (const [channel, day] of [
      [wechat, '2026-10-01'],
      [wechat, '2026-11-01'],
      [weibo, '2026-11-05'],
    ] as const) {
      const entry = await postAs(app, supervisor, `/admin/channels/${channel}/publications`, {
        publishedOn: day,
        title: `${day} 发布`,
      });
      expect(entry.statusCode).toBe(303);
    }
    const closed = await sendEvent(supervisor, weibo, {
      kind: 'closed',
      occurredOn: '2026-11-20',
      note: '整合关停',
    });
    expect(closed.statusCode).toBe(303);

    // [accounts, zombies, nearZombies, posts in the 14 days ending asOf, silent days of the first account]
    expect(await summary('2026-11-14')).toEqual([
      [1, 0, 1, 1, 13],
      [1, 0, 0, 1, 9],
      [0, 0, 0, 0, undefined],
    ]);
    // A zombie has no post in the 14 days ending asOf: zombie and window agree.
    expect((await summary('2026-11-15'))[0]).toEqual([1, 1, 0, 0, 14]);
    expect((await summary('2026-11-16'))[0]).toEqual([1, 1, 0, 0, 15]);
    // The November post did not exist yet on 15 October.
    expect((await summary('2026-10-15'))[0]).toEqual([1, 1, 0, 0, 14]);
    expect((await summary('2026-10-14'))[0]).toEqual([1, 0, 1, 1, 13]);
    // Before its first post an account's silence counts from its opening; not open yet counts nothing.
    expect((await summary('2026-01-19'))[0]).toEqual([1, 1, 0, 0, 14]);
    expect((await summary('2026-01-04'))[0]).toEqual([0, 0, 0, 0, undefined]);
    // The bureau's account: open on the day before its closing, not from the closing day on.
    expect((await summary('2026-11-19'))[1]).toEqual([1, 1, 0, 0, 14]);
    expect((await summary('2026-11-20'))[1]).toEqual([0, 0, 0, 0, undefined]);
    const full = (await newMediaActivity(context.database.db, [district.id], '2026-11-15')).get(district.id);
    expect(full?.details.map((row) => [row.name, row.lastPostOn, row.openedOn, row.level])).toEqual([
      ['甲区发布厅', '2026-11-01', '2026-01-05', 'zombie'],
    ]);
  });

  it('lists the zombies of a subtree as of a date, and only to those who keep its registry', async () => {
    const page = await get(supervisor, `/admin/channels/units/${district.id}/activity?asOf=2026-11-15`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('运行中的账号 2 个，僵尸号 1 个，即将成为僵尸号 1 个');
    const flagged = [...page.body.matchAll(/data-account="(\d+)" data-level="([a-z-]+)"/g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    expect(flagged).toEqual([
      [wechat, 'zombie'],
      [weibo, 'near-zombie'],
      [wechat, 'zombie'],
      [weibo, 'near-zombie'],
    ]);
    const bureauOnly = await get(supervisor, `/admin/channels/units/${bureau.id}/activity?asOf=2026-11-15`);
    expect(bureauOnly.body).toContain('运行中的账号 1 个，僵尸号 0 个，即将成为僵尸号 1 个');
    expect((await get(outsider, `/admin/channels/units/${district.id}/activity`)).statusCode).toBe(404);
  });
});
