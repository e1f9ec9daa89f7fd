import { describe, expect, it } from 'vitest';
import { ID_X, TODAY, USCC } from './personal-fixtures.test-fixture.ts';
import { runChecks } from './run-checks.ts';
import { proposedFix } from './types.ts';

describe('runChecks', () => {
  it('reports personal data, codes and dictionary terms of one text in order of offset', () => {
    const text = [
      '关于申请人张三（身份证号码：' + ID_X + '）申请公开信息的答复',
      '经查，原國家工商行政管理總局已按装完毕。',
      '本机关统一社会信用代码：' + USCC + '，联系电话：024-86123456，手机13812345678。',
    ].join('\n');
    expect(runChecks(text, { today: TODAY })).toEqual([
      {
        start: 5,
        end: 7,
        text: '张三',
        category: 'person_name',
        severity: 'warning',
        message: '“申请人”处的姓名属于个人信息，公开前应遮盖',
        proposedMask: '张*',
      },
      {
        start: 14,
        end: 32,
        text: ID_X,
        category: 'resident_id',
        severity: 'error',
        message: '居民身份证号码属于敏感个人信息，公开前应遮盖',
        proposedMask: '110105********002X',
      },
      {
        start: 47,
        end: 57,
        text: '國家工商行政管理總局',
        category: 'obsolete_institution',
        severity: 'warning',
        message: '机构名称已变更：“国家工商行政管理总局”，现为“国家市场监督管理总局”',
        suggestion: '国家市场监督管理总局',
        note: '示例条目：2018年机构改革',
      },
      {
        start: 58,
        end: 60,
        text: '按装',
        category: 'typo',
        severity: 'warning',
        message: '疑似错别字：“按装”，应为“安装”',
        suggestion: '安装',
        note: '示例条目',
      },
      {
        start: 100,
        end: 112,
        text: '024-86123456',
        category: 'landline',
        severity: 'warning',
        message: '固定电话号码：如为个人电话应遮盖，单位对外公开的办公电话可以保留',
        proposedMask: '024-******56',
      },
      {
        start: 115,
        end: 126,
        text: '13812345678',
        category: 'mobile',
        severity: 'error',
        message: '手机号码属于个人信息，公开前应遮盖',
        proposedMask: '138****5678',
      },
    ]);
  });

  it('finds nothing in plain official text', () => {
    const text =
      '根据《中华人民共和国政府信息公开条例》第二十条，本机关于2024年1月15日主动公开本年度预算，' +
      '预算总额为1234.56万元，文号为沈政办发〔2024〕3号。';
    expect(runChecks(text, { today: TODAY })).toEqual([]);
  });

  it('uses no dictionary when given none', () => {
    expect(runChecks('按装', { dictionaries: [] })).toEqual([]);
  });

  it('proposes the mask for personal data and the suggestion for wording', () => {
    const [name, typo] = runChecks('申请人张三。按装', { today: TODAY });
    expect(name && proposedFix(name)).toBe('张*');
    expect(typo && proposedFix(typo)).toBe('安装');
  });
});
