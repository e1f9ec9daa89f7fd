// The automatic content checks of proactive disclosure: personal data, 统一社会信用代码 and dictionaries.
export { runChecks, findPersonalData } from './run-checks.ts';
export type { CheckOptions } from './run-checks.ts';
export {
  compileDictionaries,
  parseDictionaryEntry,
  DEFAULT_SEVERITY,
  ENTRY_FIELDS,
  ENTRY_FIELD_LABELS,
} from './dictionary.ts';
export type {
  Dictionary,
  DictionaryEntry,
  DictionaryMatcher,
  EntryField,
  EntryProblem,
  EntryResult,
  RawEntry,
} from './dictionary.ts';
export { SAMPLE_DICTIONARY, SHIPPED_DICTIONARIES } from './sample-dictionaries.ts';
export { normalizeForMatching, normalizeTerm } from './normalize.ts';
export {
  CATEGORY_LABELS,
  DICTIONARY_CATEGORIES,
  PERSONAL_CATEGORIES,
  SEVERITY_LABELS,
  isPersonalCategory,
  proposedFix,
} from './types.ts';
export type { Finding, FindingCategory, DictionaryCategory, PersonalCategory, Severity } from './types.ts';
