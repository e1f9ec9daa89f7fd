// The working-day calendar's admin table through HTTP and the command line: a day set or removed moves
// the due dates of open applications (and only theirs) in the same transaction, a new year entered and
// declared complete makes a clock computable that was not, every change is audited with what moved,
// and only the installation's system administrators reach any of it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { missingCalendarYears, setDayOverride } from '../../src/features/calendar/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { repoRoot } from '../support/paths.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const run = promisify(execFile);
const PASSWORD = 'Cd4%harbor-Reed-2026';
const NOTICE_2026 = '国办发明电〔2026〕7号';
const NOTICE_2027 = '国办发〔2026〕41号';

describe(`the working-day calendar on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  let district: Unit;
  let admin: SignedIn;
  let districtAdmin: SignedIn;
  let handler: SignedIn;
  /** Received Monday 2026-09-28: due Friday 2026-10-30 (国庆节 1–7 October, 10 October worked). */
  let autumn = 0;
  /** Decided and closed on 2026-10-12: its cache must never move again. */
  let decided = 0;
  /** Received 2026-12-28: its 20 working days run into 2027, which the shipped data lacks. */
  let december = 0;

  const submit = async (unit: Unit, now: Date) =>
    (
      await submitOnlineApplication(
        { context, address: '127.0.0.1' },
        {
          unitId: String(unit.id),
          applicantKind: 'person',
          applicantName: '申请人',
          idType: 'passport',
          idNumber: 'E12345678',
          phone: '13912345678',
          description: '本区 2026 年防汛应急预案',
          provisionForm: 'electronic',
          obtainWay: 'collect',
        },
        now,
      )
    ).id;

  async function cache(id: number) {
    const row = await context.database.db
      .selectFrom('applications')
      .select(['due_on', 'clock_state'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { due: row.due_on, state: row.clock_state };
  }

  async function lastAudit(action: string) {
    const [entry] = await findAuditEntries(context.database.db, { action }, 1);
    if (entry === undefined) throw new Error(`no audit entry ${action}`);
    return { ...entry, details: JSON.parse(entry.details) as Record<string, unknown> };
  }

  async function counts() {
    const db = context.database.db;
    const count = async (table: 'calendar_overrides' | 'calendar_years' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      overrides: await count('calendar_overrides'),
      years: await count('calendar_years'),
      audit: await count('audit_log'),
    };
  }

  const get = (url: string, who: SignedIn) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '甲区人民政府', kind: 'county' });
    const people = [
      ['calendar-admin', 'system-admin', city],
      ['district-admin', 'system-admin', district],
      ['city-handler', 'handler', city],
    ] as const;
    for (const [username, role, unit] of people) {
      await createUser(operator, {
        username,
        displayName: `${username} 本人`,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
    }
    admin = await signInOverHttp(app, 'calendar-admin', PASSWORD);
    districtAdmin = await signInOverHttp(app, 'district-admin', PASSWORD);
    handler = await signInOverHttp(app, 'city-handler', PASSWORD);

    autumn = await submit(district, new Date('2026-09-28T02:00:00Z'));
    decided = await submit(district, new Date('2026-09-29T02:00:00Z'));
    // Closed directly: decideApplication (workflow-decision.ts) issues the reply letter, which the
    // letters feature does not issue yet. Swap this for decideApplication once it does.
    await context.database.db
      .updateTable('applications')
      .set({ status: 'closed', outcome: 'public-already', closed_on: '2026-10-12', clock_state: 'decided' })
      .where('id', '=', decided)
      .execute();
    december = await submit(city, new Date('2026-12-28T02:00:00Z'));
  });

  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('starts from the shipped data: the due dates it gives, and 2027 not computable', async () => {
    expect(await cache(autumn)).toEqual({ due: '2026-10-30', state: 'running' });
    expect(await cache(decided)).toEqual({ due: '2026-11-02', state: 'decided' });
    expect(await cache(december)).toEqual({ due: null, state: 'invalid' });
    const page = await get('/admin/calendar?year=2026', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2004—2026 年');
    expect(page.body).toMatch(
      /2026年10月1日—2026年10月7日<\/td><td class="num">7<\/td><td>放假<\/td><td>国庆节/,
    );
    expect(page.body).toContain('data-testid="no-overrides"');
  });

  it('answers 404 to everyone but the installation’s system administrators, and writes nothing for them', async () => {
    const before = await counts();
    for (const who of [handler, districtAdmin]) {
      expect((await get('/admin/calendar', who)).statusCode).toBe(404);
      const fields = { date: '2026-10-09', kind: 'holiday', notice: NOTICE_2026 };
      expect((await postAs(app, who, '/admin/calendar/days', fields)).statusCode).toBe(404);
      expect(
        (await postAs(app, who, '/admin/calendar/years', { year: '2027', notice: 'x' })).statusCode,
      ).toBe(404);
    }
    expect(await counts()).toEqual(before);
    expect(await cache(autumn)).toEqual({ due: '2026-10-30', state: 'running' });
    // Only those who may open it see it in the back office's navigation.
    expect((await get('/admin', admin)).body).toContain('<a href="/admin/calendar">工作日历</a>');
    expect((await get('/admin', districtAdmin)).body).not.toContain('/admin/calendar');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, string>, string, string][] = [
      [
        { date: '2026-02-30', kind: 'holiday', notice: NOTICE_2026 },
        'date',
        '“日期”不是存在的日期：2026-02-30',
      ],
      [{ date: '2026-10-09', kind: 'holiday', notice: '  ' }, 'notice', '“依据”必填'],
      [{ date: '2026-10-09', kind: 'weekend', notice: NOTICE_2026 }, 'kind', '“类型”应为 workday（工作日）'],
      [
        { date: '2026-10-09', kind: 'holiday', name: '节'.repeat(51), notice: NOTICE_2026 },
        'name',
        '“名称”不能超过 50 个字',
      ],
      [
        { date: '2026-10-09', kind: 'holiday', notice: '通'.repeat(201) },
        'notice',
        '“依据”不能超过 200 个字',
      ],
    ];
    for (const [fields, field, message] of cases) {
      const response = await postAs(app, admin, '/admin/calendar/days', fields);
      expect(response.statusCode, field).toBe(400);
      expect(response.body).toContain(`data-field="${field}"`);
      expect(response.body).toContain(message);
    }
    // The refused form comes back as typed.
    const refused = await postAs(app, admin, '/admin/calendar/days', {
      date: '2026-02-30',
      kind: 'workday',
      name: '春节',
      notice: NOTICE_2026,
    });
    expect(refused.body).toContain('value="2026-02-30"');
    expect(refused.body).toContain(`value="${NOTICE_2026}"`);
    const removeMissing = await postAs(app, admin, '/admin/calendar/days/remove', { date: '2026-10-09' });
    expect(removeMissing.statusCode).toBe(400);
    expect(removeMissing.body).toContain('2026-10-09 没有自定义设置，无需删除');
    const official = await postAs(app, admin, '/admin/calendar/years', { year: '2026', notice: NOTICE_2026 });
    expect(official.statusCode).toBe(400);
    expect(official.body).toContain('2026 年的节假日安排已包含在系统自带的官方数据中');
    const empty = await postAs(app, admin, '/admin/calendar/years', { year: '2028', notice: NOTICE_2027 });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('data-field="year"');
    expect(empty.body).toContain('2028 年尚未录入任何日期');
    const withdrawMissing = await postAs(app, admin, '/admin/calendar/years/withdraw', { year: '2028' });
    expect(withdrawMissing.body).toContain('2028 年未确认全年录入，无需撤回');
    expect(await counts()).toEqual(before);
  });

  it('moves an open application’s due date one working day when a working day before it becomes a holiday, and back', async () => {
    const set = await postAs(app, admin, '/admin/calendar/days', {
      date: '2026-10-09',
      kind: 'holiday',
      name: '国庆节',
      notice: NOTICE_2026,
    });
    expect(set.statusCode).toBe(200);
    expect(set.body).toContain('1 件在办申请的答复期限已重新计算（共核对在办申请 2 件）');
    expect(set.body).toContain(`href="/admin/applications/${autumn}"`);
    expect(set.body).toMatch(/2026年10月30日<\/td><td>2026年11月2日/);
    expect(await cache(autumn)).toEqual({ due: '2026-11-02', state: 'running' });
    expect(await cache(decided)).toEqual({ due: '2026-11-02', state: 'decided' });
    expect(await cache(december)).toEqual({ due: null, state: 'invalid' });

    const setEntry = await lastAudit('calendar.day.set');
    expect(setEntry.actorName).toBe('calendar-admin');
    expect(setEntry.objectType).toBe('calendar_day');
    expect(setEntry.objectId).toBe('2026-10-09');
    expect(setEntry.details).toEqual({
      date: '2026-10-09',
      before: null,
      after: { kind: 'holiday', name: '国庆节', notice: NOTICE_2026 },
      notice: NOTICE_2026,
      recomputed: {
        open: 2,
        changed: 1,
        applications: [{ id: autumn, dueBefore: '2026-10-30', dueAfter: '2026-11-02' }],
      },
    });
    const page = await get('/admin/calendar?year=2026', admin);
    expect(page.body).toMatch(
      /2026-10-09<\/td><td>休息日<\/td><td>国庆节<\/td><td>国办发明电〔2026〕7号<\/td><td>calendar-admin 本人/,
    );

    // Setting the same day again replaces it; the audit entry keeps what it was.
    const relabel = await postAs(app, admin, '/admin/calendar/days', {
      date: '2026-10-09',
      kind: 'holiday',
      notice: `${NOTICE_2026}（更正）`,
    });
    expect(relabel.body).toContain('0 件在办申请的答复期限已重新计算');
    expect((await lastAudit('calendar.day.set')).details).toMatchObject({
      before: { kind: 'holiday', name: '国庆节', notice: NOTICE_2026 },
      after: { kind: 'holiday', name: null, notice: `${NOTICE_2026}（更正）` },
      recomputed: { open: 2, changed: 0, applications: [] },
    });

    const removed = await postAs(app, admin, '/admin/calendar/days/remove', { date: '2026-10-09' });
    expect(removed.statusCode).toBe(200);
    expect(removed.body).toContain('1 件在办申请的答复期限已重新计算');
    expect(await cache(autumn)).toEqual({ due: '2026-10-30', state: 'running' });
    expect(await cache(decided)).toEqual({ due: '2026-11-02', state: 'decided' });
    const removeEntry = await lastAudit('calendar.day.remove');
    expect(removeEntry.details).toEqual({
      date: '2026-10-09',
      before: { kind: 'holiday', name: null, notice: `${NOTICE_2026}（更正）` },
      after: null,
      notice: `${NOTICE_2026}（更正）`,
      recomputed: {
        open: 2,
        changed: 1,
        applications: [{ id: autumn, dueBefore: '2026-11-02', dueAfter: '2026-10-30' }],
      },
    });
  });

  it('does the same from the command line, as the operator, with JSON output', async () => {
    const config = context.config.database;
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      DATABASE_URL: config.kind === 'sqlite' ? config.file : config.url,
      DATA_KEYS_FILE: context.config.dataKeysFile,
    };
    const gongkai = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, [join(repoRoot, 'bin/gongkai.js'), ...args], {
          cwd: repoRoot,
          env,
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const set = await gongkai(
      'calendar',
      'set',
      '2026-10-09',
      '--kind',
      'holiday',
      '--notice',
      NOTICE_2026,
      '--json',
    );
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({
      action: 'day-set',
      subject: '2026-10-09',
      recomputation: {
        open: 2,
        changed: [
          {
            id: autumn,
            dueBefore: '2026-10-30',
            dueAfter: '2026-11-02',
            stateBefore: 'running',
            stateAfter: 'running',
          },
        ],
      },
    });
    expect(await cache(autumn)).toEqual({ due: '2026-11-02', state: 'running' });
    const entry = await lastAudit('calendar.day.set');
    expect([entry.actorName, entry.address]).toEqual(['命令行操作员', 'cli']);

    const list = await gongkai('calendar', 'list', '--year', '2026');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('官方数据（chinese-days）覆盖：2004–2026 年');
    expect(list.stdout).toContain('  2026-10-01 至 2026-10-07 放假 7 天 国庆节（官方数据）');
    expect(list.stdout).toContain(`  2026-10-09 休息日（依据：${NOTICE_2026}；命令行操作员）`);

    const removed = await gongkai('calendar', 'remove', '2026-10-09');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(
      `已删除自定义设置：2026-10-09\n1 件在办申请的答复期限已重新计算（共核对在办申请 2 件）。\n  申请 ${autumn}：2026-11-02 → 2026-10-30\n`,
    );
    expect(await cache(autumn)).toEqual({ due: '2026-10-30', state: 'running' });

    const bad = await gongkai('calendar', 'set', '2026-02-30', '--kind', 'holiday', '--notice', NOTICE_2026);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('错误：“日期”不是存在的日期：2026-02-30\n');
    const official = await gongkai('calendar', 'complete-year', '2026', '--notice', NOTICE_2026);
    expect(official.code).toBe(2);
    expect(official.stderr).toContain('2026 年的节假日安排已包含在系统自带的官方数据中');
    // Each run starts a process with the TypeScript loader: seconds each on a busy machine.
  }, 180_000);

  it('makes a clock running into 2027 computable once the 2027 arrangement is entered and declared complete', async () => {
    const days: [string, string, string][] = [
      ['2027-01-01', 'holiday', '元旦'],
      ['2027-02-06', 'holiday', '春节'],
      ['2027-02-20', 'workday', '春节'],
    ];
    for (const [date, kind, name] of days) {
      const response = await postAs(app, admin, '/admin/calendar/days', {
        date,
        kind,
        name,
        notice: NOTICE_2027,
      });
      expect(response.statusCode).toBe(200);
      // Days alone do not cover a year: the clock still refuses to count in 2027.
      expect(response.body).toContain('0 件在办申请的答复期限已重新计算');
    }
    expect(await cache(december)).toEqual({ due: null, state: 'invalid' });
    // From November, every signed-in person's 工作台 says that next year is missing; only the
    // administrator gets the link to the calendar.
    const db = context.database.db;
    expect(await missingCalendarYears(db, new Date('2026-10-31T12:00:00Z'))).toEqual([]);
    expect(await missingCalendarYears(db, new Date('2026-10-31T16:00:00Z'))).toEqual([2027]);
    expect(await missingCalendarYears(db, new Date('2027-03-01T02:00:00Z'))).toEqual([2027]);
    expect(await missingCalendarYears(db, new Date('2027-11-01T02:00:00Z'))).toEqual([2027, 2028]);
    const adminHome = await get('/admin', admin);
    expect(adminHome.body).toContain('data-testid="calendar-missing-2027"');
    expect(adminHome.body).toContain('href="/admin/calendar?year=2027"');
    const handlerHome = await get('/admin', handler);
    expect(handlerHome.body).toContain('2027 年的节假日安排尚未录入工作日历');
    expect(handlerHome.body).not.toContain('href="/admin/calendar');
    const pending = await get('/admin/calendar?year=2027', admin);
    expect(pending.body).toContain('2027 年已录入 3 天，但尚未确认全年已录入');
    expect(pending.body).toContain('data-testid="arrangement-missing"');

    const declared = await postAs(app, admin, '/admin/calendar/years', { year: '2027', notice: NOTICE_2027 });
    expect(declared.statusCode).toBe(200);
    expect(declared.body).toContain('已确认 2027 年全年节假日安排已录入');
    expect(declared.body).toContain('1 件在办申请的答复期限已重新计算（共核对在办申请 2 件）');
    expect(await cache(december)).toEqual({ due: '2027-01-26', state: 'running' });
    expect(await cache(autumn)).toEqual({ due: '2026-10-30', state: 'running' });
    expect((await get('/admin', handler)).body).not.toContain('calendar-missing');
    expect(await missingCalendarYears(db, new Date('2027-11-01T02:00:00Z'))).toEqual([2028]);
    const entry = await lastAudit('calendar.year.complete');
    expect(entry.objectType).toBe('calendar_year');
    expect(entry.objectId).toBe('2027');
    expect(entry.details).toEqual({
      year: 2027,
      before: null,
      after: { notice: NOTICE_2027 },
      notice: NOTICE_2027,
      enteredDays: 3,
      recomputed: {
        open: 2,
        changed: 1,
        applications: [
          {
            id: december,
            dueBefore: null,
            dueAfter: '2027-01-26',
            stateBefore: 'invalid',
            stateAfter: 'running',
          },
        ],
      },
    });
    const page = await get('/admin/calendar?year=2027', admin);
    expect(page.body).toMatch(
      /2027年1月1日<\/td><td class="num">1<\/td><td>放假<\/td><td>元旦<\/td><td>自定义/,
    );
    expect(page.body).toMatch(
      /2027年2月20日<\/td><td class="num">1<\/td><td>上班（调休上班日）<\/td><td>春节/,
    );

    const twice = await postAs(app, admin, '/admin/calendar/years', { year: '2027', notice: NOTICE_2027 });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain(`2027 年已确认全年录入（依据：${NOTICE_2027}）`);

    const withdrawn = await postAs(app, admin, '/admin/calendar/years/withdraw', { year: '2027' });
    expect(withdrawn.statusCode).toBe(200);
    expect(await cache(december)).toEqual({ due: null, state: 'invalid' });
    expect((await get('/admin', handler)).body).toContain('data-testid="calendar-missing-2027"');
    expect((await lastAudit('calendar.year.withdraw')).details).toEqual({
      year: 2027,
      before: { notice: NOTICE_2027 },
      after: null,
      notice: NOTICE_2027,
      recomputed: {
        open: 2,
        changed: 1,
        applications: [
          {
            id: december,
            dueBefore: '2027-01-26',
            dueAfter: null,
            stateBefore: 'running',
            stateAfter: 'invalid',
          },
        ],
      },
    });
  });

  it('keeps the last entered day of a declared year until the declaration is withdrawn', async () => {
    await postAs(app, admin, '/admin/calendar/days/remove', { date: '2027-02-06' });
    await postAs(app, admin, '/admin/calendar/days/remove', { date: '2027-02-20' });
    expect(
      (await postAs(app, admin, '/admin/calendar/years', { year: '2027', notice: NOTICE_2027 })).statusCode,
    ).toBe(200);
    const last = await postAs(app, admin, '/admin/calendar/days/remove', { date: '2027-01-01' });
    expect(last.statusCode).toBe(400);
    expect(last.body).toContain('请先撤回对 2027 年的确认');
    expect(await cache(december)).toEqual({ due: '2027-01-26', state: 'running' });
  });
});

describe(`the recomputation of many open applications on ${testDialect}`, () => {
  let context: TestContext;
  afterAll(async () => {
    await context.destroy();
  });

  it('recomputes past one batch and lists the first 200 moved applications in the audit entry, saying so', async () => {
    context = await createTestContext();
    const db = context.database.db;
    const unit = await addUnit(operatorScope(context), {
      parentId: null,
      name: '乙市人民政府',
      kind: 'city',
    });
    const created = new Date('2026-09-28T02:00:00Z');
    const at = context.database.dialect === 'postgres' ? created : created.toISOString();
    // Rows as the online form stores them (the clock cache included); 601 crosses the batch of 500.
    const rows = Array.from({ length: 601 }, (_, i) => ({
      query_code: `CALENDAR${String(i).padStart(4, '0')}`,
      unit_id: unit.id,
      channel: 'online',
      received_on: '2026-09-28',
      applicant_kind: 'person',
      applicant_type: '自然人',
      applicant_name_sealed: 'sealed',
      id_type: 'passport',
      phone_sealed: 'sealed',
      phone_index: 'index',
      phone_tail_sealed: 'sealed',
      phone_tail_index: 'index',
      description: '所需信息',
      provision_form: 'paper',
      obtain_way: 'post',
      created_at: at,
      due_on: '2026-10-30',
      clock_state: 'running',
    }));
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += 200) {
      const batch = rows.slice(start, start + 200);
      const inserted = await db.insertInto('applications').values(batch).returning('id').execute();
      ids.push(...inserted.map((row) => row.id));
      await db
        .insertInto('application_events')
        .values(
          inserted.map((row) => ({
            application_id: row.id,
            type: 'received',
            date: '2026-09-28',
            recorded_by: null,
            created_at: at,
          })),
        )
        .execute();
    }
    const change = await setDayOverride(operatorScope(context), {
      date: '2026-10-09',
      kind: 'holiday',
      notice: NOTICE_2026,
    });
    expect(change.recomputation.open).toBe(601);
    expect(change.recomputation.changed.map((entry) => entry.id)).toEqual(ids);
    const moved = await db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('due_on', '=', '2026-11-02')
      .where('clock_state', '=', 'running')
      .executeTakeFirstOrThrow();
    expect(Number(moved.n)).toBe(601);
    const [entry] = await findAuditEntries(db, { action: 'calendar.day.set' }, 1);
    const recomputed = (JSON.parse(entry?.details ?? '{}') as { recomputed: Record<string, unknown> })
      .recomputed;
    expect(recomputed.open).toBe(601);
    expect(recomputed.changed).toBe(601);
    expect(recomputed.listed).toBe(200);
    expect(recomputed.truncated).toBe(true);
    expect(recomputed.applications).toEqual(
      ids.slice(0, 200).map((id) => ({ id, dueBefore: '2026-10-30', dueAfter: '2026-11-02' })),
    );
  });
});
