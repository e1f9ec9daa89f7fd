// The national annual report formats as data: the one place where the statutory labels are spelled.
// 2021 format: 国办公开办函〔2021〕30号 (report years 2021 onward).
// 2019 trial format: 国办公开办函〔2019〕60号 (report years 2019–2020).
// Everything else (parser, checks, renderers, compiler, views) reads labels and orders from here.

export type FormatId = '2019' | '2021';
export const FORMAT_IDS: readonly FormatId[] = ['2019', '2021'];

/** The six sections of a report, keyed by their Chinese ordinal. */
export type SectionId = '一' | '二' | '三' | '四' | '五' | '六';
export const SECTION_IDS: readonly SectionId[] = ['一', '二', '三', '四', '五', '六'];

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  一: '一、总体情况',
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
  五: '五、存在的主要问题及改进情况',
  六: '六、其他需要报告的事项',
};

/** Sections whose content is narrative text (the others are the statutory tables). */
export const NARRATIVE_SECTION_IDS: readonly SectionId[] = ['一', '五', '六'];

// ---------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况

export const TABLE2_ROW_HEADER = '信息内容';

export interface Table2Block {
  /** e.g. 第二十条第（一）项 */
  readonly label: string;
  readonly columns: readonly string[];
  readonly rows: readonly string[];
  /** Columns whose values are amounts of money (万元), which may be decimals. */
  readonly moneyColumns: readonly string[];
  /** Columns whose values may be negative (2019 本年增/减). */
  readonly signedColumns: readonly string[];
}

const TABLE2_2021: readonly Table2Block[] = [
  {
    label: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: ['规章', '行政规范性文件'],
    moneyColumns: [],
    signedColumns: [],
  },
  {
    label: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    rows: ['行政许可'],
    moneyColumns: [],
    signedColumns: [],
  },
  {
    label: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: ['行政处罚', '行政强制'],
    moneyColumns: [],
    signedColumns: [],
  },
  {
    label: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: ['行政事业性收费'],
    moneyColumns: ['本年收费金额（单位：万元）'],
    signedColumns: [],
  },
];

