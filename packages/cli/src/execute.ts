import { readdirSync } from 'node:fs';
import {
  COHORT_COLUMNS,
  checkMemoryBudget,
  DEFAULT_INTERVAL,
  type EnsembleResult,
  ensembleTasks,
  estimateJobResources,
  FLOW_COLUMNS,
  incrementalSummary,
  MEASURE_COLUMNS,
  MeasureArrays,
  type ModelConfig,
  PLACE_COLUMNS,
  RESULT_FILES,
  RETENTION_COLUMNS,
  summaryDocument,
  VERSION,
} from '@smart-settlement/core';
import {
  defaultWorkers,
  executeRun,
  orderedRuns,
  ResultsFolder,
  type RunOutput,
  RunPool,
  type RunSpec,
} from '@smart-settlement/runner';
import { ontarioPlaces, type Scenario } from '@smart-settlement/scenarios';
import type { Args } from './args.js';
import { intOption, stringOption } from './args.js';
import { type Job, jobConfigs } from './job.js';
import { memoryBudget } from './memory-budget.js';
import { InputError, msg } from './messages.js';
import { textCell, toCsv, toExactJson, toJson } from './output/csv.js';
import { progressReporter } from './progress.js';

/**
 * A later stage of a results folder (the briefing pack: charts/, report.html). It runs once
 * every table is written, reads them from `folder.temp`, and writes its own files there; the
 * folder is committed only if every stage succeeds.
 */
export type ResultsStage = (folder: ResultsFolder, job: Job) => Promise<void> | void;
const stages: ResultsStage[] = [];
/** Registers a stage that adds files to every results folder (used by the briefing pack). */
export function addResultsStage(stage: ResultsStage): void {
  stages.push(stage);
}

/** The --out folder, required. */
export function outDir(args: Args): string {
  const out = stringOption(args, 'out');
  if (!out) throw new InputError(msg.needOut);
  return out;
}

/** Overrides common to run and compare. */
export function jobOverrides(args: Args) {
  return {
    years: intOption(args, 'years', 1, 200),
    replications: intOption(args, 'replications', 1, 100_000),
    seed: intOption(args, 'seed', 0, 4_294_967_295),
    sets: args.options.get('set') ?? [],
  };
}

/** How a job runs: quietly or not, and on how many worker threads (0 = in this process). */
export interface ExecuteOptions {
  quiet?: boolean;
  workers?: number;
  /** Also replace an earlier settle results folder (never one with other files). */
  force?: boolean;
  /** Memory budget in bytes: a job estimated above it is refused before it runs. */
  maxMemory?: number;
}

/** --quiet and --workers N (default: the machine's cores). */
export function executeOptions(args: Args): ExecuteOptions {
  return {
    quiet: args.flags.has('quiet'),
    workers: intOption(args, 'workers', 0, 1024),
    force: args.flags.has('force'),
    maxMemory: memoryBudget(args),
  };
}

/**
 * Runs a job and writes its results folder whole: tables, summary, manifest (and what stages
 * add). Runs go to a pool of worker threads and their rows are appended to the tables in task
 * order as they finish, so the folder is the same byte for byte whatever the number of
 * workers, and memory holds only the runs in flight and the measures' values in typed arrays
 * (for summary.json).
 */
export async function executeJob(
  job: Job,
  out: string,
  options: boolean | ExecuteOptions = {},
): Promise<void> {
  const {
    quiet = false,
    workers = defaultWorkers(),
    force = false,
    maxMemory,
  } = typeof options === 'boolean' ? { quiet: options } : options;
  const started = Date.now();
  const configs = jobConfigs(job);
  const specs = jobSpecs(job);
  const threads = Math.min(workers, specs.length);
  if (maxMemory !== undefined) {
    const problem = checkMemoryBudget(
      estimateJobResources(configs, { runsEach: job.replications, workers: threads }),
      maxMemory,
    );
    if (problem) throw new InputError(msg.overBudget(job.scenarios.length > 1 ? 'compare' : 'run', problem));
  }
  const progress = progressReporter(threads > 0 ? `settle (${threads} workers)` : 'settle', quiet);
  // Checked before any run: a folder settle may not replace is refused with nothing touched.
  const folder = ResultsFolder.open(out, { force });
  let pool = threads > 0 ? new RunPool({ workers: threads }) : undefined;
  try {
    const runs: AsyncIterable<RunOutput> = pool
      ? pool.runAll(specs, { onRun: progress.update })
      : orderedRuns(specs, inProcess(job, configs), { window: 1, onRun: progress.update });
    const measures = await writeRunTables(folder, runs, job.replications);
    progress.end();
    await pool?.destroy(); // the threads' memory is not needed by the stages
    pool = undefined;
    const result = summarizeMeasures(configs, measures);
    const summary = summaryDocument({
      configs,
      seed: job.seed,
      replications: job.replications,
      result,
      descriptions: job.scenarios.map((s) => s.description),
      provenance: ontarioPlaces().provenance,
    });
    folder.write(RESULT_FILES.summary, toJson(summary));
    folder.write(RESULT_FILES.manifest, toExactJson(manifest(job)));
    for (const stage of stages) await stage(folder, job);
    folder.commit();
  } catch (error) {
    folder.abort();
    throw error;
  } finally {
    await pool?.destroy();
  }
  if (!quiet) {
    console.log(msg.wrote(out, shownEntries(folder.target), (Date.now() - started) / 1000));
    console.log(msg.reproduce(out));
  }
}

