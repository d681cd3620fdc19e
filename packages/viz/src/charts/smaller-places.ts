import type { TopLevelSpec } from 'vega-lite';
import { type AxisField, bandAndLine, type ChartOptions } from '../layers.js';
import { bandsBy, tidy } from '../stats.js';
import { type ResultTables, rowsWhere } from '../tables.js';
import { chartTitle, THEME, WIDTH } from '../theme.js';

/**
 * A value of the smaller places' table (one row per scenario, replication and year), for the
 * rows where `keep` holds, summarised across replications: one band per scenario and calendar year.
 */
export function smallerPlacesBands(
  tables: ResultTables,
  value: (row: number) => number,
  keep: (row: number) => boolean = () => true,
) {
  const t = tables.smallerPlaces;
  return bandsBy(
    rowsWhere(t.length, keep),
    (i) => `${t.scenario[i]}|${t.year[i]}`,
    value,
    (i) => ({ scenario: t.scenarios[t.scenario[i]], year: tables.summary.startYear + t.year[i] }),
    tables.summary.interval,
  ).map((d) => ({ ...d, median: tidy(d.median), lo: tidy(d.lo), hi: tidy(d.hi) }));
}

/**
 * A column of the places table summed over the smaller places (per scenario, replication and
 * year, as the tables hold it), summarised across replications: one band per scenario and
 * calendar year.
 */
export function smallerPlacesTotals(tables: ResultTables, column: 'population' | 'labourGap') {
  const values = tables.smallerPlaces[column];
  return smallerPlacesBands(tables, (i) => values[i]);
}

/** What {@link yearPanelsSpec} draws: its title and subtitle, a default height, and its panels top to bottom. */
export interface YearPanels {
  title: string;
  subtitle: string;
  height: number;
  /** Each panel's bands (one per scenario and year) and its y axis. */
  panels: { values: Record<string, unknown>[]; y: AxisField }[];
}

/** Panels stacked over the years (a band and a median line per scenario each), sharing the scenarios' colours. */
export function yearPanelsSpec(tables: ResultTables, options: ChartOptions, chart: YearPanels): TopLevelSpec {
  const width = options.width ?? WIDTH;
  const height = options.height ?? chart.height;
  const x = { field: 'year', title: 'Year' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(tables, chart.title, width, chart.subtitle),
    vconcat: chart.panels.map((panel) => ({
      width,
      height,
      data: { values: panel.values },
      layer: bandAndLine(tables, x, panel.y),
    })),
    resolve: { scale: { color: 'shared' } },
    config: THEME,
  };
}

/**
 * The smaller places over time: their total population, and their labour-demand gap
 * (vacancies left unfilled), per scenario with intervals. Two panels, one per measure.
 * @example
 * const spec = smallerPlacesSpec(tables, { width: 480 });
 */
export function smallerPlacesSpec(tables: ResultTables, options: ChartOptions = {}): TopLevelSpec {
  return yearPanelsSpec(tables, options, {
    title: 'The smaller places: population and unfilled jobs',
    subtitle:
      'Top: people living in the smaller places together. Bottom: vacancies left unfilled in the year (the labour-demand gap). Axes do not start at zero.',
    height: 220,
    panels: [
      {
        values: smallerPlacesTotals(tables, 'population'),
        y: { field: 'median', title: 'Population (people)', format: '.2s' },
      },
      {
        values: smallerPlacesTotals(tables, 'labourGap'),
        y: { field: 'median', title: 'Unfilled vacancies (jobs)', format: '.2s' },
      },
    ],
  });
}
