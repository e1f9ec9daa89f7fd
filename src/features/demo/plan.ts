// What the demo deployment holds. The figures of 2023 are those of the 沈阳市皇姑区2023年政府信息公开工作年度报告
// (published 2024-02-18 on the Shenyang government website; ../shared/reference/reports): 202 applications
// received, by channel and by outcome, one carried into 2024. Facts carry over; the people, requests and
// codes below are invented for the demo, and the unit codes are fictional (valid check characters only).
import type { Role } from '../../core/access/roles.ts';
import { computeUsccCheckCharacter } from '../../core/identity/uscc.ts';
import type { Channel } from '../applications/model.ts';
import type { UnitKind } from '../units/model.ts';

export const DEMO_YEAR = 2023;

function fictionalUscc(base17: string): string {
  return `${base17}${computeUsccCheckCharacter(base17) ?? ''}`;
}

export interface DemoUnit {
  readonly key: string;
  readonly parent: string | null;
  readonly name: string;
  readonly kind: UnitKind;
  readonly uscc: string;
  readonly regionCode: string;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  {
    key: 'city',
    parent: null,
    name: '沈阳市人民政府',
    kind: 'city',
    uscc: fictionalUscc('11210100000000001'),
    regionCode: '210100',
  },
  {
    key: 'district',
    parent: 'city',
    name: '沈阳市皇姑区人民政府',
    kind: 'county',
    uscc: fictionalUscc('11210105000000001'),
    regionCode: '210105',
  },
  {
    key: 'finance',
    parent: 'district',
    name: '沈阳市皇姑区财政局',
    kind: 'department',
    uscc: fictionalUscc('11210105000000002'),
    regionCode: '210105',
  },
  {
    key: 'education',
    parent: 'district',
    name: '沈阳市皇姑区教育局',
    kind: 'department',
    uscc: fictionalUscc('11210105000000003'),
    regionCode: '210105',
  },
  {
    key: 'housing',
    parent: 'district',
    name: '沈阳市皇姑区住房和城乡建设局',
    kind: 'department',
    uscc: fictionalUscc('11210105000000004'),
    regionCode: '210105',
  },
  {
    key: 'market',
    parent: 'district',
    name: '沈阳市皇姑区市场监督管理局',
    kind: 'department',
    uscc: fictionalUscc('11210105000000005'),
    regionCode: '210105',
  },
  {
    key: 'beita',
    parent: 'district',
    name: '沈阳市皇姑区北塔街道办事处',
    kind: 'street',
    uscc: fictionalUscc('11210105000000006'),
    regionCode: '210105',
  },
  {
    key: 'huashan',
    parent: 'district',
    name: '沈阳市皇姑区华山街道办事处',
    kind: 'street',
    uscc: fictionalUscc('11210105000000007'),
    regionCode: '210105',
  },
];

export const DEMO_OFFICE = {
  officeName: '沈阳市皇姑区人民政府办公室（政务公开办）',
  address: '沈阳市皇姑区（演示地址）',
  hours: '工作日 8:30—11:30，13:00—17:00',
  phone: '024-00000000',
  fax: null,
  email: null,
  postcode: '110031',
} as const;

/** The city's office, so that letters of the city's applications the district helps with can be issued. */
export const DEMO_CITY_OFFICE = {
  officeName: '沈阳市人民政府办公室（政务公开办）',
  address: '沈阳市（演示地址）',
  hours: '工作日 8:30—11:30，13:00—17:00',
  phone: '024-00000001',
  fax: null,
  email: null,
  postcode: '110000',
} as const;

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unit: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo.admin', displayName: '演示系统管理员', role: 'system-admin', unit: 'city' },
  { username: 'demo.auditor', displayName: '演示安全审计员', role: 'security-auditor', unit: 'city' },
  { username: 'demo.supervisor', displayName: '演示政务公开办负责人', role: 'supervisor', unit: 'district' },
  { username: 'demo.handler', displayName: '演示依申请公开办理人', role: 'handler', unit: 'district' },
  { username: 'demo.leader', displayName: '演示领导审批人', role: 'leader', unit: 'district' },
  { username: 'demo.editor', displayName: '演示编辑', role: 'editor', unit: 'district' },
  { username: 'demo.reviewer', displayName: '演示审核人', role: 'reviewer', unit: 'district' },
  { username: 'demo.city.handler', displayName: '演示市政府依申请公开办理人', role: 'handler', unit: 'city' },
];