const TABLE2_2019: readonly Table2Block[] = [
  {
    label: '第二十条第（一）项',
    columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    rows: ['规章', '规范性文件'],
    moneyColumns: [],
    signedColumns: [],
  },
  {
    label: '第二十条第（五）项',
    columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
    rows: ['行政许可', '其他对外管理服务事项'],
    moneyColumns: [],
    signedColumns: ['本年增/减'],
  },
  {
    label: '第二十条第（六）项',
    columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
    rows: ['行政处罚', '行政强制'],
    moneyColumns: [],
    signedColumns: ['本年增/减'],
  },
  {
    label: '第二十条第（八）项',
    columns: ['上一年项目数量', '本年增/减'],
    rows: ['行政事业性收费'],
    moneyColumns: [],
    signedColumns: ['本年增/减'],
  },
  {
    label: '第二十条第（九）项',
    columns: ['采购项目数量', '采购总金额'],
    rows: ['政府集中采购'],
    moneyColumns: ['采购总金额'],
    signedColumns: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const TABLE3_CORNER_HEADER = '申请人情况';
export const TABLE3_LEGAL_PERSON_GROUP = '法人或其他组织';
/** Data columns in order; the five middle ones sit under 法人或其他组织. */
export const TABLE3_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
export const TABLE3_TOTAL_COLUMN_INDEX = 6;

/**
 * One printed row of table 三. `key` is the interchange-JSON key; rows without a key are headers
 * that carry no numbers. `group` is the key-less header a sub-row belongs to.
 */
export interface Table3Row {
  readonly key: string | null;
  readonly label: string;
  readonly kind: 'top' | 'heading' | 'outcome' | 'group' | 'sub' | 'total';
  /** For sub-rows: the group prefix, e.g. （三）. */
  readonly group?: string;
}

function sub(group: string, label: string): Table3Row {
  return { key: `${group}${label}`, label, kind: 'sub', group };
}

const T3_RECEIVED: Table3Row = {
  key: '一、本年新收政府信息公开申请数量',
  label: '一、本年新收政府信息公开申请数量',
  kind: 'top',
};
const T3_CARRIED_IN: Table3Row = {
  key: '二、上年结转政府信息公开申请数量',
  label: '二、上年结转政府信息公开申请数量',
  kind: 'top',
};
const T3_RESULTS_HEADING: Table3Row = { key: null, label: '三、本年度办理结果', kind: 'heading' };
const T3_OUTCOMES_BEFORE_OTHER: readonly Table3Row[] = [
  { key: '（一）予以公开', label: '（一）予以公开', kind: 'outcome' },
  {
    key: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    kind: 'outcome',
  },
  { key: null, label: '（三）不予公开', kind: 'group' },
  sub('（三）', '1.属于国家秘密'),
  sub('（三）', '2.其他法律行政法规禁止公开'),
  sub('（三）', '3.危及“三安全一稳定”'),
  sub('（三）', '4.保护第三方合法权益'),
  sub('（三）', '5.属于三类内部事务信息'),
  sub('（三）', '6.属于四类过程性信息'),
  sub('（三）', '7.属于行政执法案卷'),
  sub('（三）', '8.属于行政查询事项'),
  { key: null, label: '（四）无法提供', kind: 'group' },
  sub('（四）', '1.本机关不掌握相关政府信息'),
  sub('（四）', '2.没有现成信息需要另行制作'),
  sub('（四）', '3.补正后申请内容仍不明确'),
  { key: null, label: '（五）不予处理', kind: 'group' },
  sub('（五）', '1.信访举报投诉类申请'),
  sub('（五）', '2.重复申请'),
  sub('（五）', '3.要求提供公开出版物'),
  sub('（五）', '4.无正当理由大量反复申请'),
  sub('（五）', '5.要求行政机关确认或重新出具已获取信息'),
];
const T3_OTHER_2021: readonly Table3Row[] = [
  { key: null, label: '（六）其他处理', kind: 'group' },
  sub('（六）', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  sub('（六）', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  sub('（六）', '3.其他'),
];
const T3_OTHER_2019: readonly Table3Row[] = [
  { key: '（六）其他处理', label: '（六）其他处理', kind: 'outcome' },
];
const T3_TOTAL: Table3Row = { key: '（七）总计', label: '（七）总计', kind: 'total' };
const T3_CARRIED_OUT: Table3Row = {
  key: '四、结转下年度继续办理',
  label: '四、结转下年度继续办理',
  kind: 'top',
};

function table3Rows(other: readonly Table3Row[]): readonly Table3Row[] {
  return [
    T3_RECEIVED,
    T3_CARRIED_IN,
    T3_RESULTS_HEADING,
    ...T3_OUTCOMES_BEFORE_OTHER,
    ...other,
    T3_TOTAL,
    T3_CARRIED_OUT,
  ];
}

/** Row keys with a fixed meaning in the cross-checks (identical in both formats). */
export const T3 = {
  received: '一、本年新收政府信息公开申请数量',
  carriedIn: '二、上年结转政府信息公开申请数量',
  disclosed: '（一）予以公开',
  partlyDisclosed: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  total: '（七）总计',
  carriedOut: '四、结转下年度继续办理',
} as const;

// ---------------------------------------------------------------------------------------------
// Table 四 — 政府信息公开行政复议、行政诉讼情况

export const TABLE4_REVIEW = '行政复议';
export const TABLE4_LITIGATION = '行政诉讼';
export const TABLE4_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];
export const TABLE4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
/** The 15 column keys of table 四, in order: `<group>/<result>`. */
export const TABLE4_COLUMNS: readonly string[] = TABLE4_GROUPS.flatMap((group) =>
  TABLE4_RESULTS.map((result) => `${group}/${result}`),
);

// ---------------------------------------------------------------------------------------------

export interface ReportFormat {
  readonly id: FormatId;
  /** The document that issued the format. */
  readonly source: string;
  readonly table2: readonly Table2Block[];
  readonly table3Rows: readonly Table3Row[];
}

export const FORMATS: Readonly<Record<FormatId, ReportFormat>> = {
  '2021': {
    id: '2021',
    source: '国办公开办函〔2021〕30号',
    table2: TABLE2_2021,
    table3Rows: table3Rows(T3_OTHER_2021),
  },
  '2019': {
    id: '2019',
    source: '国办公开办函〔2019〕60号',
    table2: TABLE2_2019,
    table3Rows: table3Rows(T3_OTHER_2019),
  },
};

/** The interchange keys of table 三's data rows, in printed order. */
export function table3Keys(format: FormatId): string[] {
  return FORMATS[format].table3Rows.flatMap((row) => (row.key === null ? [] : [row.key]));
}

/** The outcome rows summed into （七）总计 (everything between 三、 and （七）). */
export function table3OutcomeKeys(format: FormatId): string[] {
  return FORMATS[format].table3Rows.flatMap((row) =>
    row.key !== null && (row.kind === 'outcome' || row.kind === 'sub') ? [row.key] : [],
  );
}

/** The format that applies to a report year: the 2019 trial format for 2019–2020, else 2021. */
export function formatForYear(year: number): FormatId {
  return year <= 2020 ? '2019' : '2021';
}

export const TITLE_SUFFIX = '政府信息公开工作年度报告';
