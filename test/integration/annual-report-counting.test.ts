// Counting edge cases of the compiled annual report (annual-report.md, "Counting rules"), with
// applications submitted, routed and decided through the services on fixed days of 2023–2025: the China
// midnight between 31 December and 1 January, an application carried over twice, 转办 within a year and
// across a year boundary (and back again), 区分处理 counted once under （二）, the cross-checks of every
// compiled year, and 上年结转 of each year equal to 结转下年度 of the year before.
//
// Reading of the spec where it is silent: an application counts in the unit that held it in the year —
// the unit that decided it when it closed in the year, else the unit holding it on 31 December. So a
// transfer in a later year leaves the reports of earlier years unchanged (they may be published and
// locked), and an application transferred between two units across a year boundary shows in the first
// unit's 结转下年度 and in the second unit's 上年结转 of the next year: each unit's report passes every hard
// cross-check, only the year-to-year comparison (warning 7) of the two units differs, while the
// consolidated report of the government above both stays consistent.
//
// Reopening: the platform has no way to reopen a decided application (nothing sets a closed application
// open again; every handling step refuses a closed one), so nothing is tested for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { T3, table3Keys } from '../../src/core/report/format.ts';
import { compileAnnualReport, type CompiledReport } from '../../src/features/annual-report/compile.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import {
  decideApplication,
  returnApplication,
  transferApplication,
} from '../../src/features/applications/workflow.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

const USCC_17 = '91210105000000002';
const USCC = `${USCC_17}${computeUsccCheckCharacter(USCC_17) ?? ''}`;

/** Noon in China on a given day. */
const at = (date: string) => new Date(`${date}T04:00:00Z`);
const YEARS = [2023, 2024, 2025] as const;
const OUTCOME_KEYS = table3Keys('2021').filter(
  (key) => ![T3.received, T3.carriedIn, T3.total, T3.carriedOut].includes(key as never),
);

/** The rows of table 三 that are not all zero (every other row is zero). */
function nonZero(compiled: CompiledReport): Record<string, (number | null)[]> {
  return Object.fromEntries(
    Object.entries(compiled.report.table3).filter(([, cells]) => cells.some((cell) => cell !== 0)),
  );
}

