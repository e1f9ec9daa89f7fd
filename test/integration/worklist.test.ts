// The work lists: applications received at fixed dates so that, on a fixed day, each view holds exactly
// the expected ones (due within 5 and 2 working days, overdue, awaiting correction, paused, mine, my
// units'); the page through HTTP with its tabs and counts, no applicant data, 400 for an unknown view and
// 404 for someone without an application role.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActingScope } from '../../src/app-context.ts';
import type { Role } from '../../src/core/access/roles.ts';
import { addDays, type PlainDate } from '../../src/core/calendar/plain-date.ts';
import { NotFound } from '../../src/core/errors.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { loadCalendar } from '../../src/features/applications/clock.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import {
  assignApplication,
  requestCorrection,
  startConsultation,
} from '../../src/features/applications/workflow.ts';
import { loadWorkList } from '../../src/features/applications/worklists.ts';
import { WORK_LIST_VIEWS, type WorkListView } from '../../src/features/applications/worklists-model.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { signInOverHttp } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';
const APPLICANT = { name: '欧阳明月', phone: '13987654321' };
/** The day the lists are read: Monday 23 March 2026, 10:00 in China. */
const TODAY = '2026-03-23';
const at = (day: PlainDate) => new Date(`${day}T02:00:00Z`);

