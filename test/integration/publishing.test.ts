// Proactive disclosure through HTTP: an editor's draft passes 初审, 复审, 保密审查 and 终审 by different
// people and appears on the public column with its 索引号 and the system's publication date; a return
// needs a comment; no stage can be skipped; the checks' errors block the final approval until overridden;
// a unit without a credit code cannot publish; concurrent publications take consecutive serials; a
// withdrawn item leaves the public side; a correction keeps the old version and shows 更正于.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import { runChecks } from '../../src/core/checks/index.ts';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { chinaDate } from '../../src/features/applications/clock.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { decideReview, setReviewChain, submitForReview } from '../../src/features/publishing/review.ts';
import { addSubcategory, createItem } from '../../src/features/publishing/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const USCC = `11210105000000001${computeUsccCheckCharacter('11210105000000001') ?? ''}`;
const USCC_2 = `11210105000000002${computeUsccCheckCharacter('11210105000000002') ?? ''}`;

/** A resident ID number with a valid ISO 7064 check character. */
function residentId(base17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = Array.from(base17).reduce(
    (total, digit, index) => total + Number(digit) * (weights[index] ?? 0),
    0,
  );
  return base17 + ('10X98765432'[sum % 11] ?? '');
}

const ITEM = {
  categoryCode: 'a20-07',
  title: '甲区2026年部门预算公开说明',
  summary: '本区各部门2026年预算情况',
  body: '一、收支总体情况\n二、财政拨款情况',
  documentNumber: '甲财〔2026〕1号',
  writtenOn: '2026-01-05',
  genre: '预算',
  keywords: '预算 财政',
};

