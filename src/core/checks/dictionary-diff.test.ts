import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from './dictionary.ts';
import { diffDictionaries, duplicateEntries } from './dictionary-diff.ts';

const entry = (term: string, extra: Partial<DictionaryEntry> = {}): DictionaryEntry => ({
  term,
  category: 'typo',
  severity: 'warning',
  ...extra,
});

describe('diffDictionaries', () => {
  it('tells added, removed, changed and unchanged entries apart by category and term', () => {
    const current = [entry('甲'), entry('乙'), entry('丙', { suggestion: '丁' })];
    const next = [
      entry('乙'),
      entry('丙', { suggestion: '戊' }),
      entry('甲', { category: 'sensitive', severity: 'error' }),
    ];
    const diff = diffDictionaries(current, next);
    expect(diff.added).toEqual([entry('甲', { category: 'sensitive', severity: 'error' })]);
    expect(diff.removed).toEqual([entry('甲')]);
    expect(diff.changed).toEqual([
      { before: entry('丙', { suggestion: '丁' }), after: entry('丙', { suggestion: '戊' }) },
    ]);
    expect(diff.unchanged).toBe(1);
  });

  it('finds no change between a list and itself', () => {
    const list = [entry('甲', { note: '说明' }), entry('乙')];
    expect(diffDictionaries(list, list)).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });
});

describe('duplicateEntries', () => {
  it('names each term repeated within one category once', () => {
    const list = [entry('甲'), entry('甲'), entry('甲'), entry('甲', { category: 'sensitive' }), entry('乙')];
    expect(duplicateEntries(list)).toEqual(['词条“甲”在类别“错别字”中出现了不止一次']);
  });
});
