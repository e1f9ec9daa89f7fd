import { describe, expect, it } from 'vitest';
import { readPlainText } from './read-plain-text.ts';

describe('readPlainText', () => {
  it('splits a line on tabs, keeping an empty cell between two tabs as a printed blank', () => {
    expect(readPlainText('规章\t0\t\t3').lines).toEqual([['规章', '0', '', '3']]);
  });

  it('splits Markdown-style rows on `|` without cells for the border pipes', () => {
    expect(readPlainText('| 规章 | 0 |  | 3 |').lines).toEqual([['规章', '0', '', '3']]);
  });

  it('splits on runs of two or more spaces and on ideographic spaces, not on a single space', () => {
    expect(readPlainText('行政许可   1 234\u3000\u30005').lines).toEqual([['行政许可', '1 234', '5']]);
  });

  it('ignores indentation, empty lines and Markdown separator rows', () => {
    const text = '  一、总体情况\n\n\n\u3000\u3000正文一段。\n|---|---|\n';
    expect(readPlainText(text).lines).toEqual([['一、总体情况'], ['正文一段。']]);
  });

  it('handles Windows and old Mac line ends', () => {
    expect(readPlainText('a\r\nb\rc').lines).toEqual([['a'], ['b'], ['c']]);
  });

  it('reports its source', () => {
    expect(readPlainText('').source).toBe('text');
  });
});
