import { quantileSorted } from 'd3-array';
import { type MeasureRow, runMeasures } from './measures.js';
import { type RunResult, simulate } from './model.js';
import type { ModelConfig } from './model-config.js';

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

/** A run to do: which scenario (by index in the list) and which replication. */
export interface RunTask {
  scenarioIndex: number;
  replication: number;
}

/** Every (scenario, replication) of an ensemble, replication-major so partial results stay paired. */
export function ensembleTasks(scenarios: number, replications: number): RunTask[] {
  const tasks: RunTask[] = [];
  for (let r = 0; r < replications; r++)
    for (let s = 0; s < scenarios; s++) tasks.push({ scenarioIndex: s, replication: r });
  return tasks;
}

/** Options of {@link runEnsemble}. */
export interface EnsembleOptions {
  replications: number;
  seed: number;
  /** Width of the interval reported, default {@link DEFAULT_INTERVAL}. */
  interval?: number;
  /** Called after each run with (done, total). */
  onRun?: (done: number, total: number) => void;
}

/**
 * What {@link runEnsemble} returns: every run's tables, the measures of every run, their
 * medians and intervals across replications, and the paired differences against the first scenario.
 * @example
 * const { summary } = runEnsemble([config], { replications: 10, seed: 1 });
 * summary.find((s) => s.area === SMALLER_PLACES && s.measure === 'retention5')?.median;
 */
export interface EnsembleResult {
  runs: RunResult[];
  measures: MeasureRow[];
  summary: SummaryRow[];
  /** Differences against the first scenario, replication by replication (common random numbers). */
  paired: SummaryRow[];
}

/**
 * Runs every scenario for N replications. Replication r of every scenario uses the same
 * seed and replication index, so the same newcomers arrive and draw the same numbers:
 * the differences between scenarios are paired (common random numbers).
 * @example
 * const result = runEnsemble([baseline, engagement], { replications: 20, seed: 1 });
 */
export function runEnsemble(configs: ModelConfig[], options: EnsembleOptions): EnsembleResult {
  const tasks = ensembleTasks(configs.length, options.replications);
  const runs: RunResult[] = [];
  tasks.forEach((task, done) => {
    runs.push(simulate(configs[task.scenarioIndex], { seed: options.seed, replication: task.replication }));
    options.onRun?.(done + 1, tasks.length);
  });
  return gatherEnsemble(configs, runs, options.interval);
}

/** Summarises finished runs (from this process or from workers) into measures, summary and paired differences. */
export function gatherEnsemble(
  configs: ModelConfig[],
  runs: RunResult[],
  interval = DEFAULT_INTERVAL,
): EnsembleResult {
  const region = configs[0]?.region ?? 'Region';
  const measures = runs.flatMap((run) => runMeasures(run, region));
  const order = configs.map((c) => c.name);
  return {
    runs,
    measures,
    summary: summarize(measures, interval, order),
    paired: configs.length > 1 ? summarize(pairedDifferences(measures, order[0]), interval, order) : [],
  };
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
