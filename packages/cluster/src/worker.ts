import { hostname } from 'node:os';
import { defaultWorkers, RunPool } from '@smart-settlement/runner';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { sleep } from './coordinator-lock.js';
import { engineId } from './engine-id.js';
import { type ExperimentEntry, REGISTRY_KEY, type RunJobData } from './names.js';
import { connectRedis, waitForRedis } from './redis-url.js';
import { throttledLog } from './throttled-log.js';
import { encodeValue } from './wire.js';

/** Options of startWorker. */
export interface WorkerOptions {
  /** redis://HOST:PORT */
  redis: string;
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
  /** Engine id of this worker; default engineId() (version + hash of the engine's code). */
  engine?: string;
  /** Status lines: experiments joined and left, runs failed. */
  log?: (line: string) => void;
  /** Called when a run is done here (for counters). */
  onRun?: (experiment: string, run: number) => void;
}

/** A running worker process's fleet member. */
export interface FleetWorker {
  /** Experiments being served now (ids). */
  serving(): string[];
  /** Stops taking runs, lets the runs in progress finish, and closes everything. */
  close(): Promise<void>;
}

const REGISTRY_POLL_MS = 500;

/**
 * Joins the fleet: serves every experiment a coordinator announces in Redis, running its runs
 * on a pool of worker threads (so this thread stays free to renew the runs' locks) and
 * returning each result to Redis, where the coordinator takes it. A worker whose engine id
 * differs from the coordinator's (another version or build) does not serve the experiment:
 * its results could differ from a local run's.
 * @example
 * const worker = await startWorker({ redis: 'redis://10.0.0.5:6379' });
 * process.on('SIGTERM', () => worker.close());
 */
export async function startWorker(options: WorkerOptions): Promise<FleetWorker> {
  const log = options.log ?? (() => {});
  // While Redis is down every connection reports every retry: one line per outage is enough.
  const trouble = throttledLog(log);
  const engine = options.engine ?? engineId();
  const concurrency = options.concurrency ?? defaultWorkers();
  const lockDuration = options.lockDurationMs ?? 30_000;
  const connection = connectRedis(options.redis, `settle-worker-${hostname()}-${process.pid}`);
  // ioredis reconnects by itself (a Redis restart pauses the worker); the log says so, throttled.
  connection.on('error', (error: Error) => trouble(`Redis: ${error.message} (retrying)`));
  try {
    await waitForRedis(connection, options.redis);
  } catch (error) {
    connection.disconnect();
    throw error;
  }
  const pool = new RunPool({ workers: concurrency });
  const workers = new Map<string, Worker<RunJobData, string>>();
  const refused = new Set<string>();
  const stop = new AbortController();

  const join = (entry: ExperimentEntry) => {
    const worker = new Worker<RunJobData, string>(
      entry.queue,
      async (job) => encodeValue(await pool.run(job.data.spec)),
      {
        connection,
        concurrency,
        lockDuration,
        stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
        maxStalledCount: options.maxStalled ?? 3,
        name: `${hostname()}-${process.pid}`,
      },
    );
    worker.on('error', (error) => trouble(`${entry.name}: ${error.message}`));
    worker.on('stalled', (jobId) =>
      log(`${entry.name}: ${jobId} was held by a worker that went silent: back on the queue`),
    );
    worker.on('failed', (job, error) => {
      if (job) log(`${entry.name}: run ${job.data.run} failed: ${error.message}`);
    });
    worker.on('completed', (job) => options.onRun?.(entry.id, job.data.run));
    workers.set(entry.id, worker);
    log(`serving ${entry.name} (${entry.id})`);
  };

  const leave = async (id: string) => {
    const worker = workers.get(id);
    workers.delete(id);
    await worker?.close();
    log(`left ${id}: no longer announced (its sweep is over)`);
  };

  // Follows the registry: join new experiments, leave finished ones.
  const follow = async () => {
    while (!stop.signal.aborted) {
      try {
        const registry = await readRegistry(connection);
        for (const entry of registry.values()) {
          if (workers.has(entry.id) || stop.signal.aborted) continue;
          if (entry.engine !== engine) {
            if (!refused.has(entry.id))
              log(
                `not serving ${entry.name} (${entry.id}): its coordinator runs engine ${entry.engine}, this worker ${engine}; results must come from the same engine: build every machine from the same commit`,
              );
            refused.add(entry.id);
            continue;
          }
          join(entry);
        }
        for (const id of [...workers.keys()]) if (!registry.has(id)) await leave(id);
      } catch (error) {
        trouble(`registry: ${(error as Error).message}`);
      }
      await sleep(REGISTRY_POLL_MS, stop.signal);
    }
  };
  const following = follow();

  return {
    serving: () => [...workers.keys()],
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

/** The experiments announced in Redis, by id (entries that do not parse are skipped). */
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
