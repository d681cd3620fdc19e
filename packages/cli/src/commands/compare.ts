import { DEFAULT_COMPARISON } from '@smart-settlement/scenarios';
import type { Args } from '../args.js';
import { executeJob, executeOptions, jobOverrides, outDir } from '../execute.js';
import { prepareJob } from '../job.js';
import { loadScenario } from '../load.js';

/** `settle compare [scenario ...] --out DIR`: the scenarios side by side, paired against the first. */
export async function compare(args: Args): Promise<void> {
  const names = args.positional.length ? args.positional : DEFAULT_COMPARISON;
  const out = outDir(args);
  const job = prepareJob(names.map(loadScenario), jobOverrides(args));
  await executeJob(job, out, executeOptions(args));
}