export interface DemoChannel {
  readonly unit: string;
  readonly kind: 'website' | 'new-media' | 'traditional' | 'platform';
  readonly platform?: 'wechat' | 'weibo' | 'douyin';
  readonly name: string;
  /** Publications on it in 2023. */
  readonly count: number;
}

/**
 * The channels of the district and its units with their 2023 publications, in the report's five groups:
 * 区政府网站 3340, 区委区政府政务新媒体 8429, 各部门各街道政务新媒体 2049, 其他传统媒体报道 240,
 * 互联网监管系统及审批平台 17041 (31099 in all). How a group splits over its channels is invented.
 */
export const DEMO_PUBLICATION_CHANNELS: readonly DemoChannel[] = [
  { unit: 'district', kind: 'website', name: '沈阳市皇姑区人民政府网站', count: 3340 },
  { unit: 'district', kind: 'new-media', platform: 'wechat', name: '皇姑发布（微信公众号）', count: 5214 },
  { unit: 'district', kind: 'new-media', platform: 'weibo', name: '皇姑发布（微博）', count: 3215 },
  { unit: 'finance', kind: 'new-media', platform: 'wechat', name: '皇姑财政（微信公众号）', count: 412 },
  { unit: 'education', kind: 'new-media', platform: 'wechat', name: '皇姑教育（微信公众号）', count: 637 },
  { unit: 'housing', kind: 'new-media', platform: 'wechat', name: '皇姑住建（微信公众号）', count: 300 },
  { unit: 'market', kind: 'new-media', platform: 'wechat', name: '皇姑市场监管（微信公众号）', count: 350 },
  { unit: 'beita', kind: 'new-media', platform: 'wechat', name: '北塔街道（微信公众号）', count: 350 },
  { unit: 'district', kind: 'traditional', name: '沈阳日报（演示）', count: 160 },
  { unit: 'district', kind: 'traditional', name: '沈阳广播电视台（演示）', count: 80 },
  { unit: 'district', kind: 'platform', name: '辽宁省“互联网+监管”系统（演示）', count: 9032 },
  { unit: 'district', kind: 'platform', name: '沈阳市政务服务网审批平台（演示）', count: 8009 },
];

/** What a publication on a channel of this kind is about (the titles are invented). */
export const DEMO_TOPICS: readonly string[] = [
  '区政府常务会议召开',
  '重点项目建设进展',
  '老旧小区改造工程公示',
  '惠民政策解读',
  '行政许可结果公示',
  '行政处罚决定公示',
  '就业招聘信息',
  '防汛工作提示',
];

/** The one training session of 2023 (report: 开展政务公开业务培训1次). */
export const DEMO_TRAINING = {
  heldOn: '2023-06-15',
  topic: '政务公开业务培训（依申请公开办理和主动公开信息审核）',
  participants: '86',
} as const;

/** 编制173个单位办事不找关系指南，梳理46项“全区通办”便民服务事项. */
export const DEMO_GUIDE_COUNTS: readonly (readonly ['guides' | 'cross-district', string])[] = [
  ['guides', '173'],
  ['cross-district', '46'],
];

/** The city's applications the district helped with (report: 协助市政府依申请办理3次). */
export const DEMO_ASSISTED: readonly (readonly [string, string])[] = [
  ['2023-03-14', '皇姑区辖区内2022年老旧小区改造项目清单'],
  ['2023-07-11', '皇姑区某路段道路维修工程的立项批复'],
  ['2023-10-17', '皇姑区2023年义务教育阶段学校划片方案'],
];

