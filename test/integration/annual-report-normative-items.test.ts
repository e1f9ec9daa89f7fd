// Table 二 (一) counts the normative documents published through the platform beside the register: 规章 and
// 行政规范性文件 items of the Art. 20(1) column, dated by 成文日期 and their 失效或废止日期; other genres of the
// column are not counted, and an item whose 发文字号 is in the register is that register entry, counted once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { compileAnnualReport } from '../../src/features/annual-report/compile.ts';
import { lockYear, unlockYear } from '../../src/features/annual-report/lock.ts';
import { correctItem, withdrawItem } from '../../src/features/publishing/published-changes.ts';
import { decideReview, setReviewChain, submitForReview } from '../../src/features/publishing/review.ts';
import { createItem } from '../../src/features/publishing/service.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { saveDocument } from '../../src/features/records/service.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
const uscc = (base: string) => `${base}${computeUsccCheckCharacter(base) ?? ''}`;

describe(`normative documents published as items in table 二 (一) on ${testDialect}`, () => {
  let context: TestContext;
  let district: Unit;
  const ids: Record<string, number> = {};

  const as = (role: 'editor' | 'reviewer' | 'supervisor') =>
    scopeOf(context, staff([[role, district]], ids[role], role));
  const fieldsOf: Record<string, Record<string, string>> = {};
  const BASE = {
    categoryCode: 'a20-01',
    summary: '文件全文',
    body: '第一条 为规范本区工作，制定本办法。',
    keywords: '规范性文件',
  };

  async function publish(name: string, fields: Record<string, string>): Promise<void> {
    fieldsOf[name] = { ...BASE, ...fields };
    const id = await createItem(as('editor'), district.id, { ...BASE, ...fields });
    await submitForReview(as('editor'), id);
    await decideReview(as('reviewer'), id, { stage: 'secrecy', decision: 'approve' });
    ids[name] = id;
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    district = await addUnit(operator, {
      parentId: null,
      name: '丁区人民政府',
      kind: 'county',
      uscc: uscc('11210105000000021'),
    });
    for (const role of ['editor', 'reviewer', 'supervisor'] as const) {
      const user = await createUser(operator, {
        username: `${role}.normative`,
        displayName: role,
        password: PASSWORD,
        grants: [{ unitId: district.id, role }],
      });
      ids[role] = user.id;
    }
    await setReviewChain(
      scopeOf(context, staff([['supervisor', district]], ids.supervisor, 'supervisor')),
      district.id,
      ['secrecy'],
    );
    ids.registered = await saveDocument(operator, district.id, null, {
      kind: 'normative',
      title: '丁区政府信息公开工作规范',
      documentNumber: '丁政发〔2023〕2号',
      issuingUnit: '丁区人民政府',
      issuedOn: '2023-02-01',
    });
    // Issued in 2023 and in force.
    await publish('issued', {
      title: '丁区老旧小区改造管理办法',
      genre: '行政规范性文件',
      documentNumber: '丁政发〔2023〕5号',
      writtenOn: '2023-03-01',
      validity: 'valid',
      effectiveOn: '2023-04-01',
    });
    // A 规章 of 2021 repealed in 2023.
    await publish('repealed', {
      title: '丁区市容管理规定',
      genre: '规章',
      documentNumber: '丁政令〔2021〕1号',
      writtenOn: '2021-05-01',
      validity: 'repealed',
      effectiveOn: '2021-06-01',
      invalidOn: '2023-06-30',
    });
    // The register's document, also published: counted once, under the register.
    await publish('duplicate', {
      title: '丁区政府信息公开工作规范',
      genre: '行政规范性文件',
      documentNumber: '丁政发 〔2023〕 2号',
      writtenOn: '2023-02-01',
      validity: 'valid',
    });
    // A notice in the same column is not a normative document.
    await publish('notice', {
      title: '关于征求意见的通知',
      genre: '通知',
      documentNumber: '丁政办〔2023〕9号',
      writtenOn: '2023-05-01',
    });
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('counts the items with the register, each document once, with its ids behind the numbers', async () => {
    const compiled = await compileAnnualReport(operatorScope(context), { unitId: district.id, year: 2023 });
    const block = compiled.report.table2['第二十条第（一）项'];
    const value = (kind: string, column: string) => block?.[kind]?.[column];
    expect(value('规章', '本年制发件数')).toBe(0);
    expect(value('规章', '本年废止件数')).toBe(1);
    expect(value('规章', '现行有效件数')).toBe(0);
    expect(value('行政规范性文件', '本年制发件数')).toBe(2);
    expect(value('行政规范性文件', '本年废止件数')).toBe(0);
    expect(value('行政规范性文件', '现行有效件数')).toBe(2);
    expect(JSON.stringify(compiled.sources.normative)).toContain(`"item:${ids.issued ?? 0}"`);
    expect(JSON.stringify(compiled.sources.normative)).toContain(`"item:${ids.repealed ?? 0}"`);
    expect(JSON.stringify(compiled.sources.normative)).toContain(`"document:${ids.registered ?? 0}"`);
    expect(JSON.stringify(compiled.sources.normative)).not.toContain(`"item:${ids.duplicate ?? 0}"`);
    expect(JSON.stringify(compiled.sources.normative)).not.toContain(`"item:${ids.notice ?? 0}"`);

    // 2021: the 规章 was issued and in force.
    const earlier = await compileAnnualReport(operatorScope(context), { unitId: district.id, year: 2021 });
    const rules = earlier.report.table2['第二十条第（一）项']?.['规章'];
    expect(rules?.['本年制发件数']).toBe(1);
    expect(rules?.['现行有效件数']).toBe(1);
  });

  it('holds the items a locked report counts: a correction of how one counts, or its withdrawal, waits for an unlock', async () => {
    await inTransaction(context.database.db, (trx) =>
      lockYear(
        trx,
        context.database.dialect,
        operatorScope(context),
        { unitId: district.id, year: 2023, version: 1 },
        new Date(),
      ),
    );
    const correct = (name: string, fields: Record<string, string>) =>
      correctItem(as('editor'), ids[name] ?? 0, {
        ...fieldsOf[name],
        ...fields,
        reason: '更正',
        material: '1',
      });
    const refused = /2023年政府信息公开工作年度报告已发布，该年度已锁定/;
    // The 规章 counted 2021–2023: a new repeal date would change 2023's 本年废止件数.
    await expect(correct('repealed', { invalidOn: '2024-01-31' })).rejects.toThrow(refused);
    await expect(correct('issued', { genre: '通知' })).rejects.toThrow(refused);
    await expect(withdrawItem(as('editor'), ids.issued ?? 0, { reason: '重复发布' })).rejects.toThrow(
      refused,
    );
    // Nothing table 二 (一) reads: the title of a counted item, anything of a notice.
    await correct('issued', { title: '丁区老旧小区改造管理办法（修订）' });
    await correct('notice', { title: '关于再次征求意见的通知' });
    await withdrawItem(as('editor'), ids.notice ?? 0, { reason: '已过期' });

    await unlockYear(as('supervisor'), { unitId: district.id, year: 2023, reason: '更正废止日期' });
    await correct('repealed', { invalidOn: '2024-01-31' });
    const compiled = await compileAnnualReport(operatorScope(context), { unitId: district.id, year: 2023 });
    expect(compiled.report.table2['第二十条第（一）项']?.['规章']?.['本年废止件数']).toBe(0);
  });
});