describe(`work lists on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let elsewhere: Unit;
  const users: Record<string, number> = {};
  /** Application ids by name. */
  const ids: Record<string, number> = {};
  const codes: Record<string, string> = {};

  /** The latest receipt date whose 20 working days end on `due`. */
  async function receivedFor(due: PlainDate): Promise<PlainDate> {
    const calendar = await loadCalendar(context.database.db);
    let day = due;
    while (calendar.nthWorkdayAfter(day, 20) !== due) day = addDays(day, -1);
    return day;
  }

  async function submit(name: string, unit: Unit, receivedOn: PlainDate) {
    const acknowledgment = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(unit.id),
        applicantKind: 'person',
        applicantName: APPLICANT.name,
        idType: 'passport',
        idNumber: 'E12345678',
        phone: APPLICANT.phone,
        description: '本区 2025 年道路维修计划',
        provisionForm: 'electronic',
        obtainWay: 'collect',
      },
      at(receivedOn),
    );
    ids[name] = acknowledgment.id;
    codes[name] = acknowledgment.queryCode;
    return acknowledgment;
  }

  const assign = (name: string, user: string, day: PlainDate) =>
    assignApplication(operatorScope(context), ids[name] ?? 0, { handlerId: String(users[user]) }, at(day));

  const person = (username: string, role: Role, unit: Unit): ActingScope =>
    scopeOf(context, staff([[role, unit]], users[username], username));

  const listed = async (scope: ActingScope, view: WorkListView) => {
    const list = await loadWorkList(scope, view, at(TODAY));
    const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    return list.rows.map((row) => byId.get(row.id));
  };

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '皇姑区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '皇姑区教育局', kind: 'department' });
    elsewhere = await addUnit(operator, { parentId: null, name: '和平区人民政府', kind: 'county' });
    const people = [
      ['zhao.handler', 'handler', district],
      ['qian.handler', 'handler', district],
      ['sun.leader', 'leader', bureau],
      ['li.editor', 'editor', district],
    ] as const;
    for (const [username, role, unit] of people) {
      const user = await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      users[username] = user.id;
    }

    // Due dates around Monday 23 March: 5, 2 and 0 working days left, 1 overdue, 10 left.
    await submit('left5', district, await receivedFor('2026-03-30'));
    await submit('left2', district, await receivedFor('2026-03-25'));
    await submit('dueToday', bureau, await receivedFor('2026-03-23'));
    await submit('overdue', district, await receivedFor('2026-03-20'));
    // 4–6 April 2026 were the Qingming holiday: 10 working days after 23 March is 7 April.
    await submit('left10', bureau, await receivedFor('2026-04-07'));
    await submit('correction', district, '2026-03-16');
    await submit('paused', district, '2026-03-16');
    await submit('elsewhere', elsewhere, await receivedFor('2026-03-25'));

    await assign('left5', 'zhao.handler', '2026-03-04');
    await assign('left2', 'zhao.handler', '2026-03-04');
    await assign('left10', 'zhao.handler', '2026-03-10');
    await assign('dueToday', 'qian.handler', '2026-03-04');
    await requestCorrection(
      operatorScope(context),
      ids.correction ?? 0,
      { items: '请写明所需信息的名称或者文号' },
      at('2026-03-17'),
    );
    await startConsultation(
      operatorScope(context),
      ids.paused ?? 0,
      { party: 'third_party', name: '示例建设有限公司', matter: '公开合同是否涉及商业秘密' },
      at('2026-03-17'),
    );
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('holds exactly the expected applications in each view, nearest due date first', async () => {
    const zhao = person('zhao.handler', 'handler', district);
    const expected: Record<WorkListView, (string | undefined)[]> = {
      mine: ['left2', 'left5', 'left10'],
      unit: ['overdue', 'dueToday', 'left2', 'left5', 'left10', 'correction', 'paused'],
      // Due today: no working day left and none overdue yet.
      due5: ['dueToday', 'left2', 'left5'],
      due2: ['dueToday', 'left2'],
      overdue: ['overdue'],
      correction: ['correction'],
      paused: ['paused'],
    };
    for (const view of WORK_LIST_VIEWS) expect(await listed(zhao, view), view).toEqual(expected[view]);
    const list = await loadWorkList(zhao, 'unit', at(TODAY));
    expect(list.counts).toEqual({ mine: 3, unit: 7, due5: 3, due2: 2, overdue: 1, correction: 1, paused: 1 });
    expect(list.calendarProblem).toBeNull();
    expect(list.rows.map((row) => [row.dueOn, row.timing, row.clockState, row.handlerName])).toEqual([
      ['2026-03-20', { kind: 'overdue', workdays: 1 }, 'running', null],
      ['2026-03-23', { kind: 'left', workdays: 0 }, 'running', 'qian.handler'],
      ['2026-03-25', { kind: 'left', workdays: 2 }, 'running', 'zhao.handler'],
      ['2026-03-30', { kind: 'left', workdays: 5 }, 'running', 'zhao.handler'],
      ['2026-04-07', { kind: 'left', workdays: 10 }, 'running', 'zhao.handler'],
      [null, { kind: 'none' }, 'awaiting_correction', null],
      [null, { kind: 'none' }, 'paused', null],
    ]);
  });

  it('follows the day: a week later, more are overdue and due soon', async () => {
    const list = await loadWorkList(person('qian.handler', 'handler', district), 'overdue', at('2026-03-31'));
    expect(list.counts).toEqual({ mine: 1, unit: 7, due5: 1, due2: 0, overdue: 4, correction: 1, paused: 1 });
    expect(list.rows.map((row) => [row.id, row.timing])).toEqual([
      [ids.overdue, { kind: 'overdue', workdays: 7 }],
      [ids.dueToday, { kind: 'overdue', workdays: 6 }],
      [ids.left2, { kind: 'overdue', workdays: 4 }],
      [ids.left5, { kind: 'overdue', workdays: 1 }],
    ]);
  });

  it('shows a leader of the bureau only the bureau, and the operator every unit', async () => {
    const leader = person('sun.leader', 'leader', bureau);
    expect((await loadWorkList(leader, 'unit', at(TODAY))).counts).toEqual({
      mine: 0,
      unit: 2,
      due5: 1,
      due2: 1,
      overdue: 0,
      correction: 0,
      paused: 0,
    });
    expect(await listed(leader, 'unit')).toEqual(['dueToday', 'left10']);
    expect(await listed(operatorScope(context), 'due2')).toEqual(['dueToday', 'left2', 'elsewhere']);
    expect(await listed(operatorScope(context), 'mine')).toEqual([]);
  });

  it('refuses anyone without an application role as if nothing were there', async () => {
    await expect(loadWorkList(person('li.editor', 'editor', district), 'unit', at(TODAY))).rejects.toThrow(
      NotFound,
    );
    // Even with a view that does not exist: the refusal comes first.
    await expect(loadWorkList(person('li.editor', 'editor', district), 'late', at(TODAY))).rejects.toThrow(
      NotFound,
    );
  });

  it('serves the page with a tab and a count per view, and no applicant data', async () => {
    const zhao = await signInOverHttp(app, 'zhao.handler', PASSWORD);
    const get = (url: string, cookie = zhao.cookie) =>
      app.inject({ method: 'GET', url, headers: { cookie, accept: 'text/html' } });

    const mine = await get('/admin/worklist');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('<h2>分配给我的</h2>');
    expect(mine.body).toMatch(/aria-current="page"[^>]*>分配给我的</);
    expect(mine.body).toContain('data-count-for="mine">（3）');
    expect(mine.body).toContain('data-count-for="unit">（7）');
    expect(mine.body).toContain('data-count-for="correction">（1）');
    expect([...mine.body.matchAll(/data-application="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([
      ids.left2,
      ids.left5,
      ids.left10,
    ]);
    expect(mine.body).toContain(`<a href="/admin/applications/${ids.left2}">${codes.left2}</a>`);
    expect(mine.body).toContain('皇姑区教育局');
    for (const personal of [APPLICANT.name, APPLICANT.phone, 'E12345678', '道路维修']) {
      expect(mine.body).not.toContain(personal);
    }

    // Read today (after April 2026): every application with a due date is overdue.
    const overdue = await get('/admin/worklist?view=overdue');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.body).toContain('data-count-for="overdue">（5）');
    expect(overdue.body).toMatch(/data-timing="overdue">逾期 \d+ 个工作日/);
    expect(overdue.body).not.toContain(codes.elsewhere);

    const unknown = await get('/admin/worklist?view=late');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('“view”应为 mine（分配给我的）');

    const editor = await signInOverHttp(app, 'li.editor', PASSWORD);
    expect((await get('/admin/worklist', editor.cookie)).statusCode).toBe(404);
  });
});
