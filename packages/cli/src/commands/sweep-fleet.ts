import {
  type ExperimentPlan,
  planRunRecords,
  type ResultsStore,
  type RunPendingOptions,
  type SweepSummary,
} from '@smart-settlement/runner';
import type { Args } from '../args.js';
import { InputError, msg } from '../messages.js';
import { fleetAccess, reachingRedis } from './worker.js';

/** Runs a plan's pending runs into its store: on this machine's pool, or on the fleet. */
export interface Sweeper {
  run(plan: ExperimentPlan, store: ResultsStore, options: RunPendingOptions): Promise<SweepSummary>;
  close(): Promise<void>;
}

/**
 * With `--redis URL`: checks the address, the fleet secret and that Redis answers with the
 * password given (before anything is written), and returns the sweeper that coordinates the
 * fleet (docs/CLUSTER.md). Without: undefined, and the cluster package (bullmq, ioredis) is
 * never loaded. (REDIS_URL alone does not send a sweep to the fleet: --redis says so.)
 */
export async function fleetSweeper(args: Args, command: string): Promise<Sweeper | undefined> {
  if (!args.options.has('redis')) {
    for (const option of ['redis-password-file', 'fleet-secret-file'])
      if (args.options.has(option)) throw new InputError(msg.fleetOptionWithoutRedis(command, option));
    return undefined;
  }
  if (args.options.has('workers')) throw new InputError(msg.workersWithRedis(command));
  const { cluster, redis, shown, secret, note } = await fleetAccess(args, command);
  await reachingRedis(command, () => cluster.checkRedisReachable(redis));
  const quiet = args.flags.has('quiet');
  const say = (line: string) => {
    if (!quiet) console.error(`settle ${command}: ${line}`);
  };
  if (note) say(note);
  return {
    close: async () => {},
    async run(plan, store, options) {
      await store.registerRuns(planRunRecords(plan));
      const pending = await store.pendingRunIds('sweep');
      const alreadyDone = plan.runCount - pending.length;
      let workers = -1;
      say(msg.fleetRuns(pending.length, shown));
      const outcome = await cluster.coordinateSweep({
        redis,
        secret,
        experiment: { id: plan.fingerprint, name: plan.experiment.name, runSpec: (id) => plan.runSpec(id) },
        store: {
          pending: () => pending,
          record: (results) => store.recordRuns(results.map(({ run, output }) => ({ id: run, output }))),
          recordFailure: (run, reason) => store.recordFailure(run, reason),
        },
        signal: options.signal,
        log: say,
        onProgress: (p) => {
          if (p.workers !== workers && workers !== -1) say(msg.fleetWorkers(p.workers));
          workers = p.workers;
          options.onProgress?.(alreadyDone + p.recorded, plan.runCount, p.recorded);
        },
      });
      if (outcome.rejected + outcome.foreign > 0) say(msg.fleetRejected(outcome.rejected, outcome.foreign));
      return {
        total: plan.runCount,
        alreadyDone,
        recorded: outcome.recorded,
        failed: outcome.failed.length,
        stopped: outcome.stopped,
      };
    },
  };
}
