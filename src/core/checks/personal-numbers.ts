// Numbers that identify a person: resident ID numbers (GB 11643), mobile and fixed-line phone numbers,
// bank card numbers and e-mail addresses. The detectors read the half-width view of the text (same
// offsets as the original, full-width digits turned into ASCII ones) and never take digits out of a
// longer run of digits or letters.
import { validateLegacyResidentId, validateResidentId } from '../identity/resident-id.ts';
import { maskBankCard, maskEmail, maskIdNumber, maskMobile } from '../privacy/mask.ts';
import type { PersonalCandidate } from './personal-candidate.ts';

/**
 * Not preceded by a digit or letter, nor by a digit and a decimal point (3.1415…): the digits found are
 * a whole run. Spaces, commas and hyphens do separate runs (lists of numbers, 024-138…).
 */
const OPEN = String.raw`(?<![0-9A-Za-z])(?<!\d\.)`;
const CLOSE = String.raw`(?![0-9A-Za-z])(?!\.\d)`;

/** Units after a number that make it an amount or a quantity, not a phone or card number. */
const QUANTITY_AFTER =
  /^\s?(?:元|角|分|万|亿|千|百|%|‰|美元|港元|欧元|平方|米|公里|千米|吨|千克|公斤|克|升|人次|人|户|件|次|个|台|辆|册|页|字|元整)/;

const ID_18 = new RegExp(String.raw`${OPEN}(\d{6})([ -]?)(\d{8})\2(\d{3}[\dXx])${CLOSE}`, 'g');
const ID_15 = new RegExp(String.raw`${OPEN}\d{15}${CLOSE}`, 'g');
/** Labels of other 15-digit numbers (old business registration numbers, order and file numbers). */
const OTHER_NUMBER_LABEL =
  /(?:注册号|编号|单号|流水号|订单|代码|文号|批准号|许可证号|合同号|账号|帐号|卡号|批次|条码)[^\n]{0,8}$/;
const ID_LABEL = /(?:身份证|身份号码|证件号)[^\n]{0,8}$/;

const MOBILE = new RegExp(String.raw`${OPEN}(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}${CLOSE}`, 'g');

const AREA_CODE = String.raw`(?:010|02\d|0[3-9]\d{2})`;
const LOCAL_NUMBER = String.raw`[2-9]\d{2,3}[ -]?\d{4}`;
const EXTENSION = String.raw`(?<extension>[ ]?(?:转|分机|ext\.?|x)[ ]?\d{1,5}|-\d{1,5})?`;
const LANDLINE_WRITTEN = new RegExp(
  String.raw`(?:[(（]${AREA_CODE}[)）][ -]?|${OPEN}${AREA_CODE}[ -])${LOCAL_NUMBER}${EXTENSION}${CLOSE}`,
  'g',
);
/** Area code and number run together are only taken for a phone number after a phone label. */
const LANDLINE_RUN = new RegExp(String.raw`${OPEN}${AREA_CODE}[2-9]\d{6,7}${EXTENSION}${CLOSE}`, 'g');
const PHONE_LABEL = /(?:电话|座机|传真|联系方式|tel|fax)[^\n]{0,8}$/i;

const CARD_RUN = new RegExp(String.raw`${OPEN}\d{13,19}${CLOSE}`, 'g');
const CARD_GROUPED = new RegExp(
  String.raw`${OPEN}\d{4}([ -])\d{4}\1\d{4}(?:\1\d{4})?(?:\1\d{1,4})?${CLOSE}`,
  'g',
);
/** A card number is reported only near one of these words: a digit run that passes Luhn is not enough. */
const CARD_CONTEXT = /银行卡|银行账|银行帐|卡号|账号|帐号|账户|帐户|开户|储蓄卡|信用卡|借记卡/;
const CARD_CONTEXT_BEFORE = 24;

/** An address is not taken out of a longer run of address characters (a@b.cn@c.cn is none). */
const EMAIL =
  /(?<![A-Za-z0-9._%+@-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9@-])/g;

const LABEL_WINDOW = 16;

/**
 * The words that label a number stand in its clause: the text before `start` back to the previous
 * clause or line break, or to the end of an earlier number (“账号：…，订单号 6222…” names an order).
 */
function clauseBefore(text: string, start: number, length: number): string {
  const slice = text.slice(Math.max(0, start - length), start);
  let cut = 0;
  for (const match of slice.matchAll(/[\n。；;，,！？!?]|\d{6,}/g)) cut = match.index + match[0].length;
  return slice.slice(cut);
}

/** After the number only a remark in brackets on it counts: 6222…（借记卡）. */
const REMARK_AFTER = /^\s?[(（][^()（）\n]{1,10}[)）]/;

function isQuantity(text: string, end: number): boolean {
  return QUANTITY_AFTER.test(text.slice(end, end + 4));
}

function digitsOf(text: string): string {
  return text.replace(/[^0-9Xx]/g, '').toUpperCase();
}

