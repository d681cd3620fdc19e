import type { TopLevelSpec } from 'vega-lite';
import { bandAndLine, type ChartOptions } from '../layers.js';
import { bandsBy, tidy } from '../stats.js';
import type { ResultTables } from '../tables.js';
import { chartTitle, THEME, WIDTH } from '../theme.js';

/**
 * The newcomer-weighted mean of a share over the smaller places, per scenario, replication
 * and year, summarised across replications into one band per scenario and calendar year.
 */
export function smallerPlacesShare(tables: ResultTables, column: 'equityMean' | 'engagedShare') {
  const sums = new Map<string, { scenario: string; year: number; weighted: number; newcomers: number }>();
  for (const r of tables.places) {
    if (!r.smaller || !(r.newcomers > 0) || !Number.isFinite(r[column])) continue;
    const key = `${r.scenario}|${r.replication}|${r.year}`;
    let s = sums.get(key);
    if (!s)
      sums.set(
        key,
        (s = { scenario: r.scenario, year: tables.summary.startYear + r.year, weighted: 0, newcomers: 0 }),
      );
    s.weighted += r[column] * r.newcomers;
    s.newcomers += r.newcomers;
  }
  return bandsBy(
    [...sums.values()],
    (s) => `${s.scenario}|${s.year}`,
    (s) => s.weighted / s.newcomers,
    (s) => ({ scenario: s.scenario, year: s.year }),
    tables.summary.interval,
  ).map((d) => ({ ...d, median: tidy(d.median), lo: tidy(d.lo), hi: tidy(d.hi) }));
}

/**
 * Community equity and engagement over time in the smaller places: the mean community
 * equity (0 to 1) of newcomers present, and the share of them engaged in community building.
 * @example
 * const spec = communityEquitySpec(tables);
 */
export function communityEquitySpec(tables: ResultTables, options: ChartOptions = {}): TopLevelSpec {
  const width = options.width ?? WIDTH;
  const height = options.height ?? 200;
  const x = { field: 'year', title: 'Year' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      'Community equity and engagement in the smaller places',
      width,
      'Newcomers living in the smaller places, weighted by where they live. Top: mean community equity (an index from 0 to 1). Bottom: share engaged in community building.',
    ),
    vconcat: [
      {
        width,
        height,
        data: { values: smallerPlacesShare(tables, 'equityMean') },
        layer: bandAndLine(tables, x, {
          field: 'median',
          title: 'Community equity (0 to 1)',
          format: '.2f',
          zero: true,
        }),
      },
      {
        width,
        height,
        data: { values: smallerPlacesShare(tables, 'engagedShare') },
        layer: bandAndLine(tables, x, {
          field: 'median',
          title: 'Share of newcomers engaged',
          format: '.0%',
          zero: true,
        }),
      },
    ],
    resolve: { scale: { color: 'shared' } },
    config: THEME,
  };
}
