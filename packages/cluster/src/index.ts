// @smart-settlement/cluster: spreads an experiment's runs over many machines with Redis and
// BullMQ. Node-only; the only package that imports bullmq and ioredis. The CLI loads it lazily,
// only for `settle sweep --redis` and `settle worker`.
export {
  type ClusterExperiment,
  type CoordinatorOptions,
  coordinateSweep,
  type FailedRun,
  type ResultSink,
  type RunResult,
  type SweepOutcome,
  type SweepProgress,
} from './coordinator.js';
export { engineId } from './engine-id.js';
export { type ExperimentEntry, jobIdOf, queueName, REGISTRY_KEY, type RunJobData } from './names.js';
export {
  checkRedisReachable,
  checkRedisUrl,
  connectRedis,
  RedisUnreachableError,
  RedisUrlError,
  redactRedisUrl,
  waitForRedis,
} from './redis-url.js';
export { type FleetStatus, fleetStatus } from './status.js';
export { decodeValue, encodeValue } from './wire.js';
export { type FleetWorker, readRegistry, startWorker, type WorkerOptions } from './worker.js';
