import { DEFAULT_COMPARISON } from '@smart-settlement/scenarios';
import { type SettleCommand, settleCommand } from '../command.js';
import { executeJob, executeOptions, jobOverrides, outDir } from '../execute.js';
import { prepareJob } from '../job.js';
import { loadScenario } from '../load.js';
import { help } from '../messages.js';
import { type Options, runOptions } from '../options.js';

/** `settle compare [scenario ...] --out DIR`: the scenarios side by side, paired against the first. */
export function compareCommand(): SettleCommand {
  return settleCommand('compare', help.command.compare)
    .argument('[scenarios...]', help.argument.scenarios)
    .addOptions(runOptions())
    .action(compare);
}

async function compare(scenarios: string[], options: Options): Promise<void> {
  const names = scenarios.length ? scenarios : DEFAULT_COMPARISON;
  const out = outDir(options);
  const job = prepareJob(names.map(loadScenario), jobOverrides(options));
  await executeJob(job, out, executeOptions(options));
}