/**
 * The mask of core/privacy/mask.ts, with an area code in brackets kept in its brackets: they are what
 * separates the number from digits written before it.
 */
function maskLandline(number: string): string {
  const masked = maskMobile(number);
  const bracketed = /^([(（])(\d+)([)）])/.exec(number);
  if (bracketed === null) return masked;
  return `${bracketed[1] ?? ''}${bracketed[2] ?? ''}${bracketed[3] ?? ''}${masked.slice(masked.indexOf('-') + 1)}`;
}

/** ISO/IEC 7812 (Luhn) check over all digits, the last being the check digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits.charAt(digits.length - 1 - index));
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function candidate(
  original: string,
  start: number,
  end: number,
  fields: Pick<PersonalCandidate, 'category' | 'severity' | 'message' | 'proposedMask' | 'priority'>,
): PersonalCandidate {
  return { start, end, text: original.slice(start, end), ...fields };
}

export function detectResidentIds(view: string, original: string, today: Date): PersonalCandidate[] {
  const found: PersonalCandidate[] = [];
  for (const match of view.matchAll(ID_18)) {
    const digits = digitsOf(match[0]);
    if (!validateResidentId(digits, today).ok) continue;
    const start = match.index;
    found.push(
      candidate(original, start, start + match[0].length, {
        category: 'resident_id',
        severity: 'error',
        message: '居民身份证号码属于敏感个人信息，公开前应遮盖',
        proposedMask: maskIdNumber(digits),
        priority: 6,
      }),
    );
  }
  for (const match of view.matchAll(ID_15)) {
    const start = match.index;
    if (!validateLegacyResidentId(match[0], today).ok) continue;
    const before = clauseBefore(view, start, LABEL_WINDOW);
    if (OTHER_NUMBER_LABEL.test(before) && !ID_LABEL.test(before)) continue;
    found.push(
      candidate(original, start, start + match[0].length, {
        category: 'resident_id',
        severity: 'error',
        message: '15位居民身份证号码属于敏感个人信息，公开前应遮盖',
        proposedMask: maskIdNumber(match[0]),
        priority: 4,
      }),
    );
  }
  return found;
}

export function detectPhones(view: string, original: string): PersonalCandidate[] {
  const found: PersonalCandidate[] = [];
  for (const match of view.matchAll(MOBILE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isQuantity(view, end)) continue;
    found.push(
      candidate(original, start, end, {
        category: 'mobile',
        severity: 'error',
        message: '手机号码属于个人信息，公开前应遮盖',
        proposedMask: maskMobile(match[0]),
        priority: 3,
      }),
    );
  }
  const landlines = [
    ...view.matchAll(LANDLINE_WRITTEN),
    ...[...view.matchAll(LANDLINE_RUN)].filter((match) =>
      PHONE_LABEL.test(clauseBefore(view, match.index, LABEL_WINDOW)),
    ),
  ];
  for (const match of landlines) {
    const start = match.index;
    const end = start + match[0].length;
    if (isQuantity(view, end)) continue;
    // The extension alone identifies no one: the mask keeps it so that the office stays reachable.
    const extension = match.groups?.extension ?? '';
    const number = match[0].slice(0, match[0].length - extension.length);
    found.push(
      candidate(original, start, end, {
        category: 'landline',
        severity: 'warning',
        message: '固定电话号码：如为个人电话应遮盖，单位对外公开的办公电话可以保留',
        proposedMask: `${maskLandline(number)}${extension}`,
        priority: 2,
      }),
    );
  }
  return found;
}

export function detectBankCards(view: string, original: string): PersonalCandidate[] {
  const found: PersonalCandidate[] = [];
  for (const match of [...view.matchAll(CARD_RUN), ...view.matchAll(CARD_GROUPED)]) {
    const start = match.index;
    const end = start + match[0].length;
    const digits = digitsOf(match[0]);
    if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) continue;
    if (isQuantity(view, end)) continue;
    const context = `${clauseBefore(view, start, CARD_CONTEXT_BEFORE)}\n${REMARK_AFTER.exec(view.slice(end))?.[0] ?? ''}`;
    if (!CARD_CONTEXT.test(context)) continue;
    found.push(
      candidate(original, start, end, {
        category: 'bank_card',
        severity: 'error',
        message: '银行卡号属于敏感个人信息，公开前应遮盖',
        proposedMask: maskBankCard(match[0]),
        priority: 5,
      }),
    );
  }
  return found;
}

export function detectEmails(view: string, original: string): PersonalCandidate[] {
  return [...view.matchAll(EMAIL)].map((match) => {
    const start = match.index;
    return candidate(original, start, start + match[0].length, {
      category: 'email',
      severity: 'warning',
      message: '电子邮箱：如为个人邮箱应遮盖，单位对外公开的邮箱可以保留',
      proposedMask: maskEmail(match[0]),
      priority: 7,
    });
  });
}
