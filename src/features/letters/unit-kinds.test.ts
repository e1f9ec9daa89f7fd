// Every unit kind the units feature knows gets its reconsideration body on both sides of 2024-01-01: a
// Record over UnitKind makes a new kind fail to compile here until its row is written.
import { describe, expect, it } from 'vitest';
import { reconsiderationBody } from '../../core/letters/remedy.ts';
import { UNIT_KINDS, type UnitKind } from '../units/model.ts';

const PARENT_GOVERNMENT = { name: '上级人民政府甲', kind: 'county' };

const EXPECTED: Readonly<Record<UnitKind, { readonly before: string; readonly after: string }>> = {
  province: { before: '本机关（本单位）', after: '本机关（本单位）' },
  city: { before: '上级人民政府甲', after: '上级人民政府甲' },
  county: { before: '上级人民政府甲', after: '上级人民政府甲' },
  township: { before: '上级人民政府甲', after: '上级人民政府甲' },
  department: { before: '上级人民政府甲或者上一级主管部门', after: '上级人民政府甲' },
  street: { before: '上级人民政府甲', after: '上级人民政府甲' },
  other: { before: '有管辖权的行政复议机关', after: '有管辖权的行政复议机关' },
};

describe('reconsideration body for every unit kind', () => {
  it.each(UNIT_KINDS)('%s on 2023-12-31 and on 2024-01-01', (kind) => {
    const agency = { name: '本单位', kind, verticallyManaged: false, parent: PARENT_GOVERNMENT };
    expect(reconsiderationBody(agency, '2023-12-31').body).toBe(EXPECTED[kind].before);
    expect(reconsiderationBody(agency, '2024-01-01').body).toBe(EXPECTED[kind].after);
  });

  it.each(UNIT_KINDS)('%s, vertically managed, goes to the body above on both days', (kind) => {
    const parent = { name: '上一级税务局', kind: 'department' };
    const agency = { name: '本单位', kind, verticallyManaged: true, parent };
    expect(reconsiderationBody(agency, '2023-12-31').body).toBe('上一级税务局');
    expect(reconsiderationBody(agency, '2024-01-01').body).toBe('上一级税务局');
  });
});
