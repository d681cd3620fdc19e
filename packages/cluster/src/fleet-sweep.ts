import {
  type ExperimentPlan,
  pendingSweep,
  type ResultsStore,
  type RunPendingOptions,
  type SweepSummary,
} from '@smart-settlement/runner';
import { coordinateSweep } from './coordinator.js';
import type { FleetSecret } from './fleet-secret.js';

/** Options of {@link sweepOnFleet}. */
export interface FleetSweepOptions extends Pick<RunPendingOptions, 'signal' | 'onProgress'> {
  /** redis://HOST:PORT (with its password). */
  redis: string;
  secret: FleetSecret;
  /** Status lines of the coordinator. */
  log?: (line: string) => void;
  /** Called once the runs still to do are known, before any goes on the queue. */
  onPending?: (pending: number) => void;
  /** Called when the number of workers on the experiment's queue changes. */
  onWorkers?: (workers: number) => void;
}

/** What a sweep on the fleet did: a sweep's summary, and what it refused. */
export interface FleetSweepSummary extends SweepSummary {
  /** Results refused (no valid authentication code, or malformed). */
  rejected: number;
  /** Jobs without a valid code removed from the queue. */
  foreign: number;
}

/**
 * Runs (or resumes) an experiment's sweep on the fleet: the same set-up as runner's
 * `runSweep` (every run registered once, the pending ones sent), with the runs going to
 * `settle worker` processes through Redis instead of this machine's threads, and their
 * results recorded in the store as they come.
 * @example const summary = await sweepOnFleet(plan, store, { redis, secret: readFleetSecret() });
 */
export async function sweepOnFleet(
  plan: ExperimentPlan,
  store: ResultsStore,
  options: FleetSweepOptions,
): Promise<FleetSweepSummary> {
  const { ids, specOf, total, alreadyDone } = await pendingSweep(plan, store);
  options.onPending?.(total - alreadyDone);
  let workers = -1;
  const outcome = await coordinateSweep({
    redis: options.redis,
    secret: options.secret,
    experiment: { id: plan.fingerprint, name: plan.experiment.name, runSpec: specOf },
    store: {
      pending: () => ids,
      record: (results) => store.recordRuns(results.map(({ run, output }) => ({ id: run, output }))),
      recordFailure: (run, reason) => store.recordFailure(run, reason),
    },
    signal: options.signal,
    log: options.log,
    onProgress: (p) => {
      if (p.workers !== workers && workers !== -1) options.onWorkers?.(p.workers);
      workers = p.workers;
      options.onProgress?.(alreadyDone + p.recorded, total, p.recorded);
    },
  });
  return {
    total,
    alreadyDone,
    recorded: outcome.recorded,
    failed: outcome.failed.length,
    stopped: outcome.stopped,
    rejected: outcome.rejected,
    foreign: outcome.foreign,
  };
}
