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
import { toCsv, toJson } from './output/csv.js';
import { writeFolderAtomically } from './output/results-folder.js';
import { progressReporter } from './progress.js';

/** Extra files a later stage adds to the results folder before it is written (charts, the report). */
export type ExtraFiles = (files: Map<string, string | Uint8Array>, job: Job) => Promise<void> | void;
const extras: ExtraFiles[] = [];
/** Registers a stage that adds files to every results folder (used by the briefing pack). */
export function addResultsStage(stage: ExtraFiles): void {
  extras.push(stage);
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
  const files = new Map<string, string | Uint8Array>();
  files.set('summary.json', toJson(summaryDocument(job, configs, result, ontarioPlaces().provenance)));
  files.set(
    'retention.csv',
    toCsv(
      result.runs.flatMap((r) => r.retention),
      RETENTION_COLUMNS,
    ),
  );
  files.set(
    'places.csv',
    toCsv(
      result.runs.flatMap((r) => r.places),
      PLACE_COLUMNS,
    ),
  );
  files.set('measures.csv', toCsv(result.measures, MEASURE_COLUMNS));
  files.set('manifest.json', toJson(manifest(job)));
  for (const stage of extras) await stage(files, job);
  writeFolderAtomically(out, files);
  if (!quiet) {
    console.log(
      msg.wrote(
        out,
        [...files.keys()].filter((f) => !f.includes('/')),
        (Date.now() - started) / 1000,
      ),
    );
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
