import { type IncrementalRow, incrementalSummary } from './incremental.js';
import { MeasureArrays } from './measure-arrays.js';
import type { MeasureRow } from './measures.js';
import { type RunResult, simulate } from './model.js';
import type { ModelConfig } from './model-config.js';
import { runMeasures } from './run-measures.js';
import { DEFAULT_INTERVAL, pairedDifferences, type SummaryRow, summarize } from './summarize.js';

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
  /** Cost per additional person retained and person-years per million dollars, against the first scenario. */
  incremental: IncrementalRow[];
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

/** Summarises finished runs (from this process or from workers) into measures, summary, paired differences and incremental measures. */
export function gatherEnsemble(
  configs: ModelConfig[],
  runs: RunResult[],
  interval = DEFAULT_INTERVAL,
): EnsembleResult {
  const region = configs[0]?.region ?? 'Region';
  const measures = runs.flatMap((run) => runMeasures(run, region));
  const order = configs.map((c) => c.name);
  const arrays = new MeasureArrays(1 + Math.max(-1, ...runs.map((r) => r.key.replication)));
  arrays.add(measures);
  return {
    runs,
    measures,
    summary: summarize(measures, interval, order),
    paired: configs.length > 1 ? summarize(pairedDifferences(measures, order[0]), interval, order) : [],
    incremental: configs.length > 1 ? incrementalSummary(arrays, order[0], order, interval) : [],
  };
}
