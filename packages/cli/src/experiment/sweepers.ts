import {
  defaultWorkers,
  type ExperimentPlan,
  inProcessExecutor,
  type ResultsStore,
  type RunExecutor,
  type RunPendingOptions,
  RunPool,
  runSweep,
  type SweepSummary,
} from '@smart-settlement/runner';
import { joinFleet } from '../fleet.js';
import { InputError, msg } from '../messages.js';
import type { Options } from '../options.js';
import { printError } from '../output/terminal.js';

/** Runs a plan's pending runs into its store: on this machine's pool, or on the fleet. */
export interface Sweeper {
  run(plan: ExperimentPlan, store: ResultsStore, options: RunPendingOptions): Promise<SweepSummary>;
  close(): Promise<void>;
}

/**
 * The executor for --workers N: a pool of N worker threads (default: the machine's cores),
 * or this process with 0. The numbers are the same either way.
 */
export function experimentExecutor(options: Options): { executor: RunExecutor; close(): Promise<void> } {
  const workers = options.workers ?? defaultWorkers();
  if (workers === 0) return { executor: inProcessExecutor(), close: async () => {} };
  const pool = new RunPool({ workers });
  return { executor: pool, close: () => pool.destroy() };
}

/** Runs a plan's pending runs on this machine (the --workers pool). */
export function localSweeper(options: Options): Sweeper {
  const { executor, close } = experimentExecutor(options);
  return { run: (plan, store, o) => runSweep(plan, store, executor, o), close };
}

/**
 * With `--redis URL`: checks the address, the fleet secret and that Redis answers with the
 * password given (before anything is written), and returns the sweeper that coordinates the
 * fleet (docs/CLUSTER.md). Without: undefined, and the cluster package (bullmq, ioredis) is
 * never loaded. (REDIS_URL alone does not send a sweep to the fleet: --redis says so.)
 */
export async function fleetSweeper(options: Options, command: string): Promise<Sweeper | undefined> {
  if (options.redis === undefined) {
    if (options.redisPasswordFile !== undefined)
      throw new InputError(msg.fleetOptionWithoutRedis(command, 'redis-password-file'));
    if (options.fleetSecretFile !== undefined)
      throw new InputError(msg.fleetOptionWithoutRedis(command, 'fleet-secret-file'));
    return undefined;
  }
  if (options.workers !== undefined) throw new InputError(msg.workersWithRedis(command));
  const say = (line: string) => {
    if (!options.quiet) printError(msg.fleetLine(command, line));
  };
  const { cluster, access } = await joinFleet(options, command, say);
  await cluster.checkRedisReachable(access.redis);
  return {
    close: async () => {},
    async run(plan, store, runOptions) {
      const summary = await cluster.sweepOnFleet(plan, store, {
        redis: access.redis,
        secret: access.secret,
        signal: runOptions.signal,
        onProgress: runOptions.onProgress,
        log: say,
        onPending: (pending) => say(msg.fleetRuns(pending, access.shown)),
        onWorkers: (workers) => say(msg.fleetWorkers(workers)),
      });
      if (summary.rejected + summary.foreign > 0) say(msg.fleetRejected(summary.rejected, summary.foreign));
      return summary;
    },
  };
}