describe(`proactive disclosure through HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let district: Unit;
  let nocode: Unit;
  const people: Record<string, SignedIn> = {};
  const ids: Record<string, number> = {};

  const today = () => chinaDate(new Date());
  const itemRow = (id: number) =>
    context.database.db
      .selectFrom('publishing_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const audits = (action: string, id: number) =>
    context.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'details'])
      .where('action', '=', action)
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
  /** The ids in the reader's review queue (待我审核). */
  const queueOf = (body: string) =>
    [
      ...(/data-testid="review-queue">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '').matchAll(/data-item="(\d+)"/g),
    ].map((match) => Number(match[1]));
  const publicPage = (path: string) =>
    app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
  const staffPage = (who: string, path: string) =>
    app.inject({ method: 'GET', url: path, headers: { cookie: people[who]?.cookie ?? '' } });

  async function create(unit: Unit, fields: Record<string, string> = {}): Promise<number> {
    const response = await postAs(
      app,
      people.editor as SignedIn,
      `/admin/publishing/units/${unit.id}/items`,
      {
        ...ITEM,
        ...fields,
      },
    );
    expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
    return Number(/\/admin\/publishing\/items\/(\d+)$/.exec(String(response.headers.location))?.[1]);
  }
  const act = (who: string, id: number, path: string, fields: Record<string, string> = {}) =>
    postAs(app, people[who] as SignedIn, `/admin/publishing/items/${id}${path}`, fields);
  const decision = (who: string, id: number, stage: string, verdict = 'approve', comment = '') =>
    act(who, id, '/decision', { stage, decision: verdict, comment });

  async function passChain(id: number): Promise<void> {
    for (const [who, stage] of [
      ['first', 'first'],
      ['second', 'second'],
      ['secrecy', 'secrecy'],
      ['leader', 'final'],
    ] as const) {
      const response = await decision(who, id, stage);
      expect(response.statusCode, `${stage}: ${response.body.slice(0, 400)}`).toBe(303);
    }
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county', uscc: USCC });
    nocode = await addUnit(operator, { parentId: district.id, name: '甲区无码局', kind: 'department' });
    const accounts: [string, Role][] = [
      ['editor', 'editor'],
      ['first', 'reviewer'],
      ['second', 'reviewer'],
      ['secrecy', 'reviewer'],
      ['leader', 'leader'],
      ['supervisor', 'supervisor'],
    ];
    for (const [name, role] of accounts) {
      const user = await createUser(operator, {
        username: `pub-${name}`,
        displayName: `${name}人`,
        password: PASSWORD,
        grants: [{ unitId: district.id, role }],
      });
      ids[name] = user.id;
      people[name] = await signInOverHttp(app, `pub-${name}`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('takes a draft through every review stage to the public column, with the system’s date and 索引号', async () => {
    const before = today();
    const id = await create(district, {
      publishedOn: '2020-01-01',
      published_on: '2020-01-01',
      indexNumber: 'FORGED/2020-00009',
    });
    expect((await publicPage(`/disclosure/items/${id}`)).statusCode).toBe(404);
    expect((await act('editor', id, '/submit')).statusCode).toBe(303);
    const queue = await staffPage('first', '/admin/publishing');
    expect(queueOf(queue.body)).toEqual([id]);
    // The leader's 终审 is not due yet, and the editor does not review their own item.
    expect(queueOf((await staffPage('leader', '/admin/publishing')).body)).toEqual([]);
    expect(queueOf((await staffPage('editor', '/admin/publishing')).body)).toEqual([]);
    await passChain(id);
    const after = today();

    const row = await itemRow(id);
    expect(row.status).toBe('published');
    expect([before, after]).toContain(row.published_on);
    const year = Number(row.published_on?.slice(0, 4));
    expect(row.index_number).toBe(`${USCC}/${year}-00001`);
    expect(row.serial).toBe(1);

    const page = await publicPage(`/disclosure/items/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<td data-field="索引号">${USCC}/${year}-00001</td>`);
    expect(page.body).toContain('<td data-field="发布机构">甲区人民政府</td>');
    expect(page.body).toContain('<td data-field="主题分类">财政预算决算</td>');
    expect(page.body).toContain('<td data-field="文号">甲财〔2026〕1号</td>');
    expect(page.body).toContain('<td data-field="成文日期">2026年1月5日</td>');
    expect(page.body).toContain(`data-testid="published-on">${year}年`);
    expect(page.body).not.toContain('2020');
    expect(page.body).not.toContain('更正于');

    const index = await publicPage('/disclosure');
    expect(index.body).toContain(`<a href="/disclosure/units/${district.id}">甲区人民政府</a>`);
    const column = await publicPage(`/disclosure/units/${district.id}`);
    expect(column.body).toContain('政府信息公开指南');
    expect(column.body).toContain('政府信息公开制度');
    expect(column.body).toContain('法定主动公开内容');
    expect(column.body).toContain('政府信息公开年报');
    expect(column.body).toContain(`href="/apply/guide?unit=${district.id}"`);
    expect(column.body).toContain(`href="/disclosure/items/${id}"`);
    const catalogue = await publicPage(`/disclosure/units/${district.id}/statutory?category=a20-07`);
    expect(catalogue.body).toContain(`<tr data-item="${id}"><td>${USCC}/${year}-00001</td>`);
    const other = await publicPage(`/disclosure/units/${district.id}/statutory?category=a20-01`);
    expect(other.body).toContain('data-testid="empty-catalogue"');

    const reviews = await context.database.db
      .selectFrom('publishing_reviews')
      .select(['stage', 'decision', 'reviewer_id'])
      .where('item_id', '=', id)
      .orderBy('id')
      .execute();
    expect(reviews).toEqual([
      { stage: 'first', decision: 'approve', reviewer_id: ids.first },
      { stage: 'second', decision: 'approve', reviewer_id: ids.second },
      { stage: 'secrecy', decision: 'approve', reviewer_id: ids.secrecy },
      { stage: 'final', decision: 'approve', reviewer_id: ids.leader },
    ]);
    const published = await audits('publishing.publish', id);
    expect(published).toHaveLength(1);
    expect(JSON.parse(published[0]?.details ?? '{}')).toMatchObject({
      stage: 'final',
      indexNumber: `${USCC}/${year}-00001`,
      publishedOn: row.published_on,
    });
    expect((await audits('publishing.approve', id)).map((entry) => entry.actor_name)).toEqual([
      'pub-first',
      'pub-second',
      'pub-secrecy',
    ]);
  });

  it('refuses a stage out of order and a second stage by the same reviewer, and nothing is published', async () => {
    const id = await create(district);
    await act('editor', id, '/submit');
    const skipped = await decision('leader', id, 'final');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.body).toContain('当前待办环节为初审，不能作出终审决定');
    expect((await decision('editor', id, 'first')).statusCode).toBe(404);
    expect((await decision('first', id, 'first')).statusCode).toBe(303);
    const twice = await decision('first', id, 'second');
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('同一人不能通过同一信息的两个审核环节');
    expect((await decision('second', id, 'final')).statusCode).toBe(409);
    const row = await itemRow(id);
    expect(row.status).toBe('in_review');
    expect(row.index_number).toBeNull();
    expect(row.published_on).toBeNull();
    expect((await publicPage(`/disclosure/items/${id}`)).statusCode).toBe(404);
  });

  it('assigns the pending stage to one reviewer, who alone may decide it', async () => {
    const id = await create(district);
    await act('editor', id, '/submit');
    const leaderForFirst = await act('supervisor', id, '/assign', { reviewerId: String(ids.leader) });
    expect(leaderForFirst.statusCode).toBe(400);
    expect(leaderForFirst.body).toContain('请选择可以作出初审决定的审核人');
    expect((await act('supervisor', id, '/assign', { reviewerId: String(ids.second) })).statusCode).toBe(303);
    expect((await itemRow(id)).assignee_id).toBe(ids.second);
    const other = await decision('first', id, 'first');
    expect(other.statusCode).toBe(422);
    expect(other.body).toContain('该环节已分配给其他审核人');
    const firstQueue = await staffPage('first', '/admin/publishing');
    expect(queueOf(firstQueue.body)).not.toContain(id);
    expect(queueOf((await staffPage('second', '/admin/publishing')).body)).toContain(id);
    expect((await decision('second', id, 'first')).statusCode).toBe(303);
    const row = await itemRow(id);
    expect(row.assignee_id).toBeNull();
    expect(JSON.parse((await audits('publishing.assign', id))[0]?.details ?? '{}')).toEqual({
      stage: 'first',
      reviewerId: ids.second,
    });
  });

  it('returns an item to the editor only with a comment, and a new submission starts the chain again', async () => {
    const id = await create(district);
    await act('editor', id, '/submit');
    await decision('first', id, 'first');
    const silent = await decision('second', id, 'second', 'return');
    expect(silent.statusCode).toBe(400);
    expect(silent.body).toContain('退回修改须填写审核意见');
    expect((await decision('second', id, 'second', 'return', '预算表数字与附件不一致')).statusCode).toBe(303);
    expect((await itemRow(id)).status).toBe('returned');
    const workspace = await staffPage('editor', `/admin/publishing/items/${id}`);
    expect(workspace.body).toContain('预算表数字与附件不一致');
    expect(
      (await audits('publishing.return', id)).map((entry) => JSON.parse(entry.details) as unknown),
    ).toEqual([{ round: 1, stage: 'second', comment: '预算表数字与附件不一致' }]);

    expect(
      (await act('editor', id, '', { ...ITEM, title: '甲区2026年部门预算公开说明（修订）' })).statusCode,
    ).toBe(303);
    expect((await act('editor', id, '/submit')).statusCode).toBe(303);
    expect((await itemRow(id)).round).toBe(2);
    // The first stage's approval of round 1 does not count: 初审 again.
    expect((await decision('second', id, 'second')).statusCode).toBe(409);
    await passChain(id);
    expect((await itemRow(id)).title).toBe('甲区2026年部门预算公开说明（修订）');
  });

  it('blocks the final approval until every error finding is fixed or overridden with a reason', async () => {
    const idNumber = residentId('11010519800101123');
    const body = `经核查，当事人身份证号码${idNumber}，情况属实。`;
    const findings = runChecks(body).filter((finding) => finding.severity === 'error');
    expect(findings.map((finding) => finding.text)).toContain(idNumber);
    const id = await create(district, { body });
    await act('editor', id, '/submit');
    for (const [who, stage] of [
      ['first', 'first'],
      ['second', 'second'],
      ['secrecy', 'secrecy'],
    ] as const) {
      expect((await decision(who, id, stage)).statusCode).toBe(303);
    }
    const workspace = await staffPage('leader', `/admin/publishing/items/${id}`);
    expect(workspace.body).toContain('data-testid="findings"');
    expect(workspace.body).toContain(idNumber);
    const refused = await decision('leader', id, 'final');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('尚未修改或说明理由');
    expect((await itemRow(id)).status).toBe('in_review');

    const keys = [...new Set(findings.map((finding) => `body:${finding.category}:${finding.text}`))];
    expect((await act('leader', id, '/override', { key: keys[0] ?? '', reason: '' })).statusCode).toBe(400);
    for (const key of keys) {
      const response = await act('leader', id, '/override', {
        key,
        reason: '当事人同意公开，已附书面同意书',
      });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    }
    expect((await decision('leader', id, 'final')).statusCode).toBe(303);
    expect((await itemRow(id)).status).toBe('published');
    expect((await audits('publishing.override', id)).length).toBe(keys.length);
  });

  it('refuses to publish for a unit without a credit code and takes no serial', async () => {
    const id = await create(nocode);
    await act('editor', id, '/submit');
    for (const [who, stage] of [
      ['first', 'first'],
      ['second', 'second'],
      ['secrecy', 'secrecy'],
    ] as const) {
      await decision(who, id, stage);
    }
    const refused = await decision('leader', id, 'final');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('本单位未登记统一社会信用代码，无法生成索引号，不能发布');
    const row = await itemRow(id);
    expect(row.status).toBe('in_review');
    expect(row.index_number).toBeNull();
    const counters = await context.database.db
      .selectFrom('publishing_counters')
      .select('last')
      .where('unit_id', '=', nocode.id)
      .execute();
    expect(counters).toEqual([]);
  });

  it('gives concurrent publications distinct, consecutive serials', async () => {
    const actorOf = (name: string, role: Role) =>
      scopeOf(context, staff([[role, district]], ids[name], `pub-${name}`));
    const editor = actorOf('editor', 'editor');
    const made: number[] = [];
    for (let n = 0; n < 6; n += 1) {
      const id = await createItem(editor, district.id, { ...ITEM, title: `并发发布${n}` });
      await submitForReview(editor, id);
      await decideReview(actorOf('first', 'reviewer'), id, { stage: 'first', decision: 'approve' });
      await decideReview(actorOf('second', 'reviewer'), id, { stage: 'second', decision: 'approve' });
      await decideReview(actorOf('secrecy', 'reviewer'), id, { stage: 'secrecy', decision: 'approve' });
      made.push(id);
    }
    const before = await context.database.db
      .selectFrom('publishing_counters')
      .select('last')
      .where('unit_id', '=', district.id)
      .executeTakeFirstOrThrow();
    const results = await Promise.all(
      made.map((id) =>
        decideReview(actorOf('leader', 'leader'), id, { stage: 'final', decision: 'approve' }),
      ),
    );
    const numbers = results.map((result) => (result.kind === 'published' ? result.indexNumber : ''));
    expect(new Set(numbers).size).toBe(6);
    const serials = numbers.map((number) => Number(number.slice(-5))).sort((a, b) => a - b);
    expect(serials).toEqual([1, 2, 3, 4, 5, 6].map((n) => before.last + n));
  });

  it('pages the catalogue by keyset, newest publication first', async () => {
    const unit = await addUnit(operatorScope(context), {
      parentId: district.id,
      name: '甲区统计局',
      kind: 'department',
      uscc: USCC_2,
    });
    // A unit with a short chain (保密审查 only) so that 21 publications are quick to make.
    const target = unit;
    const supervisor = scopeOf(context, staff([['supervisor', district]], ids.supervisor, 'pub-supervisor'));
    await setReviewChain(supervisor, target.id, ['secrecy']);
    const editor = scopeOf(context, staff([['editor', district]], ids.editor, 'pub-editor'));
    const reviewer = scopeOf(context, staff([['reviewer', district]], ids.first, 'pub-first'));
    const made: number[] = [];
    for (let n = 0; n < 21; n += 1) {
      const id = await createItem(editor, target.id, { ...ITEM, subColumn: 'rules', title: `制度${n}` });
      await submitForReview(editor, id);
      await decideReview(reviewer, id, { stage: 'secrecy', decision: 'approve' });
      made.push(id);
    }
    const first = await publicPage(`/disclosure/units/${target.id}/rules`);
    const shown = (body: string) =>
      [...body.matchAll(/<tr data-item="(\d+)">/g)].map((match) => Number(match[1]));
    expect(shown(first.body)).toEqual([...made].reverse().slice(0, 20));
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(next).toMatch(/after=\d{4}-\d+$/);
    const second = await publicPage(next);
    expect(shown(second.body)).toEqual([made[0]]);
    expect(second.body).not.toContain('rel="next"');
    const year = Number(chinaDate(new Date()).slice(0, 4));
    const ofYear = await publicPage(`/disclosure/units/${target.id}/rules?year=${year}`);
    expect(shown(ofYear.body)).toHaveLength(20);
    const otherYear = await publicPage(`/disclosure/units/${target.id}/rules?year=1999`);
    expect(shown(otherYear.body)).toEqual([]);
  });

  it('withdraws a published item from the public side, with the reason audited', async () => {
    const id = await create(district);
    await act('editor', id, '/submit');
    await passChain(id);
    expect((await publicPage(`/disclosure/items/${id}`)).statusCode).toBe(200);
    expect((await act('editor', id, '/withdraw', { reason: '' })).statusCode).toBe(400);
    expect((await act('supervisor', id, '/withdraw', { reason: '文件已被新文件替代' })).statusCode).toBe(303);
    expect((await publicPage(`/disclosure/items/${id}`)).statusCode).toBe(404);
    const catalogue = await publicPage(`/disclosure/units/${district.id}/statutory`);
    expect(catalogue.body).not.toContain(`data-item="${id}"`);
    expect((await act('supervisor', id, '/withdraw', { reason: '再次撤回' })).statusCode).toBe(409);
    const row = await itemRow(id);
    expect(row.status).toBe('withdrawn');
    expect(row.withdrawn_reason).toBe('文件已被新文件替代');
    expect(JSON.parse((await audits('publishing.withdraw', id))[0]?.details ?? '{}')).toMatchObject({
      reason: '文件已被新文件替代',
      withdrawnOn: today(),
    });
  });

  it('corrects a published item: the old version is kept, 更正于 shows for a material change, dates stay', async () => {
    const id = await create(district);
    await act('editor', id, '/submit');
    await passChain(id);
    const published = await itemRow(id);

    const minor = await act('editor', id, '/correct', {
      ...ITEM,
      keywords: '预算 财政 部门',
      reason: '补充关键词',
      publishedOn: '2019-05-01',
    });
    expect(minor.statusCode, minor.body.slice(0, 300)).toBe(303);
    expect((await publicPage(`/disclosure/items/${id}`)).body).not.toContain('更正于');

    const material = await act('editor', id, '/correct', {
      ...ITEM,
      keywords: '预算 财政 部门',
      title: '甲区2026年部门预算公开说明（更正）',
      reason: '标题年份有误',
      material: '1',
    });
    expect(material.statusCode).toBe(303);
    const row = await itemRow(id);
    expect(row.version).toBe(3);
    expect(row.index_number).toBe(published.index_number);
    expect(row.published_on).toBe(published.published_on);
    expect(row.corrected_on).toBe(today());
    const page = await publicPage(`/disclosure/items/${id}`);
    expect(page.body).toContain('甲区2026年部门预算公开说明（更正）');
    expect(page.body).toContain(`<span data-testid="corrected-on">更正于 ${Number(today().slice(0, 4))}年`);
    const versions = await context.database.db
      .selectFrom('publishing_versions')
      .select(['version', 'content', 'reason', 'material'])
      .where('item_id', '=', id)
      .orderBy('version')
      .execute();
    expect(
      versions.map((version) => [
        version.version,
        (JSON.parse(version.content) as { title: string }).title,
        version.reason,
        version.material,
      ]),
    ).toEqual([
      [1, ITEM.title, '补充关键词', 0],
      [2, ITEM.title, '标题年份有误', 1],
    ]);
    expect(
      (await audits('publishing.correct', id)).map(
        (entry) => (JSON.parse(entry.details) as { material: boolean }).material,
      ),
    ).toEqual([false, true]);
    expect((await act('editor', id, '', ITEM)).statusCode).toBe(409);
    const unexplained = await act('editor', id, '/correct', { ...ITEM, title: '未说明原因的更正' });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.body).toContain('data-testid="form-error" data-field="reason"');
    expect(unexplained.body).toContain('value="未说明原因的更正"');
    expect((await itemRow(id)).title).toBe('甲区2026年部门预算公开说明（更正）');
  });

  it('lets the disclosure office configure the chain (保密审查 always in it) and units add sub-categories', async () => {
    const supervisor = scopeOf(context, staff([['supervisor', district]], ids.supervisor, 'pub-supervisor'));
    const editor = scopeOf(context, staff([['editor', district]], ids.editor, 'pub-editor'));
    await expect(setReviewChain(supervisor, district.id, ['first', 'final'])).rejects.toThrow(
      /必须包含保密审查/,
    );
    await expect(setReviewChain(editor, district.id, ['secrecy'])).rejects.toThrow('未找到该单位');

    const sub = await addSubcategory(editor, district.id, { parentCode: 'a20-07', name: '部门预算' });
    await expect(
      addSubcategory(editor, district.id, { parentCode: 'a20-07', name: '部门预算' }),
    ).rejects.toThrow('该类别下已有名为“部门预算”的子类别');
    await expect(addSubcategory(editor, district.id, { parentCode: 'a99-01', name: 'x' })).rejects.toThrow(
      '请选择法定主动公开类别',
    );
    const id = await create(district, { subcategoryId: String(sub) });
    expect((await itemRow(id)).subcategory_id).toBe(sub);
    const wrong = await postAs(
      app,
      people.editor as SignedIn,
      `/admin/publishing/units/${district.id}/items`,
      {
        ...ITEM,
        categoryCode: 'a20-01',
        subcategoryId: String(sub),
      },
    );
    expect(wrong.statusCode).toBe(400);
    // The refused form comes back as typed, with the message beside it.
    expect(wrong.body).toContain('data-testid="form-error" data-field="subcategoryId"');
    expect(wrong.body).toContain(`value="${ITEM.title}"`);
    expect(wrong.body).toContain('<option value="a20-01" selected>');
  });
});
