import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { composeLetter, prepareLetter, type LetterInput } from './compose.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { letterParagraphs } from './template.ts';

const base: LetterInput = {
  kind: 'decision',
  issuedOn: '2024-03-15',
  agency: {
    name: '沈阳市皇姑区教育局',
    kind: 'department',
    verticallyManaged: false,
    parent: { name: '沈阳市皇姑区人民政府', kind: 'county' },
  },
  contact: '地址：沈阳市皇姑区示例路1号；电话：024-86000000',
  facts: {
    addressee: '欧阳明月',
    queryCode: 'ABCDEFGH2345',
    receivedOn: '2024-02-26',
    request: '2023 年本区\n老旧小区改造项目的资金安排文件。',
    values: {},
    decision: {
      outcomeCode: 'public-provided',
      decidedOn: '2024-03-14',
      provided: '《皇姑区2023年老旧小区改造资金安排》电子文件，随本答复书送达',
    },
  },
};

function variant(
  change: Omit<Partial<LetterInput>, 'facts'> & { facts?: Partial<LetterInput['facts']> },
): LetterInput {
  return { ...base, ...change, facts: { ...base.facts, ...change.facts } };
}

function invalidOf(work: () => unknown): Invalid {
  try {
    work();
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
  throw new Error('expected Invalid');
}

describe('a decision letter from the default template', () => {
  it('reads the receipt date, the request, the ground, the opinion and the remedy clause', () => {
    const template = DEFAULT_TEMPLATES.decision;
    const prepared = prepareLetter(base, template);
    expect(prepared.title).toBe('政府信息公开申请答复书');
    expect(prepared.addressee).toBe('欧阳明月');
    const text = composeLetter(template, prepared, '皇教公开〔2024〕3号');
    expect(letterParagraphs(text)).toEqual([
      '本机关于2024年2月26日收到您提出的政府信息公开申请，申请获取“2023 年本区 老旧小区改造项目的资金安排文件”。',
      '经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，现答复如下：',
      '本机关决定予以公开，向您提供所申请的政府信息：《皇姑区2023年老旧小区改造资金安排》电子文件，随本答复书送达。',
      '如对本答复不服，可以依照《中华人民共和国行政复议法》（2023年修订）第二十条、第二十四条第一款第（一）项的规定，' +
        '自收到本答复之日起六十日内向沈阳市皇姑区人民政府申请行政复议；' +
        '也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本答复之日起六个月内向人民法院提起行政诉讼。',
      '特此答复。',
    ]);
  });

  it('fills 文号, 申请人 and 联系方式 where an edited template asks for them', () => {
    const template =
      '{{申请人}}（查询码{{查询码}}），{{文号}}，{{发文日期}}：\n{{答复意见}}\n{{法律依据}}\n{{救济途径}}\n{{联系方式}}';
    const text = composeLetter(template, prepareLetter(base, template), '皇教公开〔2024〕3号');
    expect(text.split('\n')[0]).toBe('欧阳明月（查询码ABCDEFGH2345），皇教公开〔2024〕3号，2024年3月15日：');
    expect(text.split('\n')[4]).toBe('地址：沈阳市皇姑区示例路1号；电话：024-86000000');
  });

  it('needs the decision, a known outcome and the details the outcome requires', () => {
    const template = DEFAULT_TEMPLATES.decision;
    const noDecision = { ...base, facts: { ...base.facts, decision: undefined } };
    expect(invalidOf(() => prepareLetter(noDecision, template)).field).toBe('decision');
    const unknown = variant({ facts: { decision: { outcomeCode: 'granted', decidedOn: '2024-03-14' } } });
    expect(invalidOf(() => prepareLetter(unknown, template)).field).toBe('outcomeCode');
    const partial = variant({
      facts: { decision: { outcomeCode: 'partial', decidedOn: '2024-03-14', provided: 'x' } },
    });
    expect(invalidOf(() => prepareLetter(partial, template)).field).toBe('withheld');
  });
});

describe('prepareLetter', () => {
  it('prints date values as dates and checks the extension is 1–20 working days', () => {
    const input = variant({
      kind: 'extension',
      facts: { values: { 延长工作日数: '20', 延期理由: '需要调取档案', 答复期限: '2024-04-12' } },
    });
    const text = composeLetter(
      DEFAULT_TEMPLATES.extension,
      prepareLetter(input, DEFAULT_TEMPLATES.extension),
      '皇教公开〔2024〕4号',
    );
    expect(letterParagraphs(text)[3]).toBe(
      '根据《中华人民共和国政府信息公开条例》第三十三条第一款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，本机关将于2024年4月12日前作出答复。',
    );
    for (const days of ['21', '0', '五', '1.5']) {
      const wrong = variant({
        kind: 'extension',
        facts: { values: { ...input.facts.values, 延长工作日数: days } },
      });
      expect(invalidOf(() => prepareLetter(wrong, DEFAULT_TEMPLATES.extension)).field, days).toBe(
        '延长工作日数',
      );
    }
  });

  it('names a value the template needs but the issuer did not give', () => {
    const input = variant({
      kind: 'correction',
      facts: { values: { 补正期限: '15个工作日', 补正事项: '  ' } },
    });
    const error = invalidOf(() => prepareLetter(input, DEFAULT_TEMPLATES.correction));
    expect(error.field).toBe('补正事项');
    expect(error.message).toBe('签发“补正告知书”须填写“补正事项”');
  });

  it('refuses a value that is not an entry of the kind, and an impossible date', () => {
    const foreign = variant({
      kind: 'receipt',
      facts: { values: { 答复期限: '2024-03-25', 补正事项: 'x' } },
    });
    expect(invalidOf(() => prepareLetter(foreign, DEFAULT_TEMPLATES.receipt)).message).toBe(
      '“补正事项”不是“接收回执”的填写项（可填写：答复期限）',
    );
    const impossible = variant({ kind: 'receipt', facts: { values: { 答复期限: '2024-02-30' } } });
    expect(invalidOf(() => prepareLetter(impossible, DEFAULT_TEMPLATES.receipt)).field).toBe('答复期限');
  });

  it('addresses a consultation to the consulted party and never names the applicant', () => {
    const input = variant({
      kind: 'consultation',
      facts: {
        addressee: '沈阳某建筑有限公司',
        values: {
          征求对象: '另一家公司',
          征求意见事项: '是否同意公开贵公司的报价单',
          回复期限: '2024-03-29',
        },
      },
    });
    const prepared = prepareLetter(input, DEFAULT_TEMPLATES.consultation);
    expect(prepared.addressee).toBe('沈阳某建筑有限公司');
    expect(prepared.values['征求对象']).toBe('沈阳某建筑有限公司');
    const text = composeLetter(DEFAULT_TEMPLATES.consultation, prepared, '皇教公开〔2024〕5号');
    expect(text).not.toContain('欧阳明月');
    expect(text).not.toContain('ABCDEFGH2345');
    expect(text).toContain('请于2024年3月29日前书面回复是否同意公开');
    expect(letterParagraphs(text)[2]).toBe('是否同意公开贵公司的报价单');
    expect(text).not.toContain('另一家公司');
  });

  it('refuses a letter without an addressee or dated before the application was received', () => {
    expect(
      invalidOf(() => prepareLetter(variant({ facts: { addressee: ' ' } }), DEFAULT_TEMPLATES.decision))
        .field,
    ).toBe('addressee');
    const early = invalidOf(() =>
      prepareLetter(variant({ issuedOn: '2024-02-25' }), DEFAULT_TEMPLATES.decision),
    );
    expect(early.field).toBe('issuedOn');
    expect(early.message).toBe('发文日期（2024年2月25日）不能早于收到申请的日期（2024年2月26日）');
  });
});
