import { quantileSorted } from 'd3-array';
import type { MeasureRow } from './measures.js';

/** Width of the central interval reported with every median: 0.9, the 5th to the 95th percentile of the replications. */
export const DEFAULT_INTERVAL = 0.9;

/** Median and interval of one measure across replications. */
export interface SummaryRow {
  scenario: string;
  area: string;
  measure: string;
  median: number;
  lo: number;
  hi: number;
  /** Replications with a value. */
  n: number;
}

/** Per replication: value in each scenario minus value in the reference scenario. */
export function pairedDifferences(measures: MeasureRow[], reference: string): MeasureRow[] {
  const ref = new Map<string, number>();
  for (const m of measures)
    if (m.scenario === reference) ref.set(`${m.replication}|${m.area}|${m.measure}`, m.value);
  const out: MeasureRow[] = [];
  for (const m of measures) {
    if (m.scenario === reference) continue;
    const base = ref.get(`${m.replication}|${m.area}|${m.measure}`);
    if (base !== undefined) out.push({ ...m, value: m.value - base });
  }
  return out;
}

/** Median and central interval (default 90%) of each (scenario, area, measure) across replications. */
export function summarize(
  measures: MeasureRow[],
  interval = DEFAULT_INTERVAL,
  scenarioOrder: string[] = [],
): SummaryRow[] {
  const groups = new Map<string, { scenario: string; area: string; measure: string; values: number[] }>();
  for (const m of measures) {
    const key = `${m.scenario}|${m.area}|${m.measure}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { scenario: m.scenario, area: m.area, measure: m.measure, values: [] }));
    g.values.push(m.value);
  }
  return summarizeGroups(groups.values(), interval, scenarioOrder);
}

/** The values of one (scenario, area, measure) across replications, in any order. */
export interface MeasureValues {
  scenario: string;
  area: string;
  measure: string;
  /** One value per replication that has one (a typed array keeps large ensembles compact). */
  values: ArrayLike<number>;
}

/**
 * {@link summarize} for values already grouped by (scenario, area, measure): the same rows in
 * the same order, so a caller that keeps only numbers (say a Float64Array per group, not a
 * MeasureRow object per value) gets the summary {@link summarize} would give for those rows.
 * Give the groups in the order of their first value (summarize keeps that order among scenarios
 * missing from `scenarioOrder`); groups without values are left out, as summarize never sees
 * them; keys must be distinct.
 * @example
 * summarizeGroups([{ scenario: 'a', area: 'Region', measure: 'retention5', values: Float64Array.of(0.4, 0.6) }]);
 * // [{ scenario: 'a', area: 'Region', measure: 'retention5', median: 0.5, lo: 0.41, hi: 0.59, n: 2 }]
 */
export function summarizeGroups(
  groups: Iterable<MeasureValues>,
  interval = DEFAULT_INTERVAL,
  scenarioOrder: string[] = [],
): SummaryRow[] {
  const tail = (1 - interval) / 2;
  const rows: SummaryRow[] = [];
  for (const g of groups) {
    if (g.values.length === 0) continue;
    const sorted = Array.from(g.values).sort((a, b) => a - b);
    rows.push({
      scenario: g.scenario,
      area: g.area,
      measure: g.measure,
      median: quantileSorted(sorted, 0.5) ?? Number.NaN,
      lo: quantileSorted(sorted, tail) ?? Number.NaN,
      hi: quantileSorted(sorted, 1 - tail) ?? Number.NaN,
      n: sorted.length,
    });
  }
  const rank = (s: string) => {
    const i = scenarioOrder.indexOf(s);
    return i < 0 ? scenarioOrder.length : i;
  };
  return rows.sort(
    (a, b) => rank(a.scenario) - rank(b.scenario) || cmp(a.area, b.area) || cmp(a.measure, b.measure),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
