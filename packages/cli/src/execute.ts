import { readdirSync } from 'node:fs';
import {
  COHORT_COLUMNS,
  checkMemoryBudget,
  type EnsembleRun,
  estimateJobResources,
  FLOW_COLUMNS,
  MEASURE_COLUMNS,
  PLACE_COLUMNS,
  RESULT_FILES,
  RETENTION_COLUMNS,
  runEnsemble,
  summaryDocument,
  VERSION,
} from '@smart-settlement/core';
import { defaultWorkers, poolWorkers, ResultsFolder, RunPool } from '@smart-settlement/runner';
import { ontarioPlaces } from '@smart-settlement/scenarios';
import { type Job, jobConfigs } from './job.js';
import { memoryBudget } from './memory-budget.js';
import { InputError, msg } from './messages.js';
import type { Options } from './options.js';
import { textCell, toCsv, toExactJson, toJson } from './output/csv.js';
import { print } from './output/terminal.js';
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
export function outDir(options: Options): string {
  if (!options.out) throw new InputError(msg.needOut);
  return options.out;
}

/** Overrides common to run and compare. */
export function jobOverrides(options: Options) {
  return {
    years: options.years,
    replications: options.replications,
    seed: options.seed,
    sets: options.set ?? [],
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
export function executeOptions(options: Options): ExecuteOptions {
  return {
    quiet: options.quiet === true,
    workers: options.workers,
    force: options.force === true,
    maxMemory: memoryBudget(options.maxMemory),
  };
}

/**
 * Runs a job with core's runEnsemble and writes its results folder whole: tables, summary,
 * manifest (and what stages add). Runs go to a pool of worker threads (or this thread with
 * `workers: 0`); the ensemble hands each one, in task order, to a sink that appends its rows
 * to the tables, so the folder is the same byte for byte whatever the number of workers, and
 * memory holds only the runs in flight and the measures' values in typed arrays (for
 * summary.json).
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
  const threads = Math.min(workers, configs.length * job.replications);
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
    writeTableHeaders(folder);
    const result = await runEnsemble(configs, {
      replications: job.replications,
      seed: job.seed,
      workers: pool && poolWorkers(pool, job.scenarios),
      sink: (run) => appendRunRows(folder, run),
      onRun: progress.update,
    });
    progress.end();
    await pool?.destroy(); // the threads' memory is not needed by the stages
    pool = undefined;
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
    print(msg.wrote(out, shownEntries(folder.target), (Date.now() - started) / 1000));
    print(msg.reproduce(out));
  }
}

/** The entries of a written folder, without settle's hidden marker and lock files. */
function shownEntries(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

/** The header lines of retention.csv, flows.csv, cohorts.csv, places.csv and measures.csv. */
function writeTableHeaders(folder: ResultsFolder): void {
  folder.write(RESULT_FILES.retention, csvHeader(RETENTION_COLUMNS));
  folder.write(RESULT_FILES.flows, csvHeader(FLOW_COLUMNS));
  folder.write(RESULT_FILES.cohorts, csvHeader(COHORT_COLUMNS));
  folder.write(RESULT_FILES.places, csvHeader(PLACE_COLUMNS));
  folder.write(RESULT_FILES.measures, csvHeader(MEASURE_COLUMNS));
}

/** Appends one run's rows to the tables: the ensemble's sink. */
function appendRunRows(folder: ResultsFolder, run: EnsembleRun): void {
  folder.append(RESULT_FILES.retention, csvBody(run.retention, RETENTION_COLUMNS));
  folder.append(RESULT_FILES.flows, csvBody(run.flows, FLOW_COLUMNS));
  folder.append(RESULT_FILES.cohorts, csvBody(run.cohorts, COHORT_COLUMNS));
  folder.append(RESULT_FILES.places, csvBody(run.places, PLACE_COLUMNS));
  folder.append(RESULT_FILES.measures, csvBody(run.measures, MEASURE_COLUMNS));
}

function csvHeader(columns: readonly string[]): string {
  return `${columns.map(textCell).join(',')}\n`;
}

/** The lines of toCsv without its header: appended run by run, the file is the same as written at once. */
function csvBody<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  if (rows.length === 0) return '';
  return toCsv(rows, columns).slice(csvHeader(columns).length);
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
