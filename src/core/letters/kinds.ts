// The letters and notices of a disclosure application (《政府信息公开条例》第三十条至第三十九条;
// 国办函〔2020〕109号) and the named placeholders each kind's template may use. This is the only place
// the titles and placeholder names are written.

export const LETTER_KINDS = [
  'receipt',
  'correction',
  'extension',
  'consultation',
  'fee_notice',
  'art35_reasons',
  'art35_deadline',
  'decision',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

export interface LetterKindSpec {
  /** Short zh-CN name for staff pages. */
  readonly label: string;
  /** The title printed on the letter. */
  readonly title: string;
  /** Whether the letter carries a number (文号); the receipt does not. */
  readonly numbered: boolean;
  /** Whether the letter is sent to the applicant (a consultation goes to a third party or an agency). */
  readonly toApplicant: boolean;
  /** Kind-specific placeholders whose values the issuer supplies. */
  readonly inputs: readonly string[];
  /** Placeholders an edited template must keep. */
  readonly required: readonly string[];
}

export const LETTER_KIND_SPECS: Readonly<Record<LetterKind, LetterKindSpec>> = {
  receipt: {
    label: '接收回执',
    title: '政府信息公开申请接收回执',
    numbered: false,
    toApplicant: true,
    inputs: ['答复期限'],
    required: ['收到日期', '查询码'],
  },
  correction: {
    label: '补正告知书',
    title: '政府信息公开申请补正告知书',
    numbered: true,
    toApplicant: true,
    inputs: ['补正事项', '补正期限', '补正截止日期'],
    required: ['补正事项', '补正期限'],
  },
  extension: {
    label: '延期答复告知书',
    title: '政府信息公开申请延期答复告知书',
    numbered: true,
    toApplicant: true,
    inputs: ['延长工作日数', '延期理由', '答复期限'],
    required: ['延长工作日数', '答复期限'],
  },
  consultation: {
    label: '征求意见书',
    title: '政府信息公开征求意见书',
    numbered: true,
    toApplicant: false,
    inputs: ['征求意见事项', '回复期限'],
    required: ['回复期限'],
  },
  fee_notice: {
    label: '收费通知书',
    title: '政府信息公开信息处理费收费通知书',
    numbered: true,
    toApplicant: true,
    inputs: ['收费方式', '收费金额', '缴费期限', '缴费方式'],
    required: ['收费方式', '收费金额', '缴费期限'],
  },
  art35_reasons: {
    label: '说明理由告知书',
    title: '政府信息公开申请说明理由告知书',
    numbered: true,
    toApplicant: true,
    inputs: ['说明理由事项', '回复期限'],
    required: ['说明理由事项'],
  },
  art35_deadline: {
    label: '答复期限告知书',
    title: '政府信息公开申请答复期限告知书',
    numbered: true,
    toApplicant: true,
    inputs: ['新答复期限', '理由'],
    required: ['新答复期限', '理由'],
  },
  decision: {
    label: '答复书',
    title: '政府信息公开申请答复书',
    numbered: true,
    toApplicant: true,
    inputs: [],
    required: ['答复意见', '法律依据', '救济途径'],
  },
};

/** What each placeholder stands for, as the template editor explains it. */
export const PLACEHOLDER_DESCRIPTIONS: Readonly<Record<string, string>> = {
  机关名称: '签发文书的机关名称',
  文号: '文书编号，如 ××依申请公开〔2024〕12号',
  发文日期: '签发日期',
  申请人: '申请人姓名或者名称',
  征求对象: '被征求意见的第三方或者机关',
  收到日期: '收到申请的日期（条例第三十一条）',
  申请内容: '申请获取的政府信息的内容描述',
  查询码: '申请人查询办理进度用的查询码',
  联系方式: '本机关政府信息公开工作机构的联系方式',
  答复期限: '答复期限（日期）',
  补正事项: '需要补正的事项',
  补正期限: '补正期限，如“15个工作日”',
  补正截止日期: '补正的截止日期',
  延长工作日数: '延长答复期限的工作日数（1 至 20）',
  延期理由: '延长答复期限的理由',
  回复期限: '回复期限（日期）',
  征求意见事项: '征求意见的具体事项',
  收费方式: '计收方式（按件计收或者按量计收）及计费数量',
  收费金额: '信息处理费金额',
  缴费期限: '缴费期限（日期）',
  缴费方式: '缴费方式',
  说明理由事项: '需要申请人说明理由的事项',
  新答复期限: '另行确定的答复期限（日期）',
  理由: '另行确定答复期限的理由',
  答复意见: '根据答复决定生成的答复意见',
  法律依据: '答复决定的法律依据',
  救济途径: '申请行政复议、提起行政诉讼的途径和期限',
};

/** The placeholders the system fills from the application and the issuing agency. */
export function systemPlaceholders(kind: LetterKind): string[] {
  const spec = LETTER_KIND_SPECS[kind];
  return [
    '机关名称',
    ...(spec.numbered ? ['文号'] : []),
    '发文日期',
    ...(spec.toApplicant ? ['申请人', '查询码'] : ['征求对象']),
    '收到日期',
    '申请内容',
    '联系方式',
    ...(kind === 'decision' ? ['答复意见', '法律依据', '救济途径'] : []),
  ];
}

/** Every placeholder a template of this kind may use, in the order the editor lists them. */
export function allowedPlaceholders(kind: LetterKind): string[] {
  return [...systemPlaceholders(kind), ...LETTER_KIND_SPECS[kind].inputs];
}
