// The legal receipt date of an application that did not come through the online form
// (《中华人民共和国政府信息公开条例》第三十一条): each channel has its own fact that fixes the day, and
// staff registering the application record that fact. Oral applications (第二十九条第一款) are written
// down by the disclosure office on the applicant's behalf; the day they are given counts like a
// hand-over in person.
import { dayNumberOf, type PlainDate } from '../calendar/plain-date.ts';

/** The channels staff register; the online form (网络申请) acknowledges by itself and is not one. */
export const REGISTERED_CHANNELS = [
  'in-person',
  'letter-registered',
  'letter-ordinary',
  'email',
  'fax',
  'oral',
] as const;
export type RegisteredChannel = (typeof REGISTERED_CHANNELS)[number];

export interface ReceiptRule {
  /** The label of the date field: the fact that fixes the receipt date for this channel. */
  readonly dateLabel: string;
  /** What the rule means in practice, for the registration form and the public guide. */
  readonly explanation: string;
  /** The short statement stored with the application (`receipt_basis`), citing the article. */
  readonly basis: string;
  /** Whether proof of that fact must be attached, and what the proof is. */
  readonly evidence: { readonly required: boolean; readonly label: string };
  /** A note is required (an oral application: why writing is difficult). */
  readonly noteRequired: boolean;
  readonly noteLabel: string;
}

export const RECEIPT_RULES: Readonly<Record<RegisteredChannel, ReceiptRule>> = {
  'in-person': {
    dateLabel: '当面提交日期',
    explanation: '申请人当面提交申请的，以提交之日为收到申请之日。',
    basis: '当面提交之日（第三十一条第（一）项）',
    evidence: { required: false, label: '收件记录' },
    noteRequired: false,
    noteLabel: '收件说明',
  },
  'letter-registered': {
    dateLabel: '本机关签收日期',
    explanation: '以挂号信、快递等需要签收的方式邮寄的，以本机关签收之日为收到申请之日。',
    basis: '挂号信、快递签收之日（第三十一条第（二）项）',
    evidence: { required: true, label: '签收的邮件凭证（邮件详情单、签收记录）' },
    noteRequired: false,
    noteLabel: '邮件单号等说明',
  },
  'letter-ordinary': {
    dateLabel: '与申请人确认收到的日期',
    explanation:
      '以平常信函等无需签收的方式邮寄的，政府信息公开工作机构应当在收到当日与申请人确认，以确认之日为收到申请之日。',
    basis: '平常信函与申请人确认之日（第三十一条第（二）项）',
    evidence: { required: true, label: '与申请人的确认记录（通话记录、短信或书面确认）' },
    noteRequired: false,
    noteLabel: '确认方式说明',
  },
  email: {
    dateLabel: '双方确认日期（本机关回复确认收到电子邮件之日）',
    explanation: '通过电子邮箱提交的，以本机关确认收到、双方确认之日为收到申请之日。',
    basis: '电子邮件双方确认之日（第三十一条第（三）项）',
    evidence: { required: false, label: '确认收到的邮件' },
    noteRequired: false,
    noteLabel: '确认方式说明',
  },
  fax: {
    dateLabel: '双方确认日期（本机关确认收到传真之日）',
    explanation: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日。',
    basis: '传真双方确认之日（第三十一条第（三）项）',
    evidence: { required: false, label: '传真件或确认记录' },
    noteRequired: false,
    noteLabel: '确认方式说明',
  },
  oral: {
    dateLabel: '口头提出申请的日期',
    explanation:
      '申请人采用书面形式确有困难的，可以口头提出，由政府信息公开工作机构代为填写申请，以口头提出之日为收到申请之日。',
    basis: '口头提出之日，由工作机构代为填写（第二十九条第一款、第三十一条第（一）项）',
    evidence: { required: false, label: '申请人签字确认的代填申请' },
    noteRequired: true,
    noteLabel: '书面申请确有困难的情况',
  },
};

/**
 * The same calendar day one year earlier; 29 February falls back to 28 February. A receipt date older
 * than this is almost certainly a typing error, and repeated requests are looked for within this span.
 */
export function oneYearBefore(date: PlainDate): PlainDate {
  dayNumberOf(date);
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** The same calendar day one year later; 29 February falls back to 28 February. */
export function oneYearAfter(date: PlainDate): PlainDate {
  dayNumberOf(date);
  const year = String(Number(date.slice(0, 4)) + 1).padStart(4, '0');
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/**
 * Why a receipt date cannot be right on `today` (China), or null when it can: it may not lie in the
 * future, nor more than one year back.
 */
export function receiptDateProblem(date: PlainDate, today: PlainDate): string | null {
  if (date > today) return `不能晚于今天（${today}）：收到申请之日只能是已经发生的日期`;
  const earliest = oneYearBefore(today);
  if (date < earliest) {
    return `不能早于 ${earliest}（一年以前），请核对日期`;
  }
  return null;
}
