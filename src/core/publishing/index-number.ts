// 索引号 of proactively published information (政府信息公开目录系统实施指引): `<unit code>/<year>-<serial>`,
// the unit code being its 统一社会信用代码, the serial five digits, counted per unit and year in
// publication order. The number is given once, at publication, and never changes.
import { Conflict, Unprocessable } from '../errors.ts';

export const SERIAL_DIGITS = 5;
export const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;

export function formatIndexNumber(unitCode: string | null, year: number, serial: number): string {
  const code = unitCode?.trim() ?? '';
  if (code === '') {
    throw new Unprocessable(
      '本单位未登记统一社会信用代码，无法生成索引号，不能发布；请系统管理员先在单位信息中填写统一社会信用代码',
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`bad serial ${serial}`);
  if (serial > MAX_SERIAL) {
    throw new Conflict(`本单位${year}年的索引号顺序号已用尽（最多 ${MAX_SERIAL} 条）`);
  }
  return `${code}/${year}-${String(serial).padStart(SERIAL_DIGITS, '0')}`;
}

const INDEX_NUMBER = /^([0-9A-Z]+)\/(\d{4})-(\d{5})$/;

/** The parts of an index number, or null when it is not one. */
export function parseIndexNumber(
  text: string,
): { readonly unitCode: string; readonly year: number; readonly serial: number } | null {
  const match = INDEX_NUMBER.exec(text);
  if (match === null) return null;
  const serial = Number(match[3]);
  if (serial < 1) return null;
  return { unitCode: match[1] ?? '', year: Number(match[2]), serial };
}
