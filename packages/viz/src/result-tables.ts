import type { SummaryDocument } from '@smart-settlement/core';

/**
 * The retention table's rows for the areas the charts follow, column by column: row `i` is
 * `scenarios[scenario[i]]`, replication `replication[i]`, `areas[area[i]]`, `yearsSinceArrival[i]`
 * years after arrival, with that row's `retention` and `departures`. Rows keep the table's
 * order. About 32 bytes a row, so a large ensemble fits where one object per row would not.
 */
export interface RetentionColumns {
  /** The areas read (the rows of other areas were skipped), indexed by `area`. */
  areas: string[];
  /** Scenario names in summary.json's order, indexed by `scenario`. */
  scenarios: string[];
  /** Number of rows. */
  length: number;
  scenario: Int32Array;
  area: Int32Array;
  replication: Int32Array;
  /** 1 = at the end of the year of arrival. */
  yearsSinceArrival: Int32Array;
  /** Share still present (in the first place; for the region, anywhere in it). */
  retention: Float64Array;
  /** Share of the arrivals who departed during that year. */
  departures: Float64Array;
}

/**
 * The places table summed over the smaller places, one row per scenario, replication and year
 * (in the table's order): what the "over time" charts of the smaller places plot. The shares
 * are kept as sums weighted by newcomers, over the smaller places that have newcomers and a
 * value, so `equityWeighted[i] / equityNewcomers[i]` is the newcomer-weighted mean equity.
 */
export interface SmallerPlacesColumns {
  /** Scenario names in summary.json's order, indexed by `scenario`. */
  scenarios: string[];
  /** Number of rows. */
  length: number;
  scenario: Int32Array;
  replication: Int32Array;
  /** Year of the run, 0 = the first (the calendar year is summary.startYear + year). */
  year: Int32Array;
  /** People living in the smaller places. */
  population: Float64Array;
  /** Vacancies left unfilled in the smaller places that year. */
  labourGap: Float64Array;
  /** Sum of community equity × newcomers. */
  equityWeighted: Float64Array;
  /** Newcomers in the smaller places that report a community equity. */
  equityNewcomers: Float64Array;
  /** Sum of the share engaged × newcomers. */
  engagedWeighted: Float64Array;
  /** Newcomers in the smaller places that report a share engaged. */
  engagedNewcomers: Float64Array;
}

/**
 * What every chart is built from: the results folder's summary.json, and what the charts
 * need of its two tidy tables, kept compactly (memory grows with scenarios × replications ×
 * years, not with the tables' rows). Build it with `readResults(dir)` from
 * `@smart-settlement/viz/node` (which reads the tables line by line), `resultTables` from the
 * files' text, or `resultTablesFromRows` from rows in memory.
 */
export interface ResultTables {
  summary: SummaryDocument;
  /** Retention by replication of the region, the smaller places, incentive takers (and any areas asked for). */
  retention: RetentionColumns;
  /** The smaller places together, by scenario, replication and year. */
  smallerPlaces: SmallerPlacesColumns;
}