/** Applications received in 2023 by channel (report: 网络申请 125, 信函邮寄 40, 邮箱申请 2, 现场申请 35). */
export const DEMO_CHANNELS: readonly (readonly [Channel, number])[] = [
  ['online', 125],
  ['letter-registered', 40],
  ['email', 2],
  ['in-person', 35],
];

/**
 * Outcomes of the 201 applications closed in 2023 (table 三 of the report), by outcome code; the 202nd
 * was still open on 31 December and is decided in January 2024.
 */
export const DEMO_OUTCOMES: readonly (readonly [string, number])[] = [
  ['public-already', 14],
  ['public-provided', 20],
  ['partial', 7],
  ['withheld-state-secret', 1],
  ['withheld-third-party', 7],
  ['withheld-process-information', 2],
  ['withheld-enforcement-file', 1],
  ['unavailable-not-exist', 60],
  ['unavailable-not-held', 66],
  ['not-handled-petition', 4],
  ['not-handled-repeated', 9],
  ['other', 10],
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = [
  '建国',
  '秀兰',
  '志强',
  '丽华',
  '海涛',
  '玉梅',
  '晓东',
  '春燕',
  '明',
  '静',
  '伟',
  '磊',
  '娜',
  '军',
  '芳',
];
const SUBJECTS = [
  '本街道老旧小区改造项目的资金使用情况',
  '某路段道路拓宽工程的征收补偿方案',
  '本区2022年度区级财政决算报告',
  '辖区内某小区供暖费收费标准的依据',
  '本区义务教育阶段学校划片范围',
  '某地块的规划许可和施工许可文件',
  '本区低保审批的条件和程序',
  '某企业营业执照登记的经营范围',
  '本区2023年城市更新项目清单',
  '某小区加装电梯的审批结果',
  '辖区内农贸市场食品抽检结果',
  '本区行政事业性收费项目目录',
];

/** An invented applicant and request for the n-th demo application. */
export function demoApplicant(n: number) {
  const surname = SURNAMES.charAt(n % SURNAMES.length);
  const given = GIVEN[(n * 7) % GIVEN.length] ?? '明';
  return {
    name: `${surname}${given}`,
    phone: `139${String(24_000_000 + n * 37).padStart(8, '0')}`,
    description: `${SUBJECTS[n % SUBJECTS.length] ?? ''}（演示申请 ${n + 1}）`,
  };
}

/** Table 二 (五)(六)(八) of the report: 行政许可 31909, 行政处罚 258, 行政强制 0, 行政事业性收费 10644 万元. */
export const DEMO_STATISTICS: readonly (readonly [string, string])[] = [
  ['行政许可', '31909'],
  ['行政处罚', '258'],
  ['行政强制', '0'],
  ['行政事业性收费', '10644'],
];

/**
 * The review and litigation cases behind table 四 of the report (2 1 2 0 5 | 0 0 1 1 2 | 1 0 0 1 2): kind,
 * filed on, decided on (after 2023 for those still pending at the end of the year) and result.
 */
export const DEMO_CASES: readonly (readonly [string, string, string, string])[] = [
  ['review', '2023-03-06', '2023-05-10', 'upheld'],
  ['review', '2023-06-12', '2023-08-15', 'upheld'],
  ['review', '2023-04-03', '2023-06-20', 'corrected'],
  ['review', '2023-07-17', '2023-09-25', 'other'],
  ['review', '2023-09-04', '2023-11-08', 'other'],
  ['direct-suit', '2023-05-22', '2023-10-16', 'other'],
  ['direct-suit', '2023-11-20', '2024-03-18', 'upheld'],
  ['suit-after-review', '2023-06-26', '2023-11-27', 'upheld'],
  ['suit-after-review', '2023-10-09', '2024-02-26', 'upheld'],
];
