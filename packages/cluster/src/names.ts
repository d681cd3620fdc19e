// Every name the fleet shares through Redis, in one place. Everything lives under "settle:":
// the registry, the locks, and the queues (BullMQ's key prefix), so a fleet shares a Redis
// with other applications without touching their keys, nor they (by accident) its.

/** BullMQ's key prefix for the fleet's queues: a queue's keys are `settle:<queue>:*`. */
export const QUEUE_PREFIX = 'settle';

/** Redis hash of the experiments being swept: field = experiment id, value = ExperimentEntry JSON. */
export const REGISTRY_KEY = 'settle:experiments';

/** The BullMQ queue of one experiment's runs, under QUEUE_PREFIX (BullMQ forbids ':' in queue names). */
export function queueName(experimentId: string): string {
  return `runs-${experimentId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** The coordinator's lock of one experiment: one coordinator per experiment at a time. */
export function coordinatorLockKey(experimentId: string): string {
  return `settle:coordinator:${queueName(experimentId)}`;
}

/**
 * The BullMQ job id of a run: its stable id, so adding a run that is already on the queue is
 * a no-op. (BullMQ rejects ids that are plain integers, hence the prefix.)
 */
export function jobIdOf(runId: number): string {
  return `run-${runId}`;
}

/** What the coordinator announces about an experiment in the registry (signAnnouncement). */
export interface ExperimentEntry {
  /** The experiment's id (its fingerprint). */
  id: string;
  /** A readable name, for workers' logs. */
  name: string;
  /** The queue of its runs: always queueName(id), under QUEUE_PREFIX. */
  queue: string;
  /** The coordinator's engine id (engineId()): a worker of another engine must not serve it. */
  engine: string;
  /** The authentication code of the four fields above, from the fleet secret. */
  code: string;
}

/** The data of one job (signJob): the run's stable id, its spec as canonical JSON, and their code. */
export interface RunJobData {
  run: number;
  /** The RunSpec, as encodeValue wrote it. */
  spec: string;
  code: string;
}
