import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  checkExperimentBudget,
  defaultWorkers,
  ExperimentError,
  ExperimentPlan,
  inProcessExecutor,
  outputName,
  pointTableChunks,
  prepareExperimentFolder,
  ResultsStore,
  type RunExecutor,
  RunPool,
  recordExperiment,
  runSweep,
  StoreMismatchError,
  type SweepSummary,
  storeOptions,
  writeChunksAtomically,
  writeFileAtomically,
} from '@smart-settlement/runner';
import { validateScenario } from '@smart-settlement/scenarios';
import { type Args, intOption, stringOption } from '../args.js';
import { readJsonFile } from '../load.js';
import { memoryBudget } from '../memory-budget.js';
import { InputError, msg } from '../messages.js';
import { csvChunks } from '../output/csv.js';
import { progressReporter } from '../progress.js';
import { fleetSweeper, type Sweeper } from './sweep-fleet.js';

/** Options shared by sweep, sensitivity and calibrate. */
export const EXPERIMENT_OPTIONS = { valued: ['out', 'workers', 'max-memory'], boolean: ['quiet'] };

/** The store file inside an experiment folder. */
export const STORE_FILE = 'results.duckdb';

/**
 * Reads and plans an experiment file. A `scenario` that is not a named scenario but a path
 * (relative to the experiment file) is read as a scenario file. Bad input is an InputError
 * naming every wrong field (exit 2, nothing written).
 */
export function loadExperiment(file: string | undefined, command: string, args?: Args): ExperimentPlan {
  if (!file)
    throw new InputError(
      `settle ${command}: name an experiment file, e.g. examples/experiments/dispersion-sobol.json`,
    );
  const input = readJsonFile(file) as Record<string, unknown>;
  if (typeof input === 'object' && input !== null && typeof input.scenario === 'string') {
    const path = resolve(dirname(file), input.scenario);
    if (/\.json$/i.test(input.scenario) && existsSync(path)) {
      // Only a scenario file is taken, and another file's contents are never echoed.
      const scenario = readJsonFile(path);
      const checked = validateScenario(scenario);
      if (!checked.ok)
        throw new InputError(msg.notScenarioFile(command, file, input.scenario, checked.problems.length));
      input.scenario = scenario;
    }
  }
  let plan: ExperimentPlan;
  try {
    plan = ExperimentPlan.create(input);
  } catch (e) {
    if (e instanceof ExperimentError)
      throw new InputError(`settle ${command}: invalid experiment ${file}:\n${e.message}`);
    throw e;
  }
  if (args) {
    // The same budget as settle run's, before the design is built or anything is written.
    const workers = intOption(args, 'workers', 0, 1024) ?? defaultWorkers();
    const problem = checkExperimentBudget(plan, workers, memoryBudget(args));
    if (problem) throw new InputError(msg.overBudget(command, problem));
  }
  return plan;
}

/** The --out folder of an experiment command (required). */
export function experimentOut(args: Args, command: string): string {
  const out = stringOption(args, 'out');
  if (!out)
    throw new InputError(
      `settle ${command}: --out DIR is required (the experiment folder; rerun with the same DIR to resume)`,
    );
  return out;
}

/**
 * Opens the experiment's store in DIR, refusing (exit 2) a file, a folder of other files, or a
 * folder that holds another experiment.
 */
export async function openStore(plan: ExperimentPlan, out: string): Promise<ResultsStore> {
  prepareExperimentFolder(out);
  try {
    const store = await ResultsStore.open(join(out, STORE_FILE), storeOptions(plan));
    await recordExperiment(plan, store);
    return store;
  } catch (e) {
    if (e instanceof StoreMismatchError) throw new InputError(`settle: ${e.message}`);
    throw e;
  }
}

/**
 * The executor for --workers N: a pool of N worker threads (default: the machine's cores),
 * or this process with 0. The numbers are the same either way.
 */
export function experimentExecutor(args: Args): { executor: RunExecutor; close(): Promise<void> } {
  const workers = intOption(args, 'workers', 0, 1024) ?? defaultWorkers();
  if (workers === 0) return { executor: inProcessExecutor(), close: async () => {} };
  const pool = new RunPool({ workers });
  return { executor: pool, close: () => pool.destroy() };
}

