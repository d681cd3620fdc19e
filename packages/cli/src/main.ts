import { VERSION } from '@smart-settlement/core';
import { OutputFolderError, StoreMismatchError } from '@smart-settlement/runner';
import { CommanderError } from 'commander';
import { briefingStage } from './briefing/pack.js';
import { SettleCommand } from './command.js';
import { calibrateCommand } from './commands/calibrate.js';
import { calibrationReportCommand } from './commands/calibration-report.js';
import { chartCommand } from './commands/chart.js';
import { compareCommand } from './commands/compare.js';
import { exploreCommand } from './commands/explore.js';
import { exportCommand } from './commands/export.js';
import { listCommand } from './commands/list.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';
import { workerCommand } from './commands/worker.js';
import { addResultsStage } from './execute.js';
import { isFleetInputError } from './fleet.js';
import { EXIT, help, InputError, msg, SettleError } from './messages.js';
import { printError } from './output/terminal.js';

/** Every command, in the order `settle --help` lists them. */
const COMMANDS = [
  listCommand,
  runCommand,
  compareCommand,
  validateCommand,
  schemaCommand,
  calibrationReportCommand,
  sweepCommand,
  sensitivityCommand,
  calibrateCommand,
  exportCommand,
  exploreCommand,
  chartCommand,
  reportCommand,
  workerCommand,
];

/** Commands that were renamed: the old name says the new one (exit 2). */
const RENAMED: Record<string, string> = { calibration: 'calibration-report' };

// Every results folder written by run and compare gets its briefing pack (charts/, report.html).
addResultsStage(briefingStage);

/** The `settle` program: every command with its arguments, options and help (a new one each call). */
export function settleProgram(): SettleCommand {
  const program = new SettleCommand('settle')
    .description(help.program)
    .version(VERSION, '-V, --version', help.version)
    .addHelpText('after', help.footer);
  // Each command is a SettleCommand: settle's errors and output are set in its constructor.
  for (const command of COMMANDS) program.addCommand(command());
  return program.helpCommand('help [command]', help.helpCommand);
}

/** Runs the command line and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = settleProgram();
  const [name] = argv;
  try {
    if (name === undefined) {
      program.outputHelp(); // on stdout, as `settle --help`, but a command was expected: exit 2
      return EXIT.badInput;
    }
    if (!name.startsWith('-') && name !== 'help' && !program.commands.some((c) => c.name() === name)) {
      if (Object.hasOwn(RENAMED, name)) throw new InputError(msg.renamedCommand(name, RENAMED[name]));
      throw new InputError(
        msg.unknownCommand(
          name,
          program.commands.map((c) => c.name()),
        ),
      );
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return exitStatus(error, name);
  }
}

/**
 * The one place where an error becomes an exit status and a message: settle's own errors (bad
 * input 2, failed runs 1, interrupted 130), commander's (help and version 0, any other 2), the
 * libraries' bad-input errors (runner's folders and stores, the fleet's addresses and secrets:
 * 2), and anything else: a failure while running (1), with its stack.
 */
function exitStatus(error: unknown, command: string | undefined): number {
  if (error instanceof SettleError || error instanceof OutputFolderError) {
    printError(error.message);
    return error instanceof SettleError ? error.status : EXIT.badInput;
  }
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return EXIT.ok; // help or version, already printed
    printError(msg.commandLine(command, error.message));
    return EXIT.badInput;
  }
  if (error instanceof StoreMismatchError) {
    printError(msg.otherExperiment(error.message));
    return EXIT.badInput;
  }
  if (isFleetInputError(error)) {
    printError(msg.fleetLine(command ?? '', (error as Error).message));
    return EXIT.badInput;
  }
  printError(msg.failed(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  return EXIT.failed;
}