describe(`annual report counting edge cases on ${testDialect}`, () => {
  let context: TestContext;
  let district: Unit;
  let education: Unit;
  let health: Unit;
  const ids: Record<string, number> = {};
  let educationBeforeTransfer: CompiledReport;

  async function submit(name: string, unit: Unit, now: Date, organisation?: string): Promise<void> {
    const form = {
      unitId: String(unit.id),
      applicantKind: organisation === undefined ? 'person' : 'organisation',
      applicantName: organisation === undefined ? '申请人' : '示例单位',
      ...(organisation === undefined
        ? { idType: 'passport', idNumber: 'E12345678' }
        : { applicantType: organisation, orgUscc: USCC, contactName: '联系人' }),
      phone: '13912345678',
      description: `申请 ${name} 所需的信息`,
      provisionForm: 'electronic',
      obtainWay: 'collect',
    };
    ids[name] = (await submitOnlineApplication({ context, address: '127.0.0.1' }, form, now)).id;
  }

  async function decide(name: string, date: string, outcome: string, details: Record<string, string> = {}) {
    await decideApplication(operatorScope(context), ids[name] ?? 0, { outcome, ...details }, at(date));
  }

  async function transfer(name: string, to: Unit, date: string): Promise<void> {
    await transferApplication(
      operatorScope(context),
      ids[name] ?? 0,
      { toUnitId: String(to.id), reason: '所申请信息由该单位制作' },
      at(date),
    );
  }

  const compile = (unit: Unit, year: number, includeSubunits = false) =>
    compileAnnualReport(operatorScope(context), { unitId: unit.id, year, includeSubunits });

  beforeAll(async () => {
    context = await createTestContext();
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '皇姑区人民政府', kind: 'county' });
    education = await addUnit(operator, { parentId: district.id, name: '皇姑区教育局', kind: 'department' });
    health = await addUnit(operator, { parentId: district.id, name: '皇姑区卫生健康局', kind: 'department' });

    // One minute before midnight in China on 31 December 2023 (a Sunday), and midnight itself.
    await submit('lastDay', district, new Date('2023-12-31T15:59:00Z'));
    await submit('firstDay', district, new Date('2023-12-31T16:00:00Z'));
    // Received in 2023, open all through 2024, decided in 2025.
    await submit('twice', district, at('2023-06-01'), '商业企业');
    await decide('lastDay', '2024-01-10', 'public-provided', { provided: '已提供文件电子版' });
    await decide('firstDay', '2024-01-15', 'not-handled-repeated', { note: '与此前申请内容相同' });
    // 区分处理: part provided, part withheld for a third party's rights.
    await submit('partial', district, at('2024-03-04'), '科研机构');
    await decide('partial', '2024-03-20', 'partial', {
      provided: '第一部分',
      withheld: '第二部分',
      withheldReason: '涉及第三方商业秘密',
    });
    // 转办 within 2024.
    await submit('moved', education, at('2024-05-06'));
    await transfer('moved', health, '2024-05-08');
    await decide('moved', '2024-05-20', 'public-provided', { provided: '已提供名单' });
    // Received by the education bureau late in 2024, transferred to health in 2025 and decided there.
    await submit('movedOver', education, at('2024-12-23'));
    educationBeforeTransfer = await compile(education, 2024);
    await transfer('movedOver', health, '2025-01-06');
    await decide('movedOver', '2025-01-20', 'withheld-internal-affairs', {
      withheld: '内部人事安排',
      withheldReason: '属于人事管理内部事务信息',
    });
    // Transferred to health and returned as mis-routed, decided by education.
    await submit('returned', education, at('2025-03-03'));
    await transfer('returned', health, '2025-03-04');
    await returnApplication(operator, ids.returned ?? 0, { reason: '不属于本单位职责' }, at('2025-03-05'));
    await decide('returned', '2025-03-10', 'public-already', { provided: '已在政府网站公开' });
    await decide('twice', '2025-02-10', 'unavailable-not-exist');
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('count 31 December in the old year and 1 January in the new one, by the time in China', async () => {
    const [y2023, y2024] = [await compile(district, 2023), await compile(district, 2024)];
    expect(y2023.sources.table3[T3.received]?.[6]).toEqual([ids.lastDay, ids.twice]);
    expect(y2023.sources.table3[T3.carriedOut]?.[6]).toEqual([ids.lastDay, ids.twice]);
    expect(y2024.sources.table3[T3.received]?.[6]).toEqual([ids.firstDay, ids.partial]);
    expect(y2024.sources.table3[T3.carriedIn]?.[6]).toEqual([ids.lastDay, ids.twice]);
    expect(y2024.sources.table3[T3.disclosed]?.[6]).toEqual([ids.lastDay]);
    expect(y2024.sources.table3['（五）2.重复申请']?.[6]).toEqual([ids.firstDay]);
  });

  it('compile the district’s own reports of three years with exact numbers', async () => {
    expect(nonZero(await compile(district, 2023))).toEqual({
      [T3.received]: [1, 1, 0, 0, 0, 0, 2],
      [T3.carriedOut]: [1, 1, 0, 0, 0, 0, 2],
    });
    expect(nonZero(await compile(district, 2024))).toEqual({
      [T3.received]: [1, 0, 1, 0, 0, 0, 2],
      [T3.carriedIn]: [1, 1, 0, 0, 0, 0, 2],
      [T3.disclosed]: [1, 0, 0, 0, 0, 0, 1],
      [T3.partlyDisclosed]: [0, 0, 1, 0, 0, 0, 1],
      '（五）2.重复申请': [1, 0, 0, 0, 0, 0, 1],
      [T3.total]: [2, 0, 1, 0, 0, 0, 3],
      [T3.carriedOut]: [0, 1, 0, 0, 0, 0, 1],
    });
    expect(nonZero(await compile(district, 2025))).toEqual({
      [T3.carriedIn]: [0, 1, 0, 0, 0, 0, 1],
      '（四）1.本机关不掌握相关政府信息': [0, 1, 0, 0, 0, 0, 1],
      [T3.total]: [0, 1, 0, 0, 0, 0, 1],
    });
  });

  it('carry an application over twice and count its outcome once, in the year it was decided', async () => {
    const twice = ids.twice ?? 0;
    const placed: string[] = [];
    for (const year of YEARS) {
      const sources = (await compile(district, year)).sources.table3;
      for (const [key, cells] of Object.entries(sources)) {
        if (cells[6]?.includes(twice) === true) placed.push(`${year} ${key}`);
      }
    }
    expect(placed).toEqual([
      `2023 ${T3.received}`,
      `2023 ${T3.carriedOut}`,
      `2024 ${T3.carriedIn}`,
      `2024 ${T3.carriedOut}`,
      `2025 ${T3.carriedIn}`,
      '2025 （四）1.本机关不掌握相关政府信息',
      `2025 ${T3.total}`,
    ]);
  });

  it('count 区分处理 only under （二）部分公开', async () => {
    const sources = (await compile(district, 2024)).sources.table3;
    const rows = OUTCOME_KEYS.filter((key) => sources[key]?.[6]?.includes(ids.partial ?? 0) === true);
    expect(rows).toEqual([T3.partlyDisclosed]);
    expect(sources[T3.partlyDisclosed]?.[2]).toEqual([ids.partial]);
    expect(sources['（三）4.保护第三方合法权益']?.[6]).toEqual([]);
  });

  it('count a transferred application in the unit that held it in the year, and only there', async () => {
    expect(nonZero(await compile(education, 2024))).toEqual({
      [T3.received]: [1, 0, 0, 0, 0, 0, 1],
      [T3.carriedOut]: [1, 0, 0, 0, 0, 0, 1],
    });
    expect(nonZero(await compile(health, 2024))).toEqual({
      [T3.received]: [1, 0, 0, 0, 0, 0, 1],
      [T3.disclosed]: [1, 0, 0, 0, 0, 0, 1],
      [T3.total]: [1, 0, 0, 0, 0, 0, 1],
    });
    expect((await compile(health, 2024)).sources.table3[T3.received]?.[6]).toEqual([ids.moved]);
    // The returned application is the education bureau's; what it transferred away in 2025 is not.
    expect(nonZero(await compile(education, 2025))).toEqual({
      [T3.received]: [1, 0, 0, 0, 0, 0, 1],
      [T3.disclosed]: [1, 0, 0, 0, 0, 0, 1],
      [T3.total]: [1, 0, 0, 0, 0, 0, 1],
    });
    expect((await compile(education, 2025)).sources.table3[T3.received]?.[6]).toEqual([ids.returned]);
    expect(nonZero(await compile(health, 2025))).toEqual({
      [T3.carriedIn]: [1, 0, 0, 0, 0, 0, 1],
      '（三）5.属于三类内部事务信息': [1, 0, 0, 0, 0, 0, 1],
      [T3.total]: [1, 0, 0, 0, 0, 0, 1],
    });
    expect((await compile(health, 2025)).sources.table3[T3.carriedIn]?.[6]).toEqual([ids.movedOver]);
  });

  it('leave a year’s report as it was when the application moves in a later year', async () => {
    const after = await compile(education, 2024);
    expect(after.report.table3).toEqual(educationBeforeTransfer.report.table3);
    expect(after.sources.table3).toEqual(educationBeforeTransfer.sources.table3);
    expect(after.sources.table3[T3.carriedOut]?.[6]).toEqual([ids.movedOver]);
  });

  it('count every application once in the consolidated reports of the district', async () => {
    expect(nonZero(await compile(district, 2024, true))).toEqual({
      [T3.received]: [3, 0, 1, 0, 0, 0, 4],
      [T3.carriedIn]: [1, 1, 0, 0, 0, 0, 2],
      [T3.disclosed]: [2, 0, 0, 0, 0, 0, 2],
      [T3.partlyDisclosed]: [0, 0, 1, 0, 0, 0, 1],
      '（五）2.重复申请': [1, 0, 0, 0, 0, 0, 1],
      [T3.total]: [3, 0, 1, 0, 0, 0, 4],
      [T3.carriedOut]: [1, 1, 0, 0, 0, 0, 2],
    });
    expect(nonZero(await compile(district, 2025, true))).toEqual({
      [T3.received]: [1, 0, 0, 0, 0, 0, 1],
      [T3.carriedIn]: [1, 1, 0, 0, 0, 0, 2],
      [T3.disclosed]: [1, 0, 0, 0, 0, 0, 1],
      '（三）5.属于三类内部事务信息': [1, 0, 0, 0, 0, 0, 1],
      '（四）1.本机关不掌握相关政府信息': [0, 1, 0, 0, 0, 0, 1],
      [T3.total]: [2, 1, 0, 0, 0, 0, 3],
    });
  });

  it('pass the cross-checks of every compiled year, and carry over what the year before carried out', async () => {
    const scopes: [Unit, boolean][] = [
      [district, false],
      [district, true],
      [education, false],
      [health, false],
    ];
    const carried: string[] = [];
    for (const [unit, subunits] of scopes) {
      let previous: CompiledReport | null = null;
      for (const year of YEARS) {
        const compiled = await compile(unit, year, subunits);
        const errors = compiled.findings.filter((finding) => finding.severity === 'error');
        // Table 二's administrative statistics are not entered here: their cells stay blank, nothing else.
        expect(errors.filter((finding) => finding.rule !== 'value.blank' || finding.table !== '二')).toEqual(
          [],
        );
        if (previous !== null) {
          const out = previous.report.table3[T3.carriedOut];
          const into = compiled.report.table3[T3.carriedIn];
          carried.push(
            `${unit.name}${subunits ? '（含下级）' : ''} ${year} ${String(out?.[6])}→${String(into?.[6])}`,
          );
        }
        previous = compiled;
      }
    }
    // Only the two bureaus differ, by the application transferred between them across the year boundary.
    expect(carried).toEqual([
      '皇姑区人民政府 2024 2→2',
      '皇姑区人民政府 2025 1→1',
      '皇姑区人民政府（含下级） 2024 2→2',
      '皇姑区人民政府（含下级） 2025 2→2',
      '皇姑区教育局 2024 0→0',
      '皇姑区教育局 2025 1→0',
      '皇姑区卫生健康局 2024 0→0',
      '皇姑区卫生健康局 2025 0→1',
    ]);
  });
});
