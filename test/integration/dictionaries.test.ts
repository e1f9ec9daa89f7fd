// The deployment's check dictionaries through HTTP: seeded from the shipped sample on first use; entries
// added, edited and deleted with the version bumped and each change audited; the filter; CSV import
// refused as a whole with its row errors named, previewed and then confirmed; export read back
// unchanged; and the policy (only system administrators of a top-level unit).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DICTIONARY } from '../../src/core/checks/index.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { loadDictionaries } from '../../src/features/checks/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { multipartBody } from '../support/multipart.ts';
import { postAs, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';

describe(`check dictionaries through HTTP on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  let city: Unit;
  let admin: SignedIn;
  let districtAdmin: SignedIn;

  const get = (who: SignedIn, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const upload = (who: SignedIn, url: string, parts: Parameters<typeof multipartBody>[0]) => {
    const { body, contentType } = multipartBody(parts);
    return app.inject({
      method: 'POST',
      url: `${url}?_csrf=${encodeURIComponent(who.csrf)}`,
      headers: { cookie: who.cookie, 'content-type': contentType },
      payload: body,
    });
  };
  const csvFile = (text: string) => ({ name: 'file', fileName: 'dict.csv', data: Buffer.from(text, 'utf8') });
  const version = async () =>
    (await context.database.db.selectFrom('dictionary_state').select('version').executeTakeFirstOrThrow())
      .version;
  const terms = async () =>
    (
      await context.database.db
        .selectFrom('dictionary_entries')
        .select(['term', 'category', 'severity', 'suggestion', 'note'])
        .orderBy('id')
        .execute()
    ).map((row) => [row.term, row.category, row.severity, row.suggestion, row.note]);
  const audits = () =>
    context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'object_id', 'details'])
      .where('action', 'like', 'dictionary.%')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' });
    const district = await addUnit(operator, { parentId: city.id, name: '甲区人民政府', kind: 'county' });
    for (const [username, unit] of [
      ['dict-admin', city],
      ['district-admin', district],
    ] as const) {
      await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ unitId: unit.id, role: 'system-admin' }],
      });
    }
    admin = await signInOverHttp(app, 'dict-admin', PASSWORD);
    districtAdmin = await signInOverHttp(app, 'district-admin', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('answers 404 to a system administrator below the top level, on every page and act', async () => {
    expect((await get(districtAdmin, '/admin/dictionaries')).statusCode).toBe(404);
    expect((await get(districtAdmin, '/admin/dictionaries/export.csv')).statusCode).toBe(404);
    const add = await postAs(app, districtAdmin, '/admin/dictionaries/entries', { term: '', category: 'x' });
    expect(add.statusCode).toBe(404);
    const imported = await upload(districtAdmin, '/admin/dictionaries/import', [
      csvFile('词条,类别\n甲,错别字\n'),
    ]);
    expect(imported.statusCode).toBe(404);
    // Nothing was seeded by the refused requests.
    expect(await context.database.db.selectFrom('dictionary_state').selectAll().execute()).toEqual([]);
  });

  it('seeds the dictionaries from the shipped sample on first use, saying so', async () => {
    const page = await get(admin, '/admin/dictionaries');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="seeded-note"');
    expect(page.body).toContain('当前为第 1 版');
    expect(page.body).toContain('南朝鲜');
    expect(await version()).toBe(1);
    expect((await terms()).length).toBe(SAMPLE_DICTIONARY.entries.length);
    const seeded = await audits();
    expect(seeded.map((entry) => [entry.action, entry.actor_name])).toEqual([['dictionary.seed', null]]);
    const loaded = await loadDictionaries(context.database.db);
    expect(loaded[0]?.entries).toEqual(SAMPLE_DICTIONARY.entries);
    // Cached by version: the same array while the version stands.
    expect(await loadDictionaries(context.database.db)).toBe(loaded);
  });

  it('adds, edits and deletes an entry, bumping the version and auditing each change', async () => {
    const before = await loadDictionaries(context.database.db);
    const added = await postAs(app, admin, '/admin/dictionaries/entries', {
      term: '测试禁用词',
      category: 'sensitive',
      severity: '',
      note: '本地禁用',
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('已添加，词库更新为第 2 版。');
    const [row] = await context.database.db
      .selectFrom('dictionary_entries')
      .select(['id', 'severity'])
      .where('term', '=', '测试禁用词')
      .execute();
    expect(row?.severity).toBe('error');
    const id = row?.id ?? 0;
    const after = await loadDictionaries(context.database.db);
    expect(after).not.toBe(before);
    expect(after[0]?.entries.at(-1)).toEqual({
      term: '测试禁用词',
      category: 'sensitive',
      severity: 'error',
      note: '本地禁用',
    });

    const duplicate = await postAs(app, admin, '/admin/dictionaries/entries', {
      term: '测试禁用词',
      category: 'sensitive',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('data-field="term"');
    expect(duplicate.body).toContain('该类别下已有词条“测试禁用词”');
    const badCategory = await postAs(app, admin, '/admin/dictionaries/entries', {
      term: '另一个词',
      category: '其他',
    });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.body).toContain('data-field="category"');
    expect(badCategory.body).toContain('value="另一个词"');
    expect(await version()).toBe(2);

    const form = await get(admin, `/admin/dictionaries/entries/${id}`);
    expect(form.body).toContain('value="测试禁用词"');
    const edited = await postAs(app, admin, `/admin/dictionaries/entries/${id}`, {
      term: '测试禁用词',
      category: 'sensitive',
      severity: 'warning',
      suggestion: '',
      note: '改为提示',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.body).toContain('已保存，词库更新为第 3 版。');
    const refusedEdit = await postAs(app, admin, `/admin/dictionaries/entries/${id}`, {
      term: '',
      category: 'sensitive',
    });
    expect(refusedEdit.statusCode).toBe(400);
    expect(refusedEdit.body).toContain('词条不能为空');

    const deleted = await postAs(app, admin, `/admin/dictionaries/entries/${id}/delete`, {});
    expect(deleted.body).toContain('已删除，词库更新为第 4 版。');
    expect((await postAs(app, admin, `/admin/dictionaries/entries/${id}/delete`, {})).statusCode).toBe(404);
    expect(await version()).toBe(4);

    const trail = (await audits()).slice(1);
    expect(trail.map((entry) => [entry.action, entry.actor_name, entry.object_id])).toEqual([
      ['dictionary.add', 'dict-admin', String(id)],
      ['dictionary.update', 'dict-admin', String(id)],
      ['dictionary.delete', 'dict-admin', String(id)],
    ]);
    const details = trail.map((entry) =>
      typeof entry.details === 'string' ? (JSON.parse(entry.details) as unknown) : entry.details,
    ) as Record<string, unknown>[];
    expect(details[1]).toEqual({
      version: 3,
      before: { term: '测试禁用词', category: 'sensitive', severity: 'error', note: '本地禁用' },
      after: { term: '测试禁用词', category: 'sensitive', severity: 'warning', note: '改为提示' },
    });
  });

  it('filters the list by category, severity and text', async () => {
    const typos = await get(admin, '/admin/dictionaries?category=typo');
    const rows = [...typos.body.matchAll(/<tr data-entry="\d+">/g)].length;
    expect(rows).toBe(SAMPLE_DICTIONARY.entries.filter((entry) => entry.category === 'typo').length);
    expect(typos.body).not.toContain('南朝鲜');
    const found = await get(admin, `/admin/dictionaries?q=${encodeURIComponent('朝鲜')}&severity=error`);
    expect([...found.body.matchAll(/<tr data-entry="\d+">/g)].length).toBe(2);
  });

  it('refuses a file with errors as a whole, naming each row and column', async () => {
    const before = await terms();
    const response = await upload(admin, '/admin/dictionaries/import', [
      csvFile('词条,类别,级别\n甲词,错别字,提示\n乙词,不存在的类别,\n,错别字,\n丙词,敏感词,严重\n'),
    ]);
    expect(response.statusCode).toBe(400);
    const problems = /<ul data-testid="import-problems">(.*?)<\/ul>/s.exec(response.body)?.[1] ?? '';
    expect([...problems.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1])).toEqual([
      expect.stringMatching(/^第 3 行“类别”列：类别“不存在的类别”无法识别/),
      '第 4 行“词条”列：词条不能为空',
      expect.stringMatching(/^第 5 行“级别”列：级别“严重”无法识别/),
    ]);
    expect(response.body).not.toContain('确认导入');
    const repeated = await upload(admin, '/admin/dictionaries/import', [
      csvFile('词条,类别\n甲词,错别字\n甲词,错别字\n'),
    ]);
    expect(repeated.statusCode).toBe(400);
    expect(repeated.body).toContain('词条“甲词”在类别“错别字”中出现了不止一次');
    const noFile = await upload(admin, '/admin/dictionaries/import', [{ name: 'other', value: 'x' }]);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('请选择要导入的 CSV 文件');
    expect(await terms()).toEqual(before);
    expect(await version()).toBe(4);
  });

  it('previews an import, refuses a stale confirmation and replaces the dictionary on confirmation', async () => {
    const csv = '词条,类别,级别,建议,说明\n南朝鲜,规范表述,错误,韩国,\n帐号,错别字,提示,账号,本地\n';
    const preview = await upload(admin, '/admin/dictionaries/import', [csvFile(csv)]);
    expect(preview.statusCode).toBe(200);
    const kept = SAMPLE_DICTIONARY.entries.length - 1;
    expect(preview.body).toContain(`新增 1 个，删除 ${kept} 个，修改 1 个，`);
    expect(preview.body).toContain('确认导入');
    const previewed = /name="version" value="(\d+)"/.exec(preview.body)?.[1] ?? '';
    expect(previewed).toBe('4');
    const confirm = (versionField: string) =>
      upload(admin, '/admin/dictionaries/import/confirm', [
        { name: 'version', value: versionField },
        { name: 'fileName', value: 'dict.csv' },
        { name: 'csv', value: csv },
      ]);
    const stale = await confirm('3');
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('预览之后词库已被修改');
    expect(await version()).toBe(4);

    const done = await confirm(previewed);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`已导入，词库更新为第 5 版：新增 1 个，删除 ${kept} 个，修改 1 个词条。`);
    expect(await terms()).toEqual([
      ['南朝鲜', 'political_wording', 'error', '韩国', null],
      ['帐号', 'typo', 'warning', '账号', '本地'],
    ]);
    const last = (await audits()).at(-1);
    expect(last?.action).toBe('dictionary.import');
    const details = (typeof last?.details === 'string' ? JSON.parse(last.details) : last?.details) as unknown;
    expect(details).toEqual({
      version: 5,
      added: 1,
      removed: kept,
      changed: 1,
      fileName: 'dict.csv',
      entries: 2,
    });
  });

  it('exports the dictionary as CSV that imports back without a change', async () => {
    const exported = await get(admin, '/admin/dictionaries/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.body).toBe(
      '\uFEFF词条,类别,级别,建议,说明\r\n南朝鲜,规范表述,错误,韩国,\r\n帐号,错别字,提示,账号,本地\r\n',
    );
    const preview = await upload(admin, '/admin/dictionaries/import', [
      { name: 'file', fileName: 'back.csv', data: exported.rawPayload },
    ]);
    expect(preview.body).toContain('新增 0 个，删除 0 个，修改 0 个，');
    expect(preview.body).toContain('不变 2 个');
  });
});
