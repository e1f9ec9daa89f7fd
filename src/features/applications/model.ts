// Disclosure applications (依申请公开, 《政府信息公开条例》第二十七条至第四十五条): the contents of an
// application (第二十九条), its channel and legal receipt date (第三十一条), and what the pages show.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { ClockReading, DueStatus } from '../../core/clock/deadline-clock.ts';
import { TABLE3_COLUMNS } from '../../core/report/format.ts';

/** The channels of Art. 31, each with its own rule for the legal receipt date. */
export const CHANNELS = [
  'online',
  'letter-registered',
  'letter-ordinary',
  'email',
  'fax',
  'in-person',
  'oral',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: '网络申请',
  'letter-registered': '信函（挂号信、快递）',
  'letter-ordinary': '信函（平常信函）',
  email: '电子邮箱',
  fax: '传真',
  'in-person': '当面申请',
  oral: '口头申请（工作人员代为填写）',
};

export const APPLICANT_KINDS = ['person', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const APPLICANT_KIND_LABELS: Readonly<Record<ApplicantKind, string>> = {
  person: '公民（自然人）',
  organisation: '法人或者其他组织',
};

/** The applicant types of table 三 (the statistics), without the total column. */
export const APPLICANT_TYPES = TABLE3_COLUMNS.filter((column) => column !== '总计');
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
/** The types an organisation may choose: every type but 自然人. */
export const ORGANISATION_TYPES = APPLICANT_TYPES.filter((type) => type !== '自然人');

/** Identity documents of a person; an organisation is identified by its 统一社会信用代码. */
export const PERSON_ID_TYPES = ['resident-id', 'passport', 'other'] as const;
export type IdType = (typeof PERSON_ID_TYPES)[number] | 'uscc';

export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  'resident-id': '居民身份证',
  passport: '护照',
  other: '其他有效身份证件',
  uscc: '统一社会信用代码',
};

/** 提供政府信息的形式 (Art. 29). */
export const PROVISION_FORMS = ['paper', 'electronic', 'disc'] as const;
export type ProvisionForm = (typeof PROVISION_FORMS)[number];

export const PROVISION_FORM_LABELS: Readonly<Record<ProvisionForm, string>> = {
  paper: '纸质文本',
  electronic: '电子文件',
  disc: '光盘等存储介质',
};

/** 获取信息的方式 (Art. 29). */
export const OBTAIN_WAYS = ['post', 'email', 'fax', 'collect', 'on-site'] as const;
export type ObtainWay = (typeof OBTAIN_WAYS)[number];

export const OBTAIN_WAY_LABELS: Readonly<Record<ObtainWay, string>> = {
  post: '邮寄',
  email: '电子邮件',
  fax: '传真',
  collect: '自行领取',
  'on-site': '当场阅读、抄录',
};

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** The information sought (Art. 29 (二)). */
export interface RequestedInformation {
  readonly description: string;
  readonly title: string | null;
  readonly documentNumber: string | null;
  readonly indexNumber: string | null;
}

/** An application as the repo returns it: personal data still sealed. */
export interface StoredApplication {
  readonly id: number;
  readonly queryCode: string;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly channel: Channel;
  readonly receivedOn: PlainDate;
  readonly applicantKind: ApplicantKind;
  readonly applicantType: string;
  readonly idType: IdType;
  readonly orgUscc: string | null;
  readonly sealed: {
    readonly applicantName: string;
    readonly idNumber: string | null;
    readonly contactName: string | null;
    readonly phone: string;
    readonly phoneTailIndex: string;
    readonly email: string | null;
    readonly address: string | null;
    readonly postcode: string | null;
    readonly fax: string | null;
  };
  readonly request: RequestedInformation;
  readonly provisionForm: ProvisionForm;
  readonly obtainWay: ObtainWay;
  readonly purpose: string | null;
  readonly createdAt: Date;
  readonly status: ApplicationStatusCode;
  readonly handlerId: number | null;
  readonly dueOn: PlainDate | null;
  readonly clockState: string | null;
  readonly outcome: string | null;
  readonly closedOn: PlainDate | null;
  readonly registeredBy: number | null;
  readonly receiptBasis: string | null;
}

export type ApplicationStatusCode = 'open' | 'closed';

/**
 * One step of the timeline as stored. Clock events (see core/clock) move the due date; the other steps
 * (registration, routing, co-handling, legal consultation, letters, attachments) are the record of who
 * did what. `received` is written once, at registration.
 */
export interface ApplicationEvent {
  readonly id: number;
  readonly type: string;
  readonly date: PlainDate;
  readonly workdays: number | null;
  readonly due: PlainDate | null;
  readonly reason: string | null;
  readonly party: string | null;
  readonly ref: string | null;
  readonly unitId: number | null;
  readonly toUnitId: number | null;
  readonly userId: number | null;
  readonly details: Readonly<Record<string, unknown>> | null;
  readonly recordedBy: number | null;
  readonly createdAt: Date;
}

/** The clock as pages show it: derived from the ledger on a given day, or why it cannot be. */
export type ClockView =
  | {
      readonly ok: true;
      readonly reading: ClockReading;
      readonly today: PlainDate;
      readonly workdaysLeft: number | null;
      readonly overdueWorkdays: number;
      readonly status: DueStatus;
    }
  | { readonly ok: false; readonly message: string };

/** An application for staff pages: personal data masked. */
export interface MaskedApplication {
  readonly id: number;
  readonly queryCode: string;
  readonly unitId: number;
  readonly unitName: string;
  readonly channel: Channel;
  readonly receivedOn: PlainDate;
  readonly applicantKind: ApplicantKind;
  readonly applicantType: string;
  readonly idType: IdType;
  readonly orgUscc: string | null;
  readonly applicantName: string;
  readonly idNumber: string | null;
  readonly contactName: string | null;
  readonly phone: string;
  readonly email: string | null;
  readonly address: string | null;
  readonly hasPostcode: boolean;
  readonly hasFax: boolean;
  readonly request: RequestedInformation;
  readonly provisionForm: ProvisionForm;
  readonly obtainWay: ObtainWay;
  readonly purpose: string | null;
  readonly clock: ClockView;
}
