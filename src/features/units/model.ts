// Disclosing bodies (行政机关 and other units) in a hierarchy, with the disclosure office's contact
// details that the public guide (政府信息公开指南) shows.

export const UNIT_KINDS = [
  'province',
  'city',
  'county',
  'department',
  'street',
  'township',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  province: '省（自治区、直辖市）',
  city: '市（地、州、盟）',
  county: '区（县、市、旗）',
  department: '部门',
  street: '街道',
  township: '乡镇',
  other: '其他',
};

export interface OfficeContact {
  readonly officeName: string | null;
  readonly address: string | null;
  readonly hours: string | null;
  readonly phone: string | null;
  readonly fax: string | null;
  readonly email: string | null;
  readonly postcode: string | null;
}

export interface Unit {
  readonly id: number;
  readonly parentId: number | null;
  /** Materialised path of ids from the root, e.g. "/1/5/12/". */
  readonly path: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** 统一社会信用代码 */
  readonly uscc: string | null;
  readonly regionCode: string | null;
  readonly contact: OfficeContact;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

export function childPath(parent: Pick<Unit, 'path'> | null, id: number): string {
  return `${parent?.path ?? '/'}${id}/`;
}
