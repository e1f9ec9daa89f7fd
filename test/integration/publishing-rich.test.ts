// Rich items through HTTP: an HTML body cut down to the allowlist (with a preview that saves nothing),
// checks on its text content; files checked by content, listed and downloaded on the public page with
// their type, size and RFC 5987 name, changed after publication only as a versioned correction; and the
// disclosure office's review-chain page.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { chinaDate } from '../../src/features/applications/clock.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { tinyPdf, tinyPng } from '../support/files.ts';
import { multipartBody } from '../support/multipart.ts';
import { MAX_ITEM_ATTACHMENT_BYTES } from '../../src/features/publishing/attachments.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const USCC = `11210105000000007${computeUsccCheckCharacter('11210105000000007') ?? ''}`;

describe(`rich items, files and the review chain page on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let other: Unit;
  const people: Record<string, SignedIn> = {};

  const itemRow = (id: number) =>
    context.database.db
      .selectFrom('publishing_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const files = (id: number) =>
    context.database.db
      .selectFrom('publishing_attachments')
      .select(['id', 'file_name', 'media_type', 'size_bytes', 'added_in_version', 'removed_in_version'])
      .where('item_id', '=', id)
      .orderBy('id')
      .execute();
  const audits = (action: string) =>
    context.database.db
      .selectFrom('audit_log')
      .select(['object_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  const get = (path: string, who?: string) =>
    app.inject({ method: 'GET', url: path, headers: { cookie: who ? (people[who]?.cookie ?? '') : '' } });
  const post = (who: string, path: string, fields: Record<string, string>) =>
    postAs(app, people[who] as SignedIn, path, fields);

  function upload(
    who: string,
    id: number,
    fileName: string,
    data: Buffer,
    fields: Record<string, string> = {},
  ) {
    const session = people[who] as SignedIn;
    const { body, contentType } = multipartBody([
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      { name: 'file', fileName, data },
    ]);
    return app.inject({
      method: 'POST',
      url: `/admin/publishing/items/${id}/attachments?_csrf=${encodeURIComponent(session.csrf)}`,
      headers: { cookie: session.cookie, 'content-type': contentType },
      payload: body,
    });
  }

  async function create(fields: Record<string, string>): Promise<number> {
    const response = await post('editor', `/admin/publishing/units/${district.id}/items`, {
      categoryCode: 'a20-07',
      title: '甲区2026年预算公开',
      summary: '预算情况',
      ...fields,
    });
    expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
    return Number(/\/admin\/publishing\/items\/(\d+)$/.exec(String(response.headers.location))?.[1]);
  }

  async function publish(id: number): Promise<void> {
    expect((await post('editor', `/admin/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    for (const [who, stage] of [
      ['first', 'first'],
      ['second', 'second'],
      ['secrecy', 'secrecy'],
      ['leader', 'final'],
    ] as const) {
      const response = await post(who, `/admin/publishing/items/${id}/decision`, {
        stage,
        decision: 'approve',
      });
      expect(response.statusCode, `${stage}: ${response.body.slice(0, 400)}`).toBe(303);
    }
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county', uscc: USCC });
    other = await addUnit(operator, { parentId: null, name: '乙区人民政府', kind: 'county' });
    const accounts: [string, Role, Unit][] = [
      ['editor', 'editor', district],
      ['first', 'reviewer', district],
      ['second', 'reviewer', district],
      ['secrecy', 'reviewer', district],
      ['leader', 'leader', district],
      ['supervisor', 'supervisor', district],
      ['elsewhere', 'supervisor', other],
    ];
    for (const [name, role, unit] of accounts) {
      await createUser(operator, {
        username: `rich-${name}`,
        displayName: `${name}人`,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      people[name] = await signInOverHttp(app, `rich-${name}`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('previews a rich-text body as it will be saved, and saves nothing', async () => {
    const before = await context.database.db.selectFrom('publishing_items').select('id').execute();
    const response = await post('editor', `/admin/publishing/units/${district.id}/items`, {
      categoryCode: 'a20-07',
      title: '预览',
      summary: '预览',
      bodyFormat: 'html',
      body: '<h2>说明</h2><p onclick="x()">正文<script>alert(1)</script></p>',
      preview: '1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div class="rich-body"><h2>说明</h2><p>正文</p></div>');
    expect(await context.database.db.selectFrom('publishing_items').select('id').execute()).toEqual(before);
  });

  it('stores the sanitised HTML and its text, and runs the checks on that text', async () => {
    const id = await create({
      bodyFormat: 'html',
      body: '<h2 style="color:red">一、概况</h2><p>联系电话：<strong>13812345678</strong><script>steal()</script></p><a href="javascript:x()">链接</a>',
    });
    const row = await itemRow(id);
    expect(row.body_html).toBe('<h2>一、概况</h2><p>联系电话：<strong>13812345678</strong></p><a>链接</a>');
    expect(row.body).toBe('一、概况\n联系电话：13812345678\n链接');
    const page = await get(`/admin/publishing/items/${id}`, 'editor');
    // The offset is into the text: “一、概况\n联系电话：” is 10 characters, so the number starts at the 11th.
    expect(page.body).toContain('正文第 11 字</td><td>13812345678</td>');
    expect(page.body).toContain('<option value="html" selected>');
  });

  it('refuses a renamed program and accepts real files; images of the item’s own files survive in the body', async () => {
    const id = await create({ body: '纯文本正文' });
    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(62),
      Buffer.from('PE\0\0'),
      Buffer.alloc(200),
    ]);
    const refused = await upload('editor', id, '预算表.pdf', exe);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      '附件“预算表.pdf”不是 PDF、DOCX、XLSX、JPEG、PNG 文件（按文件内容识别），请转换格式后重新上传',
    );
    expect(await files(id)).toEqual([]);
    // Someone of another unit learns nothing from the size or type of what they send: 404 first.
    expect((await upload('elsewhere', id, '预算表.pdf', exe)).statusCode).toBe(404);
    const oversized = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_ITEM_ATTACHMENT_BYTES + 1)]);
    expect((await upload('elsewhere', id, '大文件.pdf', oversized)).statusCode).toBe(404);
    expect((await upload('editor', id, '大文件.pdf', oversized)).statusCode).toBe(413);
    expect(await files(id)).toEqual([]);

    expect((await upload('editor', id, '甲区预算说明.pdf', tinyPdf())).statusCode).toBe(303);
    expect((await upload('editor', id, '示意图.png', tinyPng())).statusCode).toBe(303);
    const [pdf, png] = await files(id);
    expect(pdf).toMatchObject({
      file_name: '甲区预算说明.pdf',
      media_type: 'application/pdf',
      added_in_version: 1,
    });
    expect(png).toMatchObject({
      file_name: '示意图.png',
      media_type: 'image/png',
      size_bytes: tinyPng().length,
    });
    const imageSrc = `/disclosure/items/${id}/attachments/${png?.id}`;
    const edited = await post('editor', `/admin/publishing/items/${id}`, {
      categoryCode: 'a20-07',
      title: '甲区2026年预算公开',
      summary: '预算情况',
      bodyFormat: 'html',
      body: `<p>见图：<img src="${imageSrc}" alt="示意图" onerror="x()"><img src="https://evil.example/t.png" alt="外"></p>`,
    });
    expect(edited.statusCode, edited.body.slice(0, 300)).toBe(303);
    expect((await itemRow(id)).body_html).toBe(`<p>见图：<img src="${imageSrc}" alt="示意图" /></p>`);

    // Not public before publication.
    expect((await get(imageSrc)).statusCode).toBe(404);
    await publish(id);
    const page = await get(`/disclosure/items/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<img src="${imageSrc}" alt="示意图" />`);
    expect(page.body).toContain(
      `<a href="/disclosure/items/${id}/attachments/${pdf?.id}" download>甲区预算说明.pdf</a>（PDF，1KB）`,
    );
    const download = await get(`/disclosure/items/${id}/attachments/${pdf?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('甲区预算说明.pdf')}`,
    );
    expect(download.rawPayload.equals(tinyPdf())).toBe(true);
  });

  it('changes a published item’s files only as a correction, keeping the removed file in the history', async () => {
    const id = await create({ body: '正文' });
    expect((await upload('editor', id, 'a.pdf', tinyPdf())).statusCode).toBe(303);
    await publish(id);
    const [first] = await files(id);

    const noReason = await upload('editor', id, 'b.png', tinyPng());
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('已发布的信息添加附件属于更正，请填写更正原因');
    // Only editors and the disclosure office correct; a reviewer is answered as if nothing were there.
    expect((await upload('first', id, 'b.png', tinyPng(), { reason: '补充' })).statusCode).toBe(404);

    expect((await upload('editor', id, 'b.png', tinyPng(), { reason: '补充示意图' })).statusCode).toBe(303);
    const removed = await post(
      'supervisor',
      `/admin/publishing/items/${id}/attachments/${first?.id}/remove`,
      {
        reason: '原附件有误',
      },
    );
    expect(removed.statusCode).toBe(303);
    const row = await itemRow(id);
    expect(row.version).toBe(3);
    expect(row.corrected_on).toBe(chinaDate(new Date()));
    expect(
      (await files(id)).map((file) => [file.file_name, file.added_in_version, file.removed_in_version]),
    ).toEqual([
      ['a.pdf', 1, 3],
      ['b.png', 2, null],
    ]);
    const versions = await context.database.db
      .selectFrom('publishing_versions')
      .select(['version', 'reason', 'material'])
      .where('item_id', '=', id)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, reason: '补充示意图', material: 1 },
      { version: 2, reason: '原附件有误', material: 1 },
    ]);
    expect((await get(`/disclosure/items/${id}/attachments/${first?.id}`)).statusCode).toBe(404);
    const page = await get(`/disclosure/items/${id}`);
    expect(page.body).not.toContain('a.pdf');
    expect(page.body).toContain('b.png</a>（PNG，1KB）');
    const removals = (await audits('publishing.attachment.remove')).filter(
      (entry) => entry.object_id === String(id),
    );
    expect(removals).toHaveLength(1);
  });

  it('makes a proactive item from an Art. 44 draft, linked both ways, shown on the draft once published', async () => {
    const { id: draftId } = await context.database.db
      .insertInto('disclosure_drafts')
      .values({
        unit_id: district.id,
        application_id: null,
        title: '关于2025年度城市道路维修计划的信息',
        body: '申请公开的信息：2025年度城市道路维修计划',
        created_by: null,
        created_at: fromDate(context.database.dialect, new Date()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const drafts = async () => (await get('/admin/disclosure-drafts', 'editor')).body;
    expect(await drafts()).toContain(
      `<a href="/admin/publishing/units/${district.id}/new?draft=${draftId}">创建主动公开信息</a>`,
    );
    const form = await get(`/admin/publishing/units/${district.id}/new?draft=${draftId}`, 'editor');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<input type="hidden" name="draftId" value="${draftId}"/>`);
    expect(form.body).toContain('value="关于2025年度城市道路维修计划的信息"');
    expect(form.body).toContain('申请公开的信息：2025年度城市道路维修计划</textarea>');
    // The draft belongs to the district, not to another unit's form.
    expect((await get(`/admin/publishing/units/${other.id}/new?draft=${draftId}`, 'editor')).statusCode).toBe(
      404,
    );

    const id = await create({
      title: '2025年度城市道路维修计划',
      body: '维修计划见附件',
      draftId: String(draftId),
    });
    expect((await itemRow(id)).draft_id).toBe(draftId);
    const again = await post('editor', `/admin/publishing/units/${district.id}/items`, {
      categoryCode: 'a20-07',
      title: '重复',
      summary: '重复',
      body: '重复',
      draftId: String(draftId),
    });
    expect(again.statusCode).toBe(409);
    expect((await get(`/admin/publishing/items/${id}`, 'editor')).body).toContain('依申请公开转主动公开草稿');
    expect(await drafts()).toContain(`<a href="/admin/publishing/items/${id}">已创建，尚未发布</a>`);
    await publish(id);
    expect(await drafts()).toContain(`<a href="/disclosure/items/${id}">已发布</a>`);
  });

  it('lets the disclosure office view and change the unit’s review chain, naming the field of a bad one', async () => {
    const page = await get(`/admin/units/${district.id}/review-chain`, 'supervisor');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('当前流程：初审 → 复审 → 保密审查 → 终审（系统默认）');
    expect((await get(`/admin/units/${district.id}/review-chain`, 'elsewhere')).statusCode).toBe(404);
    expect((await get(`/admin/units/${district.id}/review-chain`, 'editor')).statusCode).toBe(404);

    const bad = await post('supervisor', `/admin/units/${district.id}/review-chain`, {
      stage1: 'first',
      stage2: 'final',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('data-field="stages"');
    expect(bad.body).toContain('审核流程必须包含保密审查（《中华人民共和国政府信息公开条例》第十七条）');
    const twice = await post('supervisor', `/admin/units/${district.id}/review-chain`, {
      stage1: 'first',
      stage2: 'first',
      stage3: 'secrecy',
    });
    expect(twice.body).toContain('审核流程中的环节不能重复');

    const saved = await post('supervisor', `/admin/units/${district.id}/review-chain`, {
      stage1: 'first',
      stage2: 'secrecy',
      stage3: 'final',
    });
    expect(saved.statusCode).toBe(303);
    expect((await get(`/admin/units/${district.id}/review-chain`, 'supervisor')).body).toContain(
      '当前流程：初审 → 保密审查 → 终审</p>',
    );
    const entries = (await audits('publishing.chain')).filter(
      (entry) => entry.object_id === String(district.id),
    );
    expect(entries.map((entry) => JSON.parse(entry.details) as unknown)).toEqual([
      { stages: ['first', 'secrecy', 'final'] },
    ]);
  });
});
