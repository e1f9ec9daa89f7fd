// All automatic content checks of one text: personal data, 统一社会信用代码 and the dictionaries.
import { detectAddresses } from './addresses.ts';
import { scanCodes } from './codes.ts';
import {
  compileDictionaries,
  findDictionaryTerms,
  type Dictionary,
  type DictionaryMatcher,
} from './dictionary.ts';
import { detectNames } from './names.ts';
import { normalizeForMatching } from './normalize.ts';
import { settleOverlaps } from './personal-candidate.ts';
import { detectBankCards, detectEmails, detectPhones, detectResidentIds } from './personal-numbers.ts';
import { SHIPPED_DICTIONARIES } from './sample-dictionaries.ts';
import {
  DICTIONARY_CATEGORIES,
  PERSONAL_CATEGORIES,
  type Finding,
  type FindingCategory,
  type Severity,
} from './types.ts';

export interface CheckOptions {
  /** The dictionaries to match (default: the shipped samples); compile them once for many texts. */
  readonly dictionaries?: readonly Dictionary[] | DictionaryMatcher;
  /** Birth dates after this day make an ID number implausible (default: now). */
  readonly today?: Date;
}

const compiled = new WeakMap<readonly Dictionary[], DictionaryMatcher>();

function matcherFor(dictionaries: readonly Dictionary[] | DictionaryMatcher): DictionaryMatcher {
  if (!Array.isArray(dictionaries)) return dictionaries as DictionaryMatcher;
  const list = dictionaries as readonly Dictionary[];
  let matcher = compiled.get(list);
  if (matcher === undefined) {
    matcher = compileDictionaries(list);
    compiled.set(list, matcher);
  }
  return matcher;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/**
 * The text with full-width ASCII forms and the ideographic space in half width: one UTF-16 unit for
 * one, so offsets stay those of the original (what toHalfWidth in core/identity does, in one pass).
 */
function halfWidthView(text: string): string {
  return text.replace(FULL_WIDTH, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/** Personal data, with spans of valid 统一社会信用代码 shielded, plus invalid labelled codes. */
export function findPersonalData(text: string, today: Date = new Date()): Finding[] {
  const view = halfWidthView(text);
  const codes = scanCodes(view, text, today);
  const candidates = [
    ...detectResidentIds(view, text, today),
    ...detectBankCards(view, text),
    ...detectPhones(view, text),
    ...detectEmails(view, text),
    ...detectAddresses(view, text),
    ...detectNames(view, text),
  ];
  return [...settleOverlaps(candidates, codes.shielded), ...codes.findings];
}

const CATEGORY_ORDER: readonly FindingCategory[] = [...PERSONAL_CATEGORIES, 'uscc', ...DICTIONARY_CATEGORIES];
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 2, warning: 1 };

/**
 * One finding per span and category (the most severe entry wins when several dictionaries list the
 * same term), and none inside a longer finding of the same category (国家工商行政管理总局 rather
 * than also 工商行政管理局 within it).
 */
function mergeDictionaryFindings(findings: readonly Finding[]): Finding[] {
  // In order of start, longer and more severe first: a finding is inside an earlier one of its
  // category exactly when it ends no later than the furthest end seen so far in that category.
  const ordered = [...findings].sort(
    (a, b) => a.start - b.start || b.end - a.end || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
  const furthestEnd = new Map<FindingCategory, number>();
  const kept: Finding[] = [];
  for (const finding of ordered) {
    if (finding.end <= (furthestEnd.get(finding.category) ?? -1)) continue;
    furthestEnd.set(finding.category, finding.end);
    kept.push(finding);
  }
  return kept;
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.start - b.start ||
    b.end - a.end ||
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category)
  );
}

/** Every finding in the text, sorted by offset (then longer first). */
export function runChecks(text: string, options: CheckOptions = {}): Finding[] {
  const matcher = matcherFor(options.dictionaries ?? SHIPPED_DICTIONARIES);
  const terms = matcher.entries.length === 0 ? [] : findDictionaryTerms(normalizeForMatching(text), matcher);
  return [...findPersonalData(text, options.today), ...mergeDictionaryFindings(terms)].sort(byPosition);
}
