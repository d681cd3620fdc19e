import { type Args, stringOption } from '../args.js';
import { executeJob, executeOptions, jobOverrides, outDir } from '../execute.js';
import type { Job } from '../job.js';
import { prepareJob } from '../job.js';
import { loadScenario, readJsonFile } from '../load.js';
import { InputError, msg } from '../messages.js';

/** `settle run <scenario|file> --out DIR`, or `settle run --from DIR/manifest.json`. */
export async function run(args: Args): Promise<void> {
  const from = stringOption(args, 'from');
  if (from) {
    // Without --out the folder the manifest sits in would be replaced: ask instead.
    const out = stringOption(args, 'out');
    if (!out) throw new InputError(msg.needOutFrom(from));
    const job = jobFromManifest(from);
    await executeJob(job, out, executeOptions(args));
    return;
  }
  const target = args.positional[0];
  if (!target) throw new InputError(msg.needScenario);
  const out = outDir(args);
  const job = prepareJob([loadScenario(target)], jobOverrides(args));
  await executeJob(job, out, executeOptions(args));
}

/** Reads a manifest back into a job, validating every scenario again. */
export function jobFromManifest(file: string): Job {
  const m = readJsonFile(file) as {
    kind?: unknown;
    seed?: unknown;
    replications?: unknown;
    scenarios?: unknown;
  };
  if (
    typeof m !== 'object' ||
    m === null ||
    m.kind !== 'smart-settlement-results' ||
    !Array.isArray(m.scenarios)
  )
    throw new InputError(
      msg.badManifest(file, 'expected kind "smart-settlement-results" and a list of scenarios'),
    );
  return prepareJob(
    m.scenarios.map((scenario, i) => ({ scenario, where: `${file} scenarios[${i}]` })),
    { seed: Number(m.seed), replications: Number(m.replications) },
  );
}
