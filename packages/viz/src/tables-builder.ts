import {
  INCENTIVE_TAKERS,
  type PlaceRow,
  RESULT_FILES,
  type RetentionRow,
  type SummaryDocument,
} from '@smart-settlement/core';
import { CsvRecords } from './csv-records.js';
import type { ResultTables, RetentionColumns, SmallerPlacesColumns } from './result-tables.js';

/** Options of reading result tables. */
export interface ResultTablesOptions {
  /**
   * Areas whose retention is kept besides those the pack's charts read (the region, the
   * smaller places together and incentive takers), e.g. `['Thunder Bay']` to draw that
   * place's retention curves; `'all'` keeps every area (memory grows with the areas kept).
   */
  retentionAreas?: readonly string[] | 'all';
}

/** The areas whose retention the briefing pack's charts read. */
export function chartRetentionAreas(summary: SummaryDocument): string[] {
  return [summary.region, summary.smallerPlacesArea, INCENTIVE_TAKERS];
}

/** The columns of retention.csv the builder reads. */
const RETENTION_FIELDS = [
  'scenario',
  'replication',
  'area',
  'yearsSinceArrival',
  'retention',
  'departures',
] as const;

/** The columns of places.csv the builder reads. */
const PLACE_FIELDS = [
  'scenario',
  'replication',
  'year',
  'smaller',
  'population',
  'newcomers',
  'equityMean',
  'engagedShare',
  'labourGap',
] as const;

type Column = Int32Array | Float64Array;

/** A copy of `column` with room for at least `size` values. */
function grown<C extends Column>(column: C, size: number): C {
  if (size <= column.length) return column;
  const next = new (column.constructor as new (n: number) => C)(Math.max(size, column.length * 2));
  next.set(column);
  return next;
}

/** Grows every column (typed array) of a table of columns to hold `size` rows. */
function growColumns(table: RetentionColumns | SmallerPlacesColumns, size: number): void {
  const columns = table as unknown as Record<string, unknown>;
  for (const [name, column] of Object.entries(columns))
    if (column instanceof Int32Array || column instanceof Float64Array) columns[name] = grown(column, size);
}

/** The numbers of the results folder's CSV cells: `NA` (and an empty cell) is NaN. */
function numberCell(s: string): number {
  return s === 'NA' || s === '' ? Number.NaN : Number(s);
}

/** The position of each wanted column in a CSV header; throws naming a missing one. */
function columnIndexes<F extends string>(file: string, header: string[], fields: readonly F[]) {
  const at = {} as Record<F, number>;
  for (const field of fields) {
    const i = header.indexOf(field);
    if (i < 0) throw new Error(`${file} has no column "${field}"`);
    at[field] = i;
  }
  return at;
}

/**
 * A CSV reader that maps the header to column indexes, then hands each record on with them;
 * an error from a record is reported with the file and line.
 */
function tableReader<F extends string>(
  file: string,
  fields: readonly F[],
  onRecord: (cells: string[], at: Record<F, number>) => void,
): CsvRecords {
  let at: Record<F, number> | undefined;
  const csv: CsvRecords = new CsvRecords((cells) => {
    if (!at) {
      at = columnIndexes(file, cells, fields);
      return;
    }
    try {
      onRecord(cells, at);
    } catch (error) {
      throw new Error(`${file} line ${csv.count}: ${(error as Error).message}`);
    }
  });
  return csv;
}

/**
 * Builds ResultTables from the two tables' rows, one row at a time, keeping only what the
 * charts read: the retention rows of a few areas, and the places rows summed over the smaller
 * places per scenario, replication and year. Rows come either as CSV records (`retentionCsv`,
 * `placesCsv`) or as objects (`addRetention`, `addPlace`).
 * @example
 * const builder = new ResultTablesBuilder(summary);
 * const csv = builder.placesCsv();
 * csv.push(placesText);
 * csv.end();
 * const tables = builder.finish();
 */
export class ResultTablesBuilder {
  private readonly scenarioIndex: Map<string, number>;
  private readonly areaIndex: Map<string, number>;
  private readonly allAreas: boolean;
  private retention: RetentionColumns;
  private smaller: SmallerPlacesColumns;
  /** Row of `smaller` for each (scenario, replication, year), or -1: built on the first place row. */
  private groups?: Int32Array;

  /** @param summary the results folder's summary.json (scenarios, replications and years bound the tables). */
  constructor(
    private readonly summary: SummaryDocument,
    options: ResultTablesOptions = {},
  ) {
    const scenarios = summary.scenarios.map((s) => s.name);
    this.scenarioIndex = new Map(scenarios.map((name, i) => [name, i]));
    this.allAreas = options.retentionAreas === 'all';
    const extra = options.retentionAreas === 'all' ? [] : (options.retentionAreas ?? []);
    const areas = [...new Set([...chartRetentionAreas(summary), ...extra])];
    this.areaIndex = new Map(areas.map((name, i) => [name, i]));
    const ints = () => new Int32Array(1024);
    const floats = () => new Float64Array(1024);
    this.retention = {
      areas,
      scenarios,
      length: 0,
      scenario: ints(),
      area: ints(),
      replication: ints(),
      yearsSinceArrival: ints(),
      retention: floats(),
      departures: floats(),
    };
    this.smaller = {
      scenarios,
      length: 0,
      scenario: ints(),
      replication: ints(),
      year: ints(),
      population: floats(),
      labourGap: floats(),
      equityWeighted: floats(),
      equityNewcomers: floats(),
      engagedWeighted: floats(),
      engagedNewcomers: floats(),
    };
  }

  /** The index of a scenario named in a table; throws if summary.json does not list it. */
  private scenarioOf(name: string): number {
    const i = this.scenarioIndex.get(name);
    if (i === undefined) throw new Error(`scenario "${name}" is not in summary.json`);
    return i;
  }

