// The automatic content checks run on every save and before every approval of proactive disclosure
// (spec/publishing.md, 三校三审): each finding points into the text so the editor sees it in place.

/** An error must be fixed or overridden with a reason before final approval; a warning asks for a look. */
export type Severity = 'error' | 'warning';

/**
 * Personal information. ID card numbers and bank accounts are sensitive personal information
 * (个人信息保护法 Art. 28 financial accounts; GB/T 35273-2020 Annex B identity document numbers).
 */
export const PERSONAL_CATEGORIES = [
  'resident_id',
  'mobile',
  'landline',
  'bank_card',
  'email',
  'address',
  'person_name',
] as const;
export type PersonalCategory = (typeof PERSONAL_CATEGORIES)[number];

/** The dictionary categories that deployments maintain (spec/publishing.md, automatic checks). */
export const DICTIONARY_CATEGORIES = [
  'sensitive',
  'political_wording',
  'fixed_expression',
  'leader_title',
  'obsolete_institution',
  'typo',
] as const;
export type DictionaryCategory = (typeof DICTIONARY_CATEGORIES)[number];

/** A 统一社会信用代码 written where a code is expected but failing its GB 32100 check. */
export type CodeCategory = 'uscc';

export type FindingCategory = PersonalCategory | DictionaryCategory | CodeCategory;

export const CATEGORY_LABELS: Readonly<Record<FindingCategory, string>> = {
  resident_id: '居民身份证号码',
  mobile: '手机号码',
  landline: '固定电话号码',
  bank_card: '银行卡号',
  email: '电子邮箱',
  address: '详细住址',
  person_name: '姓名',
  sensitive: '敏感词',
  political_wording: '规范表述',
  fixed_expression: '固定表述',
  leader_title: '领导姓名职务',
  obsolete_institution: '机构名称',
  typo: '错别字',
  uscc: '统一社会信用代码',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '错误', warning: '提示' };

export interface Finding {
  /** UTF-16 offsets into the text as given: `text.slice(start, end)` is what was found. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  /** zh-CN, for the editor. */
  readonly message: string;
  /** Personal data: what the span should read instead (a mask in the style of core/privacy/mask.ts). */
  readonly proposedMask?: string;
  /** Dictionary and code findings: the right wording, when there is one. */
  readonly suggestion?: string;
  /** Dictionary findings: the entry's note (its source or reason). */
  readonly note?: string;
}

export function isPersonalCategory(category: FindingCategory): category is PersonalCategory {
  return (PERSONAL_CATEGORIES as readonly string[]).includes(category);
}

/** What should replace the span, if anything: the mask for personal data, else the suggestion. */
export function proposedFix(finding: Finding): string | undefined {
  return finding.proposedMask ?? finding.suggestion;
}
