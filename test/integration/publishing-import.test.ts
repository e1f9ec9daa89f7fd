// Import of items published on another platform, through HTTP: a CSV with good and bad rows (each bad one
// reported by row, column and reason), an XLSX workbook, the progress page while running and when done,
// the imported items on the public catalogue and in search, the audit entry, stale imports marked failed,
// and 404 for anyone outside the unit's editors and disclosure office.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { chinaDate } from '../../src/features/applications/clock.ts';
import { storeUpload } from '../../src/features/publishing/import-file.ts';
import {
  createImport,
  failStaleImports,
  importSettled,
  processImport,
  STALE_IMPORT_MS,
} from '../../src/features/publishing/import-service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { multipartBody } from '../support/multipart.ts';
import { signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const USCC = `11210105000000009${computeUsccCheckCharacter('11210105000000009') ?? ''}`;
const HEADER =
  '标题,栏目代码,发文字号,成文日期,发布日期,索引号,体裁,内容概述,正文,效力,生效日期,失效或废止日期';

function csvOf(lines: readonly string[]): Buffer {
  return Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
}

describe(`import of published items on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let other: Unit;
  const people: Record<string, SignedIn> = {};
  let editorId = 0;
  const today = chinaDate(new Date());

  const get = (path: string, who: string) =>
    app.inject({ method: 'GET', url: path, headers: { cookie: people[who]?.cookie ?? '' } });

  function upload(who: string, unitId: number, fileName: string, data: Buffer) {
    const session = people[who] as SignedIn;
    const { body, contentType } = multipartBody([{ name: 'file', fileName, data }]);
    return app.inject({
      method: 'POST',
      url: `/admin/publishing/units/${unitId}/imports?_csrf=${encodeURIComponent(session.csrf)}`,
      headers: { cookie: session.cookie, 'content-type': contentType },
      payload: body,
    });
  }

  async function uploadAndWait(who: string, fileName: string, data: Buffer): Promise<number> {
    const response = await upload(who, district.id, fileName, data);
    expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
    const match = new RegExp(`^/admin/publishing/units/${district.id}/imports/(\\d+)$`).exec(
      String(response.headers.location),
    );
    const id = Number(match?.[1]);
    await importSettled(id);
    return id;
  }

  const importRow = (id: number) =>
    context.database.db
      .selectFrom('publishing_imports')
      .select(['status', 'rows_total', 'rows_read', 'accepted', 'rejected', 'failure'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const importedItems = (id: number) =>
    context.database.db
      .selectFrom('publishing_items')
      .select([
        'id',
        'status',
        'title',
        'index_number',
        'published_on',
        'published_year',
        'serial',
        'validity',
      ])
      .where('import_id', '=', id)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county', uscc: USCC });
    other = await addUnit(operator, { parentId: null, name: '乙区人民政府', kind: 'county' });
    const accounts: [string, Role, Unit][] = [
      ['editor', 'editor', district],
      ['supervisor', 'supervisor', district],
      ['reviewer', 'reviewer', district],
      ['elsewhere', 'supervisor', other],
    ];
    for (const [name, role, unit] of accounts) {
      const user = await createUser(operator, {
        username: `import-${name}`,
        displayName: `${name}人`,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      if (name === 'editor') editorId = user.id;
      people[name] = await signInOverHttp(app, `import-${name}`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('imports the good rows of a CSV and reports each bad one with its row, column and reason', async () => {
    const data = csvOf([
      `甲区2024年财政预算执行情况,a20-07,甲财〔2024〕3号,2024-03-01,2024-03-15,${USCC}/2024-00007,报告,预算执行概况,"第一段，含逗号\n第二段",,,`,
      '甲区桥梁养护管理办法,a20-01,甲政发〔2025〕1号,2025-05-20,2025-06-01,,规章,养护管理,办法全文,有效,2025-07-01,',
      `重复索引号的信息,a20-07,,,2024-04-01,${USCC}/2024-00007,,概述,正文,,,`,
      '日期写错的信息,a20-07,,,2024/13/01,,,概述,正文,,,',
      '类别不存在的信息,x99,,,2024-04-01,,,概述,正文,,,',
      '将来才发布的信息,a20-07,,,2099-01-01,,,概述,正文,,,',
      '别的单位的索引号,a20-07,,,2024-04-01,11000000000000000X/2024-00001,,概述,正文,,,',
      '已失效未填日期,a20-01,,,2024-04-01,,,概述,正文,失效,,',
      ',,,,,,,,,,,',
    ]);
    const id = await uploadAndWait('editor', '旧平台目录.csv', data);
    expect(await importRow(id)).toEqual({
      status: 'done',
      rows_total: 8,
      rows_read: 8,
      accepted: 2,
      rejected: 6,
      failure: null,
    });
    const items = await importedItems(id);
    expect(items.map((item) => ({ ...item, id: 0 }))).toEqual([
      {
        id: 0,
        status: 'published',
        title: '甲区2024年财政预算执行情况',
        index_number: `${USCC}/2024-00007`,
        published_on: '2024-03-15',
        published_year: 2024,
        serial: 7,
        validity: null,
      },
      {
        id: 0,
        status: 'published',
        title: '甲区桥梁养护管理办法',
        index_number: `${USCC}/2025-00001`,
        published_on: '2025-06-01',
        published_year: 2025,
        serial: 1,
        validity: 'valid',
      },
    ]);
    // Later publications of 2024 follow the imported serial.
    const counter = await context.database.db
      .selectFrom('publishing_counters')
      .select('last')
      .where('unit_id', '=', district.id)
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow();
    expect(counter.last).toBe(7);

    const page = await get(`/admin/publishing/units/${district.id}/imports/${id}`, 'editor');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('http-equiv="refresh"');
    expect(page.body).toContain('data-status="done"');
    expect(page.body).toContain('<progress data-testid="import-progress" max="8" value="8">');
    expect(page.body).toContain('<strong data-testid="import-accepted">2</strong>');
    const table = /<table data-testid="import-rejections">[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(
      (match) => [Number(match[1]), match[2], match[3]],
    );
    expect(rows).toEqual([
      [4, '索引号', `索引号“${USCC}/2024-00007”已被本单位其他信息使用`],
      [5, '发布日期', '发布日期须为“YYYY-MM-DD”格式的日期'],
      [6, '栏目代码', '主题分类不是本单位可用的法定主动公开类别'],
      [7, '发布日期', `发布日期不能晚于今天（${today}）`],
      [8, '索引号', '索引号中的代码须为本单位的统一社会信用代码'],
      [9, '失效或废止日期', '失效或废止的文件须填写失效或废止日期'],
    ]);

    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('object_type', '=', 'publishing_import')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['publishing.import', 'publishing.import.done']);
    expect(JSON.parse(String(audit[0]?.details))).toEqual({
      unitId: district.id,
      fileName: '旧平台目录.csv',
      sha256: createHash('sha256').update(data).digest('hex'),
      sizeBytes: data.length,
    });
    expect(JSON.parse(String(audit[1]?.details))).toEqual({
      unitId: district.id,
      rowsRead: 8,
      accepted: 2,
      rejected: 6,
    });

    const catalogue = await app.inject({
      method: 'GET',
      url: `/disclosure/units/${district.id}/statutory?year=2024`,
    });
    expect(catalogue.body).toContain('甲区2024年财政预算执行情况');
    expect(catalogue.body).toContain(`${USCC}/2024-00007`);
    const itemPage = await app.inject({ method: 'GET', url: `/disclosure/items/${items[0]?.id}` });
    expect(itemPage.statusCode).toBe(200);
    expect(itemPage.body).toContain('2024-03-15');
    const search = await app.inject({
      method: 'GET',
      url: `/disclosure/search?q=${encodeURIComponent('桥梁养护')}`,
    });
    expect(search.body).toContain(`href="/disclosure/items/${items[1]?.id}"`);
  });

  it('imports an XLSX workbook with date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      '甲区2023年政府信息公开工作要点',
      'a20-01',
      '',
      new Date(Date.UTC(2023, 4, 4)),
      new Date(Date.UTC(2023, 4, 10)),
      `${USCC}/2023-00012`,
      '',
      '工作要点',
      '要点全文',
    ]);
    sheet.addRow(['无正文的信息', 'a20-01', '', '', '2023-05-11', '', '', '概述', '']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const id = await uploadAndWait('supervisor', '旧平台.xlsx', data);
    expect(await importRow(id)).toMatchObject({ status: 'done', rows_read: 2, accepted: 1, rejected: 1 });
    expect(
      (await importedItems(id)).map((item) => [item.title, item.index_number, item.published_on]),
    ).toEqual([['甲区2023年政府信息公开工作要点', `${USCC}/2023-00012`, '2023-05-10']]);
    const rejection = await context.database.db
      .selectFrom('publishing_import_rejections')
      .select(['row_number', 'field', 'reason'])
      .where('import_id', '=', id)
      .execute();
    expect(rejection).toEqual([{ row_number: 3, field: '正文', reason: '请填写正文' }]);
  });

  it('shows a refreshing progress page while running, then the counts; a stale import is marked failed', async () => {
    const editor = scopeOf(context, staff([['editor', district]], editorId, 'import-editor'));
    const stored = await storeUpload(
      '进度.csv',
      Readable.from([csvOf(['进度测试信息,a20-07,,,2024-05-01,,,概述,正文,,,'])]),
    );
    const id = await createImport(editor, district.id, stored);
    const running = await get(`/admin/publishing/units/${district.id}/imports/${id}`, 'editor');
    expect(running.body).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(running.body).toContain('data-status="running"');
    expect(running.body).toContain('<progress data-testid="import-progress">0 行</progress>');
    await processImport(context, id, stored);
    const done = await get(`/admin/publishing/units/${district.id}/imports/${id}`, 'editor');
    expect(done.body).not.toContain('http-equiv="refresh"');
    expect(done.body).toContain('<progress data-testid="import-progress" max="1" value="1">');

    const start = new Date('2026-11-20T02:00:00Z');
    const orphan = await storeUpload('中断.csv', Readable.from([csvOf([])]));
    const orphanId = await createImport(editor, district.id, orphan, start);
    expect(await failStaleImports(context, new Date(start.getTime() + STALE_IMPORT_MS - 1))).toBe(0);
    expect(await failStaleImports(context, new Date(start.getTime() + STALE_IMPORT_MS + 1))).toBe(1);
    expect(await importRow(orphanId)).toMatchObject({
      status: 'failed',
      failure: '处理中断（服务重启或进程退出），已导入的行保留；请将未导入的行另存为新文件后重新导入',
    });
  });

  it('refuses a file without the required columns or of another type, before anything is recorded', async () => {
    const before = await context.database.db.selectFrom('publishing_imports').select('id').execute();
    const noColumns = await upload('editor', district.id, '缺列.csv', Buffer.from('标题,正文\n甲,乙\n'));
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.body).toContain('第 1 行须为表头，缺少列：栏目代码、发布日期、内容概述');
    const wrongType = await upload('editor', district.id, '目录.txt', Buffer.from('x'));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('请上传 CSV 或 XLSX 文件');
    expect(await context.database.db.selectFrom('publishing_imports').select('id').execute()).toEqual(before);
  });

  it('answers 404 to reviewers and to people of another unit', async () => {
    const id = await uploadAndWait(
      'editor',
      '权限.csv',
      csvOf(['权限测试信息,a20-07,,,2024-05-02,,,概述,正文,,,']),
    );
    const path = `/admin/publishing/units/${district.id}/imports/${id}`;
    expect((await get(path, 'reviewer')).statusCode).toBe(404);
    expect((await get(path, 'elsewhere')).statusCode).toBe(404);
    expect((await get(`/admin/publishing/units/${other.id}/imports/${id}`, 'elsewhere')).statusCode).toBe(
      404,
    );
    expect((await get(`/admin/publishing/units/${district.id}/imports/new`, 'elsewhere')).statusCode).toBe(
      404,
    );
    const refused = await upload('elsewhere', district.id, '越权.csv', csvOf([]));
    expect(refused.statusCode).toBe(404);
  });
});