  /** Adds one retention row (kept only if its area is one of those read). */
  addRetention(
    row: Pick<
      RetentionRow,
      'scenario' | 'replication' | 'area' | 'yearsSinceArrival' | 'retention' | 'departures'
    >,
  ): void {
    let area = this.areaIndex.get(row.area);
    if (area === undefined) {
      if (!this.allAreas) return;
      area = this.areaIndex.size;
      this.areaIndex.set(row.area, area);
      this.retention.areas.push(row.area);
    }
    const t = this.retention;
    const i = t.length;
    if (i === t.scenario.length) growColumns(t, i + 1);
    t.scenario[i] = this.scenarioOf(row.scenario);
    t.area[i] = area;
    t.replication[i] = row.replication;
    t.yearsSinceArrival[i] = row.yearsSinceArrival;
    t.retention[i] = row.retention;
    t.departures[i] = row.departures;
    t.length = i + 1;
  }

  /** Adds one places row to its (scenario, replication, year) sums if it is a smaller place. */
  addPlace(
    row: Pick<
      PlaceRow,
      | 'scenario'
      | 'replication'
      | 'year'
      | 'smaller'
      | 'population'
      | 'newcomers'
      | 'equityMean'
      | 'engagedShare'
      | 'labourGap'
    >,
  ): void {
    if (!row.smaller) return;
    const i = this.smallerRow(this.scenarioOf(row.scenario), row.replication, row.year);
    const t = this.smaller;
    t.population[i] += row.population;
    t.labourGap[i] += row.labourGap;
    // Shares count where newcomers live and the share is defined (NA where no newcomers).
    if (row.newcomers > 0 && Number.isFinite(row.equityMean)) {
      t.equityWeighted[i] += row.equityMean * row.newcomers;
      t.equityNewcomers[i] += row.newcomers;
    }
    if (row.newcomers > 0 && Number.isFinite(row.engagedShare)) {
      t.engagedWeighted[i] += row.engagedShare * row.newcomers;
      t.engagedNewcomers[i] += row.newcomers;
    }
  }

  /** The row of the smaller places' sums for a scenario, replication and year, added if new. */
  private smallerRow(scenario: number, replication: number, year: number): number {
    const { replications, years } = this.summary;
    if (!(Number.isInteger(replication) && replication >= 0 && replication < replications))
      throw new Error(`replication ${replication} is outside the ${replications} of summary.json`);
    if (!(Number.isInteger(year) && year >= 0 && year < years))
      throw new Error(`year ${year} is outside the ${years} years of summary.json`);
    this.groups ??= new Int32Array(this.scenarioIndex.size * replications * years).fill(-1);
    const key = (scenario * replications + replication) * years + year;
    const found = this.groups[key];
    if (found >= 0) return found;
    const t = this.smaller;
    const i = t.length;
    if (i === t.scenario.length) growColumns(t, i + 1);
    t.scenario[i] = scenario;
    t.replication[i] = replication;
    t.year[i] = year;
    this.groups[key] = i;
    t.length = i + 1;
    return i;
  }

  /** A reader of retention.csv's text: push it chunk by chunk, then call end(). */
  retentionCsv(file: string = RESULT_FILES.retention): CsvRecords {
    return tableReader(file, RETENTION_FIELDS, (cells, at) => {
      const area = cells[at.area];
      if (!this.allAreas && !this.areaIndex.has(area)) return;
      this.addRetention({
        scenario: cells[at.scenario],
        replication: numberCell(cells[at.replication]),
        area,
        yearsSinceArrival: numberCell(cells[at.yearsSinceArrival]),
        retention: numberCell(cells[at.retention]),
        departures: numberCell(cells[at.departures]),
      });
    });
  }

  /** A reader of places.csv's text: push it chunk by chunk, then call end(). */
  placesCsv(file: string = RESULT_FILES.places): CsvRecords {
    return tableReader(file, PLACE_FIELDS, (cells, at) => {
      if (cells[at.smaller] !== 'true') return;
      this.addPlace({
        scenario: cells[at.scenario],
        replication: numberCell(cells[at.replication]),
        year: numberCell(cells[at.year]),
        smaller: true,
        population: numberCell(cells[at.population]),
        newcomers: numberCell(cells[at.newcomers]),
        equityMean: numberCell(cells[at.equityMean]),
        engagedShare: numberCell(cells[at.engagedShare]),
        labourGap: numberCell(cells[at.labourGap]),
      });
    });
  }

  /** The tables, columns trimmed to their length. */
  finish(): ResultTables {
    const r = this.retention;
    const s = this.smaller;
    this.groups = undefined;
    return {
      summary: this.summary,
      retention: {
        ...r,
        scenario: r.scenario.slice(0, r.length),
        area: r.area.slice(0, r.length),
        replication: r.replication.slice(0, r.length),
        yearsSinceArrival: r.yearsSinceArrival.slice(0, r.length),
        retention: r.retention.slice(0, r.length),
        departures: r.departures.slice(0, r.length),
      },
      smallerPlaces: {
        ...s,
        scenario: s.scenario.slice(0, s.length),
        replication: s.replication.slice(0, s.length),
        year: s.year.slice(0, s.length),
        population: s.population.slice(0, s.length),
        labourGap: s.labourGap.slice(0, s.length),
        equityWeighted: s.equityWeighted.slice(0, s.length),
        equityNewcomers: s.equityNewcomers.slice(0, s.length),
        engagedWeighted: s.engagedWeighted.slice(0, s.length),
        engagedNewcomers: s.engagedNewcomers.slice(0, s.length),
      },
    };
  }
}
