// What the platform can measure for an assessment (考核指标), each read from records dated inside the
// period. A value is an exact fraction in the indicator's unit (a rate of 7 out of 8 is 700/8 %), or null
// when the unit had nothing of the kind to assess in the period.

export type Direction = 'higher' | 'lower';

export const INDICATOR_CODES = [
  'publications',
  'applications-on-time',
  'applications-overdue',
  'corrections-on-time',
  'trainings',
  'annual-report-on-time',
  'columns-stale',
  'new-media-zombies',
  'content-findings',
  'columns-published',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export interface Indicator {
  readonly code: IndicatorCode;
  readonly label: string;
  /** The unit of measure shown after values and thresholds. */
  readonly unit: string;
  readonly direction: Direction;
  /** Which records the value is counted from (shown on the rules page). */
  readonly reads: string;
  /** The thresholds a new rule set starts from, in hundredths of the unit. */
  readonly defaults: { readonly weight: number; readonly full: number; readonly zero: number };
}

export const INDICATORS: readonly Indicator[] = [
  {
    code: 'publications',
    label: '主动公开信息发布数',
    unit: '条',
    direction: 'higher',
    reads: '期间内在本平台政府信息公开专栏发布的信息（按发布日期）',
    defaults: { weight: 2000, full: 1000, zero: 0 },
  },
  {
    code: 'applications-on-time',
    label: '依申请公开按期答复率',
    unit: '%',
    direction: 'higher',
    reads: '期间内办结且有答复期限的政府信息公开申请（按办结日期），办结日不晚于答复期限的为按期',
    defaults: { weight: 2000, full: 10000, zero: 8000 },
  },
  {
    code: 'applications-overdue',
    label: '依申请公开逾期件数',
    unit: '件',
    direction: 'lower',
    reads: '答复期限届满于期间内（且早于计算日）而未在期限内办结的申请',
    defaults: { weight: 1000, full: 0, zero: 300 },
  },
  {
    code: 'corrections-on-time',
    label: '纠错按期回复率',
    unit: '%',
    direction: 'higher',
    reads: '回复期限届满于期间内（且早于计算日）的纠错任务，回复日不晚于期限的为按期',
    defaults: { weight: 1000, full: 10000, zero: 5000 },
  },
  {
    code: 'trainings',
    label: '政府信息公开培训次数',
    unit: '次',
    direction: 'higher',
    reads: '期间内举办或参加的政府信息公开培训（按举办日期）',
    defaults: { weight: 500, full: 100, zero: 0 },
  },
  {
    code: 'annual-report-on-time',
    label: '年度报告按时发布',
    unit: '项',
    direction: 'higher',
    reads: '期间含当年 1 月 31 日时，上一年度报告是否在 1 月 31 日前（含）首次发布；其他期间不考核',
    defaults: { weight: 500, full: 100, zero: 0 },
  },
  {
    code: 'columns-stale',
    label: '未及时更新和空白栏目数',
    unit: '个',
    direction: 'lower',
    reads: '期末（或计算日前一日）政府信息公开专栏中超过更新要求（2 周、6 个月）未更新的栏目和空白栏目',
    defaults: { weight: 1000, full: 0, zero: 500 },
  },
  {
    code: 'new-media-zombies',
    label: '僵尸号数',
    unit: '个',
    direction: 'lower',
    reads: '期末（或计算日前一日）连续 14 日以上未发布信息的政务新媒体账号',
    defaults: { weight: 1000, full: 0, zero: 100 },
  },
  {
    code: 'content-findings',
    label: '已公开信息内容检查问题数',
    unit: '件',
    direction: 'lower',
    reads:
      '期间内（按立项日期）对本单位已公开信息的自动扫描（错敏词词库扫描、个人信息扫描）发现问题而立项的纠错任务；不含公众纠错、失效链接和栏目更新提示',
    defaults: { weight: 500, full: 0, zero: 500 },
  },
  {
    code: 'columns-published',
    label: '有信息发布的法定栏目数',
    unit: '个',
    direction: 'higher',
    reads:
      '本单位法定主动公开内容的各个栏目（第二十条、第二十一条所列类别；自设子栏目计入所属类别）中，期间内发布过至少一条信息（按发布日期）的栏目个数',
    defaults: { weight: 500, full: 1000, zero: 0 },
  },
];

export function indicatorOf(code: string): Indicator | undefined {
  return INDICATORS.find((indicator) => indicator.code === code);
}
