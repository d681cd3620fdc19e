import type { PlaceRow, RetentionRow, SummaryDocument } from '@smart-settlement/core';
import { CsvRecords } from './csv-records.js';
import { ResultTablesBuilder, type ResultTablesOptions } from './tables-builder.js';

// summary.json's document is owned by core, next to its builder; viz re-exports its types for chart authors.
export type { PlaceSummary, PolicySummary, ScenarioSummary, SummaryDocument } from '@smart-settlement/core';

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

/**
 * The code of an area in the retention columns (the value of their `area` column); throws
 * if the tables hold no retention of that area (it was not among the areas read).
 * @example
 * const t = tables.retention;
 * const code = areaCode(t, 'Smaller places');
 * const rows = rowsWhere(t.length, (i) => t.area[i] === code);
 */
export function areaCode(retention: RetentionColumns, area: string): number {
  const code = retention.areas.indexOf(area);
  if (code < 0)
    throw new Error(
      `the tables hold no retention of "${area}" (they hold ${retention.areas.join(', ')}): read them with readResults(dir, { retentionAreas: [${JSON.stringify(area)}] })`,
    );
  return code;
}

/** The indices of the rows `0 .. length - 1` for which `keep` holds, in order. */
export function rowsWhere(length: number, keep: (row: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < length; i++) if (keep(i)) rows.push(i);
  return rows;
}

/**
 * Parses a CSV file as the results folder writes it: a header row, then one row per line;
 * numbers become numbers (`NA` becomes NaN), `true`/`false` become booleans.
 * @example
 * parseCsv('a,b\n1,x\n') // [{ a: 1, b: 'x' }]
 */
export function parseCsv<T = Record<string, string | number | boolean>>(text: string): T[] {
  let header: string[] | undefined;
  const rows: T[] = [];
  const csv = new CsvRecords((cells) => {
    if (!header) {
      header = cells;
      return;
    }
    const row: Record<string, unknown> = {};
    header.forEach((name, i) => {
      row[name] = typedCell(cells[i] ?? '');
    });
    rows.push(row as T);
  });
  csv.push(text);
  csv.end();
  return rows;
}

function typedCell(s: string): string | number | boolean {
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'NA') return Number.NaN;
  if (s !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s);
  return s;
}

/**
 * The result tables from the text of a results folder's files (in a browser, say; in Node,
 * `readResults(dir)` reads the files without holding their whole text).
 * @example
 * const tables = resultTables({ summary: summaryJson, retention: retentionCsv, places: placesCsv });
 */
export function resultTables(
  files: { summary: string; retention: string; places: string },
  options: ResultTablesOptions = {},
): ResultTables {
  const builder = new ResultTablesBuilder(JSON.parse(files.summary) as SummaryDocument, options);
  const retention = builder.retentionCsv();
  retention.push(files.retention);
  retention.end();
  const places = builder.placesCsv();
  places.push(files.places);
  places.end();
  return builder.finish();
}

/**
 * The result tables from rows in memory, such as an ensemble run in a notebook
 * (`result.runs.flatMap((r) => r.retention)`).
 * @example
 * const tables = resultTablesFromRows(summary, result.runs.flatMap((r) => r.retention), result.runs.flatMap((r) => r.places));
 */
export function resultTablesFromRows(
  summary: SummaryDocument,
  retention: Iterable<RetentionRow>,
  places: Iterable<PlaceRow>,
  options: ResultTablesOptions = {},
): ResultTables {
  const builder = new ResultTablesBuilder(summary, options);
  for (const row of retention) builder.addRetention(row);
  for (const row of places) builder.addPlace(row);
  return builder.finish();
}
