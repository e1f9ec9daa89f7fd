import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './snippet.ts';

describe('highlighted snippets', () => {
  it('marks every occurrence, longest term first, case-insensitive', () => {
    expect(highlight('部门预算与预算执行', ['预算', '预算执行'])).toEqual([
      { text: '部门', hit: false },
      { text: '预算', hit: true },
      { text: '与', hit: false },
      { text: '预算执行', hit: true },
    ]);
    expect(highlight('Open GOV data', ['gov'])).toEqual([
      { text: 'Open ', hit: false },
      { text: 'GOV', hit: true },
      { text: ' data', hit: false },
    ]);
    expect(highlight('无关', ['预算'])).toEqual([{ text: '无关', hit: false }]);
    expect(highlight('', ['预算'])).toEqual([]);
  });

  it('cuts a window around the first term found, with ellipses', () => {
    const text = `${'甲'.repeat(50)}预算${'乙'.repeat(50)}`;
    const runs = snippet(text, ['预算'], 20);
    expect(runs.map((run) => run.text).join('')).toBe(`…${'甲'.repeat(5)}预算${'乙'.repeat(13)}…`);
    expect(runs.filter((run) => run.hit).map((run) => run.text)).toEqual(['预算']);
  });

  it('starts at the beginning when no term is found, and folds whitespace', () => {
    expect(snippet('一、总体\n\n二、情况', ['预算'], 80)).toEqual([
      { text: '一、总体 二、情况', hit: false },
    ]);
    expect(snippet('短文预算', ['预算'], 80).map((run) => run.text)).toEqual(['短文', '预算']);
  });

  it('never splits a character outside the basic plane', () => {
    const text = `${'𠀀'.repeat(30)}预算`;
    const joined = snippet(text, ['预算'], 10)
      .map((run) => run.text)
      .join('');
    expect(joined).toBe(`…${'𠀀'.repeat(8)}预算`);
  });
});
