import { hostname } from 'node:os';
import { checkMemoryBudget, estimateJobResources } from '@smart-settlement/core';
import { defaultWorkers, RunPool } from '@smart-settlement/runner';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { openAnnouncement, openJob, signResult } from './authentication.js';
import { sleep } from './coordinator-lock.js';
import { engineId } from './engine-id.js';
import type { FleetSecret } from './fleet-secret.js';
import { checkRunSpec } from './job-check.js';
import { fleetMsg } from './messages.js';
import { type ExperimentEntry, QUEUE_PREFIX, queueName, REGISTRY_KEY, type RunJobData } from './names.js';
import { connectRedis, waitForRedis } from './redis-url.js';
import { defaultRunBudget } from './run-budget.js';
import { throttledLog } from './throttled-log.js';

/** Options of startWorker. */
export interface WorkerOptions {
  /** redis://HOST:PORT */
  redis: string;
  /** The fleet secret (readFleetSecret): announcements and jobs without its code are refused. */
  secret: FleetSecret;
  /** Runs at once on this machine (worker threads); default: one per core. */
  concurrency?: number;
  /**
   * How long a run stays locked to this worker without a renewal, in ms (default 30 000).
   * Locks are renewed every half of it while the run goes on; if this process dies, the run
   * goes back to the queue within about 1.5 times this.
   */
  lockDurationMs?: number;
  /** Tries a stalled run (its worker died) gets before it counts as failed; default 3. */
  maxStalled?: number;
  /**
   * Memory one run may need, in bytes (core's estimateRunResources); a job that needs more is failed for
   * good, not run. Default: three quarters of the machine's memory over `concurrency`.
   */
  maxRunBytes?: number;
  /** Engine id of this worker; default engineId() (version + hash of the engine's code). */
  engine?: string;
  /** Status lines: experiments joined and left, runs failed, jobs and announcements refused. */
  log?: (line: string) => void;
  /** Called when a run is done here (for counters). */
  onRun?: (experiment: string, run: number) => void;
}

/** What a worker has done and refused since it started. */
export interface WorkerCounts {
  /** Runs done and returned. */
  runs: number;
  /** Jobs whose authentication code was missing or wrong: failed for good, not run. */
  forgedJobs: number;
  /** Authentic jobs whose spec failed validation (schema, seed, replication): failed for good. */
  invalidJobs: number;
  /** Jobs that needed more memory than maxRunBytes: failed for good. */
  overBudgetJobs: number;
  /** Distinct registry entries ignored (no valid code, or naming a queue not their own). */
  refusedAnnouncements: number;
}

/** A running worker process's fleet member. */
export interface FleetWorker {
  /** Experiments being served now (ids). */
  serving(): string[];
  /** What it has done and refused so far. */
  counts(): WorkerCounts;
  /** Stops taking runs, lets the runs in progress finish, and closes everything. */
  close(): Promise<void>;
}

const REGISTRY_POLL_MS = 500;

/**
 * Joins the fleet: serves every experiment a coordinator announces in Redis, running its runs
 * on a pool of worker threads (so this thread stays free to renew the runs' locks) and
 * returning each result, with its authentication code, to Redis, where the coordinator takes
 * it. Nothing in Redis is trusted without the fleet secret's code (docs/CLUSTER.md, "Trust"):
 * - an announcement without a valid code, or naming a queue other than its experiment's own
 *   under the settle prefix, is ignored: the worker touches no other queue;
 * - a job without a valid code, with a spec that fails validation, or needing more memory
 *   than the budget, is failed for good (UnrecoverableError): no other worker retries it.
 * A worker whose engine id differs from the coordinator's (another version or build) does not
 * serve the experiment: its results could differ from a local run's.
 * @example
 * const worker = await startWorker({ redis: 'redis://10.0.0.5:6379', secret: readFleetSecret() });
 * process.on('SIGTERM', () => worker.close());
 */
