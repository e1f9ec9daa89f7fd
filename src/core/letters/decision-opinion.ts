// The 答复意见 of a reply letter, composed from the outcome (core/disclosure/outcomes.ts) and what the
// decision records: what is provided, what is withheld and why, the responsible agency, a note.
import type { Outcome, OutcomeDetail } from '../disclosure/outcomes.ts';
import { Invalid } from '../errors.ts';

export interface DecisionDetails {
  readonly provided?: string | null;
  readonly withheld?: string | null;
  readonly withheldReason?: string | null;
  readonly responsibleAgency?: string | null;
  readonly note?: string | null;
}

type DetailName = OutcomeDetail | 'withheldReason';

export const DECISION_DETAIL_LABELS: Readonly<Record<DetailName, string>> = {
  provided: '提供的信息及获取方式',
  withheld: '不予公开的信息',
  withheldReason: '不予公开的理由',
  responsibleAgency: '负责公开的机关',
  note: '说明',
};

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A sentence ending in one full stop, whether or not the text already had one. */
function sentence(value: string): string {
  return /[。！？；.!?;]$/.test(value) ? value : `${value}。`;
}

/** The details the outcome needs; a partial disclosure also has to say why the rest is withheld. */
function requiredDetails(outcome: Outcome): readonly DetailName[] {
  return outcome.code === 'partial' ? [...outcome.requires, 'withheldReason'] : outcome.requires;
}

/** The part of the label after “不予公开：” / “不予处理：”, e.g. “属于国家秘密”. */
function labelTail(outcome: Outcome): string {
  const colon = outcome.label.indexOf('：');
  return colon < 0 ? outcome.label : outcome.label.slice(colon + 1);
}

type Compose = (d: Required<{ [K in DetailName]: string | null }>, outcome: Outcome) => (string | null)[];

const withNote =
  (first: string): Compose =>
  (d) => [first, d.note === null ? null : sentence(d.note)];

const OPINIONS: Readonly<Record<string, Compose>> = {
  'public-already': (d) => [
    `您申请获取的政府信息已经主动公开，获取方式和途径：${sentence(d.provided ?? '')}`,
  ],
  'public-provided': (d) => [`本机关决定予以公开，向您提供所申请的政府信息：${sentence(d.provided ?? '')}`],
  partial: (d) => [
    '您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定部分公开：',
    `一、予以提供的部分：${sentence(d.provided ?? '')}`,
    `二、不予公开的部分：${sentence(d.withheld ?? '')}理由：${sentence(d.withheldReason ?? '')}`,
  ],
  'withheld-special-access': withNote(
    '经审查，您申请获取的信息属于工商、不动产登记资料等行政查询事项，请依照有关法律、行政法规的规定办理查询。',
  ),
  'unavailable-not-exist': () => ['经检索，本机关未制作、获取您所申请公开的政府信息，该政府信息不存在。'],
  'unavailable-not-held': (d) => [
    '经审查，您申请获取的政府信息不属于本机关负责公开。',
    `该政府信息的负责公开机关为${sentence(d.responsibleAgency ?? '')}请向其提出申请。`,
  ],
  'unavailable-create-new': () => [
    '经审查，您申请获取的信息需要本机关另行制作、搜集、汇总或者加工，本机关不予提供。',
  ],
  'unavailable-unclear': () => ['经补正，您的申请内容仍不明确，本机关无法确定您所申请的政府信息，无法提供。'],
  'not-handled-petition': withNote(
    '经审查，您的申请是以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。',
  ),
  'not-handled-repeated': withNote('经审查，本机关已就您申请公开的相同政府信息作出答复，不予重复处理。'),
  'not-handled-publication': withNote(
    '经审查，您要求提供的是政府公报、报刊、书籍等公开出版物，本机关不作为政府信息公开申请处理。',
  ),
  'not-handled-excessive': withNote(
    '您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，您说明的理由不合理，本机关不予处理。',
  ),
  'not-handled-confirm-reissue': withNote(
    '经审查，您要求本机关确认或者重新出具已获取的信息，本机关不予处理。',
  ),
  'other-no-correction': () => [
    '本机关已书面告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ],
  'other-fee-unpaid': () => ['您逾期未按收费通知要求缴纳信息处理费，本机关不再处理该政府信息公开申请。'],
  other: (d) => [sentence(d.note ?? '')],
};

/** Every outcome of 不予公开 (Art. 14–16) reads the same: what is withheld, and the label's reason. */
const withheld: Compose = (d, outcome) => [
  `经审查，您申请获取的政府信息${d.withheld === null ? '' : `（${d.withheld}）`}${labelTail(outcome)}，本机关决定不予公开。`,
  d.withheldReason === null ? null : `理由：${sentence(d.withheldReason)}`,
];

/**
 * The 答复意见 of the outcome, one paragraph a line. A detail the outcome requires but the decision
 * lacks is an Invalid naming it.
 */
export function decisionOpinion(outcome: Outcome, details: DecisionDetails): string {
  const d = {
    provided: text(details.provided),
    withheld: text(details.withheld),
    withheldReason: text(details.withheldReason),
    responsibleAgency: text(details.responsibleAgency),
    note: text(details.note),
  };
  const missing = requiredDetails(outcome).find((name) => d[name] === null);
  if (missing !== undefined) {
    throw new Invalid(missing, `“${outcome.label}”的答复须写明“${DECISION_DETAIL_LABELS[missing]}”`);
  }
  const compose = OPINIONS[outcome.code] ?? (outcome.group === '不予公开' ? withheld : undefined);
  if (compose === undefined) throw new Invalid('outcomeCode', `没有“${outcome.label}”的答复意见写法`);
  return compose(d, outcome)
    .filter((line): line is string => line !== null)
    .join('\n');
}
