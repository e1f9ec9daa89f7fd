// An application as it is stored, from its valid form: personal data sealed (and indexed where a look-up
// needs it), and a fresh query code. Shared by every way an application arrives (the online form, staff
// registration of the other channels).
import { randomInt } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid } from '../../core/errors.ts';
import { protectPersonal, sealPersonal } from '../privacy/personal-field.ts';
import { phoneTail, type ValidApplication } from './validate.ts';

/** Query codes avoid characters that are easily confused when read aloud or copied (0/O, 1/I/L). */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 12;

export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++)
    code += QUERY_CODE_ALPHABET.charAt(randomInt(QUERY_CODE_ALPHABET.length));
  return code;
}

export function protectApplication(context: AppContext, v: ValidApplication, code: string, date: PlainDate) {
  const seal = (value: string | null) => (value === null ? null : sealPersonal(context.keys, value));
  const phone = protectPersonal(context.keys, v.phone, 'phone');
  const tail = protectPersonal(context.keys, phoneTail(v.phone), 'phone');
  if (phone === null || tail === null) throw new Invalid('phone', '“联系电话”必填');
  return {
    queryCode: code,
    unitId: v.unitId,
    channel: 'online' as const,
    receivedOn: date,
    applicantKind: v.applicantKind,
    applicantType: v.applicantType,
    idType: v.idType,
    orgUscc: v.orgUscc,
    applicantName: sealPersonal(context.keys, v.applicantName),
    idNumber: protectPersonal(context.keys, v.idNumber, 'id-number'),
    contactName: seal(v.contactName),
    phone,
    phoneTail: tail,
    email: protectPersonal(context.keys, v.email, 'email'),
    address: seal(v.address),
    postcode: seal(v.postcode),
    fax: seal(v.fax),
    request: v.request,
    provisionForm: v.provisionForm,
    obtainWay: v.obtainWay,
    purpose: v.purpose,
  };
}
