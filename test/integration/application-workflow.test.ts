// Every step of handling an application through HTTP, as the handler, the disclosure office and a leader
// do it: routing, correction, consultation, fee, extension, Art. 35, decision; and the illegal steps,
// which are refused with the field and the rule and change nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../src/core/calendar/working-days.ts';
import { findOutcome } from '../../src/core/disclosure/outcomes.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { loadCalendar } from '../../src/features/applications/clock.ts';
import { chineseDate } from '../../src/features/applications/views/ClockSummary.tsx';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { closeUnpaidFeeApplications, internalDeadline } from '../../src/features/applications/workflow.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Tz8&river-Pine-2026';

describe(`application workflow on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let calendar: WorkingDayCalendar;
  const people: Record<'handler' | 'supervisor' | 'leader' | 'bureauHandler', SignedIn> = {} as never;
  const userIds: Record<string, number> = {};

  /** An application received online on `receivedOn` (submitted at noon in China that day). */
  async function receive(
    receivedOn: PlainDate,
    phone = '13912345678',
    description = '2025年度区级财政预算执行情况',
  ) {
    const acknowledgment = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(district.id),
        applicantKind: 'person',
        applicantName: '张三',
        idType: 'passport',
        idNumber: 'E12345678',
        phone,
        description,
        provisionForm: 'electronic',
        obtainWay: 'email',
        email: 'zhangsan@example.cn',
      },
      new Date(`${receivedOn}T04:00:00Z`),
    );
    return acknowledgment.id;
  }

  async function row(id: number) {
    return context.database.db
      .selectFrom('applications')
      .select(['status', 'outcome', 'closed_on', 'due_on', 'clock_state', 'handler_id', 'unit_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async function eventCount(id: number): Promise<number> {
    const rows = await context.database.db
      .selectFrom('application_events')
      .select('id')
      .where('application_id', '=', id)
      .execute();
    return rows.length;
  }

  function act(who: SignedIn, id: number, action: string, fields: Record<string, string>) {
    return postAs(app, who, `/admin/applications/${id}/${action}`, fields);
  }

  /** A refused act: the page again, naming the field; nothing written. */
  async function expectRefused(
    who: SignedIn,
    id: number,
    action: string,
    fields: Record<string, string>,
    field: string,
    message: RegExp,
  ) {
    const before = await eventCount(id);
    const response = await act(who, id, action, fields);
    expect(response.statusCode, response.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect(response.body).toContain(`data-field="${field}"`);
    expect(response.body).toMatch(message);
    expect(await eventCount(id)).toBe(before);
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    calendar = await loadCalendar(context.database.db);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '甲区教育局', kind: 'department' });
    const accounts = [
      ['handler', district, 'handler'],
      ['supervisor', district, 'supervisor'],
      ['leader', district, 'leader'],
      ['bureauHandler', bureau, 'handler'],
    ] as const;
    for (const [name, unit, role] of accounts) {
      const user = await createUser(operator, {
        username: name,
        displayName: `${name}人员`,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      userIds[name] = user.id;
      people[name] = await signInOverHttp(app, name, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('runs an application from receipt to decision: correction, consultation, fee, extension', async () => {
    const received = '2026-09-01';
    const id = await receive(received);
    expect((await row(id)).due_on).toBe(calendar.nthWorkdayAfter(received, 20));

    // The supervisor assigns the handler; a leader may read but not handle.
    expect(
      (await act(people.supervisor, id, 'assign', { handlerId: String(userIds.handler) })).statusCode,
    ).toBe(303);
    expect((await row(id)).handler_id).toBe(userIds.handler);
    expect((await act(people.leader, id, 'correction-request', { items: 'x' })).statusCode).toBe(404);

    // 补正: the clock stops; the corrected application restarts the 20 working days.
    const asked = calendar.nthWorkdayAfter(received, 3);
    expect(
      (
        await act(people.handler, id, 'correction-request', {
          items: '请明确所需预算表的年度和科目',
          date: asked,
        })
      ).statusCode,
    ).toBe(303);
    expect(await row(id)).toMatchObject({ clock_state: 'awaiting_correction', due_on: null });
    await expectRefused(
      people.handler,
      id,
      'correction-request',
      { items: '再次补正', date: asked },
      'date',
      /补正/,
    );
    const corrected = calendar.nthWorkdayAfter(asked, 4);
    expect((await act(people.handler, id, 'corrected', { date: corrected })).statusCode).toBe(303);
    const restarted = calendar.nthWorkdayAfter(corrected, 20);
    expect(await row(id)).toMatchObject({ clock_state: 'running', due_on: restarted });

    // 征求第三方意见: paused from P to R; the remaining working days run again after R.
    const paused = calendar.nthWorkdayAfter(corrected, 2);
    expect(
      (
        await act(people.handler, id, 'consultation-start', {
          party: 'third_party',
          name: '某建设有限公司',
          matter: '拟公开的合同含有该公司报价',
          date: paused,
        })
      ).statusCode,
    ).toBe(303);
    expect(await row(id)).toMatchObject({ clock_state: 'paused', due_on: null });
    const pausedPage = await app.inject({
      method: 'GET',
      url: `/admin/applications/${id}`,
      headers: { cookie: people.handler.cookie },
    });
    expect(pausedPage.body).toContain(`应于 ${chineseDate(calendar.nthWorkdayAfter(paused, 15))}前回复`);
    const resumed = calendar.nthWorkdayAfter(paused, 6);
    expect(
      (
        await act(people.handler, id, 'consultation-end', {
          name: '某建设有限公司',
          result: '不同意公开报价',
          date: resumed,
        })
      ).statusCode,
    ).toBe(303);
    const remaining = calendar.workdaysBetween(paused, restarted);
    const afterPause = calendar.nthWorkdayAfter(resumed, remaining);
    expect(await row(id)).toMatchObject({ clock_state: 'running', due_on: afterPause });

    // 延期: only the disclosure office or a leader approves; once; at most 20 working days.
    const extendedOn = calendar.nthWorkdayAfter(resumed, 1);
    expect(
      (await act(people.handler, id, 'extension', { workdays: '20', reason: '需调取档案' })).statusCode,
    ).toBe(404);
    await expectRefused(
      people.supervisor,
      id,
      'extension',
      { workdays: '21', reason: '需调取档案', date: extendedOn },
      'workdays',
      /1 至 20/,
    );
    expect(
      (
        await act(people.supervisor, id, 'extension', {
          workdays: '15',
          reason: '需调取档案馆存档材料',
          date: extendedOn,
        })
      ).statusCode,
    ).toBe(303);
    const extended = calendar.nthWorkdayAfter(afterPause, 15);
    expect((await row(id)).due_on).toBe(extended);
    await expectRefused(
      people.leader,
      id,
      'extension',
      { workdays: '5', reason: '再延', date: extendedOn },
      'workdays',
      /只能延长一次|一次/,
    );

    // 部分公开 needs what was withheld and why.
    const decidedOn = calendar.nthWorkdayAfter(extendedOn, 2);
    await expectRefused(
      people.handler,
      id,
      'decision',
      { outcome: 'partial', provided: '预算执行总表', date: decidedOn },
      'withheld',
      /不予公开的内容/,
    );
    const decided = await act(people.handler, id, 'decision', {
      outcome: 'partial',
      provided: '预算执行总表（电子文件）',
      withheld: '合同中的报价部分',
      withheldReason: '涉及第三方商业秘密，第三方不同意公开（第十五条）',
      date: decidedOn,
    });
    expect(decided.statusCode, /data-testid="action-error"[^>]*>([^<]*)/.exec(decided.body)?.[1]).toBe(303);
    expect(await row(id)).toMatchObject({ status: 'closed', outcome: 'partial', closed_on: decidedOn });
    const letters = await context.database.db
      .selectFrom('application_letters')
      .select(['kind', 'number'])
      .where('application_id', '=', id)
      .orderBy('id')
      .execute();
    expect(letters.map((letter) => letter.kind)).toEqual([
      'correction',
      'consultation',
      'extension',
      'decision',
    ]);
    expect(letters.every((letter) => /〔2026〕\d+号$/.test(letter.number ?? ''))).toBe(true);

    // Closed: nothing more can be recorded.
    await expectRefused(
      people.handler,
      id,
      'legal-consultation',
      { participants: '法律顾问', question: '问', opinion: '答' },
      'status',
      /办结/,
    );
    const page = await app.inject({
      method: 'GET',
      url: `/admin/applications/${id}`,
      headers: { cookie: people.handler.cookie },
    });
    expect(page.body).toContain(findOutcome('partial')?.table3Row ?? 'missing');
    expect(page.body).toContain('已办结');

    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'application')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'application.submit',
      'application.assign',
      'application.correction.request',
      'application.correction.received',
      'application.consultation.start',
      'application.consultation.end',
      'application.extend',
      'application.decide',
    ]);
  });

  it('refuses steps the ledger cannot take, naming the rule, and changes nothing', async () => {
    const id = await receive('2026-10-12');
    await expectRefused(people.handler, id, 'corrected', { date: '2026-10-13' }, 'date', /补正/);
    await expectRefused(
      people.handler,
      id,
      'consultation-end',
      { name: '无此对象', date: '2026-10-13' },
      'name',
      /征求意见/,
    );
    await expectRefused(people.handler, id, 'fee-paid', { paymentRef: 'P1' }, 'paymentRef', /没有收费通知/);
    await expectRefused(
      people.handler,
      id,
      'decision',
      { outcome: 'other-fee-unpaid' },
      'outcome',
      /自动办结/,
    );
    await expectRefused(
      people.handler,
      id,
      'decision',
      { outcome: 'unavailable-unclear' },
      'outcome',
      /收到补正之后/,
    );
    await expectRefused(
      people.handler,
      id,
      'decision',
      { outcome: 'public-provided', provided: '表', date: '2099-01-01' },
      'date',
      /不能晚于今天/,
    );
    await expectRefused(
      people.handler,
      id,
      'fee-notice',
      { method: 'by_pages', pages: '30' },
      'pages',
      /30 页以内/,
    );
    await expectRefused(people.handler, id, 'return', { reason: '不属于本单位' }, 'reason', /不是转办来的/);
    expect((await row(id)).status).toBe('open');
  });

  it('transfers to another unit, which may send it back; co-handling gets a deadline before the legal one', async () => {
    const received = '2026-10-12';
    const id = await receive(received);
    // A handler of the bureau does not see the district's application yet.
    expect((await act(people.bureauHandler, id, 'return', { reason: 'x' })).statusCode).toBe(404);
    expect(
      (await act(people.handler, id, 'transfer', { toUnitId: String(bureau.id), reason: '属教育局职责' }))
        .statusCode,
    ).toBe(303);
    expect((await row(id)).unit_id).toBe(bureau.id);
    expect(
      (await act(people.bureauHandler, id, 'return', { reason: '不属于本局职责，系区财政局职责' }))
        .statusCode,
    ).toBe(303);
    expect((await row(id)).unit_id).toBe(district.id);
    expect(
      (
        await act(people.bureauHandler, id, 'legal-consultation', {
          participants: 'a',
          question: 'b',
          opinion: 'c',
        })
      ).statusCode,
    ).toBe(404);

    const due = calendar.nthWorkdayAfter(received, 20);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const cohandle = await act(people.handler, id, 'cohandling', {
      unitId: String(bureau.id),
      request: '请提供本局预算执行数据',
    });
    expect(cohandle.statusCode).toBe(303);
    const task = await context.database.db
      .selectFrom('cohandling_tasks')
      .selectAll()
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(task.due_on).toBe(internalDeadline(calendar, due, 5, today));
    const tasks = await app.inject({
      method: 'GET',
      url: '/admin/cohandling',
      headers: { cookie: people.bureauHandler.cookie },
    });
    expect(tasks.body).toContain('请提供本局预算执行数据');
    const replied = await postAs(app, people.bureauHandler, `/admin/cohandling/${task.id}/reply`, {
      reply: '数据见附表',
    });
    expect(replied.statusCode).toBe(303);
    const again = await postAs(app, people.bureauHandler, `/admin/cohandling/${task.id}/reply`, {
      reply: '再答',
    });
    expect(again.statusCode).toBe(409);
    const page = await app.inject({
      method: 'GET',
      url: `/admin/applications/${id}`,
      headers: { cookie: people.handler.cookie },
    });
    expect(page.body).toContain('数据见附表');
  });

  it('closes an application whose fee stayed unpaid as （六）2, once, on the first working day after the period', async () => {
    const received = '2026-08-03';
    const unpaid = await receive(received, '13700000001');
    const paid = await receive(received, '13700000002');
    const noticeOn = calendar.nthWorkdayAfter(received, 2);
    for (const id of [unpaid, paid]) {
      const notice = await act(people.handler, id, 'fee-notice', {
        method: 'by_pages',
        pages: '250',
        date: noticeOn,
      });
      expect(notice.statusCode, notice.body.slice(0, 300)).toBe(303);
    }
    const fee = await context.database.db
      .selectFrom('application_fees')
      .select('amount_yuan')
      .where('application_id', '=', unpaid)
      .executeTakeFirstOrThrow();
    expect(fee.amount_yuan).toBe(4700);
    await expectRefused(
      people.handler,
      paid,
      'fee-notice',
      { method: 'by_count', date: noticeOn },
      'none',
      /只能收费一次/,
    );
    expect(
      (
        await act(people.handler, paid, 'fee-paid', {
          paymentRef: 'FS-2026-0001',
          date: calendar.nthWorkdayAfter(noticeOn, 3),
        })
      ).statusCode,
    ).toBe(303);

    const limit = calendar.nthWorkdayAfter(noticeOn, 20);
    expect(await closeUnpaidFeeApplications(context, new Date(`${limit}T04:00:00Z`))).toBe(0);
    const later = calendar.nthWorkdayAfter(limit, 3);
    expect(await closeUnpaidFeeApplications(context, new Date(`${later}T04:00:00Z`))).toBe(1);
    expect(await closeUnpaidFeeApplications(context, new Date(`${later}T04:00:00Z`))).toBe(0);
    expect(await row(unpaid)).toMatchObject({
      status: 'closed',
      outcome: 'other-fee-unpaid',
      closed_on: calendar.nthWorkdayAfter(limit, 1),
    });
    expect((await row(paid)).status).toBe('open');
  });

  it('sets an Art. 35 deadline with its reason, approved by the disclosure office', async () => {
    const id = await receive('2026-10-12');
    const due = calendar.nthWorkdayAfter('2026-10-12', 20);
    expect(
      (
        await act(people.handler, id, 'reasons-request', {
          matter: '一次申请 300 个项目的全部材料，请说明理由',
          date: '2026-10-13',
        })
      ).statusCode,
    ).toBe(303);
    await expectRefused(
      people.supervisor,
      id,
      'deadline',
      { due, reason: '材料量大', date: '2026-10-20' },
      'due',
      /晚于现行答复期限/,
    );
    expect(
      (await act(people.handler, id, 'deadline', { due: '2027-01-29', reason: '材料量大' })).statusCode,
    ).toBe(404);
    expect(
      (
        await act(people.supervisor, id, 'deadline', {
          due: '2026-12-31',
          reason: '申请材料量大，需分批整理',
          date: '2026-10-20',
        })
      ).statusCode,
    ).toBe(303);
    expect((await row(id)).due_on).toBe('2026-12-31');
  });
});
