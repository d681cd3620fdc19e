import {
  type ExperimentPlan,
  planRunRecords,
  type ResultsStore,
  type RunPendingOptions,
  type SweepSummary,
} from '@smart-settlement/runner';
import { type Args, stringOption } from '../args.js';
import { InputError } from '../messages.js';
import { loadCluster, reachingRedis } from './worker.js';

/** Runs a plan's pending runs into its store: on this machine's pool, or on the fleet. */
export interface Sweeper {
  run(plan: ExperimentPlan, store: ResultsStore, options: RunPendingOptions): Promise<SweepSummary>;
  close(): Promise<void>;
}

/**
 * With `--redis URL`: checks the address and that Redis answers (before anything is written),
 * and returns the sweeper that coordinates the fleet (docs/CLUSTER.md). Without: undefined,
 * and the cluster package (bullmq, ioredis) is never loaded.
 */
export async function fleetSweeper(args: Args, command: string): Promise<Sweeper | undefined> {
  const redis = stringOption(args, 'redis');
  if (redis === undefined) return undefined;
  if (args.options.has('workers'))
    throw new InputError(
      `settle ${command}: --workers is for runs on this machine; with --redis the runs go to \`settle worker\` processes (give them --concurrency N)`,
    );
  const cluster = await loadCluster(redis, command);
  await reachingRedis(command, () => cluster.checkRedisReachable(redis));
  const quiet = args.flags.has('quiet');
  const say = (line: string) => {
    if (!quiet) console.error(`settle ${command}: ${line}`);
  };
  return {
    close: async () => {},
    async run(plan, store, options) {
      await store.registerRuns(planRunRecords(plan));
      const pending = await store.pendingRunIds('sweep');
      const alreadyDone = plan.runCount - pending.length;
      let workers = -1;
      const shown = cluster.redactRedisUrl(redis);
      say(
        `${pending.length} runs to do on the fleet at ${shown} (start workers with: settle worker --redis ${shown})`,
      );
      const outcome = await cluster.coordinateSweep({
        redis,
        experiment: { id: plan.fingerprint, name: plan.experiment.name, runSpec: (id) => plan.runSpec(id) },
        store: {
          pending: () => pending,
          record: (results) => store.recordRuns(results.map(({ run, output }) => ({ id: run, output }))),
          recordFailure: (run, reason) => store.recordFailure(run, reason),
        },
        signal: options.signal,
        log: say,
        onProgress: (p) => {
          if (p.workers !== workers && workers !== -1)
            say(`${p.workers} worker${p.workers === 1 ? '' : 's'} connected`);
          workers = p.workers;
          options.onProgress?.(alreadyDone + p.recorded, plan.runCount, p.recorded);
        },
      });
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
