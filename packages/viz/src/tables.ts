import type { PlaceRow, RetentionRow, SummaryDocument } from '@smart-settlement/core';
import { CsvRecords } from './csv-records.js';
import type { ResultTables, RetentionColumns } from './result-tables.js';
import { ResultTablesBuilder, type ResultTablesOptions } from './tables-builder.js';

// summary.json's document is owned by core, next to its builder; viz re-exports its types for chart authors.
export type { PlaceSummary, PolicySummary, ScenarioSummary, SummaryDocument } from '@smart-settlement/core';
export type { ResultTables, RetentionColumns, SmallerPlacesColumns } from './result-tables.js';

/**
 * What the charts built from summary.json alone read: `{ summary }`. Every ResultTables is
 * one, so such a builder serves the briefing pack and a browser that has only summary.json.
 */
export type SummaryTables = Pick<ResultTables, 'summary'>;

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
 * numbers become numbers (`NA` becomes NaN), `true`/`false` become booleans, and the ' the
 * writer puts before formula-like text is dropped.
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
  // The writer puts a ' before text that a spreadsheet would run as a formula (and before a ' itself).
  return s.startsWith("'") ? s.slice(1) : s;
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
