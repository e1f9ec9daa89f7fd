import { describe, expect, it } from 'vitest';
import { findOutcome, OUTCOMES, type Outcome } from '../disclosure/outcomes.ts';
import { Invalid } from '../errors.ts';
import { decisionOpinion } from './decision-opinion.ts';

const ALL_DETAILS = {
  provided: '《皇姑区2023年老旧小区改造资金安排》（电子文件，随本答复书送达）',
  withheld: '第三部分所列个人住址',
  withheldReason: '涉及个人隐私，公开会对第三方合法权益造成损害',
  responsibleAgency: '沈阳市住房和城乡建设局（电话 024-12345678）',
  note: '您可以通过12345热线反映相关问题',
};

function outcome(code: string): Outcome {
  const found = findOutcome(code);
  if (found === undefined) throw new Error(code);
  return found;
}

describe('decisionOpinion', () => {
  it('has a text for every outcome', () => {
    for (const entry of OUTCOMES) {
      const text = decisionOpinion(entry, ALL_DETAILS);
      expect(text.length, entry.code).toBeGreaterThan(10);
      expect(text, entry.code).not.toContain('undefined');
      expect(text, entry.code).not.toContain('null');
      expect(text, entry.code).not.toContain('。。');
    }
  });

  it('states what a partial disclosure provides and what it withholds, with the reason', () => {
    expect(decisionOpinion(outcome('partial'), ALL_DETAILS).split('\n')).toEqual([
      '您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定部分公开：',
      '一、予以提供的部分：《皇姑区2023年老旧小区改造资金安排》（电子文件，随本答复书送达）。',
      '二、不予公开的部分：第三部分所列个人住址。理由：涉及个人隐私，公开会对第三方合法权益造成损害。',
    ]);
  });

  it('names what is withheld and the reason of the outcome', () => {
    expect(decisionOpinion(outcome('withheld-state-secret'), { withheld: '2023年度应急预案' })).toBe(
      '经审查，您申请获取的政府信息（2023年度应急预案）属于国家秘密，本机关决定不予公开。',
    );
    expect(
      decisionOpinion(outcome('withheld-third-party'), {
        withheld: '企业报价单',
        withheldReason: '第三方不同意公开。',
      }),
    ).toBe(
      '经审查，您申请获取的政府信息（企业报价单）涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。\n' +
        '理由：第三方不同意公开。',
    );
  });

  it('names the responsible agency when the information is not held here', () => {
    expect(decisionOpinion(outcome('unavailable-not-held'), ALL_DETAILS)).toBe(
      '经审查，您申请获取的政府信息不属于本机关负责公开。\n' +
        '该政府信息的负责公开机关为沈阳市住房和城乡建设局（电话 024-12345678）。请向其提出申请。',
    );
  });

  it('adds the note to a refusal to handle', () => {
    expect(decisionOpinion(outcome('not-handled-petition'), { note: '您反映的问题已转信访部门' })).toBe(
      '经审查，您的申请是以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。\n' +
        '您反映的问题已转信访部门。',
    );
  });

  it('refuses a decision that lacks a detail its outcome requires, naming it', () => {
    const cases: readonly [string, Record<string, string>, string, string][] = [
      ['public-provided', {}, 'provided', '“予以公开（提供该政府信息）”的答复须写明“提供的信息及获取方式”'],
      [
        'partial',
        { provided: 'a', withheld: 'b' },
        'withheldReason',
        '“部分公开（区分处理）”的答复须写明“不予公开的理由”',
      ],
      [
        'unavailable-not-held',
        { responsibleAgency: '  ' },
        'responsibleAgency',
        expect.any(String) as string,
      ],
      ['other', {}, 'note', '“其他处理（如申请人撤回申请）”的答复须写明“说明”'],
    ];
    for (const [code, details, field, message] of cases) {
      let error: unknown;
      try {
        decisionOpinion(outcome(code), details);
      } catch (caught) {
        error = caught;
      }
      expect(error, code).toBeInstanceOf(Invalid);
      expect(error, code).toMatchObject({ field, message });
    }
  });
});
