import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../disclosure/outcomes.ts';
import { checkReport } from '../report/checks/index.ts';
import { buildReport, referenceReport } from '../report/checks/test-reports.ts';
import { T3, table3Keys, type FormatId } from '../report/format.ts';
import type { Finding } from '../report/types.ts';
import {
  compileApplicationStatistics,
  type ApplicationRecord,
  type ApplicationStatistics,
} from './applications.ts';

function record(
  id: number,
  receivedOn: string,
  channel: string,
  applicantType: string,
  closedOn: string | null = null,
  outcome: string | null = null,
  onTime: boolean | null = null,
): ApplicationRecord {
  return { id, receivedOn, channel, applicantType, closedOn, outcome, onTime };
}

/** The table 三 findings of the report engine for a report carrying these statistics. */
function table3Findings(stats: ApplicationStatistics): Finding[] {
  const report = { ...buildReport({ format: stats.format, year: stats.year }), table3: stats.table3 };
  return checkReport(report).filter((finding) => finding.table === '三');
}

const ZERO = [0, 0, 0, 0, 0, 0, 0];

function table(format: FormatId, rows: Record<string, number[]>): Record<string, number[]> {
  return Object.fromEntries(table3Keys(format).map((key) => [key, rows[key] ?? ZERO]));
}

// Report year 2023. Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
const FIXTURE: readonly ApplicationRecord[] = [
  // Carried in from 2022, closed in January.
  record(1, '2022-11-10', 'online', '自然人', '2023-01-05', 'public-provided', true),
  // Received and closed in 2022: not part of 2023 at all.
  record(2, '2022-12-20', 'letter-registered', '商业企业', '2022-12-28', 'public-already', true),
  // Carried in and still open: carried out again.
  record(3, '2022-12-30', 'email', '科研机构'),
  // Carried in, closed on the last day, split and partly provided: counted once, under （二） only.
  record(4, '2022-05-01', 'fax', '社会公益组织', '2023-12-31', 'partial', false),
  // Received on 1 January, still open.
  record(5, '2023-01-01', 'online', '法律服务机构'),
  record(6, '2023-02-10', 'letter-ordinary', '其他', '2023-03-01', 'withheld-third-party', true),
  record(7, '2023-03-15', 'in-person', '自然人', '2023-04-20', 'unavailable-not-held', false),
  // Closed while the correction was awaited: no due date ran, neither on time nor late.
  record(8, '2023-06-01', 'oral', '商业企业', '2023-06-20', 'other-no-correction', null),
  // Received on the last day, closed the next year: new this year and carried out.
  record(9, '2023-12-31', 'online', '自然人', '2024-01-03', 'public-provided', true),
  record(10, '2023-12-31', 'email', '自然人', '2023-12-31', 'partial', true),
  // Received the next year: not part of 2023.
  record(11, '2024-01-02', 'online', '自然人'),
  // Closed on 1 January: still open on 1 January, so carried in.
  record(12, '2022-12-31', 'fax', '商业企业', '2023-01-01', 'not-handled-repeated', true),
  // Received two years before and still open.
  record(13, '2021-08-08', 'letter-registered', '自然人'),
];

