// Disclosure applications end to end through HTTP: the online form, its acknowledgment, the status page
// with its second factor, validation that writes nothing, personal data never stored in clear, staff
// who see only their units' applications, and a due date that follows the statutory clock.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeResidentIdCheckCharacter } from '../../src/core/identity/resident-id.ts';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { chinaDate, loadCalendar } from '../../src/features/applications/clock.ts';
import {
  getApplication,
  QUERY_CODE_ALPHABET,
  STATUS_NOT_FOUND,
  submitOnlineApplication,
} from '../../src/features/applications/service.ts';
import { chineseDate } from '../../src/features/applications/views/ClockSummary.tsx';
import { rotationStatus } from '../../src/features/privacy/rotation.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postForm } from '../support/inject.ts';
import { form, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';

function residentId(sequence: string, birth = '19790615'): string {
  const first17 = `210105${birth}${sequence}`;
  return `${first17}${computeResidentIdCheckCharacter(first17) ?? ''}`;
}

const USCC_17 = '91210105000000001';
const USCC = `${USCC_17}${computeUsccCheckCharacter(USCC_17) ?? ''}`;
const PLANTED = { idNumber: residentId('357'), phone: '13987654321', name: '欧阳明月' };

describe(`disclosure applications on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let elsewhere: Unit;
  let handler: SignedIn;
  let editor: SignedIn;
  let queryCode = '';

  const personForm = (unit: Unit, overrides: Record<string, string> = {}): Record<string, string> => ({
    unitId: String(unit.id),
    applicantKind: 'person',
    applicantName: PLANTED.name,
    idType: 'resident-id',
    idNumber: PLANTED.idNumber,
    phone: PLANTED.phone,
    address: '沈阳市皇姑区示例路 1 号',
    postcode: '110031',
    description: '2023 年本区老旧小区改造项目的资金安排文件',
    title: '老旧小区改造资金安排',
    provisionForm: 'paper',
    obtainWay: 'post',
    ...overrides,
  });

  const post = (url: string, fields: Record<string, string>, session?: SignedIn) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session?.cookie ?? '' },
      payload: form(fields),
    });
  // The form carries files, so a browser sends it as multipart/form-data.
  const apply = (fields: Record<string, string>) =>
    postForm(
      app,
      '/apply',
      Object.entries(fields).map(([name, value]) => ({ name, value })),
    );
  const get = (url: string, session?: SignedIn) =>
    app.inject({ method: 'GET', url, headers: { cookie: session?.cookie ?? '' } });

  async function counts() {
    const db = context.database.db;
    const count = async (table: 'applications' | 'application_events' | 'audit_log') =>
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
      audit: await count('audit_log'),
    };
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '皇姑区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '皇姑区教育局', kind: 'department' });
    elsewhere = await addUnit(operator, { parentId: null, name: '和平区人民政府', kind: 'county' });
    const staff = [
      ['zhao.handler', 'handler', district],
      ['qian.editor', 'editor', district],
    ] as const;
    for (const [username, role, unit] of staff) {
      await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
    }
    handler = await signInOverHttp(app, 'zhao.handler', PASSWORD);
    editor = await signInOverHttp(app, 'qian.editor', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('takes an online application and answers an acknowledgment with its code and due date', async () => {
    const page = await get('/apply');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('皇姑区教育局');
    expect(page.body).toContain('所需政府信息的内容描述');
    const before = await counts();
    const response = await apply(personForm(bureau));
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    queryCode = /data-testid="query-code">([^<]+)</.exec(response.body)?.[1] ?? '';
    expect(queryCode).toMatch(new RegExp(`^[${QUERY_CODE_ALPHABET}]{12}$`));
    const today = chinaDate(new Date());
    expect(response.body).toContain(chineseDate(today));
    const due = (await loadCalendar(context.database.db)).nthWorkdayAfter(today, 20);
    expect(/data-testid="due-on">([^<]+)</.exec(response.body)?.[1]).toBe(`${chineseDate(due)}前`);
    expect(response.body).toContain('条例》第三十三条');
    expect(response.body).not.toContain(PLANTED.idNumber);

    // Committed before the page was sent: the row, its received event and the audit entry are there.
    expect(await counts()).toEqual({
      applications: before.applications + 1,
      events: before.events + 1,
      audit: before.audit + 1,
    });
    const row = await context.database.db
      .selectFrom('applications')
      .selectAll()
      .where('query_code', '=', queryCode)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'online', received_on: today, applicant_type: '自然人' });
    const [audit] = await findAuditEntries(context.database.db, { action: 'application.submit' }, 1);
    expect(audit).toMatchObject({ objectType: 'application', objectId: String(row.id) });
  });

  it('shows the clock on the status page for the code and the right 4 digits only', async () => {
    const right = await post('/apply/status', { queryCode: queryCode.toLowerCase(), phoneTail: '4321' });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('data-testid="status"');
    expect(right.body).toContain('收到申请日期');
    expect(right.body).toContain('条例》第三十三条');
    expect(right.body).toMatch(/data-testid="workdays-left">截至[^<]*，还有 \d+ 个工作日/);
    expect(right.body).not.toContain(PLANTED.name);

    const wrongDigits = await post('/apply/status', { queryCode, phoneTail: '1234' });
    const unknownCode = 'ABCDEFGHJKMN' === queryCode ? 'NMKJHGFEDCBA' : 'ABCDEFGHJKMN';
    const unknown = await post('/apply/status', { queryCode: unknownCode, phoneTail: '1234' });
    expect(wrongDigits.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrongDigits.body).toContain(STATUS_NOT_FOUND);
    expect(wrongDigits.body).not.toContain('data-testid="status"');
    expect(wrongDigits.body.replaceAll(queryCode, 'CODE')).toBe(unknown.body.replaceAll(unknownCode, 'CODE'));

    const malformed = await post('/apply/status', { queryCode: 'short', phoneTail: '12' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('data-error-for="queryCode"');
    expect(malformed.body).toContain('data-error-for="phoneTail"');
  });

  it('names every broken rule next to the form, keeps the values and writes nothing', async () => {
    const before = await counts();
    const badCheck = `${PLANTED.idNumber.slice(0, 17)}${PLANTED.idNumber.endsWith('1') ? '2' : '1'}`;
    const person = await apply(personForm(bureau, { idNumber: badCheck, description: '  ' }));
    expect(person.statusCode).toBe(400);
    expect(person.body).toMatch(/data-error-for="idNumber">[^<]*校验码/);
    expect(person.body).toMatch(/data-error-for="description">“所需政府信息的内容描述”必填/);
    expect(person.body).toContain(`value="${PLANTED.phone}"`);
    expect(person.body).toContain('老旧小区改造资金安排');

    const badUscc = `${USCC_17}${USCC.endsWith('0') ? '1' : '0'}`;
    const organisation = await apply(
      personForm(district, {
        applicantKind: 'organisation',
        applicantName: '示例律师事务所',
        applicantType: '法律服务机构',
        orgUscc: badUscc,
        contactName: '李律师',
        idNumber: '',
      }),
    );
    expect(organisation.statusCode).toBe(400);
    expect(organisation.body).toMatch(/data-error-for="orgUscc">“统一社会信用代码”不正确：[^<]*校验码/);
    expect(organisation.body).not.toContain('data-error-for="idNumber"');

    const postWithoutAddress = await apply(personForm(bureau, { address: '', postcode: '' }));
    expect(postWithoutAddress.body).toContain('data-error-for="address"');
    expect(postWithoutAddress.body).toContain('data-error-for="postcode"');
    expect(await counts()).toEqual(before);
  });

  it('accepts an organisation with a valid 统一社会信用代码, stored in clear', async () => {
    const response = await apply(
      personForm(district, {
        applicantKind: 'organisation',
        applicantName: '示例律师事务所',
        applicantType: '法律服务机构',
        orgUscc: USCC.toLowerCase(),
        contactName: '李律师',
        idNumber: '',
        obtainWay: 'collect',
      }),
    );
    expect(response.statusCode, response.body.slice(0, 400)).toBe(200);
    const row = await context.database.db
      .selectFrom('applications')
      .selectAll()
      .where('org_uscc', '=', USCC)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      applicant_kind: 'organisation',
      applicant_type: '法律服务机构',
      id_type: 'uscc',
    });
    expect(row.id_number_sealed).toBeNull();
    expect(row.contact_name_sealed).toMatch(/^v1:/);
  });

  it('never stores the identity number, phone or name in clear, and seals every registered column', async () => {
    const needles = [PLANTED.idNumber, PLANTED.phone, PLANTED.name];
    const database = context.config.database;
    if (database.kind === 'sqlite') {
      const dir = dirname(database.file);
      for (const checkpoint of [false, true]) {
        if (checkpoint) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(context.database.db);
        const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)));
        expect(files.some((bytes) => bytes.includes(Buffer.from('老旧小区改造')))).toBe(true);
        for (const needle of needles) {
          for (const encoding of ['utf8', 'utf16le'] as const) {
            const bytes = Buffer.from(needle, encoding);
            expect(
              files.some((file) => file.includes(bytes)),
              `${needle} ${encoding}`,
            ).toBe(false);
          }
        }
      }
    } else {
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(context.database.db);
      let text = '';
      for (const { table_name: table } of tables.rows) {
        const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(
          context.database.db,
        );
        text += rows.rows.map((row) => row.row).join('\n');
      }
      expect(text).toContain('老旧小区改造');
      for (const needle of needles) expect(text.includes(needle), needle).toBe(false);
    }
    const status = await rotationStatus(context.database.db, context.keys);
    const ours = status.columns.filter((column) => column.column.startsWith('applications.'));
    expect(ours.map((column) => column.column)).toEqual(
      expect.arrayContaining(['applications.id_number_sealed', 'applications.phone_tail_sealed']),
    );
    expect(ours.every((column) => column.unknown === 0 && column.total === column.current)).toBe(true);
    expect(ours.find((column) => column.column === 'applications.phone_sealed')?.total).toBe(2);
  });

  it('shows staff only the applications of their units, masked, and 404 for the others', async () => {
    const other = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      personForm(elsewhere, { idNumber: residentId('468'), phone: '13811112222' }),
    );
    const list = await get('/admin/applications', handler);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(queryCode);
    expect(list.body).toContain('皇姑区教育局');
    expect(list.body).not.toContain(other.queryCode);
    expect(list.body).toContain('欧阳**');
    expect(list.body).not.toContain(PLANTED.name);

    const mine = await context.database.db
      .selectFrom('applications')
      .select('id')
      .where('query_code', '=', queryCode)
      .executeTakeFirstOrThrow();
    const details = await get(`/admin/applications/${mine.id}`, handler);
    expect(details.statusCode).toBe(200);
    expect(details.body).toContain('老旧小区改造资金安排');
    expect(details.body).toContain('139****4321');
    expect(details.body).not.toContain(PLANTED.idNumber);
    expect(details.body).not.toContain(PLANTED.phone);
    expect(details.body).toContain('收到申请');

    expect((await get(`/admin/applications/${other.id}`, handler)).statusCode).toBe(404);
    expect((await get('/admin/applications/999999', handler)).statusCode).toBe(404);
    expect((await get('/admin/applications', editor)).statusCode).toBe(404);
    expect((await get(`/admin/applications/${mine.id}`, editor)).statusCode).toBe(404);
  });

  it('derives the due date from the clock: received 2023-09-04, due 2023-10-08 (make-up working days)', async () => {
    const received = new Date('2023-09-04T01:30:00Z'); // 09:30 in Beijing
    const ack = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      personForm(district),
      received,
    );
    expect(ack.receivedOn).toBe('2023-09-04');
    expect(ack.clock.ok && ack.clock.reading.due).toBe('2023-10-08');
    expect(ack.clock.ok && ack.clock.workdaysLeft).toBe(20);
    const onDueDay = await getApplication(operatorScope(context), ack.id, new Date('2023-10-08T04:00:00Z'));
    expect(onDueDay.application.clock).toMatchObject({ ok: true, workdaysLeft: 0, overdueWorkdays: 0 });
    const late = await getApplication(operatorScope(context), ack.id, new Date('2023-10-10T04:00:00Z'));
    expect(late.application.clock).toMatchObject({ ok: true, overdueWorkdays: 2, status: 'overdue' });
    const page = await get(`/admin/applications/${ack.id}`, handler);
    expect(page.body).toContain('2023年10月8日前');
  });

  it('rate-limits the public forms', async () => {
    const limited = await createApp({
      ...context,
      config: { ...context.config, publicRateLimitPerMinute: 2 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await limited.inject({
          method: 'POST',
          url: '/apply/status',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: form({ queryCode, phoneTail: '0000' }),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
