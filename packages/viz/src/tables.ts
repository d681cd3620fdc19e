import type { PlaceRow, RetentionRow, SummaryRow } from '@smart-settlement/core';

/** A policy as summary.json lists it: its name, kind and levers. */
export interface PolicySummary {
  name: string;
  kind: string;
  levers: Record<string, unknown>;
}

/** A scenario as summary.json lists it. */
export interface ScenarioSummary {
  name: string;
  description: string;
  policies: PolicySummary[];
}

/** A place as summary.json lists it (coordinates, size, which fields are observed or assumed). */
export interface PlaceSummary {
  name: string;
  kind: string;
  population: number;
  lat: number;
  lon: number;
  smaller: boolean;
  observed?: string[];
  assumed?: string[];
}

/** The parts of a results folder's summary.json the charts read. */
export interface SummaryDocument {
  library: { name: string; version: string };
  region: string;
  smallerPlacesArea: string;
  seed: number;
  replications: number;
  years: number;
  startYear: number;
  agentScale: number;
  /** Width of the intervals, e.g. 0.9. */
  interval: number;
  /** The scenario every paired difference is taken against. */
  reference?: string;
  scenarios: ScenarioSummary[];
  places: PlaceSummary[];
  /** What each measure means. */
  measures: Record<string, string>;
  summary: SummaryRow[];
  /** Differences against the reference, replication by replication (common random numbers). */
  paired: SummaryRow[];
}

/**
 * What every chart is built from: the results folder's summary.json and its two tidy tables.
 * Build it with `resultTables` from the files' text, or `readResults(dir)` from `@smart-settlement/viz/node`.
 */
export interface ResultTables {
  summary: SummaryDocument;
  retention: RetentionRow[];
  places: PlaceRow[];
}

/**
 * Parses a CSV file as the results folder writes it: a header row, then one row per line;
 * numbers become numbers (`NA` becomes NaN), `true`/`false` become booleans.
 * @example
 * parseCsv('a,b\n1,x\n') // [{ a: 1, b: 'x' }]
 */
export function parseCsv<T = Record<string, string | number | boolean>>(text: string): T[] {
  const records = splitCsv(text);
  const header = records.shift() ?? [];
  return records
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => {
      const row: Record<string, unknown> = {};
      header.forEach((name, i) => {
        row[name] = typedCell(r[i] ?? '');
      });
      return row as T;
    });
}

function typedCell(s: string): string | number | boolean {
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'NA') return Number.NaN;
  if (s !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s);
  return s;
}

/** Splits CSV text into records of cells, honouring double-quoted cells. */
function splitCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

/**
 * The result tables from the text of a results folder's files.
 * @example
 * const tables = resultTables({ summary: summaryJson, retention: retentionCsv, places: placesCsv });
 */
export function resultTables(files: { summary: string; retention: string; places: string }): ResultTables {
  return {
    summary: JSON.parse(files.summary) as SummaryDocument,
    retention: parseCsv<RetentionRow>(files.retention),
    places: parseCsv<PlaceRow>(files.places),
  };
}