/** The entries of a written folder, without settle's hidden marker and lock files. */
function shownEntries(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

/** Every run of a job, replication-major (the order of core's ensembleTasks and of the tables). */
export function jobSpecs(job: Job): RunSpec[] {
  return ensembleTasks(job.scenarios.length, job.replications).map((task) => ({
    scenario: job.scenarios[task.scenarioIndex],
    seed: job.seed,
    replication: task.replication,
  }));
}

/** Runs specs of this job in this thread, with the configs already resolved. */
function inProcess(job: Job, configs: ModelConfig[]) {
  const byScenario = new Map<Scenario, ModelConfig>(job.scenarios.map((s, i) => [s, configs[i]]));
  return async (spec: RunSpec) => executeRun(spec, byScenario.get(spec.scenario));
}

/**
 * Appends each run's rows to retention.csv, flows.csv, cohorts.csv, places.csv and
 * measures.csv as it comes; returns
 * the values of every run's measures, kept as numbers for the summary.
 */
async function writeRunTables(
  folder: ResultsFolder,
  runs: AsyncIterable<RunOutput>,
  replications: number,
): Promise<MeasureArrays> {
  folder.write(RESULT_FILES.retention, csvHeader(RETENTION_COLUMNS));
  folder.write(RESULT_FILES.flows, csvHeader(FLOW_COLUMNS));
  folder.write(RESULT_FILES.cohorts, csvHeader(COHORT_COLUMNS));
  folder.write(RESULT_FILES.places, csvHeader(PLACE_COLUMNS));
  folder.write(RESULT_FILES.measures, csvHeader(MEASURE_COLUMNS));
  const measures = new MeasureArrays(replications);
  for await (const run of runs) {
    folder.append(RESULT_FILES.retention, csvBody(run.retention, RETENTION_COLUMNS));
    folder.append(RESULT_FILES.flows, csvBody(run.flows, FLOW_COLUMNS));
    folder.append(RESULT_FILES.cohorts, csvBody(run.cohorts, COHORT_COLUMNS));
    folder.append(RESULT_FILES.places, csvBody(run.places, PLACE_COLUMNS));
    folder.append(RESULT_FILES.measures, csvBody(run.measures, MEASURE_COLUMNS));
    measures.add(run.measures);
  }
  return measures;
}

function csvHeader(columns: readonly string[]): string {
  return `${columns.map(textCell).join(',')}\n`;
}

/** The lines of toCsv without its header: appended run by run, the file is the same as written at once. */
function csvBody<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  if (rows.length === 0) return '';
  return toCsv(rows, columns).slice(csvHeader(columns).length);
}

/** The summary, paired differences and incremental measures of core's gatherEnsemble, from the measures' values alone (no rows kept). */
function summarizeMeasures(configs: ModelConfig[], measures: MeasureArrays): EnsembleResult {
  const order = configs.map((c) => c.name);
  return {
    runs: [],
    measures: [],
    summary: measures.summary(DEFAULT_INTERVAL, order),
    paired: configs.length > 1 ? measures.paired(order[0], DEFAULT_INTERVAL, order) : [],
    incremental: configs.length > 1 ? incrementalSummary(measures, order[0], order, DEFAULT_INTERVAL) : [],
  };
}

/** manifest.json: enough to reproduce the folder byte for byte with `settle run --from`. */
export function manifest(job: Job) {
  return {
    kind: 'smart-settlement-results',
    library: { name: '@smart-settlement/core', version: VERSION },
    seed: job.seed,
    replications: job.replications,
    scenarios: job.scenarios,
  };
}
