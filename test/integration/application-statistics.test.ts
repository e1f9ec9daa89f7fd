// The application statistics of a unit for a report year, from applications submitted and decided
// through the services on fixed days of 2022 and 2023: table 三 by the counting rules, the channels, the
// on-time rate read from each ledger (an extension moves the due date in force), the ids behind each
// number, sub-units on request, and a unit out of reach answering like a missing one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '../../src/core/identity/uscc.ts';
import { checkReport } from '../../src/core/report/checks/index.ts';
import { buildReport } from '../../src/core/report/checks/test-reports.ts';
import { T3, table3Keys } from '../../src/core/report/format.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { applicationStatistics } from '../../src/features/applications/statistics.ts';
import {
  decideApplication,
  extendDeadline,
  requestCorrection,
} from '../../src/features/applications/workflow.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope, scopeOf, staff } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

const USCC_17 = '91210105000000002';
const USCC = `${USCC_17}${computeUsccCheckCharacter(USCC_17) ?? ''}`;

/** Noon in China on a given day. */
const at = (date: string) => new Date(`${date}T04:00:00Z`);
const ZERO = [0, 0, 0, 0, 0, 0, 0];

describe(`application statistics on ${testDialect}`, () => {
  let context: TestContext;
  let district: Unit;
  let bureau: Unit;
  let elsewhere: Unit;
  const ids: Record<string, number> = {};

  async function submit(name: string, unit: Unit, date: string, organisation?: string): Promise<void> {
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
    ids[name] = (await submitOnlineApplication({ context, address: '127.0.0.1' }, form, at(date))).id;
  }

  async function decide(name: string, date: string, outcome: string, details: Record<string, string> = {}) {
    await decideApplication(operatorScope(context), ids[name] ?? 0, { outcome, ...details }, at(date));
  }

  beforeAll(async () => {
    context = await createTestContext();
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '皇姑区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '皇姑区教育局', kind: 'department' });
    elsewhere = await addUnit(operator, { parentId: null, name: '和平区人民政府', kind: 'county' });

    // Received in 2022 (due 2022-12-12), decided late in 2023: carried in.
    await submit('A', district, '2022-11-14');
    // Received and decided in 2022: not part of 2023.
    await submit('B', district, '2022-12-20', '商业企业');
    await decide('B', '2022-12-28', 'not-handled-repeated', { note: '与此前申请内容相同' });
    // Received in 2022, still open: carried in and carried out.
    await submit('C', district, '2022-12-26');
    await decide('A', '2023-01-05', 'public-provided', { provided: '已提供文件电子版' });
    // A sub-unit's application: counted only with the sub-units.
    await submit('D', bureau, '2023-03-01');
    await decide('D', '2023-03-10', 'partial', {
      provided: '第一部分',
      withheld: '第二部分',
      withheldReason: '涉及个人隐私',
    });
    // Received 2023-04-03 (due 2023-05-04), extended by 20 working days, decided on 2023-05-15: on time.
    await submit('E', district, '2023-04-03');
    await extendDeadline(operator, ids.E ?? 0, { workdays: '20', reason: '需要调取档案' }, at('2023-04-20'));
    await decide('E', '2023-05-15', 'withheld-third-party', {
      withheld: '投标文件',
      withheldReason: '涉及商业秘密',
    });
    // An organisation's application decided in time.
    await submit('F', district, '2023-06-05', '科研机构');
    await decide('F', '2023-06-12', 'unavailable-not-exist');
    // Closed while awaiting a correction: no due date ran, neither on time nor late.
    await submit('G', district, '2023-02-01');
    await requestCorrection(
      operator,
      ids.G ?? 0,
      { items: '请写明文件名称', workdays: '5' },
      at('2023-02-03'),
    );
    await decide('G', '2023-03-01', 'other-no-correction');
    // Received on the last working days of 2023, still open.
    await submit('H', district, '2023-12-29');
    // Another unit's application: never counted here.
    await submit('I', elsewhere, '2023-05-05');
    await decide('I', '2023-05-08', 'public-already', { provided: '已在政府网站公开' });
  });
  afterAll(async () => {
    await context.destroy();
  });

  const of = (...names: string[]) => names.map((name) => ids[name]).sort((a = 0, b = 0) => a - b);

  it('count a unit’s own applications of 2023 by every counting rule', async () => {
    const handler = scopeOf(context, staff([['handler', district]]));
    const stats = await applicationStatistics(handler, { unitId: district.id, year: 2023 });
    expect(stats.unitName).toBe('皇姑区人民政府');
    expect(stats.format).toBe('2021');
    expect(stats.table3).toEqual(
      Object.fromEntries(
        table3Keys('2021').map((key) => [
          key,
          {
            [T3.received]: [3, 0, 1, 0, 0, 0, 4],
            [T3.carriedIn]: [2, 0, 0, 0, 0, 0, 2],
            [T3.disclosed]: [1, 0, 0, 0, 0, 0, 1],
            '（三）4.保护第三方合法权益': [1, 0, 0, 0, 0, 0, 1],
            '（四）1.本机关不掌握相关政府信息': [0, 0, 1, 0, 0, 0, 1],
            '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': [1, 0, 0, 0, 0, 0, 1],
            [T3.total]: [3, 0, 1, 0, 0, 0, 4],
            [T3.carriedOut]: [2, 0, 0, 0, 0, 0, 2],
          }[key] ?? ZERO,
        ]),
      ),
    );
    expect(stats.receivedByChannel).toEqual({
      网络申请: 4,
      信函邮寄: 0,
      邮箱申请: 0,
      现场申请: 0,
      传真申请: 0,
      其他: 0,
    });
    expect(stats.onTime).toEqual({ closed: 4, onTime: 2, late: 1, unmeasured: 1, rate: 2 / 3 });
    expect(stats.ids.onTime).toEqual({ onTime: of('E', 'F'), late: of('A'), unmeasured: of('G') });
    expect(stats.ids.table3[T3.received]?.[6]).toEqual(of('E', 'F', 'G', 'H'));
    expect(stats.ids.table3[T3.carriedIn]?.[6]).toEqual(of('A', 'C'));
    expect(stats.ids.table3[T3.carriedOut]?.[0]).toEqual(of('C', 'H'));
    const report = { ...buildReport({ year: 2023 }), table3: stats.table3 };
    expect(checkReport(report).filter((finding) => finding.table === '三')).toEqual([]);
  });

  it('add the sub-units’ applications on request', async () => {
    const supervisor = scopeOf(context, staff([['supervisor', district]]));
    const stats = await applicationStatistics(supervisor, {
      unitId: district.id,
      year: 2023,
      includeSubunits: true,
    });
    expect(stats.includeSubunits).toBe(true);
    expect(stats.table3[T3.received]).toEqual([4, 0, 1, 0, 0, 0, 5]);
    expect(stats.table3[T3.partlyDisclosed]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(stats.table3[T3.total]).toEqual([4, 0, 1, 0, 0, 0, 5]);
    expect(stats.onTime).toEqual({ closed: 5, onTime: 3, late: 1, unmeasured: 1, rate: 3 / 4 });
    const own = await applicationStatistics(supervisor, { unitId: bureau.id, year: 2023 });
    expect(own.table3[T3.received]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(own.ids.table3[T3.partlyDisclosed]?.[6]).toEqual(of('D'));
  });

  it('count 2022 on its own: what it received, what it closed and what it carried into 2023', async () => {
    const leader = scopeOf(context, staff([['leader', district]]));
    const stats = await applicationStatistics(leader, { unitId: district.id, year: 2022 });
    expect(stats.table3[T3.received]).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(stats.table3[T3.carriedIn]).toEqual(ZERO);
    expect(stats.table3['（五）2.重复申请']).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(stats.table3[T3.total]).toEqual([0, 1, 0, 0, 0, 0, 1]);
    const next = await applicationStatistics(leader, { unitId: district.id, year: 2023 });
    expect(stats.table3[T3.carriedOut]).toEqual(next.table3[T3.carriedIn]);
    expect(stats.onTime).toEqual({ closed: 1, onTime: 1, late: 0, unmeasured: 0, rate: 1 });
  });

  it('answer like a missing unit for anyone who may not read its applications', async () => {
    const refused = [
      staff([['editor', district]]),
      staff([['handler', elsewhere]]),
      staff([['handler', bureau]]),
      staff([['system-admin', district]]),
    ];
    for (const actor of refused) {
      await expect(
        applicationStatistics(scopeOf(context, actor), { unitId: district.id, year: 2023 }),
      ).rejects.toMatchObject({ status: 404, message: '未找到该单位' });
    }
    await expect(
      applicationStatistics(operatorScope(context), { unitId: 987654, year: 2023 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      applicationStatistics(operatorScope(context), { unitId: district.id, year: 23 }),
    ).rejects.toMatchObject({ status: 400, field: 'year' });
  });
});
