// Catalogue metadata of an item (政府信息公开目录系统实施指引) as data: the fixed value lists and labels.

export const VALIDITIES = ['valid', 'expired', 'repealed'] as const;
export type Validity = (typeof VALIDITIES)[number];

/** 有效性 of a normative document. */
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
};

export function isValidity(value: string): value is Validity {
  return (VALIDITIES as readonly string[]).includes(value);
}

export const ITEM_STATUSES = ['draft', 'in_review', 'returned', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  draft: '草稿',
  in_review: '审核中',
  returned: '已退回',
  published: '已发布',
  withdrawn: '已撤回',
};

/** Field labels of the metadata table, in the order the public page shows them. */
export const METADATA_LABELS = {
  indexNumber: '索引号',
  title: '标题',
  summary: '内容概述',
  publisher: '发布机构',
  writtenOn: '成文日期',
  publishedOn: '发布日期',
  documentNumber: '文号',
  category: '主题分类',
  genre: '体裁分类',
  keywords: '关键词',
  validity: '有效性',
  disclosureMethod: '公开方式',
  disclosurePeriod: '公开时限',
  format: '信息格式',
} as const;

export const DEFAULT_DISCLOSURE_METHOD = '政府网站';
export const DEFAULT_DISCLOSURE_PERIOD = '长期公开';
export const DEFAULT_FORMAT = '文本';
