import { MID_SIZE_CITIES, SMALL_CENTRES } from '@smart-settlement/core';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import { pct } from '../number-text.js';
import { tidy } from '../stats.js';
import type { SummaryTables } from '../tables.js';
import { chartTitle, PALETTE, scenarioNames, THEME, WIDTH } from '../theme.js';

/** Options of the destinations chart. */
export interface DestinationsOptions extends ChartOptions {
  /** First-place groups, one row of panels each (default: the smaller places, mid-size cities, small centres). */
  areas?: string[];
}

/** The four destinations, in stacking order, with their colours (Okabe-Ito, as the theme). */
export const DESTINATIONS = [
  { key: 'stillThere', label: 'still in their first place', colour: PALETTE[3] },
  { key: 'movedToSmaller', label: 'moved to another smaller place', colour: PALETTE[6] },
  { key: 'movedToMetro', label: 'moved to a metro', colour: PALETTE[1] },
  { key: 'leftRegion', label: 'left the region', colour: PALETTE[5] },
] as const;

/** One bar segment per scenario, group, horizon and destination, from summary.json's destinations. */
export function destinationsData(tables: SummaryTables, areas: string[]) {
  const s = tables.summary;
  const left = `left ${s.region}`;
  return s.destinations
    .filter((d) => areas.includes(d.area))
    .flatMap((d) =>
      DESTINATIONS.map((dest, order) => {
        const band = d[dest.key];
        const label = dest.key === 'leftRegion' ? left : dest.label;
        return {
          scenario: d.scenario,
          area: d.area,
          horizon: `${d.yearsSinceArrival} years after arrival`,
          destination: label,
          order,
          share: tidy(band.median),
          interval: `${pct(band.lo)} to ${pct(band.hi)}`,
        };
      }),
    );
}

/**
 * Where the newcomers of each first-place group are 5 and 10 years after arrival, by
 * scenario: stacked bars of the shares still in their first place, moved to another smaller
 * place, moved to a metro, and left the region (medians across replications; the interval
 * of each share in its tooltip). Built from summary.json alone.
 * @example
 * const spec = destinationsSpec(tables, { areas: ['Smaller places', 'Thunder Bay'] });
 */
export function destinationsSpec(tables: SummaryTables, options: DestinationsOptions = {}): TopLevelSpec {
  const s = tables.summary;
  const width = options.width ?? WIDTH;
  const areas = options.areas ?? [s.smallerPlacesArea, MID_SIZE_CITIES, SMALL_CENTRES];
  const data = destinationsData(tables, areas);
  const present = areas.filter((a) => data.some((d) => d.area === a));
  const horizons = [...new Set(data.map((d) => d.horizon))];
  const labels = DESTINATIONS.map((d) => (d.key === 'leftRegion' ? `left ${s.region}` : d.label));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      'Where the newcomers went',
      width,
      'Of the newcomers who first settled in each group of places, the shares 5 and 10 years after arrival that are still in their first place, have moved to another smaller place or to a metro, or have left the region (medians across replications; intervals in the tooltips; medians need not add up to exactly 100%).',
    ),
    data: { values: data },
    facet: {
      row: {
        field: 'area',
        type: 'nominal',
        title: null,
        sort: present,
        header: { labelAngle: 0, labelAlign: 'left' },
      },
      column: { field: 'horizon', type: 'nominal', title: null, sort: horizons },
    },
    spec: {
      width: (width - 200) / Math.max(1, horizons.length) - 10,
      height: { step: 22 },
      mark: { type: 'bar', height: { band: 0.75 }, clip: true },
      encoding: {
        y: { field: 'scenario', type: 'nominal', title: null, sort: scenarioNames(tables) },
        x: {
          field: 'share',
          type: 'quantitative',
          stack: 'zero',
          title: 'Share of arrivals',
          axis: { format: '.0%', tickCount: 5 },
          scale: { domain: [0, 1] },
        },
        color: {
          field: 'destination',
          type: 'nominal',
          title: null,
          scale: { domain: labels, range: DESTINATIONS.map((d) => d.colour) },
          legend: { orient: 'bottom', direction: 'horizontal', columns: 2, symbolOpacity: 1 },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [
          { field: 'area', title: 'First place' },
          { field: 'scenario', title: 'Scenario' },
          { field: 'horizon', title: 'When' },
          { field: 'destination', title: 'Where' },
          { field: 'share', title: 'Share (median)', format: '.1%' },
          { field: 'interval', title: 'Interval' },
        ],
      },
    },
    config: THEME,
  };
}
