import { type SettleCommand, settleCommand } from '../command.js';
import { experimentOut } from '../experiment/folder.js';
import { loadExperiment } from '../experiment/load.js';
import { reportSweep, sweepInto } from '../experiment/sweep-into.js';
import { help } from '../messages.js';
import { experimentOptions, fleetOptions, type Options } from '../options.js';

/** `settle sweep <experiment> --out DIR [--workers N] [--quiet] [--redis URL]`: runs or resumes the sweep. */
export function sweepCommand(): SettleCommand {
  return settleCommand('sweep', help.command.sweep)
    .argument('[experiment]', help.argument.experiment)
    .addOptions(experimentOptions())
    .addOptions(fleetOptions())
    .action(sweep);
}

async function sweep(file: string | undefined, options: Options): Promise<void> {
  const started = Date.now();
  const plan = loadExperiment(file, 'sweep', options);
  const out = experimentOut(options, 'sweep');
  const summary = await sweepInto(plan, out, options, 'sweep');
  reportSweep(summary, out, 'sweep', started);
}
