import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import { tidy } from '../stats.js';
import type { ResultTables } from '../tables.js';
import { chartTitle, scenarioColour, scenarioNames, THEME, WIDTH } from '../theme.js';

/** Options of the cost chart. */
export interface CostPerRetainedOptions extends ChartOptions {
  /** Area (default: the smaller places together, where the programmes act). */
  area?: string;
}

/** Cost per person still present after 5 years, by scenario, from summary.json. */
export function costPerRetainedData(tables: ResultTables, area: string) {
  return tables.summary.summary
    .filter((r) => r.measure === 'costPerRetained5' && r.area === area)
    .map((r) => ({
      scenario: r.scenario,
      median: tidy(r.median),
      lo: tidy(r.lo),
      hi: tidy(r.hi),
      label:
        r.median > 0
          ? `$${String(Math.round(r.median)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
          : 'no programme cost',
    }));
}

/**
 * Programme dollars per newcomer still in their first place 5 years after arrival, by
 * scenario: a bar at the median with its interval.
 * @example
 * const spec = costPerRetainedSpec(tables, { area: 'Ontario' });
 */
export function costPerRetainedSpec(
  tables: ResultTables,
  options: CostPerRetainedOptions = {},
): TopLevelSpec {
  const area = options.area ?? tables.summary.smallerPlacesArea;
  const width = options.width ?? WIDTH;
  const where = area === tables.summary.smallerPlacesArea ? 'the smaller places' : area;
  const y = {
    field: 'scenario',
    type: 'nominal' as const,
    title: null,
    sort: scenarioNames(tables),
    axis: { labelFontSize: 13 },
  };
  const xTitle = 'Dollars per person still present after 5 years';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      `Cost per newcomer still in ${where} after 5 years`,
      width,
      `Programme dollars spent on the cohorts that reached 5 years, divided by all of those newcomers still in their first place in ${where}, including those who would have stayed anyway.`,
    ),
    width,
    height: { step: 40 },
    data: { values: costPerRetainedData(tables, area) },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          x: {
            field: 'median',
            type: 'quantitative',
            title: xTitle,
            axis: { format: '$,.0f', tickCount: 5 },
          },
          y,
          color: { ...scenarioColour(tables), legend: null },
          tooltip: [
            { field: 'scenario', title: 'Scenario' },
            { field: 'median', title: 'Median', format: '$,.0f' },
            { field: 'lo', title: 'Low end', format: '$,.0f' },
            { field: 'hi', title: 'High end', format: '$,.0f' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y },
      },
      {
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
        encoding: { x: { field: 'hi', type: 'quantitative' }, y, text: { field: 'label' } },
      },
    ],
    config: THEME,
  };
}
