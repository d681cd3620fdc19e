import { OutputFolderError } from '@smart-settlement/runner';
import { type Args, parseArgs } from './args.js';
import { briefingStage } from './briefing/pack.js';
import { calibrate } from './commands/calibrate.js';
import { calibration } from './commands/calibration.js';
import { chart } from './commands/chart.js';
import { compare } from './commands/compare.js';
import { explore } from './commands/explore.js';
import { exportCommand } from './commands/export.js';
import { list } from './commands/list.js';
import { report } from './commands/report.js';
import { run } from './commands/run.js';
import { schema } from './commands/schema.js';
import { sensitivity } from './commands/sensitivity.js';
import { EXPERIMENT_OPTIONS, sweep } from './commands/sweep.js';
import { validate } from './commands/validate.js';
import { FLEET_OPTIONS, WORKER_OPTIONS, worker } from './commands/worker.js';
import { addResultsStage } from './execute.js';
import { EXIT, InputError, msg, USAGE } from './messages.js';

const RUN_OPTIONS = ['out', 'years', 'replications', 'seed', 'set', 'from', 'workers', 'max-memory'];

/** A command: its options and what it does. Later packages register more (chart, report, sweep...). */
export interface Command {
  valued: string[];
  boolean: string[];
  run(args: Args): void | Promise<void>;
}

export const COMMANDS: Record<string, Command> = {
  list: { valued: [], boolean: ['json'], run: list },
  run: { valued: RUN_OPTIONS, boolean: ['quiet', 'force'], run },
  compare: { valued: RUN_OPTIONS.filter((o) => o !== 'from'), boolean: ['quiet', 'force'], run: compare },
  validate: { valued: ['max-memory'], boolean: [], run: validate },
  schema: { valued: [], boolean: [], run: schema },
  calibration: { valued: ['replications', 'seed', 'out'], boolean: ['quiet'], run: calibration },
  sweep: { ...EXPERIMENT_OPTIONS, valued: [...EXPERIMENT_OPTIONS.valued, ...FLEET_OPTIONS], run: sweep },
  sensitivity: {
    ...EXPERIMENT_OPTIONS,
    valued: [...EXPERIMENT_OPTIONS.valued, ...FLEET_OPTIONS],
    run: sensitivity,
  },
  calibrate: { ...EXPERIMENT_OPTIONS, run: calibrate },
  export: { valued: ['format', 'out'], boolean: ['force'], run: exportCommand },
  explore: { valued: ['out', 'agent-scale', 'replications', 'set'], boolean: ['quiet'], run: explore },
  chart: { valued: ['format', 'scale', 'out'], boolean: ['quiet'], run: chart },
  report: { valued: ['scale'], boolean: ['quiet'], run: report },
  worker: { ...WORKER_OPTIONS, run: worker },
};

// Every results folder written by run and compare gets its briefing pack (charts/, report.html).
addResultsStage(briefingStage);

/** Runs the command line and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? EXIT.ok : EXIT.badInput;
  }
  // Own names only: `settle constructor` is an unknown command, not Object's constructor.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new InputError(msg.unknownCommand(name, Object.keys(COMMANDS)));
    await command.run(parseArgs(rest, command.valued, command.boolean));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InputError || error instanceof OutputFolderError) {
      console.error(error.message);
      return EXIT.badInput;
    }
    console.error(msg.failed(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return EXIT.failed;
  }
}
