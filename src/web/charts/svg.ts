// Charts drawn on the server with Apache ECharts as inline SVG: no script reaches the browser. The SVG is
// rewritten so the page's Content-Security-Policy (no inline styles) keeps it intact and so the same
// numbers always give the same bytes (ECharts numbers its instances; the ids here come from the chart).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartKind = 'line' | 'bar' | 'ranking';

export interface ChartSeries {
  readonly name: string;
  /** One value per category; null is drawn as a gap and shown as “—” in the table. */
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  /** Unique on the page: the SVG's internal ids derive from it. Letters, digits and hyphens. */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** The x axis (line, bar) or the ranked entries (ranking, listed best first). */
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Appended to values in the table, e.g. “%”. */
  readonly unit?: string;
  /** Upper bound of the value axis (e.g. 100 for percentages); automatic when absent. */
  readonly max?: number;
}

/** Chinese-capable system fonts first (Linux, Windows, macOS), then the generic family. */
export const CHART_FONT =
  'Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif';
const PALETTE = ['#1f5fa8', '#b03a2e', '#2e7d32', '#6c3483', '#9a6700'];
const TEXT_COLOUR = '#333333';

const WIDTH = 720;
const ROW_HEIGHT = 28;

function heightOf(spec: ChartSpec): number {
  if (spec.kind !== 'ranking') return 320;
  return Math.max(160, 80 + spec.categories.length * ROW_HEIGHT);
}

function optionOf(spec: ChartSpec): echarts.EChartsCoreOption {
  const horizontal = spec.kind === 'ranking';
  const categoryAxis = {
    type: 'category',
    data: horizontal ? [...spec.categories].reverse() : [...spec.categories],
    axisLabel: { color: TEXT_COLOUR, interval: 0 },
  };
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    ...(spec.max === undefined ? {} : { max: spec.max }),
    axisLabel: { color: TEXT_COLOUR },
  };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT, color: TEXT_COLOUR },
    legend: { show: spec.series.length > 1, bottom: 0, textStyle: { color: TEXT_COLOUR } },
    grid: { left: 16, right: 24, top: 16, bottom: spec.series.length > 1 ? 40 : 16 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series) => ({
      type: spec.kind === 'line' ? 'line' : 'bar',
      name: series.name,
      data: horizontal ? [...series.values].reverse() : [...series.values],
      connectNulls: false,
      ...(spec.kind === 'line' ? {} : { barMaxWidth: 32 }),
    })),
  };
}

/** `style="a:b;c:d"` → `a="b" c="d"`: presentation attributes, which a no-inline-style CSP allows. */
function styleToAttributes(svg: string): string {
  return svg.replace(/ style="([^"]*)"/g, (_match, declarations: string) =>
    declarations
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration.includes(':'))
      .map((declaration) => {
        const colon = declaration.indexOf(':');
        return ` ${declaration.slice(0, colon).trim()}="${declaration.slice(colon + 1).trim()}"`;
      })
      .join(''),
  );
}

function tidy(svg: string, id: string): string {
  return styleToAttributes(
    svg
      // Hover rules only: no pointer ever reaches a static chart, and the CSP refuses inline <style>.
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/zr\d+-/g, `${id}-`)
      .replace(/<defs >\s*<\/defs>/g, ''),
  ).replace(/^<svg width="\d+" height="\d+"/, '<svg width="100%" aria-hidden="true" focusable="false"');
}

/** The chart as an SVG string; the same spec always gives the same string. */
export function renderChartSvg(spec: ChartSpec): string {
  if (!/^[a-z][a-z0-9-]*$/i.test(spec.id)) throw new Error(`chart id "${spec.id}" is not a plain name`);
  for (const series of spec.series) {
    if (series.values.length !== spec.categories.length) {
      throw new Error(
        `series "${series.name}" has ${series.values.length} values for ${spec.categories.length} categories`,
      );
    }
  }
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: WIDTH,
    height: heightOf(spec),
  });
  try {
    chart.setOption(optionOf(spec));
    return tidy(chart.renderToSVGString(), spec.id);
  } finally {
    chart.dispose();
  }
}

/** A ranking (horizontal bars, best first) of one measure: the one-liner for scores and league tables. */
export function rankingChart(
  id: string,
  title: string,
  entries: readonly { readonly label: string; readonly value: number | null }[],
  options: { readonly measure?: string; readonly unit?: string; readonly max?: number } = {},
): ChartSpec {
  return {
    id,
    kind: 'ranking',
    title,
    categories: entries.map((entry) => entry.label),
    series: [{ name: options.measure ?? title, values: entries.map((entry) => entry.value) }],
    ...(options.unit === undefined ? {} : { unit: options.unit }),
    ...(options.max === undefined ? {} : { max: options.max }),
  };
}
