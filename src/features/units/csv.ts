// Units from CSV (exported from another platform or a spreadsheet): headers in English or Chinese.
import { parse as parseCsv } from 'csv-parse/sync';
import { Invalid } from '../../core/errors.ts';
import type { ImportedUnitRow } from './service.ts';

// CSV headers accepted by a unit import, in English or in Chinese.
const CSV_COLUMNS: Readonly<Record<string, string>> = {
  name: 'name',
  名称: 'name',
  单位名称: 'name',
  kind: 'kind',
  类型: 'kind',
  单位类型: 'kind',
  parent: 'parent',
  上级单位: 'parent',
  uscc: 'uscc',
  统一社会信用代码: 'uscc',
  region_code: 'regionCode',
  行政区划代码: 'regionCode',
  office_name: 'officeName',
  工作机构: 'officeName',
  address: 'address',
  办公地址: 'address',
  hours: 'hours',
  办公时间: 'hours',
  phone: 'phone',
  联系电话: 'phone',
  fax: 'fax',
  传真: 'fax',
  email: 'email',
  电子邮箱: 'email',
  postcode: 'postcode',
  邮政编码: 'postcode',
};
const CONTACT_FIELDS = ['officeName', 'address', 'hours', 'phone', 'fax', 'email', 'postcode'];

/** Throws Invalid naming the header or the row when the file cannot be read as units. */
export function rowsFromCsv(text: string): ImportedUnitRow[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new Invalid('file', `CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}：请检查引号和每行的列数`);
  }
  return records.map((record) => {
    const row: Record<string, string> = {};
    for (const [header, value] of Object.entries(record)) {
      const key = CSV_COLUMNS[header.trim()];
      if (key === undefined) throw new Invalid(header, `CSV 表头“${header}”无法识别`);
      row[key] = value;
    }
    const contact: Record<string, string> = {};
    for (const field of CONTACT_FIELDS) if (row[field] !== undefined) contact[field] = row[field];
    return {
      name: row.name,
      kind: row.kind,
      parent: row.parent,
      uscc: row.uscc,
      regionCode: row.regionCode,
      contact,
    };
  });
}
