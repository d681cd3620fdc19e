import { executeRun, type RunOutput, type RunSpec } from '../run-spec.js';

/**
 * Whatever runs RunSpecs for an experiment: the worker pool (`RunPool` has this shape), the
 * in-process executor below, or a cluster queue. A run's output depends only on its spec, so
 * every executor gives the same numbers.
 */
export interface RunExecutor {
  /** Runs one spec. */
  run(spec: RunSpec): Promise<RunOutput>;
  /** How many runs it can usefully have in flight (threads, or 1 in process). */
  readonly workers: number;
}

/**
 * Runs specs one at a time in this thread (tests, small experiments, browsers of the
 * future). Each run yields to the event loop first, so Ctrl-C and store writes get a turn.
 * @example const executor = inProcessExecutor(); await executor.run(spec);
 */
export function inProcessExecutor(): RunExecutor {
  return {
    workers: 1,
    async run(spec) {
      await new Promise((resolve) => setImmediate(resolve));
      return executeRun(spec);
    },
  };
}
