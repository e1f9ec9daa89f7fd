import { describe, expect, it } from 'vitest';
import { checkItem } from '../publishing/item-checks.ts';
import type { Dictionary } from './dictionary.ts';
import { newScanFindings, scanTaskDescription } from './rescan.ts';

const dictionary: Dictionary = {
  name: '测试',
  entries: [
    { term: '南朝鲜', category: 'political_wording', severity: 'error', suggestion: '韩国' },
    { term: '帐号', category: 'typo', severity: 'warning', suggestion: '账号' },
  ],
};

const item = { title: '南朝鲜考察', summary: '', body: '南朝鲜帐号；电话 13812345678' };
const findings = checkItem(item, { dictionaries: [dictionary], today: new Date('2026-11-30') });

describe('newScanFindings', () => {
  it('keeps error-severity dictionary findings only, one per key', () => {
    const found = newScanFindings(findings, new Set(), new Set());
    expect(found.map((finding) => finding.key)).toEqual([
      'title:political_wording:南朝鲜',
      'body:political_wording:南朝鲜',
    ]);
  });

  it('leaves out findings overridden at publication or reported by an earlier scan', () => {
    expect(
      newScanFindings(findings, new Set(['title:political_wording:南朝鲜']), new Set()).map((f) => f.key),
    ).toEqual(['body:political_wording:南朝鲜']);
    expect(
      newScanFindings(
        findings,
        new Set(['title:political_wording:南朝鲜']),
        new Set(['body:political_wording:南朝鲜']),
      ),
    ).toEqual([]);
  });

  it('describes the findings with their field', () => {
    const found = newScanFindings(findings, new Set(), new Set());
    expect(scanTaskDescription(found.slice(0, 1), 3)).toBe(
      '词库更新（第 3 版）后复查已公开信息，发现以下问题：\n标题：“南朝鲜”——表述不规范：“南朝鲜”，规范表述为“韩国”',
    );
  });
});
