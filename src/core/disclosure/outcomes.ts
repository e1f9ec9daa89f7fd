// The outcomes of a disclosure application (《政府信息公开条例》第三十六条至第三十九条 and 国办函〔2020〕109号):
// each with its legal ground and the one row of table 三 of the annual report it counts under
// (annual-report.md, "Outcome → row mapping"). This is the only place the mapping is written.

/** The outcome groups of table 三, 2021 format. */
export type OutcomeGroup = '予以公开' | '部分公开' | '不予公开' | '无法提供' | '不予处理' | '其他处理';

/** What a decision must record besides its outcome. */
export type OutcomeDetail = 'provided' | 'withheld' | 'responsibleAgency' | 'note';

export interface Outcome {
  readonly code: string;
  readonly group: OutcomeGroup;
  /** zh-CN label for staff pages and letters. */
  readonly label: string;
  /** The legal ground, cited in the reply letter. */
  readonly ground: string;
  /** The interchange-JSON key of the table 三 row (2021 format). */
  readonly table3Row: string;
  /** The table 三 row in the 2019 trial format, where （六） has no sub-rows. */
  readonly table3Row2019: string;
  /** Details the decision must state. */
  readonly requires: readonly OutcomeDetail[];
  /** Only the system records this outcome (e.g. the automatic closure when a fee stays unpaid). */
  readonly automaticOnly?: boolean;
}

const OTHER_2019 = '（六）其他处理';

function outcome(
  code: string,
  group: OutcomeGroup,
  label: string,
  ground: string,
  table3Row: string,
  requires: readonly OutcomeDetail[] = [],
  extra: Partial<Pick<Outcome, 'automaticOnly'>> = {},
): Outcome {
  const table3Row2019 = table3Row.startsWith('（六）') ? OTHER_2019 : table3Row;
  return { code, group, label, ground, table3Row, table3Row2019, requires, ...extra };
}

export const OUTCOMES: readonly Outcome[] = [
  outcome(
    'public-already',
    '予以公开',
    '予以公开（已主动公开，告知获取方式和途径）',
    '《中华人民共和国政府信息公开条例》第三十六条第（一）项',
    '（一）予以公开',
    ['provided'],
  ),
  outcome(
    'public-provided',
    '予以公开',
    '予以公开（提供该政府信息）',
    '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
    '（一）予以公开',
    ['provided'],
  ),
  outcome(
    'partial',
    '部分公开',
    '部分公开（区分处理）',
    '《中华人民共和国政府信息公开条例》第三十七条',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    ['provided', 'withheld'],
  ),
  outcome(
    'withheld-state-secret',
    '不予公开',
    '不予公开：属于国家秘密',
    '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    '（三）1.属于国家秘密',
    ['withheld'],
  ),
  outcome(
    'withheld-prohibited-by-law',
    '不予公开',
    '不予公开：其他法律、行政法规禁止公开',
    '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    '（三）2.其他法律行政法规禁止公开',
    ['withheld'],
  ),
  outcome(
    'withheld-security-stability',
    '不予公开',
    '不予公开：公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    '（三）3.危及“三安全一稳定”',
    ['withheld'],
  ),
  outcome(
    'withheld-third-party',
    '不予公开',
    '不予公开：涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
    '《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项',
    '（三）4.保护第三方合法权益',
    ['withheld'],
  ),
  outcome(
    'withheld-internal-affairs',
    '不予公开',
    '不予公开：属于人事管理、后勤管理、内部工作流程等内部事务信息',
    '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
    '（三）5.属于三类内部事务信息',
    ['withheld'],
  ),
  outcome(
    'withheld-process-information',
    '不予公开',
    '不予公开：属于讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    '（三）6.属于四类过程性信息',
    ['withheld'],
  ),
  outcome(
    'withheld-enforcement-file',
    '不予公开',
    '不予公开：属于行政执法案卷信息',
    '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    '（三）7.属于行政执法案卷',
    ['withheld'],
  ),
  outcome(
    'withheld-special-access',
    '不予公开',
    '属于工商、不动产登记资料等行政查询事项，告知依照有关法律、行政法规办理',
    '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
    '（三）8.属于行政查询事项',
    ['note'],
  ),
  outcome(
    'unavailable-not-exist',
    '无法提供',
    '无法提供：经检索没有所申请公开的信息',
    '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
    '（四）1.本机关不掌握相关政府信息',
  ),
  outcome(
    'unavailable-not-held',
    '无法提供',
    '无法提供：不属于本机关负责公开（能够确定负责公开机关的，告知其名称、联系方式）',
    '《中华人民共和国政府信息公开条例》第三十六条第（五）项',
    '（四）1.本机关不掌握相关政府信息',
    ['responsibleAgency'],
  ),
  outcome(
    'unavailable-create-new',
    '无法提供',
    '无法提供：需要另行制作、搜集、汇总、加工',
    '《中华人民共和国政府信息公开条例》第三十八条',
    '（四）2.没有现成信息需要另行制作',
  ),
  outcome(
    'unavailable-unclear',
    '无法提供',
    '无法提供：补正后申请内容仍不明确',
    '《中华人民共和国政府信息公开条例》第三十条',
    '（四）3.补正后申请内容仍不明确',
  ),
  outcome(
    'not-handled-petition',
    '不予处理',
    '不予处理：以政府信息公开申请形式进行信访、投诉、举报等活动',
    '《中华人民共和国政府信息公开条例》第三十九条第一款',
    '（五）1.信访举报投诉类申请',
    ['note'],
  ),
  outcome(
    'not-handled-repeated',
    '不予处理',
    '不予处理：重复申请公开相同政府信息',
    '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
    '（五）2.重复申请',
    ['note'],
  ),
  outcome(
    'not-handled-publication',
    '不予处理',
    '不予处理：要求提供公开出版物',
    '《中华人民共和国政府信息公开条例》第三十九条第二款',
    '（五）3.要求提供公开出版物',
    ['note'],
  ),
  outcome(
    'not-handled-excessive',
    '不予处理',
    '不予处理：无正当理由大量、频繁申请，说明理由不合理',
    '《中华人民共和国政府信息公开条例》第三十五条',
    '（五）4.无正当理由大量反复申请',
    ['note'],
  ),
  outcome(
    'not-handled-confirm-reissue',
    '不予处理',
    '不予处理：要求行政机关确认或者重新出具已获取的信息',
    '《中华人民共和国政府信息公开条例》第三十九条第二款',
    '（五）5.要求行政机关确认或重新出具已获取信息',
    ['note'],
  ),
  outcome(
    'other-no-correction',
    '其他处理',
    '不再处理：申请人无正当理由逾期不补正',
    '《中华人民共和国政府信息公开条例》第三十条',
    '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  ),
  outcome(
    'other-fee-unpaid',
    '其他处理',
    '不再处理：申请人逾期未按收费通知要求缴纳费用',
    '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    [],
    { automaticOnly: true },
  ),
  outcome(
    'other',
    '其他处理',
    '其他处理（如申请人撤回申请）',
    '《中华人民共和国政府信息公开条例》',
    '（六）3.其他',
    ['note'],
  ),
];

const BY_CODE = new Map(OUTCOMES.map((entry) => [entry.code, entry]));

export function findOutcome(code: string): Outcome | undefined {
  return BY_CODE.get(code);
}

export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  '予以公开',
  '部分公开',
  '不予公开',
  '无法提供',
  '不予处理',
  '其他处理',
];
