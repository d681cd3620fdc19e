import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_PREFIX, queueName, type RunJobData } from './names.js';

/** What is on an experiment's queue now. */
export interface FleetStatus {
  /** Runs nobody has taken yet. */
  waiting: number;
  /** Runs being run, with the worker that holds each (`host-pid`). */
  active: { run: number; worker: string | undefined }[];
  /** Runs done whose results the coordinator has not collected yet. */
  completed: number;
  /** Runs that failed every attempt, not collected yet. */
  failed: number;
}

/**
 * A look at an experiment's queue (for monitoring, and for tests that kill a worker while it
 * holds a run).
 * @example const { waiting, active } = await fleetStatus(connection, plan.fingerprint);
 */
export async function fleetStatus(connection: Redis, experimentId: string): Promise<FleetStatus> {
  const queue = new Queue<RunJobData>(queueName(experimentId), { connection, prefix: QUEUE_PREFIX });
  try {
    const counts = await queue.getJobCounts('waiting', 'completed', 'failed');
    const active = await queue.getJobs(['active']);
    return {
      waiting: counts.waiting ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      active: active.map((job) => ({ run: job.data.run, worker: job.processedBy })),
    };
  } finally {
    await queue.close();
  }
}
