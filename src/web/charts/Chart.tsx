// A chart for every reader: the SVG in a figure named for assistive technology, and right below it the
// same numbers as a table (caption, header scopes), folded in a <details> so the page stays short.
import { renderChartSvg, type ChartSpec } from './svg.ts';

const KIND_LABELS: Readonly<Record<ChartSpec['kind'], string>> = {
  line: '折线图',
  bar: '柱状图',
  ranking: '排名条形图',
};

/** A value as the table prints it: “—” for no value, the unit after it. */
export function formatChartValue(value: number | null, unit = ''): string {
  return value === null ? '—' : `${value}${unit}`;
}

/**
 * Places of a ranking by its first series, highest first, ties sharing a place (competition ranking:
 * 1, 1, 3), as the assessment ranks; null for an entry without a value.
 */
export function rankingPlaces(values: readonly (number | null)[]): (number | null)[] {
  return values.map((value) =>
    value === null ? null : 1 + values.filter((other) => other !== null && other > value).length,
  );
}

export function ChartTable({ spec }: { readonly spec: ChartSpec }) {
  const corner = spec.kind === 'ranking' ? '名次' : '';
  const places = spec.kind === 'ranking' ? rankingPlaces(spec.series[0]?.values ?? []) : [];
  const rowLabel = (category: string, index: number) => {
    const place = places[index];
    return place === undefined || place === null ? category : `${place}. ${category}`;
  };
  return (
    <table data-testid={`chart-table-${spec.id}`}>
      <caption>{`${spec.title}（数据表）`}</caption>
      <thead>
        <tr>
          <th scope="col">{corner === '' ? '项目' : corner}</th>
          {spec.series.map((series) => (
            <th scope="col" key={series.name}>
              {series.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {spec.categories.map((category, index) => (
          <tr key={category}>
            <th scope="row">{rowLabel(category, index)}</th>
            {spec.series.map((series) => (
              <td key={series.name}>{formatChartValue(series.values[index] ?? null, spec.unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Chart({ spec }: { readonly spec: ChartSpec }) {
  return (
    <div class="chart" data-chart={spec.id}>
      <figure
        role="img"
        aria-label={`${spec.title}（${KIND_LABELS[spec.kind]}，数据见下方数据表）`}
        data-testid={`chart-${spec.id}`}
        dangerouslySetInnerHTML={{ __html: renderChartSvg(spec) }}
      />
      <details>
        <summary>{`${spec.title}：数据表`}</summary>
        <ChartTable spec={spec} />
      </details>
    </div>
  );
}
