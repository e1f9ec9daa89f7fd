import { describe, expect, it } from 'vitest';
import {
  compileDictionaries,
  parseDictionaryEntry,
  type Dictionary,
  type DictionaryEntry,
} from './dictionary.ts';
import { runChecks } from './run-checks.ts';
import { SAMPLE_DICTIONARY, SHIPPED_DICTIONARIES } from './sample-dictionaries.ts';
import { DICTIONARY_CATEGORIES } from './types.ts';

function dictionary(...entries: DictionaryEntry[]): Dictionary {
  return { name: 'test', entries };
}

const TYPO: DictionaryEntry = { term: '按装', category: 'typo', severity: 'warning', suggestion: '安装' };

/** [category, start, end, text] of the findings of `text` against `dictionaries`. */
function terms(text: string, ...dictionaries: Dictionary[]) {
  return runChecks(text, { dictionaries }).map((finding) => [
    finding.category,
    finding.start,
    finding.end,
    finding.text,
  ]);
}

describe('parseDictionaryEntry', () => {
  it('reads English codes and Chinese labels, and trims', () => {
    expect(
      parseDictionaryEntry({ term: ' 按装 ', category: 'typo', severity: 'error', suggestion: '安装' }),
    ).toEqual({
      ok: true,
      entry: { term: '按装', category: 'typo', severity: 'error', suggestion: '安装' },
    });
    expect(
      parseDictionaryEntry({ term: '国土资源部', category: '机构名称', severity: '错误', note: '2018年' }),
    ).toEqual({
      ok: true,
      entry: { term: '国土资源部', category: 'obsolete_institution', severity: 'error', note: '2018年' },
    });
  });

  it('takes the severity of the category when none is given', () => {
    const typo = parseDictionaryEntry({ term: '按装', category: 'typo', severity: '' });
    const sensitive = parseDictionaryEntry({ term: '绝密★', category: '敏感词' });
    expect(typo.ok && typo.entry.severity).toBe('warning');
    expect(sensitive.ok && sensitive.entry.severity).toBe('error');
  });

  it('reports every problem of an entry, naming the field', () => {
    expect(parseDictionaryEntry({ term: '', category: '错字', severity: 'high' })).toEqual({
      ok: false,
      problems: [
        { field: 'term', message: '词条不能为空' },
        {
          field: 'category',
          message:
            '类别“错字”无法识别，应为：sensitive（敏感词）、political_wording（规范表述）、fixed_expression（固定表述）、leader_title（领导姓名职务）、obsolete_institution（机构名称）、typo（错别字）',
        },
        { field: 'severity', message: '级别“high”无法识别，应为 error（错误）或 warning（提示）' },
      ],
    });
    expect(parseDictionaryEntry({ term: '，。', category: 'typo' })).toEqual({
      ok: false,
      problems: [{ field: 'term', message: '词条只有空白或标点，无法匹配' }],
    });
    expect(parseDictionaryEntry({ term: '字'.repeat(101), category: 'typo' })).toEqual({
      ok: false,
      problems: [{ field: 'term', message: '词条不能超过100个字' }],
    });
    expect(parseDictionaryEntry({ term: '按装', category: 'typo', note: '注'.repeat(501) })).toEqual({
      ok: false,
      problems: [{ field: 'note', message: '说明不能超过500个字' }],
    });
  });
});

