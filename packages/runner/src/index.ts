// @smart-settlement/runner: Node-only. Worker pool, experiments and their results store.

export { type ParallelEnsembleOptions, runEnsembleParallel, toRunResult } from './pool/ensemble.js';
export {
  defaultWorkers,
  type OrderedRunsOptions,
  orderedRuns,
  RunPool,
  type RunPoolOptions,
} from './pool/run-pool.js';
export { executeRun, type RunOutput, type RunSpec } from './run-spec.js';
