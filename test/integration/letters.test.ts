// Letters and notices of applications on a real database: issued inside the caller's transaction and
// numbered per unit and calendar year (also under concurrent transactions), stored sealed, printed as
// HTML and Word for staff who may read the application, delivered once, templates edited by the
// disclosure office with bad placeholders refused, and the applicant's signed download link.
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import { DEFAULT_TEMPLATES } from '../../src/core/letters/default-templates.ts';
import { remedyClause } from '../../src/core/letters/remedy.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { chinaDate } from '../../src/features/applications/clock.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { letterAccessToken } from '../../src/features/letters/access-token.ts';
import type { IssueLetterInput } from '../../src/features/letters/model.ts';
import { LETTER_PAGE_CSP } from '../../src/features/letters/render-html.tsx';
import { issueLetter, listLetters } from '../../src/features/letters/service.ts';
import { rotationStatus } from '../../src/features/privacy/rotation.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';
const APPLICANT = '欧阳明月';
/** Received on Friday 2024-12-20 (in China), so letters can be dated in 2024 and in 2025. */
const RECEIVED_AT = new Date('2024-12-20T02:00:00Z');
const DECISION = {
  outcomeCode: 'public-provided',
  decidedOn: '2024-12-27',
  provided: '《皇姑区2023年老旧小区改造资金安排》电子文件，随本答复书送达',
};

