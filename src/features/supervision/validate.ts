// Forms of the three registers, checked field by field: an error names the field and the rule.
import { assertPlainDate, type PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid } from '../../core/errors.ts';
import {
  GUIDE_KIND_LABELS,
  GUIDE_KINDS,
  QUERY_POINT_STATUS_LABELS,
  QUERY_POINT_STATUSES,
  type GuideKind,
} from './model.ts';
import type { QueryPointFields } from './repo.ts';

export type Input = Readonly<Record<string, string | undefined>>;

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  heldOn: '培训日期',
  topic: '培训主题',
  participants: '参训人数',
  units: '参训单位',
  name: '查阅点名称',
  location: '地点',
  hours: '开放时间',
  equipment: '设施设备',
  phone: '联系电话',
  status: '状态',
  year: '年度',
  kind: '类别',
  value: '数量',
};

const labelOf = (field: string): string => FIELD_LABELS[field] ?? field;

function required(input: Input, field: string, max = 300): string {
  const value = (input[field] ?? '').trim();
  if (value === '') throw new Invalid(field, `请填写${labelOf(field)}`);
  if (value.length > max) throw new Invalid(field, `${labelOf(field)}不能超过 ${max} 个字`);
  return value;
}

function count(input: Input, field: string, max: number): number {
  const value = required(input, field);
  if (!/^\d{1,9}$/.test(value) || Number(value) > max) {
    throw new Invalid(field, `${labelOf(field)}须为 0 至 ${max} 的整数，收到：“${value}”`);
  }
  return Number(value);
}

function choice<T extends string>(
  input: Input,
  field: string,
  codes: readonly T[],
  labels: Readonly<Record<T, string>>,
): T {
  const value = required(input, field);
  const found = codes.find((code) => code === value || labels[code] === value);
  if (found === undefined) {
    throw new Invalid(field, `${labelOf(field)}须为：${codes.map((code) => labels[code]).join('、')}`);
  }
  return found;
}

export function validateTraining(input: Input): { heldOn: PlainDate; topic: string; participants: number } {
  const raw = required(input, 'heldOn');
  let heldOn: PlainDate;
  try {
    heldOn = assertPlainDate(raw, 'heldOn');
  } catch {
    throw new Invalid('heldOn', `培训日期须为“YYYY-MM-DD”格式的日期，收到：“${raw}”`);
  }
  return {
    heldOn,
    topic: required(input, 'topic'),
    participants: count(input, 'participants', 100000),
  };
}

export function validateQueryPoint(input: Input): QueryPointFields {
  return {
    name: required(input, 'name', 100),
    location: required(input, 'location'),
    hours: required(input, 'hours', 200),
    equipment: (input.equipment ?? '').trim().slice(0, 300),
    phone: required(input, 'phone', 40),
    status: choice(input, 'status', QUERY_POINT_STATUSES, QUERY_POINT_STATUS_LABELS),
  };
}

export function validateYear(text: string | undefined): number {
  const value = (text ?? '').trim();
  if (!/^\d{4}$/.test(value) || Number(value) < 2008 || Number(value) > 2100) {
    throw new Invalid('year', `年度须为 2008 至 2100 的四位年份，收到：“${value}”`);
  }
  return Number(value);
}

export function validateGuideCount(input: Input): { year: number; kind: GuideKind; value: number } {
  return {
    year: validateYear(input.year),
    kind: choice(input, 'kind', GUIDE_KINDS, GUIDE_KIND_LABELS),
    value: count(input, 'value', 1000000),
  };
}
