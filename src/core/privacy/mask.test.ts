import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdNumber,
  maskKeepingEnds,
  maskMobile,
  maskName,
} from './mask.ts';

describe('maskKeepingEnds', () => {
  it.each([
    ['abcdefghij', 3, 3, 'abc****hij'],
    ['abcdefghi', 3, 3, 'ab*****hi'], // only 3 would stay hidden: a quarter at each end instead
    ['abcd', 1, 1, 'a**d'],
    ['abcdefgh', 2, 2, 'ab****gh'],
    ['abc', 1, 1, '***'],
    ['', 1, 1, ''],
    ['  abcdefghij  ', 3, 3, 'abc****hij'],
    ['一二三四五六七八', 2, 2, '一二****七八'],
    ['𠀀𠀁𠀂𠀃𠀄𠀅', 1, 1, '𠀀****𠀅'],
  ])('%j keeping %d + %d → %j', (value, head, tail, masked) => {
    expect(maskKeepingEnds(value, head, tail)).toBe(masked);
  });

  it('hides four characters, or half of a shorter value, whatever the length', () => {
    for (let length = 0; length <= 30; length += 1) {
      const masked = maskKeepingEnds('x'.repeat(length), 6, 4);
      expect(masked).toHaveLength(length);
      const hidden = Array.from(masked).filter((char) => char === '*').length;
      expect(hidden).toBeGreaterThanOrEqual(Math.min(4, Math.ceil(length / 2)));
    }
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['110105194912311234', '110105********1234'],
    ['11010519491231002X', '110105********002X'],
    ['110105491231123', '110105*****1123'],
    [' 110105194912311234 ', '110105********1234'],
    ['1234567890', '12******90'],
    ['12', '**'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
  });
});

describe('maskBankCard', () => {
  it.each([
    ['6222021234567891234', '6222***********1234'],
    ['6222 0212 3456 7890', '6222********7890'],
    ['6222-0212-3456-7890', '6222********7890'],
    ['1234567', '1*****7'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskBankCard(value)).toBe(masked);
  });
});

describe('maskMobile', () => {
  it.each([
    ['13812345678', '138****5678'],
    [' 138 1234 5678 ', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+8613812345678', '+86 138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['0086-13812345678', '0086 138****5678'],
    ['010-12345678', '010-******78'],
    ['(010)12345678', '010-******78'],
    ['（0755）87654321', '0755-******21'],
    ['0755 8765 4321', '0755-******21'],
    ['02112345678', '021-******78'],
    ['075587654321', '0755-******21'],
    ['010-12345678-8001', '010-**********01'],
    ['87654321', '******21'],
    ['12345', '*****'],
    ['1381234567', '********67'],
    ['无', '*'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskMobile(value)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张小明', '张**'],
    ['张王丽丽', '张***'],
    ['欧阳娜娜', '欧阳**'],
    ['司马相如', '司马**'],
    ['欧阳明', '欧**'],
    ['诸葛亮', '诸**'],
    ['阿沛·阿旺晋美', '阿*·****'],
    ['买买提·艾力', '买**·**'],
    [' 李四 ', '李*'],
    ['张', '*'],
    ['John Smith', 'J***'],
    ['a', 'a***'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskName(value)).toBe(masked);
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    [' li@gov.cn ', 'l***@gov.cn'],
    ['a@b.cn', 'a***@b.cn'],
    ['@example.com', '***@example.com'],
    ['张三@例子.中国', '张***@例子.中国'],
    ['zhangsan', 'z*******'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskEmail(value)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it.each([
    ['广东省深圳市南山区粤海街道科技园路1号', '广东省深圳市南山区粤海街道****'],
    ['北京市朝阳区建国路88号院3号楼1单元101', '北京市朝阳区****'],
    ['北京朝阳区建国路88号', '北京朝阳区****'],
    ['上海市浦东新区张江镇碧波路690号', '上海市浦东新区张江镇****'],
    ['江苏省苏州市昆山市玉山镇前进路1号', '江苏省苏州市昆山市玉山镇****'],
    ['内蒙古自治区呼和浩特市新城区中山东路8号', '内蒙古自治区呼和浩特市新城区****'],
    ['吉林省延边朝鲜族自治州延吉市河南街道光明街1号', '吉林省延边朝鲜族自治州延吉市河南街道****'],
    ['吉林省延边朝鲜族自治州长白朝鲜族自治县长白镇', '吉林省延边朝鲜族自治州长白朝鲜族自治县长白镇'],
    ['辽宁省沈阳市皇姑区', '辽宁省沈阳市皇姑区'],
    ['香港特别行政区九龙弥敦道1号', '香港特别行政区****'],
    ['深圳市南山区科技园路1号', '深圳市南山区****'],
    ['北京市朝阳门外大街1号', '北京市****'],
    ['人民路1号', '****'],
    ['中关村大街27号', '****'],
    ['某某小区3栋', '****'],
    ['深圳市南山区桃源社区1栋', '深圳市南山区****'],
    ['江苏省苏州市苏州工业园区星湖街328号', '江苏省苏州市苏州工业园区****'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskAddress(value)).toBe(masked);
  });
});
