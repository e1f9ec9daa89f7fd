// The report's records through HTTP: normative documents, administrative statistics (form, CSV and XLSX
// import with provenance; a later entry supersedes, history stays; a refused file names row and column and
// saves nothing) and review/litigation cases linked to applications in the unit's scope; the year's
// figures of table 二 and table 四 as the overview shows them; leaders read only; others get 404.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { multipartBody } from '../support/multipart.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';

describe(`records of the annual report through HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let other: Unit;
  const people: Record<string, SignedIn> = {};
  const applications: Record<string, { id: number; queryCode: string }> = {};

  const base = () => `/admin/records/units/${district.id}`;
  const get = (who: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const upload = (who: SignedIn, url: string, fileName: string, data: Buffer) => {
    const { body, contentType } = multipartBody([{ name: 'file', fileName, data }]);
    return app.inject({
      method: 'POST',
      url: `${url}?_csrf=${encodeURIComponent(who.csrf)}`,
      headers: { cookie: who.cookie, 'content-type': contentType },
      payload: body,
    });
  };
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
      .select(['actor_name', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    const city = await addUnit(operator, { parentId: null, name: '丙市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '丙区人民政府', kind: 'county' });
    other = await addUnit(operator, { parentId: null, name: '丁市人民政府', kind: 'city' });
    const grants = {
      editor: [{ unitId: district.id, role: 'editor' as const }],
      cityoffice: [{ unitId: city.id, role: 'supervisor' as const }],
      leader: [{ unitId: district.id, role: 'leader' as const }],
      handler: [{ unitId: district.id, role: 'handler' as const }],
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
    for (const [name, unit] of [
      ['own', district],
      ['other', other],
    ] as const) {
      applications[name] = await submitOnlineApplication(
        { context, address: '127.0.0.1' },
        {
          unitId: String(unit.id),
          applicantKind: 'person',
          applicantName: '申请人',
          idType: 'passport',
          idNumber: 'E12345678',
          phone: '13912345678',
          description: '所需信息',
          provisionForm: 'electronic',
          obtainWay: 'collect',
        },
      );
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('registers normative documents, edits one and counts table 二 (一) for the year', async () => {
    const editor = people.editor as SignedIn;
    const add = (fields: Record<string, string>) => postAs(app, editor, `${base()}/documents`, fields);
    const common = { issuingUnit: '丙区人民政府', repealedOn: '', invalidOn: '' };
    expect(
      (
        await add({
          ...common,
          kind: 'normative',
          title: '甲办法',
          documentNumber: '丙政规〔2021〕1号',
          issuedOn: '2021-03-01',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await add({
          ...common,
          kind: 'normative',
          title: '乙办法',
          documentNumber: '丙政规〔2023〕1号',
          issuedOn: '2023-02-01',
          repealedOn: '2023-10-01',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await add({
          ...common,
          kind: 'normative',
          title: '丙办法',
          documentNumber: '丙政规〔2020〕2号',
          issuedOn: '2020-01-01',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await add({
          ...common,
          kind: 'rule',
          title: '丁规定',
          documentNumber: '丙市政府令第1号',
          issuedOn: '2023-12-31',
        })
      ).statusCode,
    ).toBe(303);

    const refused = await add({
      ...common,
      kind: 'normative',
      title: '戊办法',
      documentNumber: '丙政规〔2023〕9号',
      issuedOn: '2023-05-01',
      repealedOn: '2023-04-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('data-field="repealedOn"');
    expect(refused.body).toContain('废止日期不能早于制发日期（2023-05-01）');
    expect(refused.body).toContain('value="戊办法"');

    // 丙办法 is repealed on 31 December 2023: it counts as repealed that year and not in force at its end.
    const row = await context.database.db
      .selectFrom('normative_documents')
      .select('id')
      .where('title', '=', '丙办法')
      .executeTakeFirstOrThrow();
    const editPage = await get(editor, `${base()}/documents?edit=${row.id}`);
    expect(editPage.body).toContain(`name="documentId" value="${row.id}"`);
    const edited = await add({
      ...common,
      documentId: String(row.id),
      kind: 'normative',
      title: '丙办法',
      documentNumber: '丙政规〔2020〕2号',
      issuedOn: '2020-01-01',
      repealedOn: '2023-12-31',
    });
    expect(edited.statusCode).toBe(303);
    const refusedEdit = await add({
      ...common,
      documentId: String(row.id),
      kind: 'normative',
      title: '',
      documentNumber: '丙政规〔2020〕2号',
      issuedOn: '2020-01-01',
    });
    expect(refusedEdit.statusCode).toBe(400);
    expect(refusedEdit.body).toContain('请填写文件名称');
    expect(refusedEdit.body).toContain(`name="documentId" value="${row.id}"`);

    const overview = await get(editor, `${base()}?year=2023`);
    expect(overview.statusCode).toBe(200);
    expect(rowsOf(overview.body, 'table2-normative')).toEqual([
      ['规章', '1', '0', '1'],
      ['行政规范性文件', '1', '2', '1'],
    ]);
    expect(rowsOf((await get(editor, `${base()}?year=2022`)).body, 'table2-normative')).toEqual([
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '0', '0', '2'],
    ]);
    const updates = await audits('records.document.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.actor_name).toBe('editor');
  });

  it('takes statistics from the form, CSV and XLSX with provenance; the latest entry counts, history stays', async () => {
    const editor = people.cityoffice as SignedIn;
    expect(
      (await postAs(app, editor, `${base()}/statistics`, { year: '2023', kind: 'licensing', value: '10' }))
        .statusCode,
    ).toBe(303);
    const csv = Buffer.from(
      '\uFEFF年度,类别,数值\n2023,行政许可,12\n2023,行政处罚,7\n2023,行政事业性收费,"1,234.5600"\n',
    );
    const imported = await upload(editor, `${base()}/statistics/import`, '2023统计.csv', csv);
    expect(imported.statusCode).toBe(200);
    expect(imported.body).toContain('已导入 3 行。');

    const stored = await context.database.db
      .selectFrom('administrative_statistics')
      .select(['kind', 'value', 'source', 'file_name', 'file_sha256', 'entered_by'])
      .where('unit_id', '=', district.id)
      .orderBy('id')
      .execute();
    const sha = createHash('sha256').update(csv).digest('hex');
    expect(stored.map((row) => [row.kind, row.value, row.source, row.file_name, row.file_sha256])).toEqual([
      ['licensing', '10', 'form', null, null],
      ['licensing', '12', 'import', '2023统计.csv', sha],
      ['penalty', '7', 'import', '2023统计.csv', sha],
      ['fees', '1234.56', 'import', '2023统计.csv', sha],
    ]);
    const page = await get(editor, `${base()}/statistics`);
    expect(page.body.match(/data-current="no"/g)).toHaveLength(1);
    expect(page.body).toContain(sha);
    const importAudit = await audits('records.statistic.import');
    expect(JSON.parse(importAudit[0]?.details ?? '{}')).toMatchObject({
      fileName: '2023统计.csv',
      sha256: sha,
    });

    // An XLSX with two bad rows is refused whole: the report names row and column, nothing is saved.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('统计');
    sheet.addRow(['年度', '类别', '数值']);
    sheet.addRow([2023, '行政强制', 5]);
    sheet.addRow([2023, '行政处罚', -1]);
    sheet.addRow([2023, '行政检查', 3]);
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await upload(editor, `${base()}/statistics/import`, '统计.xlsx', bad);
    expect(refused.statusCode).toBe(400);
    expect(rowsOf(refused.body, 'import-problems')).toEqual([
      ['3', '数值', '行政处罚决定数量须为不小于 0 的整数，收到：“-1”'],
      ['4', '类别', '类别须为“行政许可”、“行政处罚”、“行政强制”、“行政事业性收费”之一，收到：“行政检查”'],
    ]);
    const count = await context.database.db
      .selectFrom('administrative_statistics')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);

    const fixed = new ExcelJS.Workbook();
    fixed.addWorksheet('统计').addRows([
      ['年度', '类别', '数值'],
      [2023, '行政强制', 5],
    ]);
    const good = Buffer.from(await fixed.xlsx.writeBuffer());
    const accepted = await upload(editor, `${base()}/statistics/import`, '统计.xlsx', good);
    expect(accepted.statusCode).toBe(200);
    const overview = await get(editor, `${base()}?year=2023`);
    expect(rowsOf(overview.body, 'table2-statistics')).toEqual([
      ['行政许可', '12'],
      ['行政处罚', '7'],
      ['行政强制', '5'],
      ['行政事业性收费', '1234.56'],
    ]);
  });

  it('registers cases linked to the unit’s applications and counts table 四', async () => {
    const editor = people.editor as SignedIn;
    const add = (fields: Record<string, string>) => postAs(app, editor, `${base()}/cases`, fields);
    const own = applications.own as { id: number; queryCode: string };
    const review = {
      kind: 'review',
      caseNumber: '丙复〔2022〕9号',
      application: own.queryCode,
      filedOn: '2022-11-01',
      decidedOn: '2023-01-20',
      result: 'upheld',
    };
    expect((await add(review)).statusCode).toBe(303);
    // The lawsuit after that review is a case of its own.
    expect(
      (
        await add({
          kind: 'suit-after-review',
          caseNumber: '（2023）丙行初1号',
          application: String(own.id),
          filedOn: '2023-02-10',
          decidedOn: '',
          result: 'pending',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await add({
          kind: 'direct-suit',
          caseNumber: '（2023）丙行初2号',
          application: '',
          filedOn: '2023-04-01',
          decidedOn: '2023-12-31',
          result: 'corrected',
        })
      ).statusCode,
    ).toBe(303);

    const foreign = await add({
      ...review,
      caseNumber: '丙复〔2023〕1号',
      application: (applications.other as { queryCode: string }).queryCode,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('data-field="application"');
    const undecided = await add({ ...review, caseNumber: '丙复〔2023〕2号', decidedOn: '' });
    expect(undecided.statusCode).toBe(400);
    expect(undecided.body).toContain('结果为“结果维持”时须填写审结日期');

    const stored = await context.database.db
      .selectFrom('review_cases')
      .select(['case_number', 'application_id'])
      .orderBy('id')
      .execute();
    expect(stored.map((row) => [row.case_number, row.application_id])).toEqual([
      ['丙复〔2022〕9号', own.id],
      ['（2023）丙行初1号', own.id],
      ['（2023）丙行初2号', null],
    ]);
    const table4 = rowsOf((await get(editor, `${base()}?year=2023`)).body, 'table4');
    expect(table4).toEqual([
      ['行政复议', '1', '0', '0', '0', '1'],
      ['未经复议直接起诉', '0', '1', '0', '0', '1'],
      ['复议后起诉', '0', '0', '0', '1', '1'],
    ]);
    expect(rowsOf((await get(editor, `${base()}?year=2022`)).body, 'table4')[0]).toEqual([
      '行政复议',
      '0',
      '0',
      '0',
      '1',
      '1',
    ]);

    const csv = Buffer.from(
      '类别,案号,立案日期,审结日期,结果,关联申请\n行政复议,丙复〔2023〕5号,2023-05-05,2023-06-06,结果纠正,\n行政复议,丙复〔2023〕6号,2023-05-05,,尚未审结,NOSUCHCODE\n',
    );
    const refused = await upload(editor, `${base()}/cases/import`, 'cases.csv', csv);
    expect(refused.statusCode).toBe(400);
    expect(rowsOf(refused.body, 'import-problems')).toEqual([
      ['3', '关联申请', '本单位没有编号或查询码为“NOSUCHCODE”的申请'],
    ]);
    expect(await context.database.db.selectFrom('review_cases').select('id').execute()).toHaveLength(3);
  });

  it('lets leaders read only and answers 404 to everyone else', async () => {
    const leader = people.leader as SignedIn;
    const page = await get(leader, `${base()}/documents`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('data-testid="document-form"');
    expect(page.body).toContain('<a href="/admin/records">年报记录</a>');
    expect((await get(people.handler as SignedIn, '/admin')).body).not.toContain('href="/admin/records"');
    expect(
      (await postAs(app, leader, `${base()}/statistics`, { year: '2023', kind: 'licensing', value: '1' }))
        .statusCode,
    ).toBe(404);
    const handler = people.handler as SignedIn;
    expect((await get(handler, `${base()}/cases`)).statusCode).toBe(404);
    expect((await get(handler, '/admin/records')).statusCode).toBe(404);
    expect((await get(people.editor as SignedIn, `/admin/records/units/${other.id}`)).statusCode).toBe(404);
    expect(
      (
        await upload(
          people.editor as SignedIn,
          `/admin/records/units/${other.id}/statistics/import`,
          'x.csv',
          Buffer.from('年度,类别,数值\n2023,行政许可,1\n'),
        )
      ).statusCode,
    ).toBe(404);
  });

  it('imports normative documents from XLSX with date cells, and audits the file', async () => {
    const editor = people.editor as SignedIn;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('文件').addRows([
      ['类别', '文件名称', '文号', '制发机关', '制发日期', '废止日期', '失效日期'],
      [
        '行政规范性文件',
        '己办法',
        '丙政规〔2019〕1号',
        '丙区人民政府',
        new Date(Date.UTC(2019, 2, 1)),
        '',
        '',
      ],
      ['规章', '庚规定', '丙市政府令第2号', '丙市人民政府', '2019-06-30', '', '2019-12-31'],
    ]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await upload(editor, `${base()}/documents/import`, '文件.xlsx', data);
    expect(imported.statusCode).toBe(200);
    expect(imported.body).toContain('已导入 2 行。');
    const rows = await context.database.db
      .selectFrom('normative_documents')
      .select(['title', 'kind', 'issued_on', 'invalid_on'])
      .where('title', 'in', ['己办法', '庚规定'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { title: '己办法', kind: 'normative', issued_on: '2019-03-01', invalid_on: null },
      { title: '庚规定', kind: 'rule', issued_on: '2019-06-30', invalid_on: '2019-12-31' },
    ]);
    expect(rowsOf((await get(editor, `${base()}?year=2019`)).body, 'table2-normative')).toEqual([
      ['规章', '1', '1', '0'],
      ['行政规范性文件', '1', '0', '1'],
    ]);
    const audit = await audits('records.document.import');
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      fileName: '文件.xlsx',
      sha256: createHash('sha256').update(data).digest('hex'),
    });
  });
});
