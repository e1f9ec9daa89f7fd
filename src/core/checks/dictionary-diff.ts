// What replacing a deployment's dictionary with an imported list changes: entries are identified by
// category and term as written, so a row whose severity, suggestion or note differs is a change, not a
// removal plus an addition. The admin sees this before confirming an import.
import type { DictionaryEntry } from './dictionary.ts';
import { CATEGORY_LABELS } from './types.ts';

export interface EntryChange {
  readonly before: DictionaryEntry;
  readonly after: DictionaryEntry;
}

export interface DictionaryDiff {
  readonly added: readonly DictionaryEntry[];
  readonly removed: readonly DictionaryEntry[];
  readonly changed: readonly EntryChange[];
  readonly unchanged: number;
}

export function entryIdentity(entry: Pick<DictionaryEntry, 'category' | 'term'>): string {
  return `${entry.category}\u0000${entry.term}`;
}

function sameEntry(a: DictionaryEntry, b: DictionaryEntry): boolean {
  return a.severity === b.severity && a.suggestion === b.suggestion && a.note === b.note;
}

/** Entries listed more than once under one category (zh-CN messages, one per repeated term). */
export function duplicateEntries(entries: readonly DictionaryEntry[]): string[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  const messages: string[] = [];
  for (const entry of entries) {
    const identity = entryIdentity(entry);
    if (seen.has(identity) && !reported.has(identity)) {
      reported.add(identity);
      messages.push(`词条“${entry.term}”在类别“${CATEGORY_LABELS[entry.category]}”中出现了不止一次`);
    }
    seen.add(identity);
  }
  return messages;
}

/** The difference from `current` to `next`, each list in the order of the list it comes from. */
export function diffDictionaries(
  current: readonly DictionaryEntry[],
  next: readonly DictionaryEntry[],
): DictionaryDiff {
  const before = new Map(current.map((entry) => [entryIdentity(entry), entry]));
  const afterKeys = new Set(next.map(entryIdentity));
  const added: DictionaryEntry[] = [];
  const changed: EntryChange[] = [];
  let unchanged = 0;
  for (const entry of next) {
    const old = before.get(entryIdentity(entry));
    if (old === undefined) added.push(entry);
    else if (sameEntry(old, entry)) unchanged += 1;
    else changed.push({ before: old, after: entry });
  }
  const removed = current.filter((entry) => !afterKeys.has(entryIdentity(entry)));
  return { added, removed, changed, unchanged };
}
