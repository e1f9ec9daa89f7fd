// Detailed home addresses: a road and house number down to the building, unit or room; an estate with
// building and room; a village with its group and house number; or any address with a house number
// after a word such as 住址. An office address (路 + 号, or 号 + floor) is not a home address and is
// left alone. The span includes the administrative levels written before the street, so that the
// proposed mask keeps them (core/privacy/mask.ts maskAddress).
import { maskAddress } from '../privacy/mask.ts';
import type { PersonalCandidate } from './personal-candidate.ts';

/** A character of a place name: not a digit, Latin letter, space or punctuation, nor a level or street word. */
const NAME = String.raw`[^\s\dA-Za-z\p{P}\p{S}省市区县旗盟镇乡路街巷弄号村组楼栋幢室单元户住址在居的是为到从向]`;
const NUMBER = String.raw`[0-9一二三四五六七八九十百零〇两]{1,6}`;
const ROAD = String.raw`${NAME}{1,12}?(?:大街|大道|路|街|巷|胡同)`;
const HOUSE = String.raw`${NUMBER}(?:号院|号|弄)(?:${NUMBER}(?:号|支弄))?`;
/** Parts that only a dwelling has: building, unit, room (a floor alone is an office too). */
const DWELLING_PART = String.raw`${NUMBER}(?:号楼|栋|幢|单元|室|户|号房)`;
const ANY_PART = String.raw`${NUMBER}(?:号楼|栋|幢|单元|室|户|号房|楼|层|号)`;
const DASHED = String.raw`${NUMBER}(?:-${NUMBER}){1,2}(?:室|号)?`;
const DETAIL = String.raw`(?:\s?(?:${ANY_PART})){0,3}?\s?(?:${DWELLING_PART}|${DASHED})(?:\s?(?:${ANY_PART}))*`;

const STREET_ADDRESS = new RegExp(String.raw`${ROAD}${HOUSE}${DETAIL}`, 'gu');
const ESTATE_ADDRESS = new RegExp(
  String.raw`${NAME}{1,12}?(?:小区|花园|家园|公寓|新村|苑|社区)(?:${DASHED}|(?:\s?${ANY_PART}){1,3}\s?${DWELLING_PART}(?:\s?${ANY_PART})*)`,
  'gu',
);
const VILLAGE_ADDRESS = new RegExp(
  String.raw`${NAME}{1,10}?村(?:${NUMBER}(?:组|社|队))?${NUMBER}号(?:\s?${ANY_PART})*`,
  'gu',
);

/** After these words whatever carries a house number is someone's home. */
const HOME_LABEL =
  /(?:家庭住址|家庭地址|现住址|现居住地|居住地址|户籍地址|户籍所在地|住址|家住)[\s:：为是]*/gu;
const LABELLED_ADDRESS_END = /[\n，。；;,、（(]/u;
const LABELLED_ADDRESS_MAX = 60;
const HAS_HOUSE_NUMBER = new RegExp(String.raw`${NUMBER}(?:号|室|组|栋|幢|单元)`, 'u');

/** Administrative levels that may precede a street (广东省深圳市南山区粤海街道). */
const LEVEL_NAME = String.raw`[^\s\dA-Za-z\p{P}\p{S}省市区县旗盟镇乡路街巷弄号村组楼栋幢室住址在居的是为到从向]`;
const LEVELS = new RegExp(
  String.raw`^(?:${LEVEL_NAME}{1,9}?(?:省|自治区|特别行政区|自治州|地区|盟|市|自治县|自治旗|区|县|旗|街道|镇|乡))+$`,
  'u',
);
const LEVELS_LOOKBACK = 40;

/** Moves the start back over the administrative levels written right before it. */
function startWithLevels(text: string, start: number): number {
  const from = Math.max(0, start - LEVELS_LOOKBACK);
  for (let candidate = from; candidate < start; candidate += 1) {
    if (LEVELS.test(text.slice(candidate, start))) return candidate;
  }
  return start;
}

function addressCandidate(original: string, start: number, end: number): PersonalCandidate {
  const text = original.slice(start, end);
  return {
    start,
    end,
    text,
    category: 'address',
    severity: 'error',
    message: '详细住址属于个人信息，公开前应遮盖到街道（乡镇）一级',
    proposedMask: maskAddress(text),
    priority: 1,
  };
}

/**
 * Where each pattern can match: the word that every match contains, and how far a match may reach
 * before and after it. Running the full pattern only around these words keeps the scan linear.
 */
interface AnchoredPattern {
  readonly pattern: RegExp;
  readonly anchor: RegExp;
  readonly before: number;
  readonly after: number;
}

const ANCHORED: readonly AnchoredPattern[] = [
  {
    pattern: STREET_ADDRESS,
    anchor: new RegExp(String.raw`(?:大街|大道|路|街|巷|胡同)${NUMBER}(?:号院|号|弄)`, 'gu'),
    before: 12,
    after: 80,
  },
  { pattern: ESTATE_ADDRESS, anchor: /小区|花园|家园|公寓|新村|苑|社区/gu, before: 12, after: 60 },
  { pattern: VILLAGE_ADDRESS, anchor: /村/gu, before: 10, after: 40 },
];

function* anchoredMatches(view: string, { pattern, anchor, before, after }: AnchoredPattern) {
  let searchedTo = 0;
  for (const found of view.matchAll(anchor)) {
    const from = Math.max(searchedTo, found.index - before);
    if (found.index < from) continue;
    const window = view.slice(from, found.index + after);
    pattern.lastIndex = 0;
    for (const match of window.matchAll(pattern)) {
      if (match.index > found.index - from) break;
      const start = from + match.index;
      searchedTo = start + match[0].length;
      yield { start, end: searchedTo };
    }
  }
}

export function detectAddresses(view: string, original: string): PersonalCandidate[] {
  const found: PersonalCandidate[] = [];
  for (const anchored of ANCHORED) {
    for (const { start, end } of anchoredMatches(view, anchored)) {
      found.push(addressCandidate(original, startWithLevels(view, start), end));
    }
  }
  for (const label of view.matchAll(HOME_LABEL)) {
    const start = label.index + label[0].length;
    const rest = view.slice(start, start + LABELLED_ADDRESS_MAX);
    const stop = LABELLED_ADDRESS_END.exec(rest);
    const address = (stop ? rest.slice(0, stop.index) : rest).trimEnd();
    if (!HAS_HOUSE_NUMBER.test(address)) continue;
    found.push(addressCandidate(original, start, start + address.length));
  }
  return found;
}
