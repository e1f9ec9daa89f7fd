// Dictionaries of wording that must not be published as written: sensitive terms, non-standard
// political wording, wrong forms of fixed expressions, leaders' names with outdated titles, obsolete
// institution names and common typos. Admins maintain them; every term is matched after normalisation
// (normalize.ts) with one Aho–Corasick automaton over all dictionaries.
import { buildMatcher, type Matcher } from './aho-corasick.ts';
import { normalizeTerm, originalSpan, type NormalizedText } from './normalize.ts';
import {
  CATEGORY_LABELS,
  DICTIONARY_CATEGORIES,
  SEVERITY_LABELS,
  type DictionaryCategory,
  type Finding,
  type Severity,
} from './types.ts';

export interface DictionaryEntry {
  /** The wording to find, as written (it is normalised for matching). */
  readonly term: string;
  readonly category: DictionaryCategory;
  readonly severity: Severity;
  /** The right wording, when there is one. */
  readonly suggestion?: string;
  /** Why the term is listed, or where the rule comes from. */
  readonly note?: string;
}

export interface Dictionary {
  readonly name: string;
  readonly entries: readonly DictionaryEntry[];
}

export const DEFAULT_SEVERITY: Readonly<Record<DictionaryCategory, Severity>> = {
  sensitive: 'error',
  political_wording: 'error',
  fixed_expression: 'error',
  leader_title: 'error',
  obsolete_institution: 'warning',
  typo: 'warning',
};

export const ENTRY_FIELDS = ['term', 'category', 'severity', 'suggestion', 'note'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export const ENTRY_FIELD_LABELS: Readonly<Record<EntryField, string>> = {
  term: '词条',
  category: '类别',
  severity: '级别',
  suggestion: '建议',
  note: '说明',
};

export const MAX_TERM_LENGTH = 100;
export const MAX_TEXT_LENGTH = 500;

export type RawEntry = Partial<Record<EntryField, string>>;

export interface EntryProblem {
  readonly field: EntryField;
  readonly message: string;
}

export type EntryResult =
  | { readonly ok: true; readonly entry: DictionaryEntry }
  | { readonly ok: false; readonly problems: readonly EntryProblem[] };

function categoryOf(value: string): DictionaryCategory | undefined {
  const text = value.trim();
  return DICTIONARY_CATEGORIES.find((category) => category === text || CATEGORY_LABELS[category] === text);
}

const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  error: 'error',
  错误: 'error',
  warning: 'warning',
  提示: 'warning',
  警告: 'warning',
};

function optional(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : text;
}

/**
 * Checks one entry as typed by an admin (categories and severities in English codes or their Chinese
 * labels; the severity defaults by category). All problems of the entry are reported at once.
 */
export function parseDictionaryEntry(raw: RawEntry): EntryResult {
  const problems: EntryProblem[] = [];
  const term = raw.term?.trim() ?? '';
  if (term === '') {
    problems.push({ field: 'term', message: '词条不能为空' });
  } else if (Array.from(term).length > MAX_TERM_LENGTH) {
    problems.push({ field: 'term', message: `词条不能超过${MAX_TERM_LENGTH}个字` });
  } else if (normalizeTerm(term) === '') {
    problems.push({ field: 'term', message: '词条只有空白或标点，无法匹配' });
  }
  const category = categoryOf(raw.category ?? '');
  if (category === undefined) {
    const allowed = DICTIONARY_CATEGORIES.map((code) => `${code}（${CATEGORY_LABELS[code]}）`).join('、');
    problems.push({
      field: 'category',
      message: `类别“${raw.category?.trim() ?? ''}”无法识别，应为：${allowed}`,
    });
  }
  const severityText = raw.severity?.trim() ?? '';
  const severity = severityText === '' ? undefined : SEVERITY_WORDS[severityText.toLowerCase()];
  if (severityText !== '' && severity === undefined) {
    problems.push({
      field: 'severity',
      message: `级别“${severityText}”无法识别，应为 error（${SEVERITY_LABELS.error}）或 warning（${SEVERITY_LABELS.warning}）`,
    });
  }
  for (const field of ['suggestion', 'note'] as const) {
    if (Array.from(raw[field]?.trim() ?? '').length > MAX_TEXT_LENGTH) {
      problems.push({ field, message: `${ENTRY_FIELD_LABELS[field]}不能超过${MAX_TEXT_LENGTH}个字` });
    }
  }
  if (problems.length > 0 || category === undefined) return { ok: false, problems };
  const suggestion = optional(raw.suggestion);
  const note = optional(raw.note);
  return {
    ok: true,
    entry: {
      term,
      category,
      severity: severity ?? DEFAULT_SEVERITY[category],
      ...(suggestion === undefined ? {} : { suggestion }),
      ...(note === undefined ? {} : { note }),
    },
  };
}

