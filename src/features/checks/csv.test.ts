import { describe, expect, it } from 'vitest';
import { SAMPLE_DICTIONARY } from '../../core/checks/index.ts';
import { describeProblem, dictionaryToCsv, parseDictionaryCsv } from './csv.ts';

describe('parseDictionaryCsv', () => {
  it('reads English headers', () => {
    const csv =
      'term,category,severity,suggestion,note\n按装,typo,warning,安装,\n"台湾政府",political_wording,error,台湾当局,"规范表述，见某规定"\n';
    expect(parseDictionaryCsv(csv, 'words.csv')).toEqual({
      dictionary: {
        name: 'words.csv',
        entries: [
          { term: '按装', category: 'typo', severity: 'warning', suggestion: '安装' },
          {
            term: '台湾政府',
            category: 'political_wording',
            severity: 'error',
            suggestion: '台湾当局',
            note: '规范表述，见某规定',
          },
        ],
      },
      problems: [],
    });
  });

  it('reads Chinese headers in any order, a byte-order mark, CRLF and blank lines; the severity defaults', () => {
    const csv = '\uFEFF类别,词条,建议\r\n机构名称,国土资源部,自然资源部\r\n\r\n错别字,既使,即使\r\n';
    expect(parseDictionaryCsv(csv, '词库').dictionary.entries).toEqual([
      { term: '国土资源部', category: 'obsolete_institution', severity: 'warning', suggestion: '自然资源部' },
      { term: '既使', category: 'typo', severity: 'warning', suggestion: '即使' },
    ]);
  });

  it('names the row and the column of every problem, and keeps the good rows', () => {
    const csv = [
      '词条,类别,级别',
      '按装,错别字,提示',
      ',错别字,提示',
      '既使,错字,高',
      '再接再励,typo,warning,多余',
      '迫不急待,typo,',
    ].join('\n');
    const { dictionary, problems } = parseDictionaryCsv(csv, 'd.csv');
    expect(dictionary.entries.map((entry) => entry.term)).toEqual(['按装', '迫不急待']);
    expect(problems.map(describeProblem)).toEqual([
      '第 3 行“词条”列：词条不能为空',
      '第 4 行“类别”列：类别“错字”无法识别，应为：sensitive（敏感词）、political_wording（规范表述）、fixed_expression（固定表述）、leader_title（领导姓名职务）、obsolete_institution（机构名称）、typo（错别字）',
      '第 4 行“级别”列：级别“高”无法识别，应为 error（错误）或 warning（提示）',
      '第 5 行“—”列：这一行有 4 列，比表头多',
    ]);
  });

  it('refuses unknown, repeated and missing headers before reading any row', () => {
    expect(
      parseDictionaryCsv('term,kind,term\n按装,typo,按装\n', 'd.csv').problems.map(describeProblem),
    ).toEqual([
      '第 1 行“kind”列：表头无法识别，应为 term、category、severity、suggestion、note 或 词条、类别、级别、建议、说明',
      '第 1 行“term”列：表头重复',
      '第 1 行“类别”列：缺少这一列',
    ]);
  });

  it('reports a broken file with the line where reading stopped', () => {
    expect(parseDictionaryCsv('term,category\n"按装,typo\n', 'd.csv').problems).toEqual([
      { row: 2, column: '—', message: 'CSV 格式错误：请检查引号是否成对' },
    ]);
    expect(parseDictionaryCsv('', 'd.csv').problems).toEqual([
      { row: 1, column: '—', message: '文件是空的' },
    ]);
  });
});

describe('dictionaryToCsv', () => {
  it('writes Chinese headers and labels with a byte-order mark', () => {
    const csv = dictionaryToCsv({
      name: 'd',
      entries: [
        { term: '按装', category: 'typo', severity: 'warning', suggestion: '安装' },
        { term: '绝密★', category: 'sensitive', severity: 'error', note: '密级标志, 可能涉密' },
      ],
    });
    expect(csv).toBe(
      '\uFEFF词条,类别,级别,建议,说明\r\n按装,错别字,提示,安装,\r\n绝密★,敏感词,错误,,"密级标志, 可能涉密"\r\n',
    );
  });

  it('is read back unchanged', () => {
    const { dictionary, problems } = parseDictionaryCsv(
      dictionaryToCsv(SAMPLE_DICTIONARY),
      SAMPLE_DICTIONARY.name,
    );
    expect(problems).toEqual([]);
    expect(dictionary).toEqual(SAMPLE_DICTIONARY);
  });
});
