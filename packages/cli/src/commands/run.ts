import { type SettleCommand, settleCommand } from '../command.js';
import { executeJob, executeOptions, jobOverrides, outDir } from '../execute.js';
import type { Job } from '../job.js';
import { prepareJob } from '../job.js';
import { loadScenario, readJsonFile } from '../load.js';
import { help, InputError, msg } from '../messages.js';
import { type Options, option, runOptions } from '../options.js';

/** `settle run <scenario|file> --out DIR`, or `settle run --from DIR/manifest.json --out DIR2`. */
export function runCommand(): SettleCommand {
  return settleCommand('run', help.command.run)
    .argument('[scenario]', help.argument.scenario)
    .addOptions(runOptions())
    .addOption(option.from())
    .action(run);
}

async function run(target: string | undefined, options: Options): Promise<void> {
  if (options.from) {
    // Without --out the folder the manifest sits in would be replaced: ask instead.
    if (!options.out) throw new InputError(msg.needOutFrom(options.from));
    const job = jobFromManifest(options.from);
    await executeJob(job, options.out, executeOptions(options));
    return;
  }
  if (!target) throw new InputError(msg.needScenario);
  const out = outDir(options);
  const job = prepareJob([loadScenario(target)], jobOverrides(options));
  await executeJob(job, out, executeOptions(options));
}

/** Reads a manifest back into a job, validating every scenario again. */
function jobFromManifest(file: string): Job {
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
    throw new InputError(msg.badManifest(file, msg.manifestShape));
  return prepareJob(
    m.scenarios.map((scenario, i) => ({ scenario, where: `${file} scenarios[${i}]` })),
    { seed: Number(m.seed), replications: Number(m.replications) },
  );
}
