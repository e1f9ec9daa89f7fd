// Masking of personal data in lists and exports (个人信息保护法 Art. 51 (3): de-identification as a
// security measure; 等保 GB/T 22239-2019 8.1.4.9 b: no unauthorised access to personal information).
// Every function is total: any string in, a masked string out, never the full value of anything personal.

const STAR = '*';
const FIXED_MASK = '****';

/** Below this many hidden characters the head/tail pattern would reveal too much of a short value. */
const MIN_HIDDEN = 4;

function stars(count: number): string {
  return STAR.repeat(Math.max(0, count));
}

/**
 * Keeps `head` leading and `tail` trailing characters and replaces each other character by `*`.
 * A value too short for that (fewer than four characters would stay hidden) keeps only a quarter at
 * each end instead.
 */
export function maskKeepingEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value.trim());
  const length = chars.length;
  const fits = length - head - tail >= MIN_HIDDEN;
  const keepHead = fits ? head : Math.floor(length / 4);
  const keepTail = fits ? tail : Math.floor(length / 4);
  const hidden = stars(length - keepHead - keepTail);
  return `${chars.slice(0, keepHead).join('')}${hidden}${chars.slice(length - keepTail).join('')}`;
}

/** Resident ID (18 or 15 characters): 110105********1234. */
export function maskIdNumber(value: string): string {
  return maskKeepingEnds(value, 6, 4);
}

/** Bank card number, spaces and hyphens ignored: 6222***********1234. */
export function maskBankCard(value: string): string {
  return maskKeepingEnds(value.replace(/[\s-]/g, ''), 4, 4);
}

const MOBILE = /^(\+?86|0086)?[\s-]*(1\d{2})[\s-]*(\d{4})[\s-]*(\d{4})$/;
/** An area code set off by brackets or a separator: (0755)87654321, 010-12345678, 0755 8765 4321. */
const WRITTEN_AREA_CODE = /^(?:[(（](0\d{2,3})[)）][\s-]*|(0\d{2,3})[\s-]+)(\d[\d\s-]*)$/;
const DIGITS_ONLY = /^\d[\d\s-]*$/;

/** Chinese trunk codes: 010 and 020–029 have three digits, every other one has four. */
function splitAreaCode(digits: string): { areaCode: string; local: string } | null {
  if (!digits.startsWith('0')) return null;
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  return { areaCode: digits.slice(0, areaLength), local: digits.slice(areaLength) };
}

function maskLocalNumber(local: string): string {
  const digits = local.replace(/\D/g, '');
  if (digits.length < 6) return stars(digits.length);
  return `${stars(digits.length - 2)}${digits.slice(-2)}`;
}

/**
 * Mobile numbers keep 3 + 4 digits (138****5678, with a +86 prefix kept as written); landlines keep the
 * area code and the last two digits (010-******78); anything else is masked like a short value.
 */
export function maskMobile(value: string): string {
  const text = value.trim();
  const mobile = MOBILE.exec(text);
  if (mobile) {
    const prefix = mobile[1] === undefined ? '' : `${mobile[1]} `;
    return `${prefix}${mobile[2] ?? ''}${FIXED_MASK}${mobile[4] ?? ''}`;
  }
  const written = WRITTEN_AREA_CODE.exec(text);
  if (written) return `${written[1] ?? written[2] ?? ''}-${maskLocalNumber(written[3] ?? '')}`;
  if (DIGITS_ONLY.test(text)) {
    const split = splitAreaCode(text.replace(/\D/g, ''));
    if (split && split.local.length >= 7) return `${split.areaCode}-${maskLocalNumber(split.local)}`;
    return maskLocalNumber(text);
  }
  return maskKeepingEnds(text, 0, 0);
}

/**
 * Two-character surnames (复姓) that are still in use; a four-character name beginning with one keeps
 * both characters. A name such as 张王丽丽 (two single surnames) keeps only the first.
 */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 西门 申屠 轩辕 ' +
    '澹台 公羊 万俟 闻人 呼延 太史 钟离 赫连 第五 拓跋 司空 百里 东郭 濮阳 淳于 单于 仲孙 公冶 宗政 ' +
    '鲜于 闾丘 左丘 梁丘 东门 亓官 巫马 公西 漆雕 乐正 谷梁 段干 夹谷'
  ).split(' '),
);

const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
/** The interpunct between the parts of a transcribed name, e.g. 阿沛·阿旺晋美. */
const NAME_SEPARATORS = new Set(['·', '•', '・', '.']);

/**
 * Chinese names keep the surname: 张* / 张** / 欧阳** (a compound surname is kept when the name has at
 * least four characters, so 欧阳明 becomes 欧**); the separators of transcribed names stay visible.
 * Latin names keep the first letter: J***.
 */
export function maskName(value: string): string {
  const name = value.trim();
  const chars = Array.from(name);
  if (chars.length === 0) return '';
  if (!HAN.test(name) && LATIN_LETTER.test(name)) return `${chars[0] ?? ''}***`;
  if (chars.length === 1) return STAR;
  const keep = chars.length >= 4 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const masked = chars.slice(keep).map((char) => (NAME_SEPARATORS.has(char) ? char : STAR));
  return `${chars.slice(0, keep).join('')}${masked.join('')}`;
}

/** Email: z***@example.com (the domain stays; it says where, not who). */
export function maskEmail(value: string): string {
  const text = value.trim();
  if (text === '') return '';
  const at = text.lastIndexOf('@');
  if (at < 0) return maskKeepingEnds(text, 1, 0);
  const first = Array.from(text.slice(0, at))[0] ?? '';
  return `${first}***${text.slice(at)}`;
}

// Administrative levels of an address (GB/T 2260 names). A name part may not contain the characters
// that end a level or name a street or building, so a road name is never taken for a district.
const NAME_CHAR = String.raw`[^\s\d省市区县旗盟路街巷弄号村组楼栋幢室]`;
const PROVINCE = new RegExp(
  String.raw`^(?:北京市?|天津市?|上海市?|重庆市?|${NAME_CHAR}{2,8}?(?:省|自治区|特别行政区))`,
  'u',
);
const CITY = new RegExp(String.raw`^${NAME_CHAR}{1,9}?(?:自治州|地区|盟|市)`, 'u');
// 小区, 社区, 校区 and the like name a housing estate or a campus, not a district.
const COUNTY = new RegExp(
  String.raw`^${NAME_CHAR}{1,9}?(?:自治县|自治旗|林区|特区|(?<![小社校厂营景])区|县|旗|市)`,
  'u',
);
const TOWNSHIP = new RegExp(String.raw`^${NAME_CHAR}{1,8}?(?:街道|镇|乡)`, 'u');

/**
 * Keeps the administrative prefix down to the sub-district (province, city, district or county, and
 * 街道/镇/乡 when written) and replaces the rest by ****: 广东省深圳市南山区粤海街道****. An address
 * without a recognisable prefix becomes **** entirely.
 */
export function maskAddress(value: string): string {
  const text = value.trim();
  if (text === '') return '';
  let kept = '';
  let rest = text;
  for (const level of [PROVINCE, CITY, COUNTY, TOWNSHIP]) {
    const match = level.exec(rest);
    if (match) {
      kept += match[0];
      rest = rest.slice(match[0].length);
    }
  }
  if (rest.trim() === '') return kept;
  return `${kept}${FIXED_MASK}`;
}
