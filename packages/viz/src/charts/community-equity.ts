import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import type { ResultTables } from '../tables.js';
import { smallerPlacesBands, yearPanelsSpec } from './smaller-places.js';

/**
 * The newcomer-weighted mean of a share over the smaller places, per scenario, replication
 * and year (years without newcomers there left out), summarised across replications into one
 * band per scenario and calendar year.
 */
export function smallerPlacesShare(tables: ResultTables, column: 'equityMean' | 'engagedShare') {
  const t = tables.smallerPlaces;
  const [weighted, newcomers] =
    column === 'equityMean' ? [t.equityWeighted, t.equityNewcomers] : [t.engagedWeighted, t.engagedNewcomers];
  return smallerPlacesBands(
    tables,
    (i) => weighted[i] / newcomers[i],
    (i) => newcomers[i] > 0,
  );
}

/**
 * Community equity and engagement over time in the smaller places: the mean community
 * equity (0 to 1) of newcomers present, and the share of them engaged in community building.
 * @example
 * const spec = communityEquitySpec(tables);
 */
export function communityEquitySpec(tables: ResultTables, options: ChartOptions = {}): TopLevelSpec {
  return yearPanelsSpec(tables, options, {
    title: 'Community equity and engagement in the smaller places',
    subtitle:
      'Newcomers living in the smaller places, weighted by where they live. Top: mean community equity (an index from 0 to 1). Bottom: share engaged in community building.',
    height: 200,
    panels: [
      {
        values: smallerPlacesShare(tables, 'equityMean'),
        y: { field: 'median', title: 'Community equity (0 to 1)', format: '.2f', zero: true },
      },
      {
        values: smallerPlacesShare(tables, 'engagedShare'),
        y: { field: 'median', title: 'Share of newcomers engaged', format: '.0%', zero: true },
      },
    ],
  });
}
