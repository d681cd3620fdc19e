import { totalmem } from 'node:os';

/**
 * A worker's default memory budget for one run, in bytes: three quarters of the machine's
 * memory (as the command line's default, --max-memory), shared by the runs it does at once.
 * The need of a run is core's estimateRunResources; a job over the budget is failed for good.
 */
export function defaultRunBudget(concurrency: number): number {
  return Math.floor((totalmem() * 0.75) / Math.max(1, concurrency));
}
