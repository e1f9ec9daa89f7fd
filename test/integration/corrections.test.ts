// Corrections (纠错) through HTTP: the public form with its field errors, honeypot and rate limit; the
// sealed contact; the reply deadline on the working-day calendar and the overdue flag; the task's
// lifecycle (triage, fix, reply) with its audit entries; and the policy (another unit's task is missing).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { listCorrections, reportCorrection } from '../../src/features/corrections/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { form, postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const RATE_LIMIT = 4;

describe(`corrections through HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let other: Unit;
  let itemId = 0;
  let editor: SignedIn;
  let outsider: SignedIn;

  const publicPost = (fields: Record<string, string>, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: `/disclosure/items/${itemId}/correction`,
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields),
    });
  const taskRows = () =>
    context.database.db.selectFrom('correction_tasks').selectAll().orderBy('id').execute();
  const audits = (id: number) =>
    context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'details'])
      .where('object_type', '=', 'correction')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [], publicRateLimitPerMinute: RATE_LIMIT });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county' });
    other = await addUnit(operator, { parentId: null, name: '乙区人民政府', kind: 'county' });
    const now = new Date();
    const at = fromDate(context.database.dialect, now);
    ({ id: itemId } = await context.database.db
      .insertInto('publishing_items')
      .values({
        unit_id: district.id,
        status: 'published',
        sub_column: 'proactive',
        title: '甲区2026年部门预算',
        summary: '预算',
        body: '正文',
        disclosure_method: '主动公开',
        disclosure_period: '长期公开',
        format: 'HTML',
        version: 1,
        round: 1,
        index_number: 'TEST-2026-00001',
        published_year: 2026,
        serial: 1,
        published_at: at,
        published_on: '2026-03-02',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
    for (const [username, unit] of [
      ['editor', district],
      ['outsider', other],
    ] as const) {
      await createUser(operator, {
        username,
        displayName: username === 'editor' ? '编辑甲' : '编辑乙',
        password: PASSWORD,
        grants: [{ unitId: unit.id, role: 'editor' }],
      });
    }
    editor = await signInOverHttp(app, 'editor', PASSWORD);
    outsider = await signInOverHttp(app, 'outsider', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('links every public item page to its correction form', async () => {
    const page = await app.inject({ method: 'GET', url: `/disclosure/items/${itemId}` });
    expect(page.body).toContain(`href="/disclosure/items/${itemId}/correction"`);
    const formPage = await app.inject({ method: 'GET', url: `/disclosure/items/${itemId}/correction` });
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).toContain('甲区2026年部门预算');
    expect((await app.inject({ method: 'GET', url: '/disclosure/items/999999/correction' })).statusCode).toBe(
      404,
    );
  });

  it('names the field of a refused report, stores nothing for a filled honeypot, seals the contact', async () => {
    const empty = await publicPost({ description: '  ', contact: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('data-field="description"');
    const badContact = await publicPost({ description: '预算表第二行数字有误', contact: '找我' });
    expect(badContact.statusCode).toBe(400);
    expect(badContact.body).toContain('data-field="contact"');
    expect(badContact.body).toContain('预算表第二行数字有误');
    const robot = await publicPost({ description: '广告', contact: '', website: 'http://spam.example' });
    expect(robot.statusCode).toBe(200);
    expect(robot.body).toContain('感谢您的纠错');
    expect(await taskRows()).toEqual([]);

    const ok = await publicPost({ description: '预算表第二行数字有误', contact: '13912345678' });
    expect(ok.statusCode).toBe(200);
    const rows = await taskRows();
    expect(rows).toHaveLength(1);
    const row = rows[0] as (typeof rows)[number];
    expect([row.unit_id, row.item_id, row.source, row.status]).toEqual([
      district.id,
      itemId,
      'public',
      'open',
    ]);
    expect(row.contact_sealed).toMatch(/^v1:/);
    expect(row.contact_sealed).not.toContain('13912345678');
    expect(ok.body).toContain(row.due_on);
    const list = await app.inject({
      method: 'GET',
      url: '/admin/corrections',
      headers: { cookie: editor.cookie },
    });
    expect(list.body).toContain(`data-task="${row.id}" data-status="open" data-overdue="false"`);
    const page = await app.inject({
      method: 'GET',
      url: `/admin/corrections/${row.id}`,
      headers: { cookie: editor.cookie },
    });
    expect(page.body).toContain('139****5678');
    expect(page.body).not.toContain('13912345678');
  });

  it('sets the reply deadline on the working-day calendar and flags it overdue after that day', async () => {
    // Received Tue 2026-09-29: 中秋 and 国庆 (10-01..10-07) are off, Sat 10-10 is a make-up workday, so
    // the fifth working day after it is Mon 10-12.
    const receipt = await reportCorrection(
      context,
      itemId,
      { description: '发布机关名称有误' },
      new Date('2026-09-29T02:00:00Z'),
    );
    expect(receipt.dueOn).toBe('2026-10-12');
    const scope = scopeOf(context, staff([['editor', district]]));
    const onDue = await listCorrections(scope, new Date('2026-10-12T15:00:00Z'));
    expect(onDue.find((task) => task.id === receipt.id)?.overdue).toBe(false);
    const after = await listCorrections(scope, new Date('2026-10-12T16:00:00Z'));
    expect(after.find((task) => task.id === receipt.id)?.overdue).toBe(true);
    const outsiderScope = scopeOf(context, staff([['editor', other]]));
    expect(await listCorrections(outsiderScope)).toEqual([]);
  });

  it('takes a task through triage, fix and reply, audits each step and refuses steps after the reply', async () => {
    const id = (await taskRows())[0]?.id ?? 0;
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/admin/corrections/${id}`,
          headers: { cookie: outsider.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect((await postAs(app, outsider, `/admin/corrections/${id}/triage`, {})).statusCode).toBe(404);

    expect((await postAs(app, editor, `/admin/corrections/${id}/triage`, {})).statusCode).toBe(303);
    expect((await postAs(app, editor, `/admin/corrections/${id}/triage`, {})).statusCode).toBe(409);
    expect((await postAs(app, editor, `/admin/corrections/${id}/fix`, { fixNote: '' })).statusCode).toBe(400);
    expect(
      (await postAs(app, editor, `/admin/corrections/${id}/fix`, { fixNote: '已在信息中更正第二行数字' }))
        .statusCode,
    ).toBe(303);
    const noOutcome = await postAs(app, editor, `/admin/corrections/${id}/reply`, { reply: '已更正' });
    expect(noOutcome.statusCode).toBe(400);
    expect(
      (
        await postAs(app, editor, `/admin/corrections/${id}/reply`, {
          outcome: 'replied',
          reply: '已更正，感谢指正',
        })
      ).statusCode,
    ).toBe(303);
    expect((await postAs(app, editor, `/admin/corrections/${id}/fix`, { fixNote: '再改' })).statusCode).toBe(
      409,
    );

    const [row] = await taskRows();
    expect([row?.status, row?.fix_note, row?.reply]).toEqual([
      'replied',
      '已在信息中更正第二行数字',
      '已更正，感谢指正',
    ]);
    const page = await app.inject({
      method: 'GET',
      url: `/admin/corrections/${id}`,
      headers: { cookie: editor.cookie },
    });
    expect(page.body).toContain('<dd data-testid="status">已答复</dd>');
    expect(page.body).toContain(`href="/admin/publishing/items/${itemId}"`);
    const entries = await audits(id);
    expect(entries.map((entry) => [entry.action, entry.actor_name])).toEqual([
      ['correction.open', null],
      ['correction.triage', 'editor'],
      ['correction.fix', 'editor'],
      ['correction.reply', 'editor'],
    ]);
    expect(JSON.parse(String(entries[3]?.details))).toMatchObject({ from: 'in-progress', to: 'replied' });
    expect(JSON.stringify(entries)).not.toContain('13912345678');
  });

  it('answers 429 once an address has used up its reports for the minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i += 1) {
      codes.push((await publicPost({ description: '', contact: '' }, '10.9.8.7')).statusCode);
    }
    expect(codes).toEqual([...Array<number>(RATE_LIMIT).fill(400), 429]);
  });
});
