import type { TopLevelSpec } from 'vega-lite';
import { bandAndLine, type ChartOptions } from '../layers.js';
import { bandsBy, tidy } from '../stats.js';
import type { ResultTables } from '../tables.js';
import { chartTitle, THEME, WIDTH } from '../theme.js';

/**
 * Sums a column of the places table over the smaller places, per scenario, replication and
 * year, then summarises across replications: one band per scenario and calendar year.
 */
export function smallerPlacesTotals(tables: ResultTables, column: 'population' | 'labourGap') {
  const totals = new Map<string, { scenario: string; year: number; value: number }>();
  for (const r of tables.places) {
    if (!r.smaller) continue;
    const key = `${r.scenario}|${r.replication}|${r.year}`;
    let t = totals.get(key);
    if (!t)
      totals.set(key, (t = { scenario: r.scenario, year: tables.summary.startYear + r.year, value: 0 }));
    t.value += r[column];
  }
  return bandsBy(
    [...totals.values()],
    (t) => `${t.scenario}|${t.year}`,
    (t) => t.value,
    (t) => ({ scenario: t.scenario, year: t.year }),
    tables.summary.interval,
  ).map((d) => ({ ...d, median: tidy(d.median), lo: tidy(d.lo), hi: tidy(d.hi) }));
}

/**
 * The smaller places over time: their total population, and their labour-demand gap
 * (vacancies left unfilled), per scenario with intervals. Two panels, one per measure.
 * @example
 * const spec = smallerPlacesSpec(tables, { width: 480 });
 */
export function smallerPlacesSpec(tables: ResultTables, options: ChartOptions = {}): TopLevelSpec {
  const width = options.width ?? WIDTH;
  const height = options.height ?? 220;
  const x = { field: 'year', title: 'Year' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      'The smaller places: population and unfilled jobs',
      width,
      'Top: people living in the smaller places together. Bottom: vacancies left unfilled in the year (the labour-demand gap). Axes do not start at zero.',
    ),
    vconcat: [
      {
        width,
        height,
        data: { values: smallerPlacesTotals(tables, 'population') },
        layer: bandAndLine(tables, x, { field: 'median', title: 'Population (people)', format: '.2s' }),
      },
      {
        width,
        height,
        data: { values: smallerPlacesTotals(tables, 'labourGap') },
        layer: bandAndLine(tables, x, { field: 'median', title: 'Unfilled vacancies (jobs)', format: '.2s' }),
      },
    ],
    resolve: { scale: { color: 'shared' } },
    config: THEME,
  };
}
