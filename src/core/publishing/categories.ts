// The unified 政府信息公开 column (国办公开办函〔2019〕61号) and the category tree of its 法定主动公开内容
// sub-column, seeded from Art. 20 (every agency) and Art. 21 (city, county and township governments) of
// the 条例. The names are our short descriptions of each item; the article and item say where it comes from.

/** The unified column's name, spelled once. */
export const DISCLOSURE_COLUMN = '政府信息公开';

export const SUB_COLUMNS = ['guide', 'rules', 'statutory', 'annual-report'] as const;
export type SubColumn = (typeof SUB_COLUMNS)[number];

export const SUB_COLUMN_LABELS: Readonly<Record<SubColumn, string>> = {
  guide: '政府信息公开指南',
  rules: '政府信息公开制度',
  statutory: '法定主动公开内容',
  'annual-report': '政府信息公开年报',
};

export function isSubColumn(value: string): value is SubColumn {
  return (SUB_COLUMNS as readonly string[]).includes(value);
}

export interface StatutoryCategory {
  /** Stable code stored with items: `a20-07`, `a21c-04`, `a21t-02`. */
  readonly code: string;
  readonly name: string;
  /** Where the category comes from, e.g. 第二十条第（七）项. */
  readonly basis: string;
  /** Which governments Art. 21 adds it for; Art. 20 applies to every agency. */
  readonly scope: 'all' | 'city-county' | 'township';
}

const ITEM_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
] as const;

const ARTICLE_20: readonly string[] = [
  '法规规章和规范性文件',
  '机关职能、机构与联系方式',
  '发展规划与相关政策',
  '统计信息',
  '行政许可和管理服务事项',
  '行政处罚与行政强制',
  '财政预算决算',
  '行政事业性收费',
  '政府集中采购',
  '重大建设项目',
  '扶贫、教育、医疗、社保和就业',
  '突发公共事件应对',
  '环保、卫生、安全、食品药品和产品质量监督检查',
  '公务员招考',
  '其他依法应主动公开的信息',
];

// Art. 21, first sentence: cities with districts, counties and their departments.
const ARTICLE_21_CITY_COUNTY: readonly string[] = [
  '市政建设',
  '公共服务',
  '公益事业',
  '土地征收',
  '房屋征收',
  '治安管理',
  '社会救助',
];

// Art. 21, second sentence: townships.
const ARTICLE_21_TOWNSHIP: readonly string[] = [
  '农业农村政策落实',
  '农田水利工程建设运营',
  '农村土地承包经营权流转',
  '宅基地使用审核',
  '土地征收',
  '房屋征收',
  '筹资筹劳',
  '社会救助',
];

const pad = (index: number) => String(index + 1).padStart(2, '0');

export const STATUTORY_CATEGORIES: readonly StatutoryCategory[] = [
  ...ARTICLE_20.map((name, index): StatutoryCategory => ({
    code: `a20-${pad(index)}`,
    name,
    basis: `第二十条第（${ITEM_NUMERALS[index] ?? ''}）项`,
    scope: 'all',
  })),
  ...ARTICLE_21_CITY_COUNTY.map((name, index): StatutoryCategory => ({
    code: `a21c-${pad(index)}`,
    name,
    basis: '第二十一条（设区的市级、县级人民政府及其部门）',
    scope: 'city-county',
  })),
  ...ARTICLE_21_TOWNSHIP.map((name, index): StatutoryCategory => ({
    code: `a21t-${pad(index)}`,
    name,
    basis: '第二十一条（乡（镇）人民政府）',
    scope: 'township',
  })),
];

export function findCategory(code: string): StatutoryCategory | undefined {
  return STATUTORY_CATEGORIES.find((category) => category.code === code);
}

/**
 * The statutory categories of a unit of the given kind (see features/units/model.ts UNIT_KINDS): Art. 20
 * for all; Art. 21's first list for cities, counties and departments; its second for townships.
 */
export function categoriesForKind(kind: string): StatutoryCategory[] {
  const extra =
    kind === 'city' || kind === 'county' || kind === 'department'
      ? 'city-county'
      : kind === 'township'
        ? 'township'
        : null;
  return STATUTORY_CATEGORIES.filter((category) => category.scope === 'all' || category.scope === extra);
}
