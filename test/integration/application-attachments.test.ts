// Files with applications through HTTP: identity proofs and powers of attorney on the public form (now
// multipart/form-data), checked by content, stored sealed (name and bytes), refused with the field and the
// rule and nothing saved; proxy applications with the agent sealed; staff downloads served as attachments
// and audited as exports of personal data; and the public guide with the chosen agency's contacts.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { listAttachments } from '../../src/features/applications/attachments.ts';
import { AttachmentList } from '../../src/features/applications/views/AttachmentList.tsx';
import { resealAll, rotationStatus, SEALED_COLUMNS } from '../../src/features/privacy/rotation.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit, updateUnit } from '../../src/features/units/service.ts';
import { blindIndex, openField, sealedKeyId } from '../../src/security/field-crypto.ts';
import { addKey } from '../../src/security/key-ring.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { fakePdf, tinyDocx, tinyPdf, tinyPng } from '../support/files.ts';
import { multipartBody, type Part } from '../support/multipart.ts';
import { signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Hg7#water-Lily-2026';
const AGENT = { name: '诸葛孔明', idNumber: 'G55667788' };

describe(`attachments of applications on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let elsewhere: Unit;
  let handler: SignedIn;
  let editor: SignedIn;
  let outsider: SignedIn;
  const pdf = tinyPdf('Identity proof of the applicant 0042');
  let applicationId = 0;
  let attachmentId = 0;

  const fields = (overrides: Record<string, string> = {}): Record<string, string> => ({
    unitId: String(district.id),
    applicantKind: 'person',
    applicantName: '上官婉儿',
    idType: 'passport',
    idNumber: 'E24681357',
    phone: '13612345678',
    description: '本区 2025 年养老服务补贴发放名单的公开范围',
    provisionForm: 'electronic',
    obtainWay: 'collect',
    ...overrides,
  });

  function apply(values: Record<string, string>, files: Part[] = [], target = app) {
    const parts: Part[] = [...Object.entries(values).map(([name, value]) => ({ name, value })), ...files];
    const { body, contentType } = multipartBody(parts);
    return target.inject({
      method: 'POST',
      url: '/apply',
      headers: { 'content-type': contentType, accept: 'text/html' },
      payload: body,
    });
  }
  const get = (url: string, who?: SignedIn) =>
    app.inject({ method: 'GET', url, headers: { cookie: who?.cookie ?? '', accept: 'text/html' } });
  const file = (name: string, fileName: string, data: Buffer, type = 'application/octet-stream'): Part => ({
    name,
    fileName,
    data,
    type,
  });

  async function counts() {
    const db = context.database.db;
    const count = async (
      table: 'applications' | 'application_attachments' | 'application_agents' | 'audit_log',
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
      attachments: await count('application_attachments'),
      agents: await count('application_agents'),
      audit: await count('audit_log'),
    };
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '于洪区人民政府', kind: 'county' });
    elsewhere = await addUnit(operator, { parentId: null, name: '浑南区人民政府', kind: 'county' });
    for (const [username, role, unit] of [
      ['he.handler', 'handler', district],
      ['lv.editor', 'editor', district],
      ['shi.handler', 'handler', elsewhere],
    ] as const) {
      await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
    }
    handler = await signInOverHttp(app, 'he.handler', PASSWORD);
    editor = await signInOverHttp(app, 'lv.editor', PASSWORD);
    outsider = await signInOverHttp(app, 'shi.handler', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('takes identity proofs with the public form and stores name and bytes only sealed', async () => {
    const form = await get('/apply');
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('name="identityProof"');
    expect(form.body).toContain('href="/apply/guide"');
    const before = await counts();
    const response = await apply(fields(), [
      file('identityProof', '上官婉儿身份证.pdf', pdf, 'application/pdf'),
      file('identityProof', 'back.png', tinyPng(), 'image/png'),
    ]);
    expect(response.statusCode, response.body.slice(0, 600)).toBe(200);
    const code = /data-testid="query-code">([^<]+)</.exec(response.body)?.[1] ?? '';
    const db = context.database.db;
    const application = await db
      .selectFrom('applications')
      .select('id')
      .where('query_code', '=', code)
      .executeTakeFirstOrThrow();
    applicationId = application.id;
    const rows = await db
      .selectFrom('application_attachments')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.kind, row.media_type, row.size_bytes, row.uploaded_by])).toEqual([
      ['identity-proof', 'application/pdf', pdf.length, null],
      ['identity-proof', 'image/png', tinyPng().length, null],
    ]);
    const [first] = rows;
    if (first === undefined) throw new Error('no attachment stored');
    attachmentId = first.id;
    expect(first.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(first.file_name).toMatch(/^v1:/);
    expect(first.content_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(first)).not.toContain('上官婉儿');
    expect(first.content_sealed).not.toContain(pdf.toString('base64').slice(0, 40));
    expect(first.content_sealed).not.toContain('Identity proof');
    expect(openField(context.keys, first.file_name)).toBe('上官婉儿身份证.pdf');
    expect(Buffer.from(openField(context.keys, first.content_sealed), 'base64').equals(pdf)).toBe(true);
    expect(await counts()).toEqual({
      ...before,
      applications: before.applications + 1,
      attachments: before.attachments + 2,
      audit: before.audit + 1,
    });
    const status = await rotationStatus(db, context.keys);
    const sealed = status.columns.filter((column) => column.column.startsWith('application_attachments.'));
    expect(sealed.map((column) => [column.column, column.total, column.current])).toEqual([
      ['application_attachments.file_name', 2, 2],
      ['application_attachments.content_sealed', 2, 2],
    ]);
  });

  it('refuses a text file named .pdf, a file over the limit and a sixth file, naming the field, and saves nothing', async () => {
    const before = await counts();
    const fake = await apply(fields(), [file('identityProof', '身份证.pdf', fakePdf(), 'application/pdf')]);
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain(
      'data-error-for="identityProof">“身份证明”中的文件“身份证.pdf”不是 PDF、JPEG、PNG、DOCX 文件（按文件内容识别），请转换格式后重新上传',
    );
    expect(fake.body).toContain('本区 2025 年养老服务补贴发放名单的公开范围');

    const six = Array.from({ length: 6 }, (_, i) =>
      file('identityProof', `page-${i}.png`, tinyPng(), 'image/png'),
    );
    const tooMany = await apply(fields(), six);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain(
      'data-error-for="identityProof">每件申请最多上传 5 个文件，请合并或删减后重新选择',
    );

    // Far past the limit the parser stops reading; the answer is the same.
    const eight = Array.from({ length: 8 }, (_, i) =>
      file('powerOfAttorney', `p-${i}.png`, tinyPng(), 'image/png'),
    );
    const farTooMany = await apply(fields(), eight);
    expect(farTooMany.statusCode).toBe(400);
    expect(farTooMany.body).toContain(
      'data-error-for="powerOfAttorney">每件申请最多上传 5 个文件，请合并或删减后重新选择',
    );

    const small = await createApp({ ...context, config: { ...context.config, maxUploadBytes: 1024 } });
    try {
      const large = await apply(
        fields(),
        [file('powerOfAttorney', 'big.pdf', tinyPdf('x'.repeat(2000)))],
        small,
      );
      expect(large.statusCode).toBe(400);
      expect(large.body).toContain(
        'data-error-for="powerOfAttorney">“授权委托书”中的文件“big.pdf”超过 1KB 的大小限制',
      );
    } finally {
      await small.close();
    }
    expect(await counts()).toEqual(before);
  });

  it('takes five files while another file input is left empty, as a browser sends it', async () => {
    const five = Array.from({ length: 5 }, (_, i) =>
      file('identityProof', `page-${i}.png`, tinyPng(), 'image/png'),
    );
    const response = await apply(fields({ phone: '13612340000' }), [
      ...five,
      file('powerOfAttorney', '', Buffer.alloc(0)),
    ]);
    expect(response.statusCode, response.body.slice(0, 600)).toBe(200);
    const code = /data-testid="query-code">([^<]+)</.exec(response.body)?.[1] ?? '';
    const stored = await context.database.db
      .selectFrom('application_attachments')
      .innerJoin('applications', 'applications.id', 'application_attachments.application_id')
      .select('application_attachments.kind')
      .where('applications.query_code', '=', code)
      .execute();
    expect(stored.map((row) => row.kind)).toEqual(Array.from({ length: 5 }, () => 'identity-proof'));
  });

  it('requires the agent and a power of attorney for a proxy application, and keeps the agent sealed', async () => {
    const before = await counts();
    const missing = await apply(fields({ byAgent: 'yes' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('data-error-for="agentName">“代理人姓名”必填');
    expect(missing.body).toContain('data-error-for="agentIdNumber">“代理人证件号码”必填');
    expect(missing.body).toContain('data-error-for="powerOfAttorney">代理申请须上传“授权委托书”');
    expect(await counts()).toEqual(before);

    const docx = await tinyDocx('授权委托书：委托诸葛孔明代为申请');
    const response = await apply(
      fields({
        byAgent: 'yes',
        agentName: AGENT.name,
        agentIdType: 'passport',
        agentIdNumber: AGENT.idNumber,
      }),
      [file('powerOfAttorney', '委托书.docx', docx)],
    );
    expect(response.statusCode, response.body.slice(0, 600)).toBe(200);
    const code = /data-testid="query-code">([^<]+)</.exec(response.body)?.[1] ?? '';
    const db = context.database.db;
    const { id } = await db
      .selectFrom('applications')
      .select('id')
      .where('query_code', '=', code)
      .executeTakeFirstOrThrow();
    const agent = await db
      .selectFrom('application_agents')
      .selectAll()
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(agent.id_type).toBe('passport');
    expect(JSON.stringify(agent)).not.toContain(AGENT.name);
    expect(JSON.stringify(agent)).not.toContain(AGENT.idNumber);
    expect(openField(context.keys, agent.name_sealed)).toBe(AGENT.name);
    expect(agent.id_number_index).toBe(blindIndex(context.keys, AGENT.idNumber, 'id-number'));
    const stored = await db
      .selectFrom('application_attachments')
      .select(['kind', 'media_type'])
      .where('application_id', '=', id)
      .execute();
    expect(stored).toEqual([
      {
        kind: 'power-of-attorney',
        media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    ]);
    const [audit] = await findAuditEntries(db, { action: 'application.submit', objectId: String(id) }, 1);
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({ byAgent: true, channel: 'online' });
  });

  it('serves a file to staff who may read the application, as an attachment, and audits the export', async () => {
    const before = await counts();
    const url = `/admin/applications/${applicationId}/attachments/${attachmentId}`;
    const response = await get(url, handler);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="attachment-${attachmentId}.pdf"; filename*=UTF-8''${encodeURIComponent('上官婉儿身份证.pdf')}`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.equals(pdf)).toBe(true);
    const [audit] = await findAuditEntries(
      context.database.db,
      { action: 'application.attachment.download' },
      1,
    );
    expect(audit).toMatchObject({
      actorName: 'he.handler',
      objectType: 'application',
      objectId: String(applicationId),
    });
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({
      attachmentId,
      kind: 'identity-proof',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });

    expect((await get(url, editor)).statusCode).toBe(404);
    expect((await get(url, outsider)).statusCode).toBe(404);
    // An attachment id that belongs to another application answers like a missing one.
    const other = await context.database.db
      .selectFrom('application_attachments')
      .select('id')
      .where('application_id', '<>', applicationId)
      .executeTakeFirstOrThrow();
    expect(
      (await get(`/admin/applications/${applicationId}/attachments/${other.id}`, handler)).statusCode,
    ).toBe(404);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('lists the files for the application page without their names', async () => {
    const scope = scopeOf(context, staff([['handler', district]]));
    const attachments = await listAttachments(scope, applicationId);
    expect(attachments.map((a) => [a.label, a.typeName, a.byStaff])).toEqual([
      ['身份证明', 'PDF', false],
      ['身份证明', 'PNG', false],
    ]);
    const html = renderToString(AttachmentList({ attachments }));
    expect(html).toContain(`href="/admin/applications/${applicationId}/attachments/${attachmentId}"`);
    expect(html).not.toContain('上官婉儿');
    await expect(
      listAttachments(scopeOf(context, staff([['handler', elsewhere]])), applicationId),
    ).rejects.toThrow('未找到该申请');
  });

  it('shows the guide with the chosen agency’s contacts, and links it from the status page', async () => {
    await updateUnit(operatorScope(context), district.id, {
      name: district.name,
      kind: district.kind,
      contact: {
        officeName: '于洪区人民政府办公室政务公开科',
        address: '沈阳市于洪区示例大街 9 号',
        hours: '工作日 8:30–11:30，13:00–17:00',
        phone: '024-25350000',
        fax: '024-25350001',
        email: 'gongkai@example.gov.cn',
        postcode: '110141',
      },
    });
    const plain = await get('/apply/guide');
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('data-testid="unit-selector"');
    expect(plain.body).not.toContain('data-testid="unit-contacts"');
    expect(plain.body).toContain('挂号信、快递签收之日（第三十一条第（二）项）');
    expect(plain.body).toContain('共收 3000 元');
    expect(plain.body).toContain('共收 4700 元');
    expect(plain.body).toContain('60 日内');
    expect(plain.body).toContain('6 个月内');

    const chosen = await get(`/apply/guide?unit=${district.id}`);
    expect(chosen.statusCode).toBe(200);
    const contact = (testId: string) => new RegExp(`data-testid="${testId}">([^<]*)<`).exec(chosen.body)?.[1];
    expect(contact('office-name')).toBe('于洪区人民政府办公室政务公开科');
    expect(contact('office-address')).toBe('沈阳市于洪区示例大街 9 号');
    expect(contact('office-hours')).toBe('工作日 8:30–11:30，13:00–17:00');
    expect(contact('office-phone')).toBe('024-25350000');
    expect(contact('office-fax')).toBe('024-25350001');
    expect(contact('office-email')).toBe('gongkai@example.gov.cn');
    expect(contact('office-postcode')).toBe('110141');

    const bare = await get(`/apply/guide?unit=${elsewhere.id}`);
    expect(/data-testid="office-phone">([^<]*)</.exec(bare.body)?.[1]).toBe('未公布');
    const unknown = await get('/apply/guide?unit=999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('data-testid="unknown-unit"');
    expect((await get('/apply/status')).body).toContain('href="/apply/guide"');
  });
  // Last: the values move to a key the context does not hold.
  it('re-encrypts the agents and the files under a new key, with the blind index recomputed', async () => {
    const db = context.database.db;
    const ring = addKey(context.keys, new Date());
    const columns = SEALED_COLUMNS.filter(
      (column) => column.table === 'application_agents' || column.table === 'application_attachments',
    );
    const result = await resealAll(db, ring, { columns, batchSize: 2 });
    // 2 + 1 + 5 files (names and contents) and 1 agent (name and number).
    expect(result.resealed).toEqual({
      'application_agents.name_sealed': 1,
      'application_agents.id_number_sealed': 1,
      'application_attachments.file_name': 8,
      'application_attachments.content_sealed': 8,
    });
    const agent = await db.selectFrom('application_agents').selectAll().executeTakeFirstOrThrow();
    expect(sealedKeyId(agent.id_number_sealed)).toBe(ring.current.id);
    expect(openField(ring, agent.id_number_sealed)).toBe(AGENT.idNumber);
    expect(agent.id_number_index).toBe(blindIndex(ring, AGENT.idNumber, 'id-number'));
    const first = await db
      .selectFrom('application_attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(openField(ring, first.content_sealed), 'base64').equals(pdf)).toBe(true);
    expect(openField(ring, first.file_name)).toBe('上官婉儿身份证.pdf');
  });
});
