// Input rules for an application (条例第二十九条). Every field is checked before anything is written, and
// every broken rule is reported at once, each naming its field, so the applicant can fix all in one go.
import { Invalid } from '../../core/errors.ts';
import { toHalfWidth } from '../../core/identity/normalize-code.ts';
import { validateResidentId } from '../../core/identity/resident-id.ts';
import { validateUscc } from '../../core/identity/uscc.ts';
import {
  APPLICANT_KINDS,
  ID_TYPE_LABELS,
  isOneOf,
  OBTAIN_WAY_LABELS,
  OBTAIN_WAYS,
  ORGANISATION_TYPES,
  PERSON_ID_TYPES,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
  type ApplicantKind,
  type IdType,
  type ObtainWay,
  type ProvisionForm,
  type RequestedInformation,
} from './model.ts';

/** One broken rule: the form field and a zh-CN message that names it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Bad input with every broken rule; `field` and the message are those of the first. */
export class InvalidApplication extends Invalid {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors[0]?.field ?? 'application', errors.map((error) => error.message).join('；'));
  }
}

/** The form as typed: every value a string or missing. */
export type ApplicationForm = Readonly<Record<string, string | undefined>>;

export interface ValidApplication {
  readonly unitId: number;
  readonly applicantKind: ApplicantKind;
  readonly applicantType: string;
  readonly applicantName: string;
  readonly idType: IdType;
  /** A person's document number (normalised); null for organisations. */
  readonly idNumber: string | null;
  readonly orgUscc: string | null;
  readonly contactName: string | null;
  readonly phone: string;
  readonly email: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly fax: string | null;
  readonly request: RequestedInformation;
  readonly provisionForm: ProvisionForm;
  readonly obtainWay: ObtainWay;
  readonly purpose: string | null;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0[12]\d|0[3-9]\d{2})(\d{7,8})$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/u;

/** The digits of a phone as stored: an 11-digit mobile, or area code + "-" + local number. */
export function normalisePhone(text: string): string | null {
  let digits = toHalfWidth(text).replace(/[\s()（）-]/g, '');
  digits = digits.replace(/^(\+86|0086)/, '');
  if (MOBILE.test(digits)) return digits;
  const landline = LANDLINE.exec(digits);
  return landline ? `${landline[1] ?? ''}-${landline[2] ?? ''}` : null;
}

/** The last 4 digits of a stored phone: the status page's second factor. */
export function phoneTail(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

class Collector {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): null {
    this.errors.push({ field, message });
    return null;
  }

  /** Trimmed text (half-width for codes when asked), or null when empty; checks the length. */
  text(form: ApplicationForm, field: string, label: string, max: number, required = false): string | null {
    const text = (form[field] ?? '').trim();
    if (text === '') return required ? this.fail(field, `“${label}”必填`) : null;
    if (Array.from(text).length > max) return this.fail(field, `“${label}”不能超过 ${max} 个字`);
    if (/[\p{Cc}]/u.test(text.replace(/[\r\n\t]/g, ''))) {
      return this.fail(field, `“${label}”不能包含控制字符`);
    }
    return text;
  }

  choice<T extends string>(
    form: ApplicationForm,
    field: string,
    label: string,
    values: readonly T[],
    labels: Readonly<Record<T, string>>,
  ): T | null {
    const value = (form[field] ?? '').trim();
    if (isOneOf(values, value)) return value;
    return this.fail(field, `请选择“${label}”：${values.map((v) => labels[v]).join('、')}之一`);
  }
}

interface IdentityFields {
  readonly type: string;
  readonly number: string;
  /** Prefix of the labels, e.g. “代理人”. */
  readonly who: string;
}

const APPLICANT_IDENTITY: IdentityFields = { type: 'idType', number: 'idNumber', who: '' };
const AGENT_IDENTITY: IdentityFields = { type: 'agentIdType', number: 'agentIdNumber', who: '代理人' };

