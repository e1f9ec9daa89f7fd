import { describe, expect, it } from 'vitest';
import {
  CARD_16,
  CARD_19,
  ID_AND_USCC,
  ID_DIGIT,
  ID_PASSING_LUHN,
  ID_X,
  TODAY,
  USCC,
  failingLuhn,
  residentId,
  toFullWidth,
  withWrongCheck,
} from './personal-fixtures.test-fixture.ts';
import { passesLuhn } from './personal-numbers.ts';
import { findPersonalData } from './run-checks.ts';

/** [category, start, end, found text, proposed mask] of every finding. */
function found(text: string) {
  return findPersonalData(text, TODAY).map((finding) => [
    finding.category,
    finding.start,
    finding.end,
    finding.text,
    finding.proposedMask ?? null,
  ]);
}

describe('fixtures', () => {
  it('are what the tests take them for', () => {
    expect([ID_X, ID_DIGIT, CARD_19, CARD_16]).toEqual([
      '11010519491231002X',
      '210102198512034567',
      '6222021234567891233',
      '6228480012345671',
    ]);
    expect(passesLuhn(ID_PASSING_LUHN)).toBe(true);
    expect(passesLuhn(failingLuhn(CARD_19))).toBe(false);
  });
});

describe('resident ID numbers', () => {
  it.each([
    [`身份证号码：${ID_X}。`, 6, 24, ID_X, '110105********002X'],
    [`号码${ID_DIGIT}`, 2, 20, ID_DIGIT, '210102********4567'],
    [`号码${ID_X.toLowerCase()}`, 2, 20, ID_X.toLowerCase(), '110105********002X'],
    ['号码110105 19491231 002X', 2, 22, '110105 19491231 002X', '110105********002X'],
    [`号码${toFullWidth(ID_X)}`, 2, 20, toFullWidth(ID_X), '110105********002X'],
    ['旧号码110105491231002，', 3, 18, '110105491231002', '110105*****1002'],
  ])('%j', (text, start, end, value, mask) => {
    expect(found(text)).toEqual([['resident_id', start, end, value, mask]]);
  });

  it.each([
    ['wrong check character', `号码${withWrongCheck(ID_X)}`],
    ['birth date after today', `号码${residentId('11010520250602001')}`],
    ['no such day', `号码${residentId('11010519490230001')}`],
    ['not a province', `号码${residentId('99010519491231002')}`],
    ['inside a longer digit run', `号码9${ID_X}`],
    ['followed by a digit', `号码${ID_DIGIT}1`],
    ['inside a letter run', `编号AB${ID_X}`],
    ['after a decimal point', `0.${ID_DIGIT}`],
    ['an order number with a date', '订单号：202312011234567890'],
    ['a legacy number with an impossible date', '旧号码110105491331002'],
    ['a 15-digit registration number', '注册号：110105491231002'],
  ])('not: %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('统一社会信用代码', () => {
  it('are public: a valid code is never personal data, labelled or not', () => {
    expect(found(`统一社会信用代码：${USCC}`)).toEqual([]);
    expect(found(`代码 ${USCC}，电话`)).toEqual([]);
    expect(found(`统一社会信用代码：${toFullWidth(USCC)}`)).toEqual([]);
  });

  it('shield an ID-like number written after their label', () => {
    expect(found(`统一社会信用代码：${ID_AND_USCC}`)).toEqual([]);
    expect(found(`号码${ID_AND_USCC}`)).toEqual([['resident_id', 2, 20, ID_AND_USCC, '121101********0590']]);
  });

  it('after their label are checked: a wrong check character is a typo', () => {
    const findings = findPersonalData('统一社会信用代码：91350100M000100Y44。', TODAY);
    expect(findings).toEqual([
      {
        start: 9,
        end: 27,
        text: '91350100M000100Y44',
        category: 'uscc',
        severity: 'error',
        message: '统一社会信用代码第18位（校验码）应为“3”，实为“4”，请核对',
        suggestion: '91350100M000100Y43',
      },
    ]);
    expect(found('统一社会信用代码（机构代码）：91350100M000100Y4')).toEqual([
      ['uscc', 15, 32, '91350100M000100Y4', null],
    ]);
  });
});

describe('mobile numbers', () => {
  it.each([
    ['电话13812345678。', 2, 13, '13812345678', '138****5678'],
    ['电话 138 1234 5678', 3, 16, '138 1234 5678', '138****5678'],
    ['电话：138-1234-5678', 3, 16, '138-1234-5678', '138****5678'],
    ['电话+86 13812345678', 2, 17, '+86 13812345678', '+86 138****5678'],
    ['电话+8613912345678', 2, 16, '+8613912345678', '+86 139****5678'],
    ['电话0086-199-1234-5678', 2, 20, '0086-199-1234-5678', '0086 199****5678'],
    [`电话${toFullWidth('13812345678')}`, 2, 13, '１３８１２３４５６７８', '138****5678'],
    ['电话024-13812345678', 6, 17, '13812345678', '138****5678'],
  ])('%j', (text, start, end, value, mask) => {
    expect(found(text)).toEqual([['mobile', start, end, value, mask]]);
  });

  it('finds each number of a list', () => {
    expect(found('13812345678，13912345678、15012345678')).toEqual([
      ['mobile', 0, 11, '13812345678', '138****5678'],
      ['mobile', 12, 23, '13912345678', '139****5678'],
      ['mobile', 24, 35, '15012345678', '150****5678'],
    ]);
  });

  it.each([
    ['second digit 2', '12812345678'],
    ['twelve digits', '138123456789'],
    ['inside a longer run', '2013812345678'],
    ['an amount', '投资13812345678元'],
    ['an amount in 万元', '13812345678 万元'],
    ['a quantity', '13812345678人次'],
    ['decimals', '3.13812345678'],
    ['inside an order number', 'DD13812345678'],
  ])('not: %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('fixed-line numbers', () => {
  it.each([
    ['(0755)87654321', 0, 14, '(0755)87654321', '(0755)******21'],
    ['电话（024）86123456', 2, 15, '（024）86123456', '(024)******56'],
    ['010-23456789', 0, 12, '010-23456789', '010-******89'],
    ['0411-8765 4321', 0, 14, '0411-8765 4321', '0411-******21'],
    ['0755-87654321转123', 0, 17, '0755-87654321转123', '0755-******21转123'],
    ['电话：02423456789', 3, 14, '02423456789', '024-******89'],
  ])('%j', (text, start, end, value, mask) => {
    expect(found(text)).toEqual([['landline', start, end, value, mask]]);
  });

  it('are warnings: an office number may stay', () => {
    expect(findPersonalData('010-23456789', TODAY)[0]?.severity).toBe('warning');
  });

  it.each([
    ['run together without a phone label', '编号02423456789'],
    ['a local number beginning with 1', '010-12345678'],
    ['a date', '2023-01-15'],
    ['too short', '0755-8765'],
    ['not an area code', '0123-87654321'],
  ])('not: %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('bank card numbers', () => {
  it.each([
    [`账号：${CARD_19}`, 3, 22, CARD_19, '6222***********1233'],
    ['卡号 6228 4800 1234 5671', 3, 22, '6228 4800 1234 5671', '6228********5671'],
    ['农业银行借记卡 6228-4800-1234-5671', 8, 27, '6228-4800-1234-5671', '6228********5671'],
    [`${CARD_16}（借记卡）`, 0, 16, CARD_16, '6228********5671'],
  ])('%j', (text, start, end, value, mask) => {
    expect(found(text)).toEqual([['bank_card', start, end, value, mask]]);
  });

  it.each([
    ['no context word (Luhn alone is not enough)', `流水 ${CARD_19}`],
    ['failing Luhn', `账号：${failingLuhn(CARD_19)}`],
    ['the context word belongs to an earlier number', `账号：${failingLuhn(CARD_19)}，订单号 ${CARD_19}`],
    ['the next field’s label', `编号 ${CARD_16}；卡号 见附件`],
    ['a label in an earlier clause', `开户行：农业银行，${CARD_16}`],
    ['an amount', `账户余额${CARD_16}元`],
  ])('not: %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });

  it('leaves a valid ID number that passes Luhn to the ID detector', () => {
    expect(found(`账号：${ID_PASSING_LUHN}`)).toEqual([
      ['resident_id', 3, 21, ID_PASSING_LUHN, '110105********0753'],
    ]);
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['邮箱：wangxm@example.com。', 3, 21, 'wangxm@example.com', 'w***@example.com'],
    [
      'Zhang.San+gk@mail.example.org.cn',
      0,
      32,
      'Zhang.San+gk@mail.example.org.cn',
      'Z***@mail.example.org.cn',
    ],
    ['邮箱ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ', 2, 17, 'ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ', 'w***@example.cn'],
  ])('%j', (text, start, end, value, mask) => {
    expect(found(text)).toEqual([['email', start, end, value, mask]]);
  });

  it('takes a mobile number used as the mailbox name as part of the address', () => {
    expect(found('13812345678@163.com')).toEqual([['email', 0, 19, '13812345678@163.com', '1***@163.com']]);
  });

  it.each(['@example.com', 'name@localhost', 'a@b'])('not: %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('home addresses', () => {
  it.each([
    [
      '住在辽宁省沈阳市皇姑区幸福路8号3-2-401。',
      2,
      23,
      '辽宁省沈阳市皇姑区幸福路8号3-2-401',
      '辽宁省沈阳市皇姑区****',
    ],
    [
      '北京市朝阳区建国路88号3号楼2单元401室',
      0,
      22,
      '北京市朝阳区建国路88号3号楼2单元401室',
      '北京市朝阳区****',
    ],
    ['幸福里小区3栋2单元401室', 0, 14, '幸福里小区3栋2单元401室', '****'],
    ['某县某镇李家村3组15号', 0, 12, '某县某镇李家村3组15号', '某县某镇****'],
    ['家庭住址：沈阳市皇姑区黄河南大街101号。', 5, 20, '沈阳市皇姑区黄河南大街101号', '沈阳市皇姑区****'],
    [
      '住址：广东省深圳市南山区粤海街道科技园路1号',
      3,
      22,
      '广东省深圳市南山区粤海街道科技园路1号',
      '广东省深圳市南山区粤海街道****',
    ],
  ])('%j', (text, start, end, value, mask) => {
    expect(found(text)).toEqual([['address', start, end, value, mask]]);
  });

  it.each([
    ['an office address', '办公地址：沈阳市皇姑区北陵大街45号'],
    ['an office floor', '沈阳市皇姑区北陵大街45号3楼'],
    ['a label without a house number', '住址：沈阳市皇姑区'],
  ])('not: %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('names next to trigger words', () => {
  it.each([
    ['申请人张三，', 3, 5, '张三', '张*'],
    ['姓名：王小明', 3, 6, '王小明', '王**'],
    ['姓名 王小明 性别 男', 3, 6, '王小明', '王**'],
    ['联系人：欧阳娜娜。', 4, 8, '欧阳娜娜', '欧阳**'],
    ['当事人李四于2023年', 3, 5, '李四', '李*'],
    ['申请人张向东向本机关提出申请', 3, 6, '张向东', '张**'],
    ['申请人刘洋先生', 3, 5, '刘洋', '刘*'],
    ['请核对赵六（居民身份证）', 3, 5, '赵六', '赵*'],
  ])('%j', (text, start, end, value, mask) => {
    expect(found(text)).toEqual([['person_name', start, end, value, mask]]);
  });

  it('are warnings: the name is recognised by where it stands', () => {
    expect(findPersonalData('申请人张三。', TODAY)[0]?.severity).toBe('warning');
  });

  it.each([
    ['already pseudonymised', '申请人王某某，当事人张某'],
    ['an ordinary word after the trigger', '当事人陈述、申辩；申请人向本机关提出'],
    ['a company', '申请人：沈阳某某有限公司'],
    ['a title', '联系人：王老师'],
    ['a table header', '姓名性别'],
    ['no surname', '申请人认为'],
  ])('not: %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports a name before an ID number once, beside the number', () => {
    expect(found(`申请人张三，身份证号码${ID_X}`)).toEqual([
      ['person_name', 3, 5, '张三', '张*'],
      ['resident_id', 11, 29, ID_X, '110105********002X'],
    ]);
  });
});

describe('plain numbers', () => {
  it.each([
    ['dates', '2023年12月1日，20231201，2023-12-01'],
    ['amounts', '合计1234567.89元，13,812,345,678元'],
    ['a year range', '2019—2023年'],
    ['a document number', '沈政办发〔2023〕12号'],
  ])('%s are not personal data', (_kind, text) => {
    expect(found(text)).toEqual([]);
  });
});
