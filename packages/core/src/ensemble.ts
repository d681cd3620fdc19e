import { type IncrementalRow, incrementalSummary } from './incremental.js';
import { MeasureArrays } from './measure-arrays.js';
import type { MeasureRow } from './measures.js';
import { type RunResult, simulate } from './model.js';
import type { ModelConfig } from './model-config.js';
import { orderedRuns } from './ordered-runs.js';
import { runMeasures } from './run-measures.js';
import { DEFAULT_INTERVAL, type SummaryRow } from './summarize.js';

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

/** What an ensemble needs of a finished run: its measures, computed once, where the run was done. */
export interface MeasuredRun {
  measures: readonly MeasureRow[];
}

/** A finished run of an ensemble: its tables (as {@link simulate} returns them) and its measures. */
export interface EnsembleRun extends RunResult {
  measures: MeasureRow[];
}

/** A run handed to an ensemble's workers: the task, its place in the ensemble, its configuration and base seed. */
export interface EnsembleTask extends RunTask {
  /** Position in {@link ensembleTasks}' order. */
  index: number;
  config: ModelConfig;
  seed: number;
}

/**
 * Whatever does an ensemble's runs: this thread by default ({@link IN_THIS_THREAD}), a pool of
 * worker threads (`poolWorkers` of `@smart-settlement/runner`), or the explorer's Web Workers.
 * A run's result depends on its task alone, so the ensemble is the same, byte for byte, whoever runs it.
 */
export interface EnsembleWorkers<R extends MeasuredRun = EnsembleRun> {
  /** Runs started at once, at most (finished runs wait for their turn): 1 in this thread, about twice the threads of a pool. */
  readonly concurrency: number;
  /** Does one run. */
  run(task: EnsembleTask): R | Promise<R>;
}

/** A run's tables with its measures (those of the run's own region). */
export function measuredRun(run: RunResult, config: ModelConfig): EnsembleRun {
  return { ...run, measures: runMeasures(run, config.region) };
}

/** The default workers of {@link runEnsemble}: every run in this thread, one after another. */
export const IN_THIS_THREAD: EnsembleWorkers<EnsembleRun> = {
  concurrency: 1,
  run: (task) =>
    measuredRun(simulate(task.config, { seed: task.seed, replication: task.replication }), task.config),
};

/** Options of {@link runEnsemble}. */
export interface EnsembleOptions<R extends MeasuredRun = EnsembleRun> {
  replications: number;
  seed: number;
  /** Width of the interval reported, default {@link DEFAULT_INTERVAL}. */
  interval?: number;
  /** Who does the runs, default {@link IN_THIS_THREAD}. */
  workers?: EnsembleWorkers<R>;
  /**
   * Receives every run in task order (replication-major) as soon as its turn comes. With a
   * sink, runs are not kept: the result's `runs` and `measures` are empty and memory holds
   * only the runs in flight and the measures' values (for the summaries).
   */
  sink?: (run: R) => void | Promise<void>;
  /** Called as each run finishes, in completion order, with (done, total). */
  onRun?: (done: number, total: number) => void;
  /**
   * Called each time every scenario has finished one more replication, with the replications
   * done and their summaries: the figures as their intervals tighten.
   */
  onReplication?: (done: number, summaries: EnsembleSummaries) => void;
}

/** The summaries of an ensemble's measures across replications. */
export interface EnsembleSummaries {
  summary: SummaryRow[];
  /** Differences against the first scenario, replication by replication (common random numbers). */
  paired: SummaryRow[];
  /** Cost per additional person retained and person-years per million dollars, against the first scenario. */
  incremental: IncrementalRow[];
}

/**
 * What {@link runEnsemble} returns: every run's tables, the measures of every run, their
 * medians and intervals across replications, and the paired differences against the first
 * scenario. `runs` and `measures` are empty when the runs went to a sink.
 * @example
 * const { summary } = await runEnsemble([config], { replications: 10, seed: 1 });
 * summary.find((s) => s.area === SMALLER_PLACES && s.measure === 'retention5')?.median;
 */
export interface EnsembleResult<R extends MeasuredRun = EnsembleRun> extends EnsembleSummaries {
  runs: R[];
  measures: MeasureRow[];
}

/**
 * Runs every scenario for N replications, on the given workers (default: this thread), and
 * summarises the measures as the runs come. Replication r of every scenario uses the same seed
 * and replication index, so the same newcomers arrive and draw the same numbers: the
 * differences between scenarios are paired (common random numbers). Runs are gathered in task
 * order, never in the order they finish, so the result is the same whoever does the runs.
 * @example
 * const result = await runEnsemble([baseline, engagement], { replications: 20, seed: 1 });
 * // on worker threads, writing each run as it comes:
 * await runEnsemble(configs, { replications: 20, seed: 1, workers: poolWorkers(pool, scenarios), sink: write });
 */
export function runEnsemble(
  configs: readonly ModelConfig[],
  options: EnsembleOptions<EnsembleRun>,
): Promise<EnsembleResult<EnsembleRun>>;
export function runEnsemble<R extends MeasuredRun>(
  configs: readonly ModelConfig[],
  options: EnsembleOptions<R> & { workers: EnsembleWorkers<R> },
): Promise<EnsembleResult<R>>;
export async function runEnsemble<R extends MeasuredRun>(
  configs: readonly ModelConfig[],
  options: EnsembleOptions<R>,
): Promise<EnsembleResult<R>> {
  const { replications, seed, interval = DEFAULT_INTERVAL, sink, onReplication } = options;
  const workers = options.workers ?? (IN_THIS_THREAD as unknown as EnsembleWorkers<R>);
  const names = configs.map((c) => c.name);
  const tasks: EnsembleTask[] = ensembleTasks(configs.length, replications).map((task, index) => ({
    ...task,
    index,
    config: configs[task.scenarioIndex],
    seed,
  }));
  const arrays = new MeasureArrays(replications);
  const runs: R[] = [];
  let gathered = 0;
  const window = workers.concurrency;
  for await (const run of orderedRuns(tasks, (task) => workers.run(task), { window, onRun: options.onRun })) {
    arrays.add(run.measures);
    if (sink) await sink(run);
    else runs.push(run);
    gathered += 1;
    if (onReplication && gathered % configs.length === 0)
      onReplication(gathered / configs.length, ensembleSummaries(arrays, names, interval));
  }
  return {
    runs,
    measures: runs.flatMap((run) => run.measures),
    ...ensembleSummaries(arrays, names, interval),
  };
}

/**
 * The summaries of the measures kept so far: median and interval of each (scenario, area,
 * measure), the paired differences and the incremental measures against the first of
 * `scenarios` (none with a single scenario).
 * @example
 * const arrays = new MeasureArrays(10);
 * for (const run of runs) arrays.add(run.measures);
 * ensembleSummaries(arrays, ['baseline', 'engagement']);
 */
export function ensembleSummaries(
  arrays: MeasureArrays,
  scenarios: string[],
  interval = DEFAULT_INTERVAL,
): EnsembleSummaries {
  const paired = scenarios.length > 1;
  return {
    summary: arrays.summary(interval, scenarios),
    paired: paired ? arrays.paired(scenarios[0], interval, scenarios) : [],
    incremental: paired ? incrementalSummary(arrays, scenarios[0], scenarios, interval) : [],
  };
}
