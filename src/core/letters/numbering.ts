// Letter numbers (发文字号) and dates as letters print them (GB/T 9704-2012: the year in full inside
// hexagonal brackets 〔〕, the serial without leading zeros, Arabic numerals in dates).
import { dayNumberOf, type PlainDate } from '../calendar/plain-date.ts';

/** The prefix of a unit without a configured one: 〈unit name〉依申请公开. */
export function defaultLetterPrefix(unitName: string): string {
  return `${unitName}依申请公开`;
}

/** E.g. 皇政公开〔2024〕12号. */
export function letterNumber(prefix: string, year: number, serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`letter serial ${serial}`);
  return `${prefix}〔${year}〕${serial}号`;
}

/** 2024-01-05 → 2024年1月5日; an impossible date is an Invalid naming `field`. */
export function chineseDate(date: PlainDate, field = 'date'): string {
  dayNumberOf(date, field);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}

/** A value that is exactly a date is printed as a Chinese date; anything else is kept as written. */
export function printedValue(value: string, field: string): string {
  const trimmed = value.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? chineseDate(trimmed, field) : value;
}
