// Figures as narratives write them: 202, 1,202, 三, 十二, 一百零五, 两千三百四十.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Source of a regular expression matching one figure (to be wrapped in a capturing group). */
export const FIGURE_PATTERN = String.raw`\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千万]+`;

/** Below 10,000, e.g. 两千三百零五; digit-by-digit forms such as 二〇二三 are read positionally. */
function parseBelowTenThousand(text: string): number | null {
  if (text === '') return 0;
  if (Array.from(text).every((char) => DIGITS[char] !== undefined)) {
    return Array.from(text).reduce((value, char) => value * 10 + (DIGITS[char] ?? 0), 0);
  }
  let total = 0;
  let pending: number | null = null;
  for (const char of text) {
    const digit = DIGITS[char];
    if (digit !== undefined) {
      if (pending !== null && pending !== 0) return null;
      pending = digit;
      continue;
    }
    const unit = SMALL_UNITS[char];
    if (unit === undefined) return null;
    // 十二 means 12: a unit without a preceding digit counts once.
    total += (pending ?? 1) * unit;
    pending = null;
  }
  return total + (pending ?? 0);
}

export function parseChineseNumber(text: string): number | null {
  if (text === '' || text === '万') return null;
  const parts = text.split('万');
  if (parts.length > 2) return null;
  const [high, low] = parts;
  if (parts.length === 1) return parseBelowTenThousand(high ?? '');
  const highValue = high === '' ? 1 : parseBelowTenThousand(high ?? '');
  const lowValue = parseBelowTenThousand(low ?? '');
  if (highValue === null || lowValue === null) return null;
  return highValue * 10000 + lowValue;
}

/** Reads a figure matched by FIGURE_PATTERN; null when it is not a well-formed number. */
export function parseFigure(text: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(text)) return Number(text.replace(/,/g, ''));
  return parseChineseNumber(text);
}
