import { describe, expect, it } from 'vitest';
import { extractClaims } from './narrative-claims.ts';
import { normalizeNarrative } from './narrative-text.ts';

function claims(text: string, year: number | null = 2023): [string, number][] {
  return extractClaims(normalizeNarrative(text), year).map((claim) => [claim.kind, claim.value]);
}

describe('extractClaims recognises', () => {
  it.each([
    ['全年，共受理政府信息公开申请202件（其中，网络申请125件）', 'received', 202],
    ['本年度收到政府信息公开申请202件。', 'received', 202],
    ['2023年新收各类政府信息公开申请202件', 'received', 202],
    ['受理政府信息公开申请共202件', 'received', 202],
    ['我局共收到依申请公开申请三件', 'received', 3],
    ['全区共受理政府信息公开申请1,202件', 'received', 1202],
    ['皇姑区人民政府共受理申请１２件', 'received', 12],
    ['全年办结政府信息公开申请201件', 'closed', 201],
    ['共受理申请202件、办结201件', 'closed', 201],
    ['因政府信息公开被申请行政复议5件', 'review', 5],
    ['行政复议案件共计二起', 'review', 2],
    ['被提起行政诉讼4件', 'litigation', 4],
    ['全年制发行政规范性文件3件', 'normative-issued', 3],
    ['废止规范性文件2件', 'normative-repealed', 2],
    ['现行有效行政规范性文件共40件', 'normative-in-force', 40],
  ])('%s', (text, kind, value) => {
    expect(claims(text)).toContainEqual([kind, value]);
  });
});

describe('extractClaims leaves alone', () => {
  it.each([
    ['其中，网络申请125件、信函邮寄40件、邮箱申请2件、现场申请35件'],
    ['协助市政府依申请办理3次'],
    ['协助市政府受理申请3件'],
    ['通过政府网站收到申请125件'],
    ['在政务服务中心现场收到申请35件'],
    ['共受理申请200余件'],
    ['共受理申请近200件'],
    ['2022年共受理政府信息公开申请150件'],
    ['较上年受理申请增加20件'],
    ['其中予以公开答复34件'],
    ['均按时给予答复'],
    ['行政复议结果维持2件'],
    ['复议后提起行政诉讼2件'],
    ['直接提起行政诉讼1件'],
    ['行政复议、行政诉讼案件共7件'],
    ['审核各部门制发的规范性文件10件'],
    ['答复期限为20个工作日'],
    ['开展政务公开业务培训1次'],
  ])('%s', (text) => {
    expect(claims(text)).toEqual([]);
  });

  it('reads an explicit year only when it is the report year', () => {
    expect(claims('2023年共受理政府信息公开申请202件', 2023)).toEqual([['received', 202]]);
    expect(claims('2023年共受理政府信息公开申请202件', 2024)).toEqual([]);
  });

  it('reports each kind and value once', () => {
    expect(claims('共受理申请202件。……全年共收到申请202件。')).toEqual([['received', 202]]);
  });
});
