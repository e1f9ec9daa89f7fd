// The supervision registers through HTTP: training sessions with the units that took part, information query
// points (only the open ones on the public page, grouped by unit), service guide counts (the latest entry
// supersedes, history stays), every change audited; leaders read only, others get 404; and trainingFacts
// counted exactly for a hand-made set of sessions.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { saveTraining, trainingFacts } from '../../src/features/supervision/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';

describe(`supervision registers through HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  let district: Unit;
  let bureau: Unit;
  let other: Unit;
  const people: Record<string, SignedIn> = {};

  const base = (unit: Unit = district) => `/admin/supervision/units/${unit.id}`;
  const who = (name: string) => people[name] as SignedIn;
  const get = (person: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: person.cookie } });
  const rowsOf = (body: string, testId: string) =>
    [
      ...(
        new RegExp(`data-testid="${testId}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(body)?.[1] ?? ''
      ).matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g),
    ].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
        (cell[1] ?? '').replace(/<[^>]+>/g, ''),
      ),
    );
  const audits = (action: string) =>
    context.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'object_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  /** Posts the training form; `units` repeats like a multi-select does. */
  const postTraining = (person: SignedIn, unit: Unit, fields: Record<string, string>, units: Unit[]) => {
    const payload = new URLSearchParams({ _csrf: person.csrf, ...fields });
    for (const taking of units) payload.append('units', String(taking.id));
    return app.inject({
      method: 'POST',
      url: `${base(unit)}/trainings`,
      headers: { cookie: person.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: payload.toString(),
    });
  };

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '戊市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '戊区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '戊区教育局', kind: 'department' });
    other = await addUnit(operator, { parentId: null, name: '己市人民政府', kind: 'city' });
    const grants = {
      editor: [{ unitId: district.id, role: 'editor' as const }],
      cityoffice: [{ unitId: city.id, role: 'supervisor' as const }],
      leader: [{ unitId: district.id, role: 'leader' as const }],
      handler: [{ unitId: district.id, role: 'handler' as const }],
      outsider: [{ unitId: other.id, role: 'editor' as const }],
    };
    for (const [name, held] of Object.entries(grants)) {
      await createUser(operator, {
        username: name,
        displayName: name,
        password: PASSWORD,
        phone: '13912345678',
        grants: held,
      });
      people[name] = await signInOverHttp(app, name, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('records training sessions with the units that took part, edits one and audits both', async () => {
    const editor = who('editor');
    const added = await postTraining(
      editor,
      district,
      { heldOn: '2024-04-10', topic: '条例解读', participants: '45' },
      [bureau, district],
    );
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${base()}/trainings`);
    const [addAudit] = await audits('supervision.training.add');
    const sessionId = Number(addAudit?.object_id);
    expect(addAudit?.actor_name).toBe('editor');
    expect(JSON.parse(addAudit?.details ?? '{}')).toEqual({
      unitId: district.id,
      heldOn: '2024-04-10',
      topic: '条例解读',
      participants: 45,
      unitIds: [district.id, bureau.id].sort((a, b) => a - b),
    });
    expect(rowsOf((await get(editor, `${base()}/trainings`)).body, 'trainings')).toEqual([
      ['2024-04-10', '条例解读', '45', '戊区人民政府、戊区教育局', '修改'],
    ]);

    // A unit out of the editor's reach cannot be named as taking part: nothing is saved.
    const refused = await postTraining(
      editor,
      district,
      { heldOn: '2024-05-10', topic: '依申请公开实务', participants: '10' },
      [other],
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('data-field="units"');
    const badCount = await postTraining(
      editor,
      district,
      { heldOn: '2024-05-10', topic: '依申请公开实务', participants: '十' },
      [],
    );
    expect(badCount.statusCode).toBe(400);
    expect(badCount.body).toContain('data-field="participants"');
    expect(badCount.body).toContain('value="依申请公开实务"');

    const edited = await postTraining(
      editor,
      district,
      { sessionId: String(sessionId), heldOn: '2024-04-11', topic: '条例解读（二）', participants: '50' },
      [bureau],
    );
    expect(edited.statusCode).toBe(303);
    expect(rowsOf((await get(editor, `${base()}/trainings`)).body, 'trainings')).toEqual([
      ['2024-04-11', '条例解读（二）', '50', '戊区教育局', '修改'],
    ]);
    const [updateAudit] = await audits('supervision.training.update');
    expect(JSON.parse(updateAudit?.details ?? '{}')).toMatchObject({
      before: { heldOn: '2024-04-10', participants: 45 },
      after: { heldOn: '2024-04-11', participants: 50, unitIds: [bureau.id] },
    });
    // A session of another unit cannot be changed through this unit's address.
    const elsewhere = await postTraining(
      who('cityoffice'),
      bureau,
      { sessionId: String(sessionId), heldOn: '2024-04-11', topic: '改', participants: '1' },
      [],
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it('lists only open query points on the public page, grouped by unit', async () => {
    const office = who('cityoffice');
    const point = (name: string, status: string) => ({
      name,
      location: `${name}所在大厅`,
      hours: '工作日 9:00-17:00',
      equipment: '查阅电脑 2 台',
      phone: '0571-88886666',
      status,
    });
    expect(
      (await postAs(app, office, `${base()}/query-points`, point('区政务中心查阅点', 'open'))).statusCode,
    ).toBe(303);
    expect(
      (await postAs(app, office, `${base()}/query-points`, point('区档案馆查阅点', 'closed'))).statusCode,
    ).toBe(303);
    expect(
      (await postAs(app, office, `${base(bureau)}/query-points`, point('教育局查阅点', 'open'))).statusCode,
    ).toBe(303);
    const refused = await postAs(app, office, `${base()}/query-points`, point('', 'open'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('data-field="name"');

    const page = await app.inject({ method: 'GET', url: '/disclosure/query-points' });
    expect(page.statusCode).toBe(200);
    expect(rowsOf(page.body, `points-${district.id}`)).toEqual([
      ['区政务中心查阅点', '区政务中心查阅点所在大厅', '工作日 9:00-17:00', '查阅电脑 2 台', '0571-88886666'],
    ]);
    expect(rowsOf(page.body, `points-${bureau.id}`)).toEqual([
      ['教育局查阅点', '教育局查阅点所在大厅', '工作日 9:00-17:00', '查阅电脑 2 台', '0571-88886666'],
    ]);
    expect(page.body).not.toContain('区档案馆查阅点');
    expect(page.body.indexOf('戊区人民政府')).toBeLessThan(page.body.indexOf('戊区教育局'));

    // Closing the open one takes it off the public page; the change is audited with before and after.
    const [added] = await audits('supervision.query-point.add');
    const closed = await postAs(app, office, `${base()}/query-points`, {
      pointId: String(added?.object_id),
      ...point('区政务中心查阅点', 'closed'),
    });
    expect(closed.statusCode).toBe(303);
    const after = await app.inject({ method: 'GET', url: '/disclosure/query-points' });
    expect(after.body).not.toContain('区政务中心查阅点');
    expect(rowsOf(after.body, `points-${bureau.id}`)).toHaveLength(1);
    expect(await audits('supervision.query-point.add')).toHaveLength(3);
    const [update] = await audits('supervision.query-point.update');
    expect(update?.actor_name).toBe('cityoffice');
    expect(JSON.parse(update?.details ?? '{}')).toMatchObject({
      before: { status: 'open' },
      after: { status: 'closed' },
    });
    expect(rowsOf((await get(who('leader'), `${base()}/query-points`)).body, 'query-points')).toEqual([
      [
        '区政务中心查阅点',
        '区政务中心查阅点所在大厅',
        '工作日 9:00-17:00',
        '查阅电脑 2 台',
        '0571-88886666',
        '关闭',
      ],
      [
        '区档案馆查阅点',
        '区档案馆查阅点所在大厅',
        '工作日 9:00-17:00',
        '查阅电脑 2 台',
        '0571-88886666',
        '关闭',
      ],
    ]);
  });

  it('keeps service guide counts with provenance: the latest entry supersedes, history stays', async () => {
    const editor = who('editor');
    for (const fields of [
      { year: '2025', kind: 'guides', value: '10' },
      { year: '2025', kind: 'cross-district', value: '3' },
      { year: '2025', kind: '办事指南数量', value: '12' },
    ]) {
      expect((await postAs(app, editor, `${base()}/guides`, fields)).statusCode).toBe(303);
    }
    const refused = await postAs(app, editor, `${base()}/guides`, { year: '25', kind: 'guides', value: '1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('data-field="year"');
    const page = await get(editor, `${base()}/guides`);
    expect(rowsOf(page.body, 'guides').map((row) => row.slice(0, 5))).toEqual([
      ['2025', '办事指南数量', '12', '现行', 'editor'],
      ['2025', '全区通办事项数量', '3', '现行', 'editor'],
      ['2025', '办事指南数量', '10', '已被替代', 'editor'],
    ]);
    const entered = await audits('supervision.guides.enter');
    expect(entered.map((entry) => JSON.parse(entry.details) as unknown)).toEqual([
      { unitId: district.id, year: 2025, kind: 'guides', value: 10 },
      { unitId: district.id, year: 2025, kind: 'cross-district', value: 3 },
      { unitId: district.id, year: 2025, kind: 'guides', value: 12 },
    ]);
  });

  it('lets leaders read only and answers 404 to everyone else', async () => {
    const leader = who('leader');
    for (const kind of ['trainings', 'query-points', 'guides']) {
      const page = await get(leader, `${base()}/${kind}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('action="/admin/supervision');
      expect((await get(who('handler'), `${base()}/${kind}`)).statusCode).toBe(404);
      expect((await get(who('outsider'), `${base()}/${kind}`)).statusCode).toBe(404);
    }
    expect(
      (await postAs(app, leader, `${base()}/guides`, { year: '2025', kind: 'guides', value: '99' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await postAs(app, who('outsider'), `${base()}/guides`, { year: '2025', kind: 'guides', value: '99' }))
        .statusCode,
    ).toBe(404);
    expect((await get(who('handler'), '/admin/supervision')).statusCode).toBe(404);
    const index = await get(who('editor'), '/admin/supervision');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('戊区教育局');
    expect(index.body).not.toContain('己市人民政府');
    expect(await audits('supervision.guides.enter')).toHaveLength(3);
  });

  it('counts training sessions and participants per unit and year exactly', async () => {
    const operator = operatorScope(context);
    const add = (unit: Unit, heldOn: string, participants: number, taking: Unit[]) =>
      saveTraining(
        operator,
        unit.id,
        null,
        { heldOn, topic: `培训${heldOn}`, participants: String(participants) },
        taking.map((found) => String(found.id)),
      );
    await add(district, '2025-03-01', 30, [bureau]);
    await add(bureau, '2025-11-11', 12, []);
    await add(city, '2025-06-01', 50, [district]);
    await add(district, '2026-01-02', 8, []);
    await add(other, '2025-05-05', 99, []);
    const { db } = context.database;
    const facts = (unit: Unit, year: number, includeSubunits: boolean) =>
      trainingFacts(db, { unitId: unit.id, year, includeSubunits });
    expect(await facts(district, 2025, false)).toEqual({ sessions: 2, participants: 80 });
    expect(await facts(district, 2025, true)).toEqual({ sessions: 3, participants: 92 });
    expect(await facts(bureau, 2025, false)).toEqual({ sessions: 2, participants: 42 });
    expect(await facts(city, 2025, false)).toEqual({ sessions: 1, participants: 50 });
    expect(await facts(city, 2025, true)).toEqual({ sessions: 3, participants: 92 });
    expect(await facts(district, 2026, false)).toEqual({ sessions: 1, participants: 8 });
    expect(await facts(other, 2025, true)).toEqual({ sessions: 1, participants: 99 });
    // The HTTP test's session of 2024 (organised by the district, attended by the bureau).
    expect(await facts(bureau, 2024, false)).toEqual({ sessions: 1, participants: 50 });
  });
});