function personIdentity(c: Collector, form: ApplicationForm, today: Date, fields = APPLICANT_IDENTITY) {
  const numberLabel = `${fields.who}证件号码`;
  const idType = c.choice(form, fields.type, `${fields.who}证件类型`, PERSON_ID_TYPES, ID_TYPE_LABELS);
  const raw = c.text(form, fields.number, numberLabel, 40, true);
  if (idType === null || raw === null) return { idType, idNumber: null };
  const text = toHalfWidth(raw).replace(/\s/g, '').toUpperCase();
  if (idType === 'resident-id') {
    const result = validateResidentId(text, today);
    if (!result.ok) {
      return { idType, idNumber: c.fail(fields.number, `“${numberLabel}”不正确：${result.message}`) };
    }
    return { idType, idNumber: result.id };
  }
  if (!/^[0-9A-Z]{5,30}$/.test(text)) {
    return { idType, idNumber: c.fail(fields.number, `“${numberLabel}”应为 5–30 位字母或数字`) };
  }
  return { idType, idNumber: text };
}

function organisationIdentity(c: Collector, form: ApplicationForm) {
  const raw = c.text(form, 'orgUscc', '统一社会信用代码', 40, true);
  if (raw === null) return null;
  const result = validateUscc(raw);
  if (!result.ok) return c.fail('orgUscc', `“统一社会信用代码”不正确：${result.message}`);
  return result.code;
}

function contacts(c: Collector, form: ApplicationForm) {
  const phoneText = c.text(form, 'phone', '联系电话', 30, true);
  const phone =
    phoneText === null
      ? null
      : (normalisePhone(phoneText) ??
        c.fail('phone', '“联系电话”应为 11 位手机号码或带区号的固定电话（如 024-12345678）'));
  const emailText = c.text(form, 'email', '电子邮箱', 254);
  const email =
    emailText === null || EMAIL.test(emailText)
      ? emailText
      : c.fail('email', '“电子邮箱”格式不正确，应如 name@example.com');
  const address = c.text(form, 'address', '通信地址', 200);
  const postcodeText = c.text(form, 'postcode', '邮政编码', 6);
  const postcode =
    postcodeText === null || /^\d{6}$/.test(toHalfWidth(postcodeText))
      ? postcodeText && toHalfWidth(postcodeText)
      : c.fail('postcode', '“邮政编码”应为 6 位数字');
  const faxText = c.text(form, 'fax', '传真', 30);
  const fax = faxText === null ? null : (normalisePhone(faxText) ?? c.fail('fax', '“传真”应为带区号的号码'));
  return { phone, email, address, postcode, fax };
}

/** Validates the whole form; throws InvalidApplication listing every broken rule. */
export function validateApplicationForm(form: ApplicationForm, today: Date = new Date()): ValidApplication {
  const c = new Collector();
  const unitText = (form.unitId ?? '').trim();
  const unitId = /^\d{1,15}$/.test(unitText) && Number(unitText) > 0 ? Number(unitText) : null;
  if (unitId === null) c.fail('unitId', '请选择“受理机关”');
  const kind = c.choice(form, 'applicantKind', '申请人类型', APPLICANT_KINDS, {
    person: '公民',
    organisation: '法人或者其他组织',
  });
  const isOrganisation = kind === 'organisation';
  const applicantName = c.text(form, 'applicantName', isOrganisation ? '名称' : '姓名', 100, true);
  let applicantType: string | null = '自然人';
  let identity: { idType: IdType | null; idNumber: string | null } = { idType: 'uscc', idNumber: null };
  let orgUscc: string | null = null;
  let contactName: string | null = null;
  if (kind === 'person') identity = personIdentity(c, form, today);
  if (isOrganisation) {
    const type = (form.applicantType ?? '').trim();
    applicantType = (ORGANISATION_TYPES as readonly string[]).includes(type)
      ? type
      : c.fail('applicantType', `请选择“组织类别”：${ORGANISATION_TYPES.join('、')}之一`);
    orgUscc = organisationIdentity(c, form);
    contactName = c.text(form, 'contactName', '法定代表人或者联系人', 50, true);
  }
  const contact = contacts(c, form);
  const request: RequestedInformation = {
    description: c.text(form, 'description', '所需政府信息的内容描述', 2000, true) ?? '',
    title: c.text(form, 'title', '信息名称', 200),
    documentNumber: c.text(form, 'documentNumber', '文号', 100),
    indexNumber: c.text(form, 'indexNumber', '索引号', 100),
  };
  const provisionForm = c.choice(form, 'provisionForm', '提供形式', PROVISION_FORMS, PROVISION_FORM_LABELS);
  const obtainWay = c.choice(form, 'obtainWay', '获取方式', OBTAIN_WAYS, OBTAIN_WAY_LABELS);
  const blank = (field: string) => (form[field] ?? '').trim() === '';
  const needed: Readonly<Record<ObtainWay, readonly (readonly [string, string])[]>> = {
    post: [
      ['address', '通信地址'],
      ['postcode', '邮政编码'],
    ],
    email: [['email', '电子邮箱']],
    fax: [['fax', '传真']],
    collect: [],
    'on-site': [],
  };
  for (const [field, label] of obtainWay === null ? [] : needed[obtainWay]) {
    if (blank(field))
      c.fail(field, `获取方式为“${OBTAIN_WAY_LABELS[obtainWay as ObtainWay]}”时，“${label}”必填`);
  }
  const purpose = c.text(form, 'purpose', '用途', 500);
  if (c.errors.length > 0) throw new InvalidApplication(c.errors);
  return {
    unitId: unitId as number,
    applicantKind: kind as ApplicantKind,
    applicantType: applicantType as string,
    applicantName: applicantName as string,
    idType: identity.idType as IdType,
    idNumber: identity.idNumber,
    orgUscc,
    contactName,
    phone: contact.phone as string,
    email: contact.email,
    address: contact.address,
    postcode: contact.postcode,
    fax: contact.fax,
    request,
    provisionForm: provisionForm as ProvisionForm,
    obtainWay: obtainWay as ObtainWay,
    purpose,
  };
}

