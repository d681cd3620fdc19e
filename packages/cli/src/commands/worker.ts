import { availableParallelism } from 'node:os';
import { formatBytes } from '@smart-settlement/core';
import { type SettleCommand, settleCommand } from '../command.js';
import { joinFleet } from '../fleet.js';
import { memoryBudget } from '../memory-budget.js';
import { EXIT, help, msg } from '../messages.js';
import { fleetOptions, type Options, option } from '../options.js';
import { printError } from '../output/terminal.js';

/**
 * `settle worker --redis redis://HOST:PORT [--concurrency N] [--lock-seconds S] [--max-memory SIZE]`:
 * joins the fleet and runs the runs of every experiment a coordinator (`settle sweep --redis`)
 * announces with the fleet secret's code, until Ctrl-C or SIGTERM (the runs in progress finish
 * first; a second signal quits at once, and those runs go back to the queue for another worker).
 */
export function workerCommand(): SettleCommand {
  return settleCommand('worker', help.command.worker)
    .addOptions(fleetOptions(help.option.workerRedis))
    .addOption(option.concurrency())
    .addOption(option.lockSeconds())
    .addOption(option.maxMemory())
    .addOption(option.quiet())
    .action(worker);
}

async function worker(options: Options): Promise<void> {
  const concurrency = options.concurrency ?? availableParallelism();
  const lockSeconds = options.lockSeconds ?? 30;
  // --max-memory is the machine's budget, as for every command: a run gets its share.
  const maxRunBytes = Math.floor(memoryBudget(options.maxMemory) / concurrency);
  const say = (line: string) => {
    if (!options.quiet) printError(msg.fleetLine('worker', line));
  };
  const { cluster, access } = await joinFleet(options, 'worker', say);
  let runs = 0;
  const fleet = await cluster.startWorker({
    redis: access.redis,
    secret: access.secret,
    concurrency,
    lockDurationMs: lockSeconds * 1000,
    maxRunBytes,
    log: say,
    onRun: () => {
      runs += 1;
    },
  });
  // The signal handlers go in before the line that says the worker is ready: a SIGTERM sent
  // on reading it must find them.
  const stopped = new Promise<void>((resolve, reject) => {
    const stop = () => {
      process.on('SIGINT', () => process.exit(EXIT.interrupted));
      process.on('SIGTERM', () => process.exit(143));
      say(msg.workerStopping);
      fleet.close().then(resolve, reject);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  say(msg.workerConnected(access.shown, concurrency, formatBytes(maxRunBytes)));
  await stopped;
  const refused = fleet.counts();
  say(msg.workerStopped(runs, refused.forgedJobs + refused.invalidJobs + refused.overBudgetJobs));
}
