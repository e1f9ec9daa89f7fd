// Art. 44 drafts through HTTP: a handler turns a decided, disclosed application into a draft for the
// editors (no applicant data in it, audited, once per application); other applications are refused with
// the reason; only those who handle the application may make one, and the list shows each reader the
// drafts of their units.
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '../../src/core/errors.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { createDraftFromApplication } from '../../src/features/applications/drafts.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { DraftButton } from '../../src/features/applications/views/DraftsPage.tsx';
import { decideApplication } from '../../src/features/applications/workflow.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';
/** Noon in China on a given day. */
const at = (date: string) => new Date(`${date}T04:00:00Z`);
const APPLICANT = { name: '欧阳明月', phone: '13987654321', passport: 'E98765432' };
const LONG_DESCRIPTION =
  '请提供本区二〇二三年度全部老旧小区改造项目的立项批复、资金安排、招标公告、中标结果和竣工验收报告，按街道分别列明并注明每个项目的实施单位\n第二行';

describe(`Art. 44 disclosure drafts on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let elsewhere: Unit;
  const people: Record<string, SignedIn> = {};
  const userIds: Record<string, number> = {};
  const applications: Record<string, number> = {};

  async function submit(name: string, unit: Unit, request: Record<string, string>): Promise<void> {
    const ack = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(unit.id),
        applicantKind: 'person',
        applicantName: APPLICANT.name,
        idType: 'passport',
        idNumber: APPLICANT.passport,
        phone: APPLICANT.phone,
        provisionForm: 'electronic',
        obtainWay: 'collect',
        description: '所需信息',
        ...request,
      },
      at('2024-03-01'),
    );
    applications[name] = ack.id;
  }

  const draftCount = async () =>
    Number(
      (
        await context.database.db
          .selectFrom('disclosure_drafts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const draftAudits = () =>
    context.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'object_type', 'object_id', 'details'])
      .where('action', '=', 'disclosure_draft.create')
      .orderBy('seq')
      .execute();
  const draftPost = (who: string, application: string) =>
    postAs(
      app,
      people[who] as SignedIn,
      `/admin/applications/${applications[application]}/disclosure-draft`,
      {},
    );
  const get = (who: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: people[who]?.cookie ?? '', accept: 'text/html' } });

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '皇姑区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '皇姑区教育局', kind: 'department' });
    elsewhere = await addUnit(operator, { parentId: null, name: '和平区人民政府', kind: 'county' });
    const accounts = [
      ['handler', 'handler', district],
      ['supervisor', 'supervisor', district],
      ['editor', 'editor', district],
      ['leader', 'leader', district],
      ['bureau-handler', 'handler', bureau],
      ['other-handler', 'handler', elsewhere],
      ['other-editor', 'editor', elsewhere],
    ] as const;
    for (const [username, role, unit] of accounts) {
      const user = await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      userIds[username] = user.id;
      people[username] = await signInOverHttp(app, username, PASSWORD);
    }
    await submit('disclosed', district, {
      title: '老旧小区改造资金安排',
      documentNumber: '皇政发〔2023〕12号',
      description: '2023 年本区老旧小区改造项目的资金安排文件',
    });
    await submit('partial', bureau, { description: LONG_DESCRIPTION });
    await submit('secret', district, { description: '某涉密文件' });
    await submit('open', district, { description: '尚在办理的申请' });
    await submit('race', district, { description: '两名办理人同时转为草稿的申请' });
    const decide = (name: string, form: Record<string, string>) =>
      decideApplication(operator, applications[name] ?? 0, form, at('2024-03-15'));
    await decide('race', { outcome: 'public-already', provided: '已在区政府网站公开' });
    await decide('disclosed', {
      outcome: 'public-provided',
      provided: '资金安排文件电子版，已通过电子邮件发送',
    });
    await decide('partial', {
      outcome: 'partial',
      provided: '立项批复和验收报告',
      withheld: '中标单位的报价明细',
      withheldReason: '涉及商业秘密',
    });
    await decide('secret', {
      outcome: 'withheld-state-secret',
      withheld: '全部内容',
      withheldReason: '属于国家秘密',
    });
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('turns a disclosed application into a draft without any applicant data, audited', async () => {
    const response = await draftPost('handler', 'disclosed');
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    const drafts = await context.database.db.selectFrom('disclosure_drafts').selectAll().execute();
    expect(drafts).toHaveLength(1);
    const draft = drafts[0];
    expect(response.headers.location).toBe(`/admin/disclosure-drafts#draft-${draft?.id}`);
    expect(draft).toMatchObject({
      unit_id: district.id,
      application_id: applications.disclosed,
      title: '老旧小区改造资金安排',
      body: [
        '所需政府信息：2023 年本区老旧小区改造项目的资金安排文件',
        '信息名称：老旧小区改造资金安排',
        '文号：皇政发〔2023〕12号',
        '答复结果：予以公开（提供该政府信息）（2024-03-15）',
        '已提供的信息：资金安排文件电子版，已通过电子邮件发送',
      ].join('\n'),
      status: 'draft',
      origin: 'from_application',
      created_by: userIds.handler,
    });
    const stored = JSON.stringify(drafts);
    for (const value of Object.values(APPLICANT)) expect(stored).not.toContain(value);
    expect(await draftAudits()).toEqual([
      {
        actor_id: userIds.handler,
        object_type: 'disclosure_draft',
        object_id: String(draft?.id),
        details: JSON.stringify({
          origin: 'from_application',
          applicationId: applications.disclosed,
          unitId: district.id,
          outcome: 'public-provided',
        }),
      },
    ]);
  });

  it('makes one draft per application: a second answers 409 and writes nothing', async () => {
    const before = { drafts: await draftCount(), audits: (await draftAudits()).length };
    const again = await draftPost('supervisor', 'disclosed');
    expect(again.statusCode).toBe(409);
    expect(again.body).toMatch(/该申请已转为主动公开草稿（草稿 \d+），不能重复生成/);
    expect({ drafts: await draftCount(), audits: (await draftAudits()).length }).toEqual(before);
  });

  it('makes one draft when two handlers press the button at the same moment', async () => {
    const before = await draftCount();
    const results = await Promise.allSettled([
      createDraftFromApplication(operatorScope(context), applications.race ?? 0),
      createDraftFromApplication(operatorScope(context), applications.race ?? 0),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(Conflict);
    expect(await draftCount()).toBe(before + 1);
  });

  it('titles a draft from the description when the request has no title, for a sub-unit’s application', async () => {
    const response = await draftPost('supervisor', 'partial');
    expect(response.statusCode).toBe(303);
    const draft = await context.database.db
      .selectFrom('disclosure_drafts')
      .selectAll()
      .where('application_id', '=', applications.partial ?? 0)
      .executeTakeFirstOrThrow();
    expect(draft.unit_id).toBe(bureau.id);
    expect(draft.title).toBe(
      '请提供本区二〇二三年度全部老旧小区改造项目的立项批复、资金安排、招标公告、中标结果和竣工验收报告，按街道分别列明并注明每…',
    );
    expect(draft.body.split('\n').slice(-2)).toEqual([
      '答复结果：部分公开（区分处理）（2024-03-15）',
      '已提供的信息：立项批复和验收报告',
    ]);
  });

  it('refuses with the reason an application that was withheld or is still open, writing nothing', async () => {
    const before = { drafts: await draftCount(), audits: (await draftAudits()).length };
    const secret = await draftPost('handler', 'secret');
    expect(secret.statusCode).toBe(422);
    expect(secret.body).toContain(
      '该申请的办理结果为“不予公开：属于国家秘密”；只有予以公开或部分公开的信息才能转为主动公开草稿（《中华人民共和国政府信息公开条例》第四十四条）',
    );
    const open = await draftPost('handler', 'open');
    expect(open.statusCode).toBe(422);
    expect(open.body).toContain('该申请尚未作出答复决定，不能转为主动公开草稿');
    expect({ drafts: await draftCount(), audits: (await draftAudits()).length }).toEqual(before);
  });

  it('lets only those who handle the application make a draft; anyone else gets 404', async () => {
    for (const who of ['leader', 'editor', 'other-handler', 'bureau-handler']) {
      const response = await draftPost(who, who === 'bureau-handler' ? 'secret' : 'open');
      expect(response.statusCode, who).toBe(404);
    }
    const missing = await postAs(
      app,
      people.handler as SignedIn,
      '/admin/applications/987654/disclosure-draft',
      {},
    );
    expect(missing.statusCode).toBe(404);
  });

  it('lists the drafts of the reader’s units, linking the application only for those who may see it', async () => {
    const editor = await get('editor', '/admin/disclosure-drafts');
    expect(editor.statusCode).toBe(200);
    const rows = (body: string) => [...body.matchAll(/data-draft="(\d+)"/g)].map((match) => match[1]);
    expect(rows(editor.body)).toHaveLength(3);
    expect(editor.body).toContain('老旧小区改造资金安排');
    expect(editor.body).toContain('依申请公开转主动公开');
    expect(editor.body).not.toContain(`/admin/applications/${applications.disclosed}`);

    const handler = await get('handler', '/admin/disclosure-drafts');
    expect(rows(handler.body)).toEqual(rows(editor.body));
    expect(handler.body).toContain(`href="/admin/applications/${applications.disclosed}"`);

    const bureauHandler = await get('bureau-handler', '/admin/disclosure-drafts');
    expect(rows(bureauHandler.body)).toHaveLength(1);
    expect(bureauHandler.body).toContain(`href="/admin/applications/${applications.partial}"`);

    const otherEditor = await get('other-editor', '/admin/disclosure-drafts');
    expect(otherEditor.statusCode).toBe(200);
    expect(otherEditor.body).toContain('data-testid="no-drafts"');
    expect((await get('leader', '/admin/disclosure-drafts')).statusCode).toBe(404);
  });

  it('offers the button as a form that posts with the CSRF token', () => {
    const html = renderToString(DraftButton({ applicationId: 42, csrfToken: 'token-1' }));
    expect(html).toContain('action="/admin/applications/42/disclosure-draft"');
    expect(html).toContain('method="post"');
    expect(html).toContain('<input type="hidden" name="_csrf" value="token-1"/>');
    expect(html).toContain('转为主动公开草稿');
  });
});