describe('application statistics of a report year', () => {
  it('count the hand-computed fixture by every counting rule', () => {
    const stats = compileApplicationStatistics(FIXTURE, 2023);
    expect(stats.format).toBe('2021');
    expect(stats.table3).toEqual(
      table('2021', {
        [T3.received]: [3, 1, 0, 0, 1, 1, 6],
        [T3.carriedIn]: [2, 1, 1, 1, 0, 0, 5],
        [T3.disclosed]: [1, 0, 0, 0, 0, 0, 1],
        [T3.partlyDisclosed]: [1, 0, 0, 1, 0, 0, 2],
        '（三）4.保护第三方合法权益': [0, 0, 0, 0, 0, 1, 1],
        '（四）1.本机关不掌握相关政府信息': [1, 0, 0, 0, 0, 0, 1],
        '（五）2.重复申请': [0, 1, 0, 0, 0, 0, 1],
        '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': [0, 1, 0, 0, 0, 0, 1],
        [T3.total]: [3, 2, 0, 1, 0, 1, 7],
        [T3.carriedOut]: [2, 0, 1, 0, 1, 0, 4],
      }),
    );
    expect(stats.receivedByChannel).toEqual({
      网络申请: 2,
      信函邮寄: 1,
      邮箱申请: 1,
      现场申请: 2,
      传真申请: 0,
      其他: 0,
    });
    expect(stats.onTime).toEqual({ closed: 7, onTime: 4, late: 2, unmeasured: 1, rate: 4 / 6 });
    expect(table3Findings(stats)).toEqual([]);
  });

  it('name the applications behind every number', () => {
    const { ids } = compileApplicationStatistics(FIXTURE, 2023);
    expect(ids.table3[T3.received]?.[6]).toEqual([5, 6, 7, 8, 9, 10]);
    expect(ids.table3[T3.carriedIn]?.[6]).toEqual([1, 3, 4, 12, 13]);
    expect(ids.table3[T3.carriedOut]?.[0]).toEqual([9, 13]);
    expect(ids.table3[T3.partlyDisclosed]?.[0]).toEqual([10]);
    expect(ids.table3[T3.partlyDisclosed]?.[3]).toEqual([4]);
    expect(ids.table3[T3.total]?.[6]).toEqual([1, 4, 6, 7, 8, 10, 12]);
    expect(ids.table3['（三）1.属于国家秘密']).toEqual([[], [], [], [], [], [], []]);
    expect(ids.receivedByChannel).toEqual({
      网络申请: [5, 9],
      信函邮寄: [6],
      邮箱申请: [10],
      现场申请: [7, 8],
      传真申请: [],
      其他: [],
    });
    expect(ids.onTime).toEqual({ onTime: [1, 6, 10, 12], late: [4, 7], unmeasured: [8] });
  });

  it('count every outcome under its row, in the 2021 and the 2019 format', () => {
    const records = OUTCOMES.map((outcome, index) =>
      record(index + 1, '2023-03-01', 'online', '自然人', '2023-03-20', outcome.code, true),
    );
    const stats2021 = compileApplicationStatistics(records, 2023);
    expect(stats2021.table3).toEqual(
      table('2021', {
        [T3.received]: [23, 0, 0, 0, 0, 0, 23],
        [T3.disclosed]: [2, 0, 0, 0, 0, 0, 2],
        [T3.partlyDisclosed]: [1, 0, 0, 0, 0, 0, 1],
        '（三）1.属于国家秘密': [1, 0, 0, 0, 0, 0, 1],
        '（三）2.其他法律行政法规禁止公开': [1, 0, 0, 0, 0, 0, 1],
        '（三）3.危及“三安全一稳定”': [1, 0, 0, 0, 0, 0, 1],
        '（三）4.保护第三方合法权益': [1, 0, 0, 0, 0, 0, 1],
        '（三）5.属于三类内部事务信息': [1, 0, 0, 0, 0, 0, 1],
        '（三）6.属于四类过程性信息': [1, 0, 0, 0, 0, 0, 1],
        '（三）7.属于行政执法案卷': [1, 0, 0, 0, 0, 0, 1],
        '（三）8.属于行政查询事项': [1, 0, 0, 0, 0, 0, 1],
        '（四）1.本机关不掌握相关政府信息': [2, 0, 0, 0, 0, 0, 2],
        '（四）2.没有现成信息需要另行制作': [1, 0, 0, 0, 0, 0, 1],
        '（四）3.补正后申请内容仍不明确': [1, 0, 0, 0, 0, 0, 1],
        '（五）1.信访举报投诉类申请': [1, 0, 0, 0, 0, 0, 1],
        '（五）2.重复申请': [1, 0, 0, 0, 0, 0, 1],
        '（五）3.要求提供公开出版物': [1, 0, 0, 0, 0, 0, 1],
        '（五）4.无正当理由大量反复申请': [1, 0, 0, 0, 0, 0, 1],
        '（五）5.要求行政机关确认或重新出具已获取信息': [1, 0, 0, 0, 0, 0, 1],
        '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': [1, 0, 0, 0, 0, 0, 1],
        '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': [
          1, 0, 0, 0, 0, 0, 1,
        ],
        '（六）3.其他': [1, 0, 0, 0, 0, 0, 1],
        [T3.total]: [23, 0, 0, 0, 0, 0, 23],
      }),
    );
    expect(table3Findings(stats2021)).toEqual([]);

    const older = records.map((entry) => ({ ...entry, receivedOn: '2020-03-02', closedOn: '2020-03-20' }));
    const stats2019 = compileApplicationStatistics(older, 2020);
    expect(stats2019.format).toBe('2019');
    expect(Object.keys(stats2019.table3)).toEqual(table3Keys('2019'));
    expect(stats2019.table3['（六）其他处理']).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(stats2019.table3[T3.disclosed]).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(stats2019.table3[T3.total]).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(table3Findings(stats2019)).toEqual([]);
  });

  it('count each applicant type in its own column', () => {
    const types = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
    const records = types.flatMap((type, column) =>
      Array.from({ length: column + 1 }, (_, n) =>
        record(column * 10 + n, '2023-05-05', 'online', type, '2023-05-06', 'public-provided', true),
      ),
    );
    const stats = compileApplicationStatistics(records, 2023);
    expect(stats.table3[T3.received]).toEqual([1, 2, 3, 4, 5, 6, 21]);
    expect(stats.table3[T3.disclosed]).toEqual([1, 2, 3, 4, 5, 6, 21]);
    expect(stats.table3[T3.carriedOut]).toEqual(ZERO);
  });

  it('reproduce table 三 and the channels of the reference report from 202 records', () => {
    // Shenyang Huanggu district 2023 (沈阳市皇姑区人民政府, ../shared/reference/reports): 202 applications,
    // 网络申请125件、信函邮寄40件、邮箱申请2件、现场申请35件, one still open at the end of the year.
    const outcomes: [string, number][] = [
      ['public-provided', 34],
      ['partial', 7],
      ['withheld-state-secret', 1],
      ['withheld-third-party', 7],
      ['withheld-process-information', 2],
      ['withheld-enforcement-file', 1],
      ['unavailable-not-exist', 126],
      ['not-handled-petition', 4],
      ['not-handled-repeated', 9],
      ['other', 10],
      ['', 1],
    ];
    const channels = [
      ...Array<string>(125).fill('online'),
      ...Array<string>(40).fill('letter-registered'),
      ...Array<string>(2).fill('email'),
      ...Array<string>(35).fill('in-person'),
    ];
    const codes = outcomes.flatMap(([code, count]) => Array<string>(count).fill(code));
    const records = codes.map((code, index) =>
      code === ''
        ? record(index + 1, '2023-12-20', channels[index] ?? '', '自然人')
        : record(index + 1, '2023-04-03', channels[index] ?? '', '自然人', '2023-04-20', code, true),
    );
    const stats = compileApplicationStatistics(records, 2023);
    expect(stats.table3).toEqual(referenceReport().table3);
    expect(stats.receivedByChannel).toEqual({
      网络申请: 125,
      信函邮寄: 40,
      邮箱申请: 2,
      现场申请: 35,
      传真申请: 0,
      其他: 0,
    });
    expect(stats.onTime).toEqual({ closed: 201, onTime: 201, late: 0, unmeasured: 0, rate: 1 });
  });

  it('give no rate when nothing closed in the year had a due date, and count unknown channels as 其他', () => {
    const stats = compileApplicationStatistics(
      [
        record(1, '2023-02-01', 'carrier-pigeon', '自然人', '2023-02-20', 'other-no-correction', null),
        record(2, '2023-02-01', 'letter-ordinary', '自然人'),
      ],
      2023,
    );
    expect(stats.onTime).toEqual({ closed: 1, onTime: 0, late: 0, unmeasured: 1, rate: null });
    expect(stats.receivedByChannel.其他).toBe(1);
    expect(stats.receivedByChannel.信函邮寄).toBe(1);
    expect(compileApplicationStatistics([], 2023).table3).toEqual(table('2021', {}));
  });

  it('refuse records that cannot be counted, naming the application and the field', () => {
    const cases: [ApplicationRecord, string, string][] = [
      [
        record(7, '2023-03-01', 'online', '自然人', '2023-02-01', 'partial', true),
        'records[0].closedOn',
        '申请 7 的办结日期 2023-02-01 早于收到申请日期 2023-03-01',
      ],
      [
        record(8, '2023-03-01', 'online', '个体工商户'),
        'records[0].applicantType',
        '申请 8 的申请人类型“个体工商户”不是表三的列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）',
      ],
      [
        record(9, '2023-03-01', 'online', '自然人', '2023-03-05', null, true),
        'records[0].outcome',
        '申请 9 已于 2023-03-05 办结，但没有记录办理结果',
      ],
      [
        record(10, '2023-03-01', 'online', '自然人', '2023-03-05', 'lost', true),
        'records[0].outcome',
        '申请 10 的办理结果“lost”不是可识别的办理结果',
      ],
      [
        record(11, '2023-02-30', 'online', '自然人'),
        'records[0].receivedOn',
        'records[0].receivedOn 不是存在的日期：2023-02-30',
      ],
    ];
    for (const [bad, field, message] of cases) {
      expect(() => compileApplicationStatistics([bad], 2023)).toThrow(
        expect.objectContaining({ field, message }),
      );
    }
    expect(() => compileApplicationStatistics([], 23)).toThrow(
      expect.objectContaining({ field: 'year', message: '统计年度须为四位数的年份，收到：23' }),
    );
  });
});
