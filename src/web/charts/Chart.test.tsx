import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Chart } from './Chart.tsx';
import { rankingChart, renderChartSvg, type ChartSpec } from './svg.ts';

const MONTHS = ['1月', '2月', '3月', '4月'];

const trend: ChartSpec = {
  id: 'trend',
  kind: 'line',
  title: '每月收到申请',
  categories: MONTHS,
  series: [
    { name: '收到申请', values: [3, 0, 7, 12] },
    { name: '办结', values: [1, 4, null, 9] },
  ],
};

/** The cells of a rendered table, row by row. */
function tableOf(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((cell) => cell[1] ?? ''),
  );
}

describe('server-rendered charts', () => {
  it('gives the same SVG for the same numbers, however many charts were drawn before', () => {
    const first = renderChartSvg(trend);
    renderChartSvg({ ...trend, id: 'other' });
    renderChartSvg(rankingChart('rank', '排名', [{ label: '甲局', value: 5 }]));
    expect(renderChartSvg(trend)).toBe(first);
    expect(renderChartSvg({ ...trend, series: [{ name: '收到申请', values: [3, 0, 7, 13] }] })).not.toBe(
      first,
    );
  });

  it('keeps to the page policy: no inline style, no <style>, ids named after the chart', () => {
    const svg = renderChartSvg(trend);
    expect(svg.startsWith('<svg width="100%" aria-hidden="true" focusable="false"')).toBe(true);
    expect(svg).not.toMatch(/style[= >]/);
    expect(svg).not.toMatch(/zr\d+-/);
    expect(svg).toContain('font-family="Noto Sans CJK SC');
    expect(svg).toContain('>4月</text>');
    expect(svg).toContain('>收到申请</text>');
  });

  it('numbers a ranking as the assessment does: ties share a place, the next place skips', () => {
    const spec = rankingChart(
      'rank',
      '考核排名',
      [
        { label: '甲局', value: 90 },
        { label: '乙局', value: 90 },
        { label: '丙局', value: 75.5 },
        { label: '丁局', value: null },
      ],
      { unit: '分' },
    );
    expect(tableOf(renderToString(<Chart spec={spec} />))).toEqual([
      ['1. 甲局', '90分'],
      ['1. 乙局', '90分'],
      ['3. 丙局', '75.5分'],
      ['丁局', '—'],
    ]);
  });

  it('puts exactly the series numbers in the table below the figure', () => {
    const html = renderToString(<Chart spec={trend} />);
    expect(html).toContain('role="img" aria-label="每月收到申请（折线图，数据见下方数据表）"');
    expect(html).toContain('<caption>每月收到申请（数据表）</caption>');
    expect(html).toContain('<th scope="col">收到申请</th><th scope="col">办结</th>');
    expect(tableOf(html)).toEqual([
      ['1月', '3', '1'],
      ['2月', '0', '4'],
      ['3月', '7', '—'],
      ['4月', '12', '9'],
    ]);
  });

  it('ranks best first, in the chart and in the table', () => {
    const spec = rankingChart(
      'scores',
      '考评得分',
      [
        { label: '甲局', value: 92.5 },
        { label: '乙局', value: 80 },
      ],
      { measure: '得分', unit: '分', max: 100 },
    );
    const html = renderToString(<Chart spec={spec} />);
    expect(tableOf(html)).toEqual([
      ['1. 甲局', '92.5分'],
      ['2. 乙局', '80分'],
    ]);
    const svg = renderChartSvg(spec);
    // The category axis runs bottom-up, so the best entry is the last label drawn: at the top.
    expect(svg.indexOf('>乙局</text>')).toBeLessThan(svg.indexOf('>甲局</text>'));
  });

  it('refuses a series that does not match its categories', () => {
    expect(() => renderChartSvg({ ...trend, series: [{ name: 'x', values: [1] }] })).toThrow(
      /has 1 values for 4 categories/,
    );
  });
});