export interface DictionaryMatcher {
  readonly matcher: Matcher;
  /** The entries behind each pattern of the matcher (one normalised term may come from several). */
  readonly entries: readonly (readonly DictionaryEntry[])[];
}

export function compileDictionaries(dictionaries: readonly Dictionary[]): DictionaryMatcher {
  const byTerm = new Map<string, DictionaryEntry[]>();
  for (const dictionary of dictionaries) {
    for (const entry of dictionary.entries) {
      const normalized = normalizeTerm(entry.term);
      if (normalized === '') continue;
      const list = byTerm.get(normalized);
      if (list) list.push(entry);
      else byTerm.set(normalized, [entry]);
    }
  }
  return { matcher: buildMatcher([...byTerm.keys()]), entries: [...byTerm.values()] };
}

const ASCII_WORD = /[a-z0-9]/;

/** The character (code point) of `text` that ends at `index`, or ''. */
function characterBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return text.slice(index >= 2 && isLowSurrogate ? index - 2 : index - 1, index);
}

function characterAt(text: string, index: number): string {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

/** A term that begins (ends) with a Latin letter or digit must not begin (end) inside a word. */
function insideWord(
  normalized: NormalizedText,
  start: number,
  end: number,
  spanStart: number,
  spanEnd: number,
): boolean {
  const { text, original } = normalized;
  const before = normalizeTerm(characterBefore(original, spanStart));
  const after = normalizeTerm(characterAt(original, spanEnd));
  if (ASCII_WORD.test(text.charAt(start)) && ASCII_WORD.test(before.slice(-1))) return true;
  return ASCII_WORD.test(text.charAt(end - 1)) && ASCII_WORD.test(after.charAt(0));
}

function messageFor(entry: DictionaryEntry): string {
  const term = `“${entry.term}”`;
  const right = entry.suggestion === undefined ? '' : `“${entry.suggestion}”`;
  switch (entry.category) {
    case 'sensitive':
      return `含敏感词${term}，请核实能否公开`;
    case 'political_wording':
      return right ? `表述不规范：${term}，规范表述为${right}` : `表述不规范：${term}`;
    case 'fixed_expression':
      return right ? `固定表述有误：${term}，应为${right}` : `固定表述有误：${term}`;
    case 'leader_title':
      return right ? `领导姓名与职务不符：${term}，应为${right}` : `领导姓名与职务不符：${term}`;
    case 'obsolete_institution':
      return right ? `机构名称已变更：${term}，现为${right}` : `机构名称已变更或撤销：${term}`;
    case 'typo':
      return right ? `疑似错别字：${term}，应为${right}` : `疑似错别字：${term}`;
  }
}

export function findDictionaryTerms(normalized: NormalizedText, compiled: DictionaryMatcher): Finding[] {
  const findings: Finding[] = [];
  for (const match of compiled.matcher.findAll(normalized.text)) {
    const span = originalSpan(normalized, match.start, match.end);
    if (span === null || insideWord(normalized, match.start, match.end, span.start, span.end)) continue;
    for (const entry of compiled.entries[match.pattern] ?? []) {
      findings.push({
        start: span.start,
        end: span.end,
        text: normalized.original.slice(span.start, span.end),
        category: entry.category,
        severity: entry.severity,
        message: messageFor(entry),
        ...(entry.suggestion === undefined ? {} : { suggestion: entry.suggestion }),
        ...(entry.note === undefined ? {} : { note: entry.note }),
      });
    }
  }
  return findings;
}