describe(`letters on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  let district: Unit;
  let bureau: Unit;
  let taxOffice: Unit;
  let elsewhere: Unit;
  let applicationId = 0;
  let otherApplicationId = 0;
  let taxApplicationId = 0;
  const people: Partial<Record<string, SignedIn>> = {};

  const who = (name: string): SignedIn => {
    const session = people[name];
    if (session === undefined) throw new Error(name);
    return session;
  };
  const get = (url: string, session?: SignedIn) =>
    app.inject({ method: 'GET', url, headers: { cookie: session?.cookie ?? '', accept: 'text/html' } });

  async function apply(unit: Unit): Promise<number> {
    const ack = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(unit.id),
        applicantKind: 'person',
        applicantName: APPLICANT,
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '13987654321',
        description: '2023 年本区老旧小区改造项目的资金安排文件',
        provisionForm: 'electronic',
        obtainWay: 'collect',
      },
      RECEIVED_AT,
    );
    return ack.id;
  }

  function letterInput(
    unit: Unit,
    kind: IssueLetterInput['kind'],
    issuedOn: string,
    change: Partial<IssueLetterInput['facts']> = {},
    application = applicationId,
  ): IssueLetterInput {
    const values: Record<string, string> =
      kind === 'correction'
        ? { 补正事项: '请写明所需文件的名称或者文号', 补正期限: '15个工作日' }
        : kind === 'consultation'
          ? { 征求意见事项: '是否同意公开贵公司的报价单', 回复期限: '2025-01-10' }
          : kind === 'receipt'
            ? { 答复期限: '2025-01-17' }
            : {};
    return {
      applicationId: application,
      unitId: unit.id,
      kind,
      issuedOn,
      issuedBy: null,
      facts: {
        addressee: APPLICANT,
        queryCode: 'ABCDEFGH2345',
        receivedOn: '2024-12-20',
        request: '2023 年本区老旧小区改造项目的资金安排文件',
        values,
        ...(kind === 'decision' ? { decision: DECISION } : {}),
        ...change,
      },
    };
  }

  const issue = (input: IssueLetterInput) =>
    inTransaction(context.database.db, (trx) => issueLetter(trx, context, input, new Date()));

  const countRows = async (table: 'letter_templates' | 'application_letters' | 'audit_log') =>
    Number(
      (
        await context.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '沈阳市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '沈阳市皇姑区人民政府', kind: 'county' });
    bureau = await addUnit(operator, {
      parentId: district.id,
      name: '沈阳市皇姑区教育局',
      kind: 'department',
      contact: {
        officeName: '区教育局办公室',
        address: '沈阳市皇姑区示例路1号',
        postcode: '110031',
        phone: '024-86000000',
      },
    });
    taxOffice = await addUnit(operator, {
      parentId: city.id,
      name: '沈阳市皇姑区税务局',
      kind: 'department',
    });
    elsewhere = await addUnit(operator, { parentId: null, name: '和平区人民政府', kind: 'county' });
    const db = context.database.db;
    await db.updateTable('units').set({ letter_prefix: '皇政公开' }).where('id', '=', district.id).execute();
    await db.updateTable('units').set({ vertically_managed: 1 }).where('id', '=', taxOffice.id).execute();
    applicationId = await apply(bureau);
    otherApplicationId = await apply(bureau);
    taxApplicationId = await apply(taxOffice);
    const staff: readonly [string, Role, Unit][] = [
      ['handler', 'handler', district],
      ['supervisor', 'supervisor', district],
      ['leader', 'leader', district],
      ['editor', 'editor', district],
      ['outsider', 'supervisor', elsewhere],
    ];
    for (const [username, role, unit] of staff) {
      await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      people[username] = await signInOverHttp(app, username, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('numbers letters per unit and calendar year, the receipt without a number', async () => {
    const receipt = await issue(letterInput(bureau, 'receipt', '2024-12-20'));
    expect(receipt).toMatchObject({ number: null, title: '政府信息公开申请接收回执' });
    const numbers: (string | null)[] = [];
    for (const day of ['2024-12-20', '2024-12-23', '2024-12-24']) {
      numbers.push((await issue(letterInput(bureau, 'correction', day))).number);
    }
    numbers.push((await issue(letterInput(bureau, 'correction', '2025-01-02'))).number);
    numbers.push(
      (
        await issue(
          letterInput(district, 'extension', '2024-12-30', {
            values: { 延长工作日数: '20', 延期理由: '需要调取档案', 答复期限: '2025-02-20' },
          }),
        )
      ).number,
    );
    expect(numbers).toEqual([
      '沈阳市皇姑区教育局依申请公开〔2024〕1号',
      '沈阳市皇姑区教育局依申请公开〔2024〕2号',
      '沈阳市皇姑区教育局依申请公开〔2024〕3号',
      '沈阳市皇姑区教育局依申请公开〔2025〕1号',
      '皇政公开〔2024〕1号',
    ]);
    const listed = await listLetters(context.database.db, applicationId);
    expect(listed.map((letter) => [letter.kind, letter.number, letter.issuedOn])).toEqual([
      ['receipt', null, '2024-12-20'],
      ['correction', numbers[0], '2024-12-20'],
      ['correction', numbers[1], '2024-12-23'],
      ['correction', numbers[2], '2024-12-24'],
      ['extension', numbers[4], '2024-12-30'],
      ['correction', numbers[3], '2025-01-02'],
    ]);
  });

  it('takes no number when the letter is refused, and writes nothing', async () => {
    const before = await countRows('application_letters');
    const missing = letterInput(bureau, 'correction', '2025-01-03', { values: { 补正期限: '15个工作日' } });
    await expect(issue(missing)).rejects.toMatchObject({
      field: '补正事项',
      message: '签发“补正告知书”须填写“补正事项”',
    });
    expect(await countRows('application_letters')).toBe(before);
    expect((await issue(letterInput(bureau, 'correction', '2025-01-03'))).number).toBe(
      '沈阳市皇姑区教育局依申请公开〔2025〕2号',
    );
  });

  it('gives concurrent transactions distinct numbers', async () => {
    const issued = await Promise.all(
      Array.from({ length: 8 }, () => issue(letterInput(bureau, 'correction', '2026-03-02'))),
    );
    const serials = issued.map((letter) => Number(/〔2026〕(\d+)号$/.exec(letter.number ?? '')?.[1]));
    expect(serials.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const counter = await context.database.db
      .selectFrom('letter_counters')
      .select('last')
      .where('unit_id', '=', bureau.id)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(counter.last).toBe(8);
  });

  it('stores the addressee and the text only sealed, covered by key rotation', async () => {
    const { id } = await issue(letterInput(bureau, 'decision', '2024-12-27'));
    const row = await context.database.db
      .selectFrom('application_letters')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.addressee).toMatch(/^v1:/);
    expect(row.body).toMatch(/^v1:/);
    expect(`${row.addressee} ${row.body}`).not.toContain('欧阳');
    expect(row).toMatchObject({ agency_name: '沈阳市皇姑区教育局', unit_id: bureau.id });
    expect(row.contact).toBe(
      '政府信息公开工作机构：区教育局办公室\n通信地址：沈阳市皇姑区示例路1号（邮政编码：110031）\n联系电话：024-86000000',
    );
    const status = await rotationStatus(context.database.db, context.keys);
    const ours = status.columns.filter((column) => column.column.startsWith('application_letters.'));
    expect(ours.map((column) => column.column)).toEqual([
      'application_letters.addressee',
      'application_letters.body',
    ]);
    expect(ours.every((column) => column.total > 0 && column.total === column.current)).toBe(true);
  });

  it('prints a decision as HTML and Word, with the number and the remedy clause, for whoever reads the application', async () => {
    const letter = await issue(letterInput(bureau, 'decision', '2024-12-27'));
    const url = `/admin/applications/${applicationId}/letters/${letter.id}`;
    const clause = remedyClause(
      {
        name: bureau.name,
        kind: 'department',
        verticallyManaged: false,
        parent: { name: district.name, kind: 'county' },
      },
      '2024-12-27',
    );
    expect(clause).toContain('向沈阳市皇姑区人民政府申请行政复议');
    const auditBefore = (await findAuditEntries(context.database.db, { action: 'letter.view' }, 100)).length;

    const page = await get(url, who('leader'));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(LETTER_PAGE_CSP);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(/data-testid="letter-number">([^<]+)</.exec(page.body)?.[1]).toBe(letter.number);
    expect(page.body).toContain(`<p class="addressee" data-testid="addressee">${APPLICANT}：</p>`);
    expect(page.body).toContain(`<p>${clause}</p>`);
    expect(page.body).toContain('<p>沈阳市皇姑区教育局</p><p>2024年12月27日</p>');

    const word = await get(`${url}/docx`, who('handler'));
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(word.headers['content-disposition']).toBe(
      `attachment; filename="letter-${letter.id}.docx"; filename*=UTF-8''${encodeURIComponent(`政府信息公开申请答复书（${letter.number ?? ''}）.docx`)}`,
    );
    const documentXml =
      (await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(documentXml).toContain(`<w:t xml:space="preserve">${letter.number ?? ''}</w:t>`);
    expect(documentXml).toContain(clause);

    const views = await findAuditEntries(context.database.db, { action: 'letter.view' }, 100);
    expect(views.length).toBe(auditBefore + 2);
    expect(views[0]).toMatchObject({
      actorName: 'handler',
      objectType: 'letter',
      objectId: String(letter.id),
    });
    expect(JSON.parse(views[0]?.details ?? '{}')).toEqual({
      applicationId,
      kind: 'decision',
      number: letter.number,
      format: 'docx',
    });
  });

  it('names the body above a vertically managed unit in its remedy clause', async () => {
    const letter = await issue(letterInput(taxOffice, 'decision', '2024-12-27', {}, taxApplicationId));
    const page = await get(`/admin/applications/${taxApplicationId}/letters/${letter.id}`, who('supervisor'));
    // The district's supervisor does not reach the tax office (a sibling under the city): 404.
    expect(page.statusCode).toBe(404);
    expect(letter.number).toBe('沈阳市皇姑区税务局依申请公开〔2024〕1号');
    const html = await app.inject({
      method: 'GET',
      url: `/apply/letters/${letterAccessToken(context.keys, letter.id, new Date(Date.now() + 3_600_000))}`,
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(
      '可以依照《中华人民共和国行政复议法》（2023年修订）第二十条、第二十七条的规定，自收到本答复之日起六十日内向沈阳市人民政府申请行政复议',
    );
  });

  it('answers 404 for a letter of another application, and for those who may not read the application', async () => {
    const letter = await issue(letterInput(bureau, 'correction', '2024-12-23'));
    const elsewhereUrl = `/admin/applications/${otherApplicationId}/letters/${letter.id}`;
    expect((await get(elsewhereUrl, who('handler'))).statusCode).toBe(404);
    const url = `/admin/applications/${applicationId}/letters/${letter.id}`;
    expect((await get(url, who('handler'))).statusCode).toBe(200);
    for (const name of ['editor', 'outsider']) {
      const response = await get(url, who(name));
      expect(response.statusCode, name).toBe(404);
      expect(response.body, name).not.toContain(APPLICANT);
      expect((await get(`${url}/docx`, who(name))).statusCode, name).toBe(404);
    }
    expect(
      (await get(`/admin/applications/${applicationId}/letters/999999`, who('handler'))).statusCode,
    ).toBe(404);
  });

  it('records a delivery once, dated between the issue and today, by a handler or the office', async () => {
    const letter = await issue(letterInput(bureau, 'correction', '2024-12-24'));
    const url = `/admin/applications/${applicationId}/letters/${letter.id}/delivery`;
    const today = chinaDate(new Date());
    const tomorrow = new Date(Date.now() + 86_400_000);
    const refused: readonly [Record<string, string>, string][] = [
      [{ deliveredOn: chinaDate(tomorrow), method: '邮寄' }, '“送达日期”不能晚于今天'],
      [{ deliveredOn: '2024-12-23', method: '邮寄' }, '“送达日期”不能早于发文日期（2024年12月24日）'],
      [{ deliveredOn: today, method: '快递' }, '请选择送达方式：邮寄、电子邮件、当面领取、传真、在线查阅'],
      [{ deliveredOn: '2024-13-01', method: '邮寄' }, '“送达日期”须为 YYYY-MM-DD 格式的有效日期'],
    ];
    for (const [fields, message] of refused) {
      const response = await postAs(app, who('handler'), url, fields);
      expect(response.statusCode, message).toBe(400);
      expect(response.json(), message).toMatchObject({ error: { message } });
    }
    expect((await postAs(app, who('leader'), url, { deliveredOn: today, method: '邮寄' })).statusCode).toBe(
      404,
    );
    expect((await postAs(app, who('outsider'), url, { deliveredOn: today, method: '邮寄' })).statusCode).toBe(
      404,
    );
    const before = await countRows('audit_log');

    const done = await postAs(app, who('handler'), url, { deliveredOn: '2024-12-26', method: '电子邮件' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/admin/applications/${applicationId}#letters`);
    const row = await context.database.db
      .selectFrom('application_letters')
      .select(['delivered_on', 'delivery_method', 'delivered_by'])
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ delivered_on: '2024-12-26', delivery_method: '电子邮件' });
    expect(row.delivered_by).not.toBeNull();
    const [entry] = await findAuditEntries(context.database.db, { action: 'letter.deliver' }, 1);
    expect(entry).toMatchObject({ actorName: 'handler', objectId: String(letter.id) });
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({
      applicationId,
      kind: 'correction',
      number: letter.number,
      deliveredOn: '2024-12-26',
      method: '电子邮件',
    });
    expect(await countRows('audit_log')).toBe(before + 1);

    const again = await postAs(app, who('supervisor'), url, { deliveredOn: today, method: '邮寄' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { message: '该文书已登记送达（2024年12月26日，电子邮件），不能重复登记' },
    });
    expect(await countRows('audit_log')).toBe(before + 1);
  });

  it('edits a unit template: a bad placeholder is refused and nothing saved; sub-units inherit; reset', async () => {
    const base = `/admin/units/${district.id}/letter-templates`;
    const list = await get(base, who('supervisor'));
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<tr data-kind="decision" data-source="default">');
    expect((await get(base, who('handler'))).statusCode).toBe(404);
    expect((await get(base, who('outsider'))).statusCode).toBe(404);

    const templatesBefore = await countRows('letter_templates');
    const auditBefore = await countRows('audit_log');
    const bad = `${DEFAULT_TEMPLATES.decision}\n联系电话：{{申请人电话}}`;
    const refused = await postAs(app, who('supervisor'), `${base}/decision`, { body: bad });
    expect(refused.statusCode).toBe(400);
    expect(/data-testid="template-error">([^<]+)</.exec(refused.body)?.[1]).toMatch(
      /^占位符“\{\{申请人电话\}\}”不能用于“答复书”/,
    );
    expect(refused.body).toContain('联系电话：{{申请人电话}}</textarea>');
    const missing = DEFAULT_TEMPLATES.decision.replace('{{救济途径}}', '');
    const refusedAgain = await postAs(app, who('supervisor'), `${base}/decision`, { body: missing });
    expect(refusedAgain.statusCode).toBe(400);
    expect(refusedAgain.body).toContain('“答复书”模板缺少必需的占位符“{{救济途径}}”');
    expect(await countRows('letter_templates')).toBe(templatesBefore);
    expect(await countRows('audit_log')).toBe(auditBefore);

    const edited = DEFAULT_TEMPLATES.decision.replace('特此答复。', '特此答复。（本区模板）');
    const saved = await postAs(app, who('supervisor'), `${base}/decision`, { body: edited });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(base);
    expect((await get(base, who('supervisor'))).body).toContain(
      '<tr data-kind="decision" data-source="own">',
    );
    const inherited = await get(`/admin/units/${bureau.id}/letter-templates/decision`, who('supervisor'));
    expect(inherited.body).toContain('现行模板：沿用上级单位“沈阳市皇姑区人民政府”的模板');
    const [update] = await findAuditEntries(context.database.db, { action: 'letter-template.update' }, 1);
    expect(JSON.parse(update?.details ?? '{}')).toEqual({
      kind: 'decision',
      beforeSource: 'default',
      before: DEFAULT_TEMPLATES.decision,
      after: edited,
    });

    const letter = await issue(letterInput(bureau, 'decision', '2024-12-27'));
    const page = await get(`/admin/applications/${applicationId}/letters/${letter.id}`, who('handler'));
    expect(page.body).toContain('<p>特此答复。（本区模板）</p>');

    const reset = await postAs(app, who('supervisor'), `${base}/decision/reset`, {});
    expect(reset.statusCode).toBe(303);
    expect((await get(base, who('supervisor'))).body).toContain(
      '<tr data-kind="decision" data-source="default">',
    );
    const [resetEntry] = await findAuditEntries(context.database.db, { action: 'letter-template.reset' }, 1);
    expect(JSON.parse(resetEntry?.details ?? '{}')).toEqual({
      kind: 'decision',
      before: edited,
      afterSource: 'default',
      after: DEFAULT_TEMPLATES.decision,
    });
    expect(await countRows('letter_templates')).toBe(templatesBefore);
    expect((await get(`${base}/notice`, who('supervisor'))).statusCode).toBe(404);
  });

  it('lets the applicant download letters sent to them through a signed link, and nothing else', async () => {
    const decision = await issue(letterInput(bureau, 'decision', '2024-12-27'));
    const consultation = await issue(
      letterInput(bureau, 'consultation', '2024-12-23', { addressee: '沈阳某建筑有限公司' }),
    );
    const inAnHour = new Date(Date.now() + 3_600_000);
    const token = letterAccessToken(context.keys, decision.id, inAnHour);
    const page = await app.inject({ method: 'GET', url: `/apply/letters/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(LETTER_PAGE_CSP);
    expect(page.body).toContain(`data-testid="letter-number">${decision.number ?? ''}<`);
    const word = await app.inject({ method: 'GET', url: `/apply/letters/${token}/docx` });
    expect(word.statusCode).toBe(200);
    const documentXml =
      (await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(documentXml).toContain(decision.number ?? '');
    const [view] = await findAuditEntries(context.database.db, { action: 'letter.public-view' }, 1);
    expect(view).toMatchObject({ actorId: null, objectId: String(decision.id) });

    const expired = letterAccessToken(context.keys, decision.id, new Date(Date.now() - 1000));
    const forged = `${consultation.id}${token.slice(String(decision.id).length)}`;
    const toThirdParty = letterAccessToken(context.keys, consultation.id, inAnHour);
    for (const url of [
      `/apply/letters/${expired}`,
      `/apply/letters/${forged}/docx`,
      `/apply/letters/${toThirdParty}`,
      '/apply/letters/x',
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toContain('该文书链接无效或已过期，请回到申请查询页面重新打开');
      expect(response.body, url).not.toContain(APPLICANT);
    }
  });
});
