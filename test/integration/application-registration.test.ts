// Staff registration of applications received by letter, email, fax, in person or orally (条例第二十九条、
// 第三十一条) through HTTP: the receipt date each channel's rule fixes, the due date counted from it, the
// evidence letters need, refusals that name the field and write nothing, the policy (404 for everyone
// else), and the warning about possible repeated applications of the same applicant.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/plain-date.ts';
import { RECEIPT_RULES, REGISTERED_CHANNELS } from '../../src/core/disclosure/receipt-date.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { chinaDate, loadCalendar } from '../../src/features/applications/clock.ts';
import { registerApplication } from '../../src/features/applications/registration.ts';
import { submitApplication } from '../../src/features/applications/registration-online.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { tinyPdf, tinyPng } from '../support/files.ts';
import { multipartBody, type Part } from '../support/multipart.ts';
import { signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';
/** One request per channel, unlike each other, so that none is taken for a repeat of another. */
const CHANNEL_REQUESTS = [
  '河道清淤工程验收报告',
  '路灯节能改造的政府采购合同',
  '公园绿地认养办法',
  '农贸市场摊位租金标准',
  '校车线路与运营补贴',
  '停车泊位收费的价格批复',
];

describe(`registration of applications by staff on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let elsewhere: Unit;
  let handler: SignedIn;
  let handlerId = 0;
  let editor: SignedIn;
  let outsider: SignedIn;
  const today = chinaDate(new Date());

  const fields = (overrides: Record<string, string> = {}): Record<string, string> => ({
    unitId: String(bureau.id),
    applicantKind: 'person',
    applicantName: '司马相如',
    idType: 'passport',
    idNumber: 'E98765432',
    phone: '13700001111',
    description: '本区 2024 年学校食堂食品安全检查结果',
    provisionForm: 'paper',
    obtainWay: 'collect',
    channel: 'in-person',
    receivedOn: today,
    ...overrides,
  });

  function register(who: SignedIn, values: Record<string, string>, files: Part[] = []) {
    const parts: Part[] = [...Object.entries(values).map(([name, value]) => ({ name, value })), ...files];
    const { body, contentType } = multipartBody(parts);
    return app.inject({
      method: 'POST',
      url: `/admin/applications/new?_csrf=${encodeURIComponent(who.csrf)}`,
      headers: { cookie: who.cookie, 'content-type': contentType, accept: 'text/html' },
      payload: body,
    });
  }
  const get = (url: string, who: SignedIn) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie, accept: 'text/html' } });
  const evidence = (fileName = '邮件详情单.pdf'): Part => ({
    name: 'evidence',
    fileName,
    data: tinyPdf('signed mail slip'),
    type: 'application/pdf',
  });

  async function counts() {
    const db = context.database.db;
    const count = async (
      table: 'applications' | 'application_events' | 'application_attachments' | 'audit_log',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      applications: await count('applications'),
      events: await count('application_events'),
      attachments: await count('application_attachments'),
      audit: await count('audit_log'),
    };
  }

  const idFrom = (location: unknown) => Number(/\/admin\/applications\/(\d+)/.exec(String(location))?.[1]);

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '铁西区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '铁西区教育局', kind: 'department' });
    elsewhere = await addUnit(operator, { parentId: null, name: '大东区人民政府', kind: 'county' });
    const people = [
      ['li.handler', 'handler', district],
      ['zhou.editor', 'editor', district],
      ['wu.handler', 'handler', elsewhere],
    ] as const;
    for (const [username, role, unit] of people) {
      const user = await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      if (username === 'li.handler') handlerId = user.id;
    }
    handler = await signInOverHttp(app, 'li.handler', PASSWORD);
    editor = await signInOverHttp(app, 'zhou.editor', PASSWORD);
    outsider = await signInOverHttp(app, 'wu.handler', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('offers the channels, then a form whose date field is the fact of the chosen channel', async () => {
    const choice = await get('/admin/applications/new', handler);
    expect(choice.statusCode).toBe(200);
    for (const channel of REGISTERED_CHANNELS) {
      expect(choice.body).toContain(`/admin/applications/new?channel=${channel}`);
    }
    const letter = await get('/admin/applications/new?channel=letter-registered', handler);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain('本机关签收日期（必填）');
    expect(letter.body).toContain('收件凭证：签收的邮件凭证（邮件详情单、签收记录）（必传）');
    expect(letter.body).toContain('挂号信、快递签收之日（第三十一条第（二）项）');
    expect(letter.body).toContain('enctype="multipart/form-data"');
    // The units the handler may register for: the district and its bureau, not the other district.
    expect(letter.body).toContain('铁西区教育局');
    expect(letter.body).not.toContain('大东区人民政府');
    const oral = await get('/admin/applications/new?channel=oral', handler);
    expect(oral.body).toContain('书面申请确有困难的情况（必填）');
    expect(oral.body).toContain('收件凭证：申请人签字确认的代填申请（选传）');
  });

  it('registers every channel with its receipt date, its Art. 31 basis and the due date counted from it', async () => {
    const calendar = await loadCalendar(context.database.db);
    for (const [index, channel] of REGISTERED_CHANNELS.entries()) {
      const receivedOn = addDays(today, -3 * (index + 1));
      const rule = RECEIPT_RULES[channel];
      const note = channel === 'oral' ? '申请人年迈，视力不佳，无法书写' : '';
      const before = await counts();
      const response = await register(
        handler,
        fields({
          channel,
          receivedOn,
          receiptNote: note,
          phone: `1370000${String(2000 + index)}`,
          idNumber: `E2000000${String(index)}`,
          description: CHANNEL_REQUESTS[index] ?? '',
        }),
        rule.evidence.required ? [evidence()] : [],
      );
      expect(response.statusCode, `${channel}: ${response.body.slice(0, 600)}`).toBe(303);
      const id = idFrom(response.headers.location);
      expect(response.headers.location).toBe(`/admin/applications/${id}`);
      const row = await context.database.db
        .selectFrom('applications')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      let due: string | null = null;
      try {
        due = calendar.nthWorkdayAfter(receivedOn, 20);
      } catch {
        // A due date in a year without holiday data is not shown (clock_state invalid).
      }
      expect(row).toMatchObject({
        channel,
        received_on: receivedOn,
        receipt_basis: rule.basis,
        registered_by: handlerId,
        unit_id: bureau.id,
        due_on: due,
        clock_state: due === null ? 'invalid' : 'running',
      });
      const events = await context.database.db
        .selectFrom('application_events')
        .selectAll()
        .where('application_id', '=', id)
        .execute();
      expect(events.map((e) => [e.type, e.date, e.recorded_by, e.reason])).toEqual([
        ['received', receivedOn, handlerId, note === '' ? null : note],
        ['letter_issued', chinaDate(new Date()), handlerId, null],
      ]);
      const receiptLetter = await context.database.db
        .selectFrom('application_letters')
        .select(['kind', 'number', 'issued_on'])
        .where('application_id', '=', id)
        .execute();
      expect(receiptLetter).toEqual([{ kind: 'receipt', number: null, issued_on: chinaDate(new Date()) }]);
      const files = await context.database.db
        .selectFrom('application_attachments')
        .select(['kind', 'media_type', 'uploaded_by'])
        .where('application_id', '=', id)
        .execute();
      expect(files).toEqual(
        rule.evidence.required
          ? [{ kind: 'receipt-evidence', media_type: 'application/pdf', uploaded_by: handlerId }]
          : [],
      );
      const [audit] = await findAuditEntries(
        context.database.db,
        { action: 'application.register', objectId: String(id) },
        2,
      );
      expect(audit).toMatchObject({ actorId: handlerId, objectType: 'application' });
      expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({
        channel,
        receivedOn,
        receiptBasis: rule.basis,
        unitId: bureau.id,
      });
      const after = await counts();
      expect(after).toEqual({
        applications: before.applications + 1,
        // received, and the 接收回执 issued
        events: before.events + 2,
        attachments: before.attachments + (rule.evidence.required ? 1 : 0),
        audit: before.audit + 1,
      });
      const page = await get(`/admin/applications/${id}`, handler);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(row.query_code);
    }
  });

  it('counts the due date from the signed-for day: 2025-09-22 → 2025-10-24, 2025-09-30 → 2025-11-04 (National Day)', async () => {
    const actor = staff([['handler', district]], handlerId, 'li.handler');
    const now = new Date('2025-10-10T02:00:00Z');
    const letter = await registerApplication(
      scopeOf(context, actor),
      fields({ channel: 'letter-registered', receivedOn: '2025-09-22', phone: '13700003001' }),
      {
        files: [{ field: 'evidence', fileName: 'slip.pdf', data: tinyPdf(), truncated: false }],
        tooManyFiles: false,
      },
      now,
    );
    expect(letter.clock.ok && letter.clock.reading.due).toBe('2025-10-24');
    const handedIn = await registerApplication(
      scopeOf(context, actor),
      fields({
        channel: 'in-person',
        receivedOn: '2025-09-30',
        phone: '13700003002',
        description: '铁西区 2025 年国庆期间值班安排',
      }),
      { files: [], tooManyFiles: false },
      now,
    );
    expect(handedIn.clock.ok && handedIn.clock.reading.due).toBe('2025-11-04');
    const rows = await context.database.db
      .selectFrom('applications')
      .select(['id', 'received_on', 'due_on'])
      .where('id', 'in', [letter.id, handedIn.id])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: letter.id, received_on: '2025-09-22', due_on: '2025-10-24' },
      { id: handedIn.id, received_on: '2025-09-30', due_on: '2025-11-04' },
    ]);
  });

  it('refuses a future date, a date over a year back, a letter without evidence and an oral one without a note, writing nothing', async () => {
    const before = await counts();
    const future = await register(handler, fields({ receivedOn: addDays(today, 1) }));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain(
      `data-error-for="receivedOn">“当面提交日期”不能晚于今天（${today}）：收到申请之日只能是已经发生的日期`,
    );
    expect(future.body).toContain('本区 2024 年学校食堂食品安全检查结果');

    const old = await register(handler, fields({ receivedOn: addDays(today, -400) }));
    expect(old.statusCode).toBe(400);
    expect(old.body).toMatch(
      /data-error-for="receivedOn">“当面提交日期”不能早于 \d{4}-\d{2}-\d{2}（一年以前），请核对日期/,
    );

    const letter = await register(handler, fields({ channel: 'letter-ordinary', receivedOn: today }));
    expect(letter.statusCode).toBe(400);
    expect(letter.body).toContain(
      'data-error-for="evidence">信函（平常信函）须上传“与申请人的确认记录（通话记录、短信或书面确认）”，作为确定收到申请日期的依据（第三十一条）',
    );

    const oral = await register(handler, fields({ channel: 'oral', phone: '' }), [evidence('代填申请.pdf')]);
    expect(oral.statusCode).toBe(400);
    expect(oral.body).toContain(
      'data-error-for="receiptNote">口头申请（工作人员代为填写）须填写“书面申请确有困难的情况”',
    );
    expect(oral.body).toContain('data-error-for="phone">“联系电话”必填');

    const notAFile = await register(handler, fields({ channel: 'letter-registered' }), [
      { name: 'evidence', fileName: 'slip.pdf', data: Buffer.from('not a pdf'), type: 'application/pdf' },
    ]);
    expect(notAFile.statusCode).toBe(400);
    expect(notAFile.body).toContain(
      'data-error-for="evidence">“收件凭证”中的文件“slip.pdf”不是 PDF、JPEG、PNG、DOCX 文件（按文件内容识别），请转换格式后重新上传',
    );
    expect(await counts()).toEqual(before);
  });

  it('answers 404 to an editor and to a handler of an unrelated unit, writing nothing', async () => {
    const before = await counts();
    expect((await get('/admin/applications/new', editor)).statusCode).toBe(404);
    expect((await get('/admin/applications/new?channel=fax', editor)).statusCode).toBe(404);
    expect((await register(editor, fields())).statusCode).toBe(404);
    // The other district's handler may register for their own unit, never for this one.
    expect((await get('/admin/applications/new?channel=fax', outsider)).body).not.toContain('铁西区');
    const crossing = await register(outsider, fields({ unitId: String(district.id) }));
    expect(crossing.statusCode).toBe(404);
    expect(crossing.body).not.toContain('司马相如');
    expect(await counts()).toEqual(before);
  });

  it('warns of an earlier application of the same phone with a similar request, not of a different request', async () => {
    const phone = '13955556666';
    const first = await register(
      handler,
      fields({ phone, description: '铁西区教育局 2024 年校舍维修工程的招标文件和中标结果' }),
    );
    expect(first.statusCode).toBe(303);
    const firstId = idFrom(first.headers.location);
    const firstCode = (
      await context.database.db
        .selectFrom('applications')
        .select('query_code')
        .where('id', '=', firstId)
        .executeTakeFirstOrThrow()
    ).query_code;
    // The same applicant also applied to the other district, which this handler may not see.
    await submitApplication(
      { context, address: '127.0.0.1' },
      {
        ...fields({ phone, unitId: String(elsewhere.id) }),
        description: '2024 年校舍维修工程的招标文件和中标结果',
      },
      { files: [], tooManyFiles: false },
    );

    const similar = await register(
      handler,
      fields({
        phone: '139 5555 6666',
        idNumber: 'E11112222',
        description: '请公开铁西区教育局2024年校舍维修工程招标文件及中标结果',
      }),
      [{ name: 'identityProof', fileName: 'id.png', data: tinyPng(), type: 'image/png' }],
    );
    expect(similar.statusCode).toBe(303);
    const similarId = idFrom(similar.headers.location);
    expect(similar.headers.location).toBe(`/admin/applications/${similarId}/duplicates?registered=1`);
    const warning = await get(String(similar.headers.location), handler);
    expect(warning.statusCode).toBe(200);
    expect(warning.body).toContain('data-testid="registered"');
    expect(warning.body).toContain('data-testid="possible-duplicates"');
    const rows = [...warning.body.matchAll(/data-duplicate="(\d+)"/g)].map((match) => Number(match[1]));
    expect(rows).toEqual([firstId]);
    expect(warning.body).toContain(`<a href="/admin/applications/${firstId}">${firstCode}</a>`);
    expect(warning.body).toContain('联系电话相同');

    const different = await register(
      handler,
      fields({ phone, description: '卫工街道 2025 年城市绿化养护经费使用情况' }),
    );
    expect(different.statusCode).toBe(303);
    const differentId = idFrom(different.headers.location);
    expect(different.headers.location).toBe(`/admin/applications/${differentId}`);
    const none = await get(`/admin/applications/${differentId}/duplicates`, handler);
    expect(none.body).toContain('data-testid="no-duplicates"');

    // The page of possible duplicates follows the read policy of the application.
    expect((await get(`/admin/applications/${similarId}/duplicates`, outsider)).statusCode).toBe(404);
    expect((await get(`/admin/applications/${similarId}/duplicates`, editor)).statusCode).toBe(404);
  });
});
