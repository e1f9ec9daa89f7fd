import { describe, expect, it } from 'vitest';
import { parseChineseNumber, parseFigure } from './chinese-numbers.ts';

describe('parseFigure', () => {
  it.each([
    ['202', 202],
    ['1,202', 1202],
    ['0', 0],
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['两千三百四十', 2340],
    ['一千零二十', 1020],
    ['三万零五', 30005],
    ['二〇二三', 2023],
    ['零', 0],
  ])('%s → %d', (text, value) => {
    expect(parseFigure(text)).toBe(value);
  });

  it.each(['', '万', '三万万', '五三百'])('rejects %j', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});
