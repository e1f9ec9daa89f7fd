// Full-text search of the published items through HTTP: the same results in the same order on SQLite and
// PostgreSQL (rank: how many query terms the title holds, then the newest, then the highest id); filters by
// unit with its sub-units, category, year and genre; FTS operators and quotes are plain text; paging;
// withdrawal and correction keep the index in step. Also the display modes and conditional GET.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearOf } from '../../src/core/calendar/plain-date.ts';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { chinaDate } from '../../src/features/applications/clock.ts';
import { correctItem, withdrawItem } from '../../src/features/publishing/published-changes.ts';
import { decideReview, setReviewChain, submitForReview } from '../../src/features/publishing/review.ts';
import { createItem } from '../../src/features/publishing/service.ts';
import { rebuildSearchIndex } from '../../src/features/search/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import * as searchKeyOrder from '../../src/db/migrations/20261207_0030_search_key_order.ts';
import { columnTypes } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const uscc = (base: string) => `${base}${computeUsccCheckCharacter(base) ?? ''}`;

describe(`full-text search of published items on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let other: Unit;
  const item: Record<string, number> = {};
  const users = new Map<number, Record<string, number>>();

  const as = (unit: Unit, role: 'editor' | 'reviewer' | 'supervisor') =>
    scopeOf(context, staff([[role, unit]], users.get(unit.id)?.[role] ?? 0, `${role}-${unit.id}`));

  async function publish(unit: Unit, fields: Record<string, string>): Promise<number> {
    const id = await createItem(as(unit, 'editor'), unit.id, {
      categoryCode: 'a20-07',
      summary: '本期信息概述',
      body: '一、总体情况',
      writtenOn: '2026-01-05',
      genre: '通知',
      keywords: '',
      ...fields,
    });
    await submitForReview(as(unit, 'editor'), id);
    await decideReview(as(unit, 'reviewer'), id, { stage: 'secrecy', decision: 'approve' });
    return id;
  }

  const search = (query: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: `/disclosure/search?${query}`, headers });
  async function found(query: string): Promise<number[]> {
    const response = await search(query);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const list = /data-testid="search-results">([\s\S]*?)<\/ol>/.exec(response.body)?.[1] ?? '';
    return [...list.matchAll(/data-item="(\d+)"/g)].map((match) => Number(match[1]));
  }
  const totalOf = (body: string) => Number(/共找到 (\d+) 条信息/.exec(body)?.[1] ?? -1);
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, {
      parentId: null,
      name: '甲区人民政府',
      kind: 'county',
      uscc: uscc('11210105000000021'),
    });
    bureau = await addUnit(operator, {
      parentId: district.id,
      name: '甲区财政局',
      kind: 'department',
      uscc: uscc('11210105000000022'),
    });
    other = await addUnit(operator, {
      parentId: null,
      name: '乙区人民政府',
      kind: 'county',
      uscc: uscc('11210105000000023'),
    });
    for (const unit of [district, bureau, other]) {
      const ids: Record<string, number> = {};
      for (const role of ['editor', 'reviewer', 'supervisor'] as const) {
        const user = await createUser(operator, {
          username: `s-${role}-${unit.id}`,
          displayName: role,
          password: PASSWORD,
          grants: [{ unitId: unit.id, role }],
        });
        ids[role] = user.id;
      }
      users.set(unit.id, ids);
      await setReviewChain(as(unit, 'supervisor'), unit.id, ['secrecy']);
    }
    item.budget = await publish(district, {
      title: '甲区2026年部门预算公开说明',
      summary: '本区各部门2026年预算情况',
      body: '一、收支总体情况\n二、财政拨款预算情况',
      documentNumber: '甲财〔2026〕1号',
      genre: '预算',
      keywords: '预算 财政',
    });
    item.execution = await publish(bureau, {
      title: '甲区财政局关于预算执行情况的报告',
      body: '上半年预算执行总体平稳。',
      genre: '报告',
      categoryCode: 'a20-08',
    });
    item.roads = await publish(bureau, {
      title: '关于印发道路养护办法的通知',
      body: '养护经费列入年度预算。',
    });
    item.guide = await publish(other, {
      title: '乙区政府信息公开指南',
      body: '申请人可以通过信函、网络提出申请。',
      genre: '指南',
    });
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('ranks title matches first, then the newest and highest id, on both databases alike', async () => {
    // budget and execution both hold 预算 in the title (rank 1) and were published the same day: the
    // higher id first; roads holds it in the text only (rank 0).
    expect(await found(q('预算'))).toEqual([item.execution, item.budget, item.roads]);
    const response = await search(q('预算'));
    expect(totalOf(response.body)).toBe(3);
    expect(response.body).toContain('甲区财政局关于<mark>预算</mark>执行情况的报告');
    expect(await found(q('预算 执行'))).toEqual([item.execution]);
    expect(await found(q('信息公开指南'))).toEqual([item.guide]);
    // The document number and the keywords are searched too.
    expect(await found(q('甲财'))).toEqual([item.budget]);
  });

  it('filters by unit with its sub-units, category, year and genre', async () => {
    expect(await found(`${q('预算')}&unit=${district.id}`)).toEqual([
      item.execution,
      item.budget,
      item.roads,
    ]);
    expect(await found(`${q('预算')}&unit=${bureau.id}`)).toEqual([item.execution, item.roads]);
    expect(await found(`${q('预算')}&unit=${other.id}`)).toEqual([]);
    expect(await found(`${q('预算')}&category=a20-08`)).toEqual([item.execution]);
    expect(await found(`${q('预算')}&genre=${encodeURIComponent('报告')}`)).toEqual([item.execution]);
    const year = yearOf(chinaDate(new Date()));
    expect(await found(`${q('预算')}&year=${year}`)).toHaveLength(3);
    expect(await found(`${q('预算')}&year=1999`)).toEqual([]);
    // A filter alone lists the unit's items newest first.
    expect(await found(`unit=${other.id}`)).toEqual([item.guide]);
    // Nonsense filters are dropped, not errors.
    expect(await found(`${q('预算')}&unit=abc&category=zzz&year=20x6&page=-3`)).toHaveLength(3);
  });

  it('reads quotes and FTS operators as plain text', async () => {
    for (const odd of [
      '"预算',
      '预算" OR "指南',
      'NEAR(预算',
      '*',
      "'",
      '预算 AND',
      '-预算',
      '(())',
      '\\',
      ':',
    ]) {
      const response = await search(q(odd));
      expect(response.statusCode, odd).toBe(200);
      expect(response.body).not.toMatch(/Error|stack|syntax/i);
    }
    expect(await found(q('"预算"'))).toEqual([item.execution, item.budget, item.roads]);
    expect(await found(q('预算 OR 指南'))).toEqual([]);
    const long = await search(q('预'.repeat(101)));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('检索词不能超过 100 个字');
    expect(await found(q('预'.repeat(100)))).toEqual([]);
  });

  it('pages by twenty', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= 21; n += 1) {
      ids.push(await publish(other, { title: `乙区桥梁检修公告第${n}期`, body: '检修期间绕行。' }));
    }
    const newestFirst = [...ids].reverse();
    const first = await found(q('桥梁'));
    expect(first).toEqual(newestFirst.slice(0, 20));
    expect(await found(`${q('桥梁')}&page=2`)).toEqual(newestFirst.slice(20));
    expect(await found(`${q('桥梁')}&page=3`)).toEqual([]);
    const page = await search(q('桥梁'));
    expect(totalOf(page.body)).toBe(21);
    expect(page.body).toContain(`href="/disclosure/search?q=${encodeURIComponent('桥梁')}&amp;page=2"`);
  });

  it('drops a withdrawn item and follows a correction', async () => {
    await withdrawItem(as(bureau, 'editor'), item.execution ?? 0, { reason: '内容有误' });
    expect(await found(q('预算'))).toEqual([item.budget, item.roads]);
    await correctItem(as(other, 'editor'), item.guide ?? 0, {
      categoryCode: 'a20-07',
      title: '乙区政府信息公开指南',
      summary: '本期信息概述',
      body: '申请人可以通过信函、网络提出申请。收费标准见预算说明。',
      writtenOn: '2026-01-05',
      genre: '指南',
      keywords: '',
      reason: '补充收费说明',
      material: '1',
    });
    expect(await found(q('预算'))).toEqual([item.budget, item.guide, item.roads]);
    // A rebuild gives the same index.
    expect(await rebuildSearchIndex(context)).toBe(24);
    expect(await found(q('预算'))).toEqual([item.budget, item.guide, item.roads]);
  });

  it('ranks by how many query terms the title holds, tier by tier and by hit lists alike', async () => {
    const terms = '水库 防汛 预案';
    const all = await publish(other, { title: '水库防汛预案', body: '汛期值守。' });
    const twoOld = await publish(other, { title: '水库防汛工作', body: '落实预案。' });
    const one = await publish(other, { title: '水库巡查', body: '防汛预案已备案。' });
    const none = await publish(other, { title: '巡查通报', body: '水库防汛预案演练。' });
    const twoNew = await publish(other, { title: '防汛预案修订', body: '涉及水库三座。' });
    expect(await found(q(terms))).toEqual([all, twoNew, twoOld, one, none]);
    expect(await found(q('巡查 水库'))).toEqual([one, none]);

    // Six terms: beyond the tiers, ranked from each term's title hits.
    const six = '山洪 地质 灾害 排查 整治 方案';
    const sixAll = await publish(other, { title: '山洪、地质、灾害、排查、整治、方案', body: '全文。' });
    const sixTwo = await publish(other, { title: '山洪、地质', body: '灾害排查整治方案。' });
    const sixOne = await publish(other, { title: '方案', body: '山洪、地质、灾害、排查、整治。' });
    const sixNone = await publish(other, { title: '通报', body: '山洪、地质、灾害、排查、整治、方案。' });
    const sixTwoNew = await publish(other, { title: '排查、整治', body: '山洪地质灾害方案。' });
    expect(await found(q(six))).toEqual([sixAll, sixTwoNew, sixTwo, sixOne, sixNone]);
    expect(await found(`${q(six)}&unit=${district.id}`)).toEqual([]);
  });

  it('answers the same after the full-text table is rebuilt from the documents as migration 0030 does', async () => {
    const queries = [
      q('预算'),
      `${q('预算')}&unit=${bureau.id}`,
      `${q('预算')}&genre=${encodeURIComponent('预算')}`,
      `${q('预算')}&category=a20-07`,
      `${q('水库 防汛 预案')}&year=${yearOf(chinaDate(new Date()))}`,
      `unit=${other.id}`,
    ];
    const before = await Promise.all(queries.map(found));
    expect(before.flat().length).toBeGreaterThan(10);
    const { db, dialect } = context.database;
    await searchKeyOrder.up({ db, dialect, types: columnTypes(dialect) });
    expect(await Promise.all(queries.map(found))).toEqual(before);
  });

  it('answers 304 to a browser that holds the page, by ETag or by date', async () => {
    const url = `/disclosure/items/${item.budget}`;
    const first = await app.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers.vary).toBe('Cookie');
    const modified = String(first.headers['last-modified']);
    expect(Date.parse(modified)).not.toBeNaN();
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const byDate = await app.inject({ method: 'GET', url, headers: { 'if-modified-since': modified } });
    expect(byDate.statusCode).toBe(304);
    const stale = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"other"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.body);
    // The elder mode is another page, with another tag.
    const elder = await app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': etag, cookie: 'display=elder' },
    });
    expect(elder.statusCode).toBe(200);
    expect(elder.headers.etag).not.toBe(etag);
    const list = await app.inject({ method: 'GET', url: '/disclosure' });
    expect(list.headers.etag).toMatch(/^"/);
    expect(list.headers['last-modified']).toBeUndefined();
    const search304 = await app.inject({
      method: 'GET',
      url: `/disclosure/search?${q('预算')}`,
      headers: { 'if-none-match': String((await search(q('预算'))).headers.etag) },
    });
    expect(search304.statusCode).toBe(304);
  });

  it('switches the elder mode with a link and greys every page on mourning days', async () => {
    const plain = await app.inject({ method: 'GET', url: '/' });
    expect(plain.body.startsWith('<!DOCTYPE html><html lang="zh-CN"><head>')).toBe(true);
    const on = await app.inject({
      method: 'GET',
      url: '/display?elder=1',
      headers: { host: 'portal.example', referer: 'http://portal.example/disclosure/search?q=x' },
    });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe('/disclosure/search?q=x');
    expect(String(on.headers['set-cookie'])).toMatch(/^display=elder;/);
    const elsewhere = await app.inject({
      method: 'GET',
      url: '/display?elder=1',
      headers: { host: 'portal.example', referer: 'http://evil.example/x' },
    });
    expect(elsewhere.headers.location).toBe('/');
    // A same-host referer whose path starts with two slashes would send the browser to another host.
    const sneaky = await app.inject({
      method: 'GET',
      url: '/display?elder=1',
      headers: { host: 'portal.example', referer: 'http://portal.example//evil.example/x' },
    });
    expect(sneaky.headers.location).toBe('/');
    const elder = await app.inject({ method: 'GET', url: '/apply', headers: { cookie: 'display=elder' } });
    expect(elder.body).toContain('<html lang="zh-CN" class="elder">');
    const off = await app.inject({ method: 'GET', url: '/display?elder=0' });
    expect(String(off.headers['set-cookie'])).toMatch(/^display=;/);

    const mourning = await createApp({ ...context, config: { ...context.config, mourningMode: true } });
    try {
      const page = await mourning.inject({
        method: 'GET',
        url: '/disclosure',
        headers: { cookie: 'display=elder' },
      });
      expect(page.body).toContain('<html lang="zh-CN" class="elder mourning">');
      const home = await mourning.inject({ method: 'GET', url: '/' });
      expect(home.body).toContain('<html lang="zh-CN" class="mourning">');
    } finally {
      await mourning.close();
    }
  });
});
