// Every name the fleet shares through Redis, in one place.
import type { RunSpec } from '@smart-settlement/runner';

/** Redis hash of the experiments being swept: field = experiment id, value = ExperimentEntry JSON. */
export const REGISTRY_KEY = 'settle:experiments';

/** The BullMQ queue of one experiment's runs (BullMQ forbids ':' in queue names). */
export function queueName(experimentId: string): string {
  return `settle-runs-${experimentId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
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

/** What the coordinator announces about an experiment in the registry. */
export interface ExperimentEntry {
  /** The experiment's id (its fingerprint). */
  id: string;
  /** A readable name, for workers' logs. */
  name: string;
  /** The queue of its runs. */
  queue: string;
  /** The coordinator's engine id (engineId()): a worker of another engine must not serve it. */
  engine: string;
}

/** The data of one job: the run's stable id and its spec. */
export interface RunJobData {
  run: number;
  spec: RunSpec;
}
