import { describe, expect, it } from 'vitest';
import { reconsiderationBody, remedyClause, type DecidingAgency } from './remedy.ts';

const OLD_DAY = '2023-12-31';
const NEW_DAY = '2024-01-01';

const city = { name: '沈阳市人民政府', kind: 'city' };
const district = { name: '沈阳市皇姑区人民政府', kind: 'county' };
const province = { name: '辽宁省人民政府', kind: 'province' };

function agency(
  name: string,
  kind: string,
  parent: DecidingAgency['parent'],
  verticallyManaged = false,
): DecidingAgency {
  return { name, kind, parent, verticallyManaged };
}

const NEW_LAW = '《中华人民共和国行政复议法》（2023年修订）第二十条、';
const OLD_LAW = '《中华人民共和国行政复议法》第九条、';

// One row per kind of deciding agency: the body and articles on 2023-12-31 and on 2024-01-01.
const CASES: readonly {
  readonly what: string;
  readonly agency: DecidingAgency;
  readonly before: readonly [string, string];
  readonly after: readonly [string, string];
}[] = [
  {
    what: 'a department of a district government',
    agency: agency('沈阳市皇姑区教育局', 'department', district),
    before: ['沈阳市皇姑区人民政府或者上一级主管部门', `${OLD_LAW}第十二条第一款`],
    after: ['沈阳市皇姑区人民政府', `${NEW_LAW}第二十四条第一款第（一）项`],
  },
  {
    what: 'a department under a body that is not a government',
    agency: agency('皇姑区教育局基建科', 'department', { name: '沈阳市皇姑区教育局', kind: 'department' }),
    before: ['本级人民政府或者上一级主管部门', `${OLD_LAW}第十二条第一款`],
    after: ['本级人民政府', `${NEW_LAW}第二十四条第一款第（一）项`],
  },
  {
    what: 'a vertically managed body (tax)',
    agency: agency(
      '国家税务总局沈阳市皇姑区税务局',
      'department',
      { name: '国家税务总局沈阳市税务局', kind: 'department' },
      true,
    ),
    before: ['国家税务总局沈阳市税务局', `${OLD_LAW}第十二条第二款`],
    after: ['国家税务总局沈阳市税务局', `${NEW_LAW}第二十七条`],
  },
  {
    what: 'a vertically managed body without a parent in the system',
    agency: agency('沈阳海关', 'other', null, true),
    before: ['上一级主管部门', `${OLD_LAW}第十二条第二款`],
    after: ['上一级主管部门', `${NEW_LAW}第二十七条`],
  },
  {
    what: 'a county-level government',
    agency: agency('沈阳市皇姑区人民政府', 'county', city),
    before: ['沈阳市人民政府', `${OLD_LAW}第十三条第一款`],
    after: ['沈阳市人民政府', `${NEW_LAW}第二十四条第一款第（二）项`],
  },
  {
    what: 'a city government',
    agency: agency('沈阳市人民政府', 'city', province),
    before: ['辽宁省人民政府', `${OLD_LAW}第十三条第一款`],
    after: ['辽宁省人民政府', `${NEW_LAW}第二十四条第一款第（二）项`],
  },
  {
    what: 'a township government',
    agency: agency('康平县郝官镇人民政府', 'township', { name: '康平县人民政府', kind: 'county' }),
    before: ['康平县人民政府', `${OLD_LAW}第十三条第一款`],
    after: ['康平县人民政府', `${NEW_LAW}第二十四条第一款第（二）项`],
  },
  {
    what: 'a city government entered without its province',
    agency: agency('沈阳市人民政府', 'city', null),
    before: ['上一级地方人民政府', `${OLD_LAW}第十三条第一款`],
    after: ['上一级人民政府', `${NEW_LAW}第二十四条第一款第（二）项`],
  },
  {
    what: 'a provincial government',
    agency: agency('辽宁省人民政府', 'province', null),
    before: ['本机关（辽宁省人民政府）', `${OLD_LAW}第十四条`],
    after: ['本机关（辽宁省人民政府）', `${NEW_LAW}第二十四条第二款`],
  },
  {
    what: 'a street office (派出机关)',
    agency: agency('皇姑区三台子街道办事处', 'street', district),
    before: ['沈阳市皇姑区人民政府', `${OLD_LAW}第十五条第一款第（一）项`],
    after: ['沈阳市皇姑区人民政府', `${NEW_LAW}第二十四条第一款第（三）项`],
  },
  {
    what: 'another kind of body',
    agency: agency('皇姑区某事业单位', 'other', district),
    before: ['有管辖权的行政复议机关', '《中华人民共和国行政复议法》第九条'],
    after: ['有管辖权的行政复议机关', '《中华人民共和国行政复议法》（2023年修订）第二十条'],
  },
];

describe('the reconsideration body on each side of 2024-01-01', () => {
  it.each(CASES)('$what', ({ agency: deciding, before, after }) => {
    expect(reconsiderationBody(deciding, OLD_DAY)).toEqual({ body: before[0], articles: before[1] });
    expect(reconsiderationBody(deciding, NEW_DAY)).toEqual({ body: after[0], articles: after[1] });
  });
});

describe('remedyClause', () => {
  it('gives 60 days for reconsideration and 6 months for a lawsuit, with the articles', () => {
    expect(remedyClause(agency('沈阳市皇姑区教育局', 'department', district), '2024-03-15')).toBe(
      '如对本答复不服，可以依照《中华人民共和国行政复议法》（2023年修订）第二十条、第二十四条第一款第（一）项的规定，' +
        '自收到本答复之日起六十日内向沈阳市皇姑区人民政府申请行政复议；' +
        '也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本答复之日起六个月内向人民法院提起行政诉讼。',
    );
  });

  it('uses the former wording for a decision of 2023-12-31', () => {
    expect(remedyClause(agency('沈阳市皇姑区教育局', 'department', district), OLD_DAY)).toBe(
      '如对本答复不服，可以依照《中华人民共和国行政复议法》第九条、第十二条第一款的规定，' +
        '自收到本答复之日起六十日内向沈阳市皇姑区人民政府或者上一级主管部门申请行政复议；' +
        '也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本答复之日起六个月内向人民法院提起行政诉讼。',
    );
  });
});
