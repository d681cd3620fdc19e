import type { TopLevelSpec } from 'vega-lite';
import type { ResultTables } from '../tables.js';
import { communityEquitySpec } from './community-equity.js';
import { costPerRetainedSpec } from './cost-per-retained.js';
import { pairedDifferenceSpec } from './paired-difference.js';
import { placeMapSpec } from './place-map.js';
import { retentionByPlaceSpec } from './retention-by-place.js';
import { retentionCliffSpec } from './retention-cliff.js';
import { retentionCurvesSpec } from './retention-curves.js';
import { smallerPlacesSpec } from './smaller-places.js';

/** A chart of the briefing pack: its file name, a caption, and its spec builder. */
export interface ChartDefinition {
  /** File name without extension, and the name `settle chart` takes. */
  name: string;
  /** One line for the report's table of contents. */
  caption: string;
  build: (tables: ResultTables) => TopLevelSpec;
}

/** The charts of the briefing pack, in the report's order. */
export const CHARTS: readonly ChartDefinition[] = [
  { name: 'retention-curves', caption: 'Who stays, by years since arrival', build: retentionCurvesSpec },
  {
    name: 'retention-cliff',
    caption: 'Departures by years since arrival, incentive term marked',
    build: retentionCliffSpec,
  },
  {
    name: 'retention-by-place',
    caption: 'Retention at 1, 3, 5 and 10 years, by place',
    build: retentionByPlaceSpec,
  },
  { name: 'place-map', caption: 'Change in 5-year retention, on the map', build: placeMapSpec },
  {
    name: 'smaller-places',
    caption: 'Population and unfilled jobs in the smaller places',
    build: smallerPlacesSpec,
  },
  { name: 'community-equity', caption: 'Community equity and engagement', build: communityEquitySpec },
  {
    name: 'cost-per-retained',
    caption: 'Cost per newcomer still present after 5 years',
    build: costPerRetainedSpec,
  },
  {
    name: 'paired-difference',
    caption: 'Differences against the reference, with intervals',
    build: pairedDifferenceSpec,
  },
];

/** The chart names, in order. */
export const CHART_NAMES: readonly string[] = CHARTS.map((c) => c.name);

/** The chart of a name, or undefined. */
export function chartByName(name: string): ChartDefinition | undefined {
  return CHARTS.find((c) => c.name === name);
}
