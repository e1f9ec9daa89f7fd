// The reporter's contact on a correction task: masked by default, revealed only with a reason and
// audited; the reply to a reporter who left an e-mail address goes through the outbox once, sealed, and
// the task shows whether it was sent.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { reportCorrection } from '../../src/features/corrections/service.ts';
import { deliverNotifications } from '../../src/features/notifications/delivery.ts';
import { openPersonal } from '../../src/features/privacy/personal-field.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const EMAIL = 'reporter.li@example.com';

describe(`correction contact and reply on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let editor: SignedIn;
  let outsider: SignedIn;
  let emailTask = 0;
  let phoneTask = 0;
  const logged: Record<string, unknown>[] = [];
  const logger = {
    info: (details: Record<string, unknown>) => void logged.push(details),
    warn: () => undefined,
    error: () => undefined,
  };

  const page = (who: SignedIn, id: number) =>
    app.inject({ method: 'GET', url: `/admin/corrections/${id}`, headers: { cookie: who.cookie } });
  const reveals = () =>
    context.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'object_id', 'details'])
      .where('action', '=', 'correction.reveal-contact')
      .orderBy('seq')
      .execute();
  const outbox = () =>
    context.database.db
      .selectFrom('outbox')
      .select([
        'kind',
        'dedupe_key',
        'recipient_user_id',
        'recipient_address_sealed',
        'subject',
        'body',
        'sent_via',
      ])
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county' });
    const other = await addUnit(operator, { parentId: null, name: '乙区人民政府', kind: 'county' });
    const at = fromDate(context.database.dialect, new Date());
    const { id: itemId } = await context.database.db
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
      .executeTakeFirstOrThrow();
    ({ id: emailTask } = await reportCorrection(context, itemId, {
      description: '第二行数字有误',
      contact: EMAIL,
    }));
    ({ id: phoneTask } = await reportCorrection(context, itemId, {
      description: '附件打不开',
      contact: '13812345678',
    }));
    for (const [username, unit] of [
      ['editor', district],
      ['outsider', other],
    ] as const) {
      await createUser(operator, {
        username,
        displayName: username,
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

  it('shows the contact masked, with a form to reveal it', async () => {
    const response = await page(editor, emailTask);
    expect(response.body).toContain('<dd data-testid="contact">r***@example.com</dd>');
    expect(response.body).not.toContain(EMAIL);
    expect(response.body).toContain('data-testid="reveal-form"');
  });

  it('reveals the contact only with a reason, to the unit handling it, and audits the reveal', async () => {
    const noReason = await postAs(app, editor, `/admin/corrections/${emailTask}/reveal`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('“查看原因”必填（至少 2 个字）');
    expect(noReason.body).not.toContain(EMAIL);
    const refused = await postAs(app, outsider, `/admin/corrections/${emailTask}/reveal`, { reason: '核实' });
    expect(refused.statusCode).toBe(404);
    expect(await reveals()).toEqual([]);

    const revealed = await postAs(app, editor, `/admin/corrections/${emailTask}/reveal`, {
      reason: '需电话核实纠错内容',
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(revealed.body).toContain(`<strong data-testid="contact-revealed">${EMAIL}</strong>`);
    const trail = await reveals();
    expect(trail.map((entry) => [entry.actor_name, entry.object_id])).toEqual([
      ['editor', String(emailTask)],
    ]);
    const details = (
      typeof trail[0]?.details === 'string' ? JSON.parse(trail[0].details) : trail[0]?.details
    ) as unknown;
    expect(details).toEqual({ reason: '需电话核实纠错内容', kind: 'email' });
  });

  it('sends the reply to an e-mail address once through the outbox, sealed, and shows it was sent', async () => {
    const replied = await postAs(app, editor, `/admin/corrections/${emailTask}/reply`, {
      outcome: 'replied',
      reply: '已更正预算表第二行，感谢指正。',
    });
    expect(replied.statusCode).toBe(303);
    const again = await postAs(app, editor, `/admin/corrections/${emailTask}/reply`, {
      outcome: 'replied',
      reply: '再次答复',
    });
    expect(again.statusCode).toBe(409);
    const [message, ...others] = await outbox();
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      kind: 'correction-reply',
      dedupe_key: `correction-reply:${emailTask}`,
      recipient_user_id: null,
      subject: '关于您对“甲区2026年部门预算”的纠错的答复',
      sent_via: null,
    });
    expect(message?.body).toContain('已更正预算表第二行，感谢指正。');
    expect(message?.recipient_address_sealed).not.toContain(EMAIL);
    expect(openPersonal(context.keys, message?.recipient_address_sealed ?? null)).toBe(EMAIL);
    const waiting = await page(editor, emailTask);
    expect(waiting.body).toContain('data-testid="reply-message" data-sent="false"');

    const delivered = await deliverNotifications(context, { holder: 'test', logger });
    expect(delivered).toEqual({ sent: 1, failed: 0, gaveUp: 0 });
    expect(JSON.stringify(logged)).not.toContain(EMAIL);
    const sent = await page(editor, emailTask);
    expect(sent.body).toContain('data-testid="reply-message" data-sent="true"');
    expect(sent.body).toContain('未配置邮件服务器，答复已记入系统日志');
  });

  it('enqueues nothing when the reporter left a phone number', async () => {
    const replied = await postAs(app, editor, `/admin/corrections/${phoneTask}/reply`, {
      outcome: 'rejected',
      reply: '附件可以正常打开。',
    });
    expect(replied.statusCode).toBe(303);
    expect((await outbox()).map((row) => row.dedupe_key)).toEqual([`correction-reply:${emailTask}`]);
    expect((await page(editor, phoneTask)).body).not.toContain('data-testid="reply-message"');
  });
});