export async function startWorker(options: WorkerOptions): Promise<FleetWorker> {
  const log = options.log ?? (() => {});
  // While Redis is down every connection reports every retry: one line per outage is enough.
  const trouble = throttledLog(log);
  const { secret } = options;
  const engine = options.engine ?? engineId();
  const concurrency = options.concurrency ?? defaultWorkers();
  const lockDuration = options.lockDurationMs ?? 30_000;
  const budget = options.maxRunBytes ?? defaultRunBudget(concurrency);
  const connection = connectRedis(options.redis, `settle-worker-${hostname()}-${process.pid}`);
  // ioredis reconnects by itself (a Redis restart pauses the worker); the log says so, throttled.
  connection.on('error', (error: Error) => trouble(fleetMsg.redisTrouble(error.message)));
  try {
    await waitForRedis(connection, options.redis);
  } catch (error) {
    connection.disconnect();
    throw error;
  }
  const pool = new RunPool({ workers: concurrency });
  const workers = new Map<string, Worker<RunJobData, string>>();
  const counts: WorkerCounts = {
    runs: 0,
    forgedJobs: 0,
    invalidJobs: 0,
    overBudgetJobs: 0,
    refusedAnnouncements: 0,
  };
  /** Entries not served, by id, with the text refused (a changed entry is looked at again). */
  const refused = new Map<string, string>();
  const stop = new AbortController();

  /** Runs one job of an experiment, or fails it for good if it must not run. */
  const runJob = async (
    entry: ExperimentEntry,
    jobId: string | undefined,
    data: unknown,
  ): Promise<string> => {
    const opened = openJob(secret, entry.id, jobId, data);
    if (!opened.ok) {
      counts.forgedJobs += 1;
      throw new UnrecoverableError(opened.why);
    }
    const checked = checkRunSpec(opened.value.spec);
    if (!checked.ok) {
      counts.invalidJobs += 1;
      throw new UnrecoverableError(checked.why);
    }
    const need = estimateJobResources([checked.value.config], { runsEach: 1, workers: 1 });
    const overBudget = checkMemoryBudget(need, budget);
    if (overBudget) {
      counts.overBudgetJobs += 1;
      throw new UnrecoverableError(fleetMsg.jobOverBudget(overBudget));
    }
    const output = await pool.run(checked.value.spec);
    return signResult(secret, entry.id, opened.value.run, output);
  };

  const join = (entry: ExperimentEntry) => {
    const worker = new Worker<RunJobData, string>(
      queueName(entry.id),
      (job) => runJob(entry, job.id, job.data),
      {
        connection,
        prefix: QUEUE_PREFIX,
        concurrency,
        lockDuration,
        stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
        maxStalledCount: options.maxStalled ?? 3,
        name: `${hostname()}-${process.pid}`,
      },
    );
    worker.on('error', (error) => trouble(fleetMsg.workerTrouble(entry.name, error.message)));
    worker.on('stalled', (jobId) => log(fleetMsg.stalled(entry.name, jobId)));
    worker.on('failed', (job, error) => {
      if (!job) return;
      if (error instanceof UnrecoverableError)
        log(fleetMsg.jobRefused(entry.name, String(job.id), error.message));
      else log(fleetMsg.runFailed(entry.name, job.id, error.message));
    });
    worker.on('completed', (job) => {
      counts.runs += 1;
      options.onRun?.(entry.id, Number(job.data.run));
    });
    workers.set(entry.id, worker);
    log(fleetMsg.serving(entry.name, entry.id));
  };

  const leave = async (id: string) => {
    const worker = workers.get(id);
    workers.delete(id);
    await worker?.close();
    log(fleetMsg.left(id));
  };

  /** Joins a newly announced experiment if its announcement is authentic and of this engine. */
  const consider = (id: string, text: string) => {
    if (refused.get(id) === text) return;
    const opened = openAnnouncement(secret, id, text);
    refused.set(id, text);
    if (!opened.ok) {
      counts.refusedAnnouncements += 1;
      log(fleetMsg.announcementRefused(id, opened.why));
      return;
    }
    const entry = opened.value;
    if (entry.engine !== engine) {
      log(fleetMsg.otherEngine(entry.name, entry.id, entry.engine, engine));
      return;
    }
    refused.delete(id);
    join(entry);
  };

  // Follows the registry: join new experiments, leave finished ones.
  const follow = async () => {
    while (!stop.signal.aborted) {
      try {
        const registry = await connection.hgetall(REGISTRY_KEY);
        for (const [id, text] of Object.entries(registry)) {
          if (workers.has(id) || stop.signal.aborted) continue;
          consider(id, text);
        }
        for (const id of [...workers.keys()]) if (!Object.hasOwn(registry, id)) await leave(id);
        for (const id of [...refused.keys()]) if (!Object.hasOwn(registry, id)) refused.delete(id);
      } catch (error) {
        trouble(fleetMsg.registryTrouble((error as Error).message));
      }
      await sleep(REGISTRY_POLL_MS, stop.signal);
    }
  };
  const following = follow();

  return {
    serving: () => [...workers.keys()],
    counts: () => ({ ...counts }),
    async close() {
      stop.abort();
      await following;
      await Promise.all([...workers.values()].map((w) => w.close()));
      workers.clear();
      await pool.destroy();
      connection.disconnect();
    },
  };
}

/**
 * The experiments announced in Redis, by id, as written there: for monitoring only. Entries
 * that do not parse are skipped; the others are not checked against the fleet secret (a
 * worker checks each with openAnnouncement before it touches a queue).
 */
export async function readRegistry(connection: Redis): Promise<Map<string, ExperimentEntry>> {
  const raw = await connection.hgetall(REGISTRY_KEY);
  const entries = new Map<string, ExperimentEntry>();
  for (const [id, text] of Object.entries(raw)) {
    try {
      const entry = JSON.parse(text) as ExperimentEntry;
      if (typeof entry.queue === 'string' && typeof entry.engine === 'string') entries.set(id, entry);
    } catch {
      // Not ours: ignore.
    }
  }
  return entries;
}
