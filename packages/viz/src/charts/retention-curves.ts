import type { TopLevelSpec } from 'vega-lite';
import { type AxisField, bandAndLine, type ChartOptions } from '../layers.js';
import { bandsBy, tidy } from '../stats.js';
import { areaCode, type ResultTables, rowsWhere } from '../tables.js';
import { chartTitle, THEME, WIDTH } from '../theme.js';

/** Options of the retention curves. */
export interface RetentionCurvesOptions extends ChartOptions {
  /** Area whose newcomers are followed (default: the smaller places together). */
  area?: string;
}

/**
 * Median and band of retention per scenario and years since arrival, from the retention
 * table (the area must be one of those read: see ResultTablesOptions.retentionAreas).
 */
export function retentionCurveData(tables: ResultTables, area: string) {
  const t = tables.retention;
  const code = areaCode(t, area);
  return bandsBy(
    rowsWhere(t.length, (i) => t.area[i] === code),
    (i) => `${t.scenario[i]}|${t.yearsSinceArrival[i]}`,
    (i) => t.retention[i],
    (i) => ({ scenario: t.scenarios[t.scenario[i]], yearsSinceArrival: t.yearsSinceArrival[i] }),
    tables.summary.interval,
  ).map((d) => ({ ...d, median: tidy(d.median), lo: tidy(d.lo), hi: tidy(d.hi) }));
}

/**
 * Retention curves: the share of newcomers still in their first place, by years since
 * arrival, one line per scenario with its interval band.
 * @example
 * const spec = retentionCurvesSpec(tables, { area: 'Thunder Bay' });
 * spec.config = { ...spec.config, font: 'Georgia' };
 */
export function retentionCurvesSpec(
  tables: ResultTables,
  options: RetentionCurvesOptions = {},
): TopLevelSpec {
  const area = options.area ?? tables.summary.smallerPlacesArea;
  const isRegion = area === tables.summary.region;
  const x: AxisField = {
    field: 'yearsSinceArrival',
    title: 'Years since arrival',
    domain: [1, tables.summary.years],
  };
  const y: AxisField = {
    field: 'median',
    title: isRegion ? 'Share still present in the region' : 'Share still present in their first place',
    format: '.0%',
    domain: [0, 1],
  };
  const width = options.width ?? WIDTH;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      `Who stays: retention of newcomers settling in ${area === tables.summary.smallerPlacesArea ? 'the smaller places' : area}`,
      width,
      isRegion
        ? 'Share of each arrival cohort still living in the region, by years since arrival.'
        : 'Share of each arrival cohort still living in the place they first settled in, by years since arrival. Later years pool fewer cohorts.',
    ),
    width,
    height: options.height ?? 340,
    data: { values: retentionCurveData(tables, area) },
    layer: bandAndLine(tables, x, y),
    config: THEME,
  };
}
