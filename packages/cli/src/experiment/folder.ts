import { join } from 'node:path';
import {
  type ExperimentPlan,
  prepareExperimentFolder,
  ResultsStore,
  recordExperiment,
  storeOptions,
  writeFileAtomically,
} from '@smart-settlement/runner';
import { InputError, msg } from '../messages.js';
import type { Options } from '../options.js';

/** The store file inside an experiment folder. */
export const STORE_FILE = 'results.duckdb';

/** The store of an experiment folder, as messages name it. */
export function storePath(out: string): string {
  return `${out}/${STORE_FILE}`;
}

/** The --out folder of an experiment command (required). */
export function experimentOut(options: Options, command: string): string {
  if (!options.out) throw new InputError(msg.needExperimentOut(command));
  return options.out;
}

/**
 * Opens the experiment's store in DIR and writes DIR/experiment.json, refusing (exit 2) a
 * file, a folder of other files, or a folder that holds another experiment.
 */
export async function openStore(plan: ExperimentPlan, out: string): Promise<ResultsStore> {
  prepareExperimentFolder(out);
  // A store of another experiment is a StoreMismatchError (exit 2, main.ts).
  const store = await ResultsStore.open(join(out, STORE_FILE), storeOptions(plan));
  await recordExperiment(plan, store);
  writeFileAtomically(join(out, 'experiment.json'), `${JSON.stringify(plan.experiment, null, 2)}\n`);
  return store;
}