/** Runs a plan's pending runs on this machine (the --workers pool). */
function localSweeper(args: Args): Sweeper {
  const { executor, close } = experimentExecutor(args);
  return { run: (plan, store, options) => runSweep(plan, store, executor, options), close };
}

/**
 * An AbortSignal raised by the first Ctrl-C (runs in flight finish and are saved); a second
 * Ctrl-C exits at once (the store stays consistent: unsaved runs are simply run again).
 */
export function interruptSignal(quiet: boolean): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    if (!quiet)
      process.stderr.write('\nsettle: stopping after the runs in flight (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * Runs (or resumes) the sweep of a plan into DIR/results.duckdb with progress and time left
 * on a terminal, and DIR/progress.json ({done, total}) updated after each write. Returns the summary; on Ctrl-C, `stopped` is true and the store holds
 * every run finished so far.
 */
export async function sweepInto(
  plan: ExperimentPlan,
  out: string,
  args: Args,
  command: string,
): Promise<SweepSummary> {
  if (!plan.experiment.design)
    throw new InputError(
      `settle ${command}: the experiment has no design; allowed: design with type factorial, lhs, sobol or morris`,
    );
  const quiet = args.flags.has('quiet');
  // With --redis the runs go to the fleet (docs/CLUSTER.md); bullmq is loaded only then.
  const sweeper = (await fleetSweeper(args, command)) ?? localSweeper(args);
  const store = await openStore(plan, out);
  writeFileAtomically(join(out, 'experiment.json'), `${JSON.stringify(plan.experiment, null, 2)}\n`);
  const interrupt = interruptSignal(quiet);
  let progress: ReturnType<typeof progressReporter> | undefined;
  try {
    const summary = await sweeper.run(plan, store, {
      signal: interrupt.signal,
      onProgress: (done, total, doneNow) => {
        // For monitoring from elsewhere (the store itself is locked while a sweep writes).
        writeFileAtomically(join(out, 'progress.json'), `${JSON.stringify({ done, total })}\n`);
        progress ??= progressReporter(
          `${command} ${plan.experiment.name}${done - doneNow > 0 ? ` (resumed at ${done - doneNow})` : ''}`,
          quiet,
        );
        // Time left from this session's pace only.
        progress.update(doneNow, total - (done - doneNow));
      },
    });
    progress?.end();
    if (!summary.stopped && summary.failed === 0) await writePoints(plan, store, out);
    return summary;
  } finally {
    interrupt.dispose();
    store.close();
    await sweeper.close();
  }
}

/**
 * DIR/points.csv: one row per design point, its parameters and each output's mean over
 * replications, written a chunk of points at a time (a design of millions of points is never
 * one table in memory).
 */
async function writePoints(plan: ExperimentPlan, store: ResultsStore, out: string): Promise<void> {
  const columns = ['point', ...plan.parameterNames, ...plan.experiment.outputs.map(outputName)];
  await writeChunksAtomically(join(out, 'points.csv'), csvChunks(pointTableChunks(plan, store), columns));
}

/**
 * Tells how a sweep ended. Stopped (Ctrl-C): says how to continue and exits 130. Runs
 * failed: throws (exit 1), the errors are in the store and a rerun retries them.
 */
export function reportSweep(summary: SweepSummary, out: string, command: string, started: number): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (summary.stopped) {
    console.error(
      `settle ${command}: stopped with ${summary.alreadyDone + summary.recorded} of ${summary.total} runs saved in ${out}/${STORE_FILE}; run the same command again to continue`,
    );
    process.exit(130);
  }
  if (summary.failed > 0) {
    throw new Error(
      `${summary.failed} runs failed (their errors are in ${out}/${STORE_FILE}, table runs, column error); run the same command again to retry them`,
    );
  }
  console.log(
    `${command}: ${summary.total} runs in ${out}/${STORE_FILE} (${summary.recorded} run now, ${summary.alreadyDone} already done) in ${seconds} s`,
  );
}

/** `settle sweep <experiment> --out DIR [--workers N] [--quiet]`: runs or resumes the sweep. */
export async function sweep(args: Args): Promise<void> {
  const started = Date.now();
  const plan = loadExperiment(args.positional[0], 'sweep', args);
  const out = experimentOut(args, 'sweep');
  const summary = await sweepInto(plan, out, args, 'sweep');
  reportSweep(summary, out, 'sweep', started);
}
