// The State Council's yearly holiday arrangements (国务院办公厅关于部分节假日安排的通知) as carried by the
// MIT-licensed `chinese-days` package, 2004–2026. Its data maps 'YYYY-MM-DD' to "English,中文,n":
// `holidays` are days off (including weekends inside a holiday block), `workdays` are weekend make-up
// working days (调休上班日); `inLieuDays` is a subset of `holidays` and adds nothing for counting.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { PlainDate } from './plain-date.ts';

export interface OfficialArrangements {
  /** Days off by the arrangement, with the holiday's Chinese name. */
  readonly daysOff: ReadonlyMap<PlainDate, string>;
  /** Weekend days that are working days by the arrangement (调休上班日), with the holiday's Chinese name. */
  readonly makeUpWorkdays: ReadonlyMap<PlainDate, string>;
  /**
   * Years whose arrangement the data carries. Derived from the keys: the package's own functions treat an
   * unknown year as plain weekends, which the statute's clock must never do.
   */
  readonly years: ReadonlySet<number>;
}

function chineseNames(entries: Record<string, string>): Map<PlainDate, string> {
  return new Map(Object.entries(entries).map(([date, label]) => [date, label.split(',')[1] ?? label]));
}

function buildOfficialArrangements(data: {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}): OfficialArrangements {
  const daysOff = chineseNames(data.holidays);
  const makeUpWorkdays = chineseNames(data.workdays);
  // A notice covers one year but may name the last days of the year before (e.g. 2011-12-31 for 元旦
  // 2012), never days of the year after, so every year that has a day off in the data is a covered year.
  const years = new Set([...daysOff.keys()].map((date) => Number(date.slice(0, 4))));
  return { daysOff, makeUpWorkdays, years };
}

export const chineseDaysArrangements: OfficialArrangements = buildOfficialArrangements(chineseDays);