/** A query code as typed: half-width, upper case, without spaces or hyphens. */
export function normaliseQueryCode(value: string | undefined): string {
  return toHalfWidth(value ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

/** The agent of a proxy application (代理申请): a person acting for the applicant with a power of attorney. */
export interface ValidAgent {
  readonly name: string;
  readonly idType: (typeof PERSON_ID_TYPES)[number];
  readonly idNumber: string;
}

/** Whether the form says the application is made by an agent (the “代理申请” box is ticked). */
export function isProxyApplication(form: ApplicationForm): boolean {
  return (form.byAgent ?? '').trim() === 'yes';
}

/** The agent's name and identity document, required when the box is ticked; null otherwise. */
export function validateAgent(form: ApplicationForm, today: Date = new Date()): ValidAgent | null {
  if (!isProxyApplication(form)) return null;
  const c = new Collector();
  const name = c.text(form, 'agentName', '代理人姓名', 50, true);
  const identity = personIdentity(c, form, today, AGENT_IDENTITY);
  if (c.errors.length > 0) throw new InvalidApplication(c.errors);
  return {
    name: name as string,
    idType: identity.idType as ValidAgent['idType'],
    idNumber: identity.idNumber as string,
  };
}

/**
 * Runs one validation and adds its broken rules to `errors` instead of throwing, so that a form checked
 * by several validators still reports every broken rule at once. Null when it failed.
 */
export function collectErrors<T>(errors: FieldError[], validation: () => T): T | null {
  try {
    return validation();
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    errors.push(...errorsOf(error));
    return null;
  }
}

/** The broken rules of an Invalid, one or many, for showing next to their fields. */
export function errorsOf(error: Invalid): readonly FieldError[] {
  return error instanceof InvalidApplication
    ? error.errors
    : [{ field: error.field, message: error.message }];
}

/** Every text field of the application form, for reading the request body. */
export const APPLICATION_FORM_FIELDS = [
  'unitId',
  'applicantKind',
  'applicantName',
  'idType',
  'idNumber',
  'applicantType',
  'orgUscc',
  'contactName',
  'byAgent',
  'agentName',
  'agentIdType',
  'agentIdNumber',
  'phone',
  'email',
  'address',
  'postcode',
  'fax',
  'description',
  'title',
  'documentNumber',
  'indexNumber',
  'provisionForm',
  'obtainWay',
  'purpose',
] as const;
