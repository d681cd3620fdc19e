import type { TopLevelSpec } from 'vega-lite';
import type { ResultTables } from '../tables.js';
import { communityEquitySpec } from './community-equity.js';
import { costPerAdditionalRetainedSpec } from './cost-per-retained.js';
import { destinationsSpec } from './destinations.js';
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
  /** The pure spec builder: result tables in, a Vega-Lite spec with its data inlined out. */
  build: (tables: ResultTables) => TopLevelSpec;
  /** Why the chart cannot be drawn from these tables (e.g. one scenario, nothing to compare), or undefined. */
  unavailable?: (tables: ResultTables) => string | undefined;
}

/** Reason for charts drawn against the reference scenario when there is nothing to compare. */
function needsPaired(measures: string[] | undefined, why: string) {
  return (tables: ResultTables) =>
    tables.summary.paired.some(
      (r) => r.area === tables.summary.smallerPlacesArea && (!measures || measures.includes(r.measure)),
    )
      ? undefined
      : why;
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
  {
    name: 'place-map',
    caption: 'Change in 5-year retention, on the map',
    build: placeMapSpec,
    unavailable: needsPaired(
      ['retention5'],
      'needs two or more scenarios (settle compare) run for at least 5 years',
    ),
  },
  {
    name: 'smaller-places',
    caption: 'Population and unfilled jobs in the smaller places',
    build: smallerPlacesSpec,
  },
  { name: 'community-equity', caption: 'Community equity and engagement', build: communityEquitySpec },
  {
    name: 'cost-per-retained',
    caption: 'Cost per additional newcomer kept, against the reference',
    build: costPerAdditionalRetainedSpec,
    unavailable: (tables) =>
      tables.summary.incremental?.some(
        (r) => r.measure === 'costPerAdditionalRetained5' && r.area === tables.summary.smallerPlacesArea,
      )
        ? undefined
        : 'needs two or more scenarios (settle compare) run for at least 5 years',
  },
  {
    name: 'destinations',
    caption: 'Where the newcomers went: still there, moved to a metro or a smaller place, or left',
    build: destinationsSpec,
    unavailable: (tables) =>
      tables.summary.destinations?.some((d) => d.area === tables.summary.smallerPlacesArea)
        ? undefined
        : 'needs a run of at least 5 years',
  },
  {
    name: 'paired-difference',
    caption: 'Differences against the reference, with intervals',
    build: pairedDifferenceSpec,
    unavailable: needsPaired(undefined, 'needs two or more scenarios (settle compare)'),
  },
];

/** The chart names, in order. */
export const CHART_NAMES: readonly string[] = CHARTS.map((c) => c.name);

/** The chart of a name, or undefined. */
export function chartByName(name: string): ChartDefinition | undefined {
  return CHARTS.find((c) => c.name === name);
}
