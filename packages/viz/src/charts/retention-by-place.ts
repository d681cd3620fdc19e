import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import { tidy } from '../stats.js';
import type { ResultTables } from '../tables.js';
import { chartTitle, scenarioColour, scenarioNames, THEME } from '../theme.js';

/** The retention horizons shown, as measure names and years. */
export const RETENTION_HORIZONS = [
  { measure: 'retention1', years: 1 },
  { measure: 'retention3', years: 3 },
  { measure: 'retention5', years: 5 },
  { measure: 'retention10', years: 10 },
] as const;

/** Areas in display order: the region, the smaller places together, then places by population. */
export function areaOrder(tables: ResultTables): string[] {
  const places = [...tables.summary.places].sort(
    (a, b) => b.population - a.population || (a.name < b.name ? -1 : 1),
  );
  return [tables.summary.region, tables.summary.smallerPlacesArea, ...places.map((p) => p.name)];
}

/** Median and interval of retention at each horizon, by area and scenario, from summary.json. */
export function retentionByPlaceData(tables: ResultTables) {
  const areas = new Set(areaOrder(tables));
  return tables.summary.summary
    .filter((r) => areas.has(r.area) && RETENTION_HORIZONS.some((h) => h.measure === r.measure))
    .map((r) => ({
      scenario: r.scenario,
      area: r.area,
      horizon: `After ${RETENTION_HORIZONS.find((h) => h.measure === r.measure)!.years} ${r.measure === 'retention1' ? 'year' : 'years'}`,
      median: tidy(r.median),
      lo: tidy(r.lo),
      hi: tidy(r.hi),
    }));
}

/**
 * Retention at 1, 3, 5 and 10 years by place and scenario: a dot per scenario at its
 * median with a bar across its interval, one panel per horizon.
 * @example
 * const spec = retentionByPlaceSpec(tables);
 * (spec as any).spec.width = 200; // wider panels
 */
export function retentionByPlaceSpec(tables: ResultTables, options: ChartOptions = {}): TopLevelSpec {
  const panel = options.width ? Math.floor(options.width / 4) - 12 : 170;
  const order = areaOrder(tables);
  const rowHeight = 8 + 3 * scenarioNames(tables).length;
  const x = {
    field: 'median',
    type: 'quantitative' as const,
    title: 'Share still present',
    axis: { format: '.0%', tickCount: 4, labelOverlap: 'greedy' as const, labelSeparation: 6 },
    scale: { zero: false },
  };
  const y = {
    field: 'area',
    type: 'nominal' as const,
    title: null,
    sort: order,
    axis: { labelLimit: 220 },
  };
  const yOffset = { field: 'scenario', type: 'nominal' as const, sort: scenarioNames(tables) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      'Retention at 1, 3, 5 and 10 years, by place',
      4 * (panel + 12) + 200,
      'Share of arrivals still in the place they first settled in (for Ontario: still in the province). Dots: medians; bars: intervals. Places by population.',
    ),
    data: { values: retentionByPlaceData(tables) },
    facet: {
      column: {
        field: 'horizon',
        type: 'ordinal',
        title: null,
        sort: RETENTION_HORIZONS.map((h) => `After ${h.years} ${h.years === 1 ? 'year' : 'years'}`),
      },
    },
    spec: {
      width: panel,
      height: order.length * rowHeight,
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            x: { field: 'lo', type: 'quantitative', title: x.title },
            x2: { field: 'hi' },
            y,
            yOffset,
            color: scenarioColour(tables),
          },
        },
        {
          mark: { type: 'point', size: 30, opacity: 1 },
          encoding: {
            x,
            y,
            yOffset,
            color: scenarioColour(tables),
            tooltip: [
              { field: 'area', title: 'Place' },
              { field: 'scenario', title: 'Scenario' },
              { field: 'horizon', title: 'Horizon' },
              { field: 'median', title: 'Median', format: '.1%' },
              { field: 'lo', title: 'Low end', format: '.1%' },
              { field: 'hi', title: 'High end', format: '.1%' },
            ],
          },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
    config: THEME,
  };
}