describe('dictionary matching', () => {
  it('finds a term written in traditional characters, full width, another case, or with separators', () => {
    const dictionaries = [
      dictionary(
        TYPO,
        { term: '国家旅游局', category: 'obsolete_institution', severity: 'warning' },
        { term: 'WiFi', category: 'typo', severity: 'warning', suggestion: 'Wi-Fi' },
      ),
    ];
    expect(terms('原國家旅遊局', ...dictionaries)).toEqual([['obsolete_institution', 1, 6, '國家旅遊局']]);
    expect(terms('免费ＷＩＦＩ', ...dictionaries)).toEqual([['typo', 2, 6, 'ＷＩＦＩ']]);
    expect(terms('请按 装', ...dictionaries)).toEqual([['typo', 1, 4, '按 装']]);
    expect(terms('请按\u200b装', ...dictionaries)).toEqual([['typo', 1, 4, '按\u200b装']]);
    expect(terms('请按-*-装', ...dictionaries)).toEqual([['typo', 1, 6, '按-*-装']]);
    expect(terms('国 家 旅 游 局', ...dictionaries)).toEqual([
      ['obsolete_institution', 0, 9, '国 家 旅 游 局'],
    ]);
  });

  it('does not run a term across a sentence, a line or a long gap', () => {
    expect(terms('先按。装修', dictionary(TYPO))).toEqual([]);
    expect(terms('先按\n装修', dictionary(TYPO))).toEqual([]);
    expect(terms('先按     装修', dictionary(TYPO))).toEqual([]);
  });

  it('keeps Latin terms to whole words', () => {
    const ai = dictionary({ term: 'AI', category: 'sensitive', severity: 'warning' });
    expect(terms('he said', ai)).toEqual([]);
    expect(terms('AIDS', ai)).toEqual([]);
    expect(terms('用AI写作，ai。', ai)).toEqual([
      ['sensitive', 1, 3, 'AI'],
      ['sensitive', 6, 8, 'ai'],
    ]);
  });

  it('says what is wrong and what is right, per category', () => {
    const entries: DictionaryEntry[] = [
      { term: '甲甲', category: 'sensitive', severity: 'error' },
      { term: '乙乙', category: 'political_wording', severity: 'error', suggestion: '乙丙' },
      { term: '丙丙', category: 'fixed_expression', severity: 'error', suggestion: '丙丁' },
      { term: '丁丁', category: 'leader_title', severity: 'error', suggestion: '丁戊' },
      { term: '戊戊', category: 'obsolete_institution', severity: 'warning' },
      { term: '己己', category: 'typo', severity: 'warning', suggestion: '己庚', note: '常见' },
    ];
    const findings = runChecks('甲甲乙乙丙丙丁丁戊戊己己', { dictionaries: [dictionary(...entries)] });
    expect(
      findings.map((finding) => [finding.message, finding.suggestion ?? null, finding.note ?? null]),
    ).toEqual([
      ['含敏感词“甲甲”，请核实能否公开', null, null],
      ['表述不规范：“乙乙”，规范表述为“乙丙”', '乙丙', null],
      ['固定表述有误：“丙丙”，应为“丙丁”', '丙丁', null],
      ['领导姓名与职务不符：“丁丁”，应为“丁戊”', '丁戊', null],
      ['机构名称已变更或撤销：“戊戊”', null, null],
      ['疑似错别字：“己己”，应为“己庚”', '己庚', '常见'],
    ]);
  });

  it('reports a term listed in two dictionaries once, at the higher severity', () => {
    const findings = runChecks('请按装', {
      dictionaries: [dictionary(TYPO), dictionary({ ...TYPO, severity: 'error' })],
    });
    expect(findings.map((finding) => [finding.start, finding.end, finding.severity])).toEqual([
      [1, 3, 'error'],
    ]);
  });

  it('reports a term inside a longer one of the same category only as the longer one', () => {
    const dictionaries = dictionary(
      { term: '国家工商行政管理总局', category: 'obsolete_institution', severity: 'warning' },
      { term: '工商行政管理', category: 'obsolete_institution', severity: 'warning' },
      { term: '工商', category: 'sensitive', severity: 'warning' },
    );
    expect(terms('原国家工商行政管理总局；工商行政管理', dictionaries)).toEqual([
      ['obsolete_institution', 1, 11, '国家工商行政管理总局'],
      ['sensitive', 3, 5, '工商'],
      ['obsolete_institution', 12, 18, '工商行政管理'],
      ['sensitive', 12, 14, '工商'],
    ]);
  });

  it('accepts dictionaries compiled once for many texts', () => {
    const compiled = compileDictionaries([dictionary(TYPO)]);
    expect(runChecks('按装', { dictionaries: compiled }).map((finding) => finding.text)).toEqual(['按装']);
    expect(runChecks('安装', { dictionaries: compiled })).toEqual([]);
  });
});

describe('the shipped dictionary', () => {
  it('holds only labelled samples, each a valid entry', () => {
    expect(SHIPPED_DICTIONARIES).toEqual([SAMPLE_DICTIONARY]);
    expect(SAMPLE_DICTIONARY.name).toContain('示例');
    for (const entry of SAMPLE_DICTIONARY.entries) {
      expect(entry.note, entry.term).toMatch(/^示例条目/);
      expect(parseDictionaryEntry(entry), entry.term).toEqual({ ok: true, entry });
      expect(entry.suggestion, entry.term).not.toBe(entry.term);
    }
  });

  it('has examples of every category', () => {
    const categories = new Set(SAMPLE_DICTIONARY.entries.map((entry) => entry.category));
    expect([...categories].sort()).toEqual([...DICTIONARY_CATEGORIES].sort());
  });

  it('is used when no dictionaries are given', () => {
    expect(
      runChecks('既使如此，也要按装好；國家工商行政管理總局').map((finding) => [
        finding.category,
        finding.start,
        finding.end,
        finding.suggestion,
      ]),
    ).toEqual([
      ['typo', 0, 2, '即使'],
      ['typo', 7, 9, '安装'],
      ['obsolete_institution', 11, 21, '国家市场监督管理总局'],
    ]);
  });

  it('finds a classification mark, star included', () => {
    expect(terms('机密★1年', SAMPLE_DICTIONARY)).toEqual([['sensitive', 0, 3, '机密★']]);
    expect(terms('商业机密', SAMPLE_DICTIONARY)).toEqual([]);
  });
});
