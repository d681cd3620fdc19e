// @smart-settlement/cluster: spreads an experiment's runs over many machines with Redis and
// BullMQ. Node-only; the only package that imports bullmq and ioredis. The CLI loads it lazily,
// only for `settle sweep --redis` and `settle worker`.
export {
  authCode,
  type Opened,
  openAnnouncement,
  openJob,
  openResult,
  signAnnouncement,
  signJob,
  signResult,
} from './authentication.js';
export {
  type ClusterExperiment,
  type CoordinatorOptions,
  coordinateSweep,
  type FailedRun,
  type FinishedRun,
  type ResultSink,
  type SweepOutcome,
  type SweepProgress,
} from './coordinator.js';
export { engineId } from './engine-id.js';
export { type FleetAccess, type FleetAccessSources, fleetAccess } from './fleet-access.js';
export { FleetInputError } from './fleet-input-error.js';
export {
  type FleetSecret,
  FleetSecretError,
  type FleetSecretSources,
  fleetSecret,
  MIN_SECRET_LENGTH,
  readFleetSecret,
} from './fleet-secret.js';
export { type FleetSweepOptions, type FleetSweepSummary, sweepOnFleet } from './fleet-sweep.js';
export { checkRunSpec } from './job-check.js';
export { fleetMsg } from './messages.js';
export {
  type ExperimentEntry,
  jobIdOf,
  QUEUE_PREFIX,
  queueName,
  REGISTRY_KEY,
  type RunJobData,
} from './names.js';
export {
  checkRedisReachable,
  checkRedisUrl,
  connectRedis,
  RedisAuthError,
  RedisPasswordFileError,
  RedisUnreachableError,
  RedisUrlError,
  redactRedisUrl,
  redisUrlWithPasswordFile,
  waitForRedis,
} from './redis-url.js';
export { checkRunOutput, type ExpectedRun } from './result-check.js';
export { defaultRunBudget } from './run-budget.js';
export { type FleetStatus, fleetStatus } from './status.js';
export { decodeValue, encodeValue } from './wire.js';
export {
  type FleetWorker,
  readRegistry,
  startWorker,
  type WorkerCounts,
  type WorkerOptions,
} from './worker.js';
