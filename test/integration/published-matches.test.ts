// Already-published items suggested on an application's page: by the document number the applicant
// names, or by a similar title, among the items of the receiving unit and the units above it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { decideReview, setReviewChain, submitForReview } from '../../src/features/publishing/review.ts';
import { createItem } from '../../src/features/publishing/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const uscc = (base: string) => `${base}${computeUsccCheckCharacter(base) ?? ''}`;

describe(`already-published items suggested for an application on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let bureau: Unit;
  let other: Unit;
  let handler: SignedIn;
  let budgetItem = 0;

  async function publish(unit: Unit, title: string, documentNumber: string): Promise<number> {
    const ids: Record<string, number> = {};
    for (const role of ['editor', 'reviewer', 'supervisor'] as const) {
      const user = await createUser(operatorScope(context), {
        username: `${role}-${unit.id}-${title.length}-${documentNumber.length}`,
        displayName: role,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role }],
      });
      ids[role] = user.id;
    }
    const as = (role: 'editor' | 'reviewer' | 'supervisor') =>
      scopeOf(context, staff([[role, unit]], ids[role], `${role}-${unit.id}`));
    await setReviewChain(as('supervisor'), unit.id, ['secrecy']);
    const id = await createItem(as('editor'), unit.id, {
      categoryCode: 'a20-07',
      title,
      summary: `${title}的说明`,
      body: '一、总体情况',
      documentNumber,
      writtenOn: '2026-01-05',
      genre: '预算',
      keywords: '预算',
    });
    await submitForReview(as('editor'), id);
    await decideReview(as('reviewer'), id, { stage: 'secrecy', decision: 'approve' });
    return id;
  }

  async function apply(unit: Unit, description: string, documentNumber?: string) {
    const ack = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(unit.id),
        applicantKind: 'person',
        applicantName: '赵六',
        idType: 'passport',
        idNumber: 'E11223344',
        phone: '13600001111',
        description,
        ...(documentNumber ? { documentNumber } : {}),
        provisionForm: 'electronic',
        obtainWay: 'collect',
      },
    );
    return ack.id;
  }

  async function suggested(id: number): Promise<number[]> {
    const page = await app.inject({
      method: 'GET',
      url: `/admin/applications/${id}`,
      headers: { cookie: handler.cookie },
    });
    expect(page.statusCode).toBe(200);
    const section = /data-testid="published-matches">([\s\S]*?)<\/section>/.exec(page.body)?.[1] ?? '';
    return [...section.matchAll(/href="\/disclosure\/items\/(\d+)"/g)].map((match) => Number(match[1]));
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, {
      parentId: null,
      name: '甲区人民政府',
      kind: 'county',
      uscc: uscc('11210105000000011'),
    });
    bureau = await addUnit(operator, {
      parentId: district.id,
      name: '甲区财政局',
      kind: 'department',
      uscc: uscc('11210105000000012'),
    });
    other = await addUnit(operator, {
      parentId: null,
      name: '乙区人民政府',
      kind: 'county',
      uscc: uscc('11210105000000013'),
    });
    await createUser(operator, {
      username: 'match-handler',
      displayName: '办理人',
      password: PASSWORD,
      grants: [{ unitId: district.id, role: 'handler' }],
    });
    handler = await signInOverHttp(app, 'match-handler', PASSWORD);
    budgetItem = await publish(district, '甲区2026年区级部门预算公开', '甲财〔2026〕1号');
    await publish(other, '乙区2026年区级部门预算公开', '乙财〔2026〕1号');
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('suggests the item of a unit above with a similar title, and never another district’s', async () => {
    const id = await apply(bureau, '甲区2026年区级部门预算公开的内容');
    expect(await suggested(id)).toEqual([budgetItem]);
  });

  it('suggests the item whose document number the applicant names, and nothing for an unrelated request', async () => {
    expect(await suggested(await apply(district, '一份文件', '甲财〔2026〕1号'))).toEqual([budgetItem]);
    expect(await suggested(await apply(district, '本区河道治理工程的验收报告'))).toEqual([]);
  });
});
