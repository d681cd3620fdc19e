import { readdirSync } from 'node:fs';
import { VERSION } from '@smart-settlement/core';
import { ontarioPlaces } from '@smart-settlement/scenarios';
import type { Args } from './args.js';
import { intOption, stringOption } from './args.js';
import {
  type Job,
  jobConfigs,
  MEASURE_COLUMNS,
  PLACE_COLUMNS,
  RETENTION_COLUMNS,
  runJobInProcess,
  summaryDocument,
} from './job.js';
import { InputError, msg } from './messages.js';
import { toCsv, toExactJson, toJson } from './output/csv.js';
import { ResultsFolder } from './output/results-folder.js';
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

/** Runs a job and writes its results folder whole: tables, summary, manifest (and what stages add). */
export async function executeJob(job: Job, out: string, quiet: boolean): Promise<void> {
  const started = Date.now();
  const progress = progressReporter('settle', quiet);
  const result = runJobInProcess(job, progress.update);
  progress.end();
  const configs = jobConfigs(job);
  const folder = ResultsFolder.open(out);
  try {
    folder.write('summary.json', toJson(summaryDocument(job, configs, result, ontarioPlaces().provenance)));
    folder.write(
      'retention.csv',
      toCsv(
        result.runs.flatMap((r) => r.retention),
        RETENTION_COLUMNS,
      ),
    );
    folder.write(
      'places.csv',
      toCsv(
        result.runs.flatMap((r) => r.places),
        PLACE_COLUMNS,
      ),
    );
    folder.write('measures.csv', toCsv(result.measures, MEASURE_COLUMNS));
    folder.write('manifest.json', toExactJson(manifest(job)));
    for (const stage of stages) await stage(folder, job);
    folder.commit();
  } catch (error) {
    folder.abort();
    throw error;
  }
  if (!quiet) {
    console.log(msg.wrote(out, readdirSync(folder.target).sort(), (Date.now() - started) / 1000));
    console.log(msg.reproduce(out));
  }
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
