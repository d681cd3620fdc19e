import { intakeClasses } from '@smart-settlement/core';
import type { RunOutput, RunSpec } from '@smart-settlement/runner';
import { resolveScenario } from '@smart-settlement/scenarios';
import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { openJob, openResult, signAnnouncement, signJob } from './authentication.js';
import { CoordinatorLock, sleep } from './coordinator-lock.js';
import { engineId } from './engine-id.js';
import type { FleetSecret } from './fleet-secret.js';
import { fleetMsg } from './messages.js';
import { jobIdOf, QUEUE_PREFIX, queueName, REGISTRY_KEY, type RunJobData } from './names.js';
import { connectRedis, waitForRedis } from './redis-url.js';
import { checkRunOutput, type ExpectedRun } from './result-check.js';
import { throttledLog } from './throttled-log.js';

/** What the coordinator needs of an experiment: an id, a name, and the spec of each run id. */
export interface ClusterExperiment {
  /** Stable id of the experiment (its fingerprint): names its queue. */
  id: string;
  /** A readable name for logs. */
  name: string;
  /** The spec of run `run` (built on demand). */
  runSpec(run: number): RunSpec;
}

/** One finished run. */
export interface FinishedRun {
  run: number;
  output: RunOutput;
}

/**
 * Where results go: the experiment's store, or a fake in tests. `record` must be idempotent:
 * recording a run that is already recorded changes nothing (a result can arrive twice).
 */
export interface ResultSink {
  /** The ids of the runs not yet recorded. */
  pending(): Iterable<number> | AsyncIterable<number> | Promise<Iterable<number>>;
  /** Records finished runs (a batch: one transaction in a database); may return a promise. */
  record(results: readonly FinishedRun[]): unknown;
  /** Notes a run that failed every attempt, with the error (optional). */
  recordFailure?(run: number, reason: string): unknown;
}

/** Where a sweep on the fleet stands. */
export interface SweepProgress {
  /** Runs recorded by this coordinator so far. */
  recorded: number;
  /** Runs that were pending when it started. */
  total: number;
  /** Runs that failed every attempt. */
  failed: number;
  /** Worker connections on the experiment's queue (0 if Redis will not say). */
  workers: number;
  /** Results rejected (no valid authentication code, or malformed); their runs are run again. */
  rejected: number;
  /** Jobs found on the queue without a valid code (not put there by a coordinator): removed. */
  foreign: number;
}

/** A run that failed on every attempt, with the worker's error. */
export interface FailedRun {
  run: number;
  reason: string;
}

/** How a coordinator session ended. */
export interface SweepOutcome {
  total: number;
  recorded: number;
  failed: FailedRun[];
  /** True if `signal` stopped it before the end; run it again to continue. */
  stopped: boolean;
  /** Results rejected (see SweepProgress.rejected). */
  rejected: number;
  /** Foreign jobs removed from the queue (see SweepProgress.foreign). */
  foreign: number;
}

/** Options of coordinateSweep. */
export interface CoordinatorOptions {
  /** redis://HOST:PORT */
  redis: string;
  /** The fleet secret (readFleetSecret): signs jobs and the announcement, checks results. */
  secret: FleetSecret;
  experiment: ClusterExperiment;
  store: ResultSink;
  /** Runs on the queue at once, at most (bounds Redis memory); default 1000. */
  window?: number;
  /** Tries per run before it counts as failed (exceptions; crashes count as stalls); default 3. */
  attempts?: number;
  /** Results of one run rejected before the run counts as failed; default 5. */
  maxRejected?: number;
  /** Engine id announced to workers; default engineId() (version + hash of the engine's code). */
  engine?: string;
  /** Stops the session (Ctrl-C): jobs stay on the queue for the next session. */
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  /** Status lines (waiting for a lock, lost jobs put back...). */
  log?: (line: string) => void;
}

const COLLECT_BATCH = 50;
const CHECK_EVERY_MS = 2000;
const IDLE_POLL_MS = 200;
const LIVE_STATES = [
  'active',
  'waiting',
  'delayed',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
] as const;

/**
 * Runs the coordinator of an experiment on the fleet: puts its pending runs on the queue
 * (job id = run id, at most `window` at once, each signed with the fleet secret), takes
 * results as workers complete them and records each one in the store, then removes the job.
 * Only a result with a valid authentication code and the shape and ranges of a run's output
 * enters the store; any other is counted, logged and its run put back on the queue (after
 * `maxRejected` rejections the run counts as failed), and the sweep goes on. At least once,
 * never twice:
 * - a run whose worker dies is put back on the queue by BullMQ's stalled-job check;
 * - a result is recorded only while its run is pending, and `store.record` is idempotent;
 * - a stopped coordinator leaves its jobs on the queue; started again, it re-adds only pending
 *   runs (adding a job id that exists is a no-op) and collects what finished meanwhile;
 * - jobs lost with Redis's memory (a restart without persistence) are noticed and re-added.
 * @example
 * const secret = readFleetSecret();
 * const outcome = await coordinateSweep({ redis: 'redis://127.0.0.1:6379', secret, experiment, store });
 */
export async function coordinateSweep(options: CoordinatorOptions): Promise<SweepOutcome> {
  const log = options.log ?? (() => {});
  const redisTrouble = throttledLog((line) => log(fleetMsg.redisTrouble(line)));
  const connection = connectRedis(options.redis, 'settle-coordinator');
  // ioredis reconnects by itself; say so once in a while instead of at every retry.
  connection.on('error', (error: Error) => redisTrouble(error.message));
  try {
    await waitForRedis(connection, options.redis);
    const lock = new CoordinatorLock(connection, options.experiment.id);
    const acquired = await lock.acquire(options.signal, (holder) => log(fleetMsg.waitingForLock(holder)));
    if (!acquired) return { total: 0, recorded: 0, failed: [], stopped: true, rejected: 0, foreign: 0 };
    const queue = new Queue<RunJobData>(queueName(options.experiment.id), {
      connection,
      prefix: QUEUE_PREFIX,
      defaultJobOptions: {
        attempts: options.attempts ?? 3,
        backoff: { type: 'fixed', delay: 1000 },
        // Results stay in Redis until the coordinator has recorded them.
        removeOnComplete: false,
        removeOnFail: false,
      },
    });
    queue.on('error', (error: Error) => redisTrouble(error.message));
    try {
      return await new Session(options, connection, queue, lock, log).run();
    } finally {
      await queue.close();
      await lock.release().catch(() => {});
    }
  } finally {
    connection.disconnect();
  }
}

/** One coordinator session: the state of the runs between start and stop. */
class Session {
  /** Pending runs not yet recorded (failed ones stay here too). */
  private readonly remaining = new Set<number>();
  /** Runs put on the queue by this session and not yet collected. */
  private readonly outstanding = new Set<number>();
  private readonly failed = new Map<number, string>();
  /** Results rejected so far, by run. */
  private readonly rejections = new Map<number, number>();
  /** Runs to put (back) on the queue before the next ones of the backlog. */
  private readonly requeue: number[] = [];
  private backlog: number[] = [];
  private cursor = 0;
  private total = 0;
  private recorded = 0;
  private workers = 0;
  private rejected = 0;
  private foreign = 0;

  constructor(
    private readonly options: CoordinatorOptions,
    private readonly connection: Redis,
    private readonly queue: Queue<RunJobData>,
    private readonly lock: CoordinatorLock,
    private readonly log: (line: string) => void,
  ) {}

  async run(): Promise<SweepOutcome> {
    const { signal } = this.options;
    for await (const run of await this.options.store.pending()) this.remaining.add(run);
    this.total = this.remaining.size;
    this.backlog = [...this.remaining];
    await this.forgetOldFailures();
    await this.announce();
    this.report();
    let lastCheck = Date.now();
    while (!signal?.aborted && this.remaining.size > this.failed.size) {
      await this.topUp();
      const collected = await this.collect();
      if (Date.now() - lastCheck >= CHECK_EVERY_MS) {
        await this.check();
        lastCheck = Date.now();
      }
      if (collected > 0) this.report();
      else await sleep(IDLE_POLL_MS, signal);
    }
    const stopped = Boolean(signal?.aborted) && this.remaining.size > this.failed.size;
    if (!stopped) await this.withdraw();
    this.report();
    return {
      total: this.total,
      recorded: this.recorded,
      failed: [...this.failed].map(([run, reason]) => ({ run, reason })),
      stopped,
      rejected: this.rejected,
      foreign: this.foreign,
    };
  }

  /** Failed jobs left by an earlier session are removed, so that their runs are tried again. */
  private async forgetOldFailures(): Promise<void> {
    for (;;) {
      const jobs = await this.queue.getJobs(['failed'], 0, COLLECT_BATCH - 1, true);
      if (jobs.length === 0) return;
      for (const job of jobs) await this.queue.remove(job.id!);
    }
  }

  /** Tells workers (again, in case Redis restarted) that this experiment has runs to do. */
  private async announce(): Promise<void> {
    const { experiment, secret } = this.options;
    const entry = signAnnouncement(secret, {
      id: experiment.id,
      name: experiment.name,
      engine: this.options.engine ?? engineId(),
    });
    await this.connection.hset(REGISTRY_KEY, experiment.id, JSON.stringify(entry));
  }

  /** Done: workers may leave the queue, and its keys go. */
  private async withdraw(): Promise<void> {
    await this.connection.hdel(REGISTRY_KEY, this.options.experiment.id);
    await this.queue.obliterate({ force: true }).catch(() => {});
  }

  /** Adds runs until `window` of this session's are on the queue. */
  private async topUp(): Promise<void> {
    const window = this.options.window ?? 1000;
    const batch: number[] = [];
    while (this.outstanding.size + batch.length < window) {
      const run = this.requeue.length > 0 ? this.requeue.shift() : this.backlog[this.cursor++];
      if (run === undefined) break;
      if (this.remaining.has(run) && !this.failed.has(run) && !this.outstanding.has(run)) batch.push(run);
    }
    if (batch.length === 0) return;
    const { experiment, secret } = this.options;
    // A job id already on the queue (from an earlier session) is left as it is.
    await this.queue.addBulk(
      batch.map((run) => ({
        name: 'run',
        data: signJob(secret, experiment.id, run, experiment.runSpec(run)),
        opts: { jobId: jobIdOf(run) },
      })),
    );
    for (const run of batch) this.outstanding.add(run);
  }

  /**
   * Records finished runs whose results pass their checks, then removes their jobs (in this
   * order: a crash in between leaves a job whose run is recorded, which the next session
   * removes without recording it again). Returns how many jobs it took.
   */
  private async collect(): Promise<number> {
    const { store } = this.options;
    const completed = await this.queue.getJobs(['completed'], 0, COLLECT_BATCH - 1, true);
    const fresh: FinishedRun[] = [];
    for (const job of completed) {
      const run = this.ownRun(job);
      // The same run twice in one batch cannot happen (one job per run id), but be sure.
      if (run === undefined || !this.remaining.has(run) || fresh.some((r) => r.run === run)) continue;
      const output = await this.acceptedOutput(run, job.returnvalue);
      if (output) fresh.push({ run, output });
    }
    if (fresh.length > 0) await store.record(fresh);
    for (const { run } of fresh) {
      this.remaining.delete(run);
      this.recorded += 1;
    }
    for (const job of completed) await this.removeJob(job);
    const failed = await this.queue.getJobs(['failed'], 0, COLLECT_BATCH - 1, true);
    for (const job of failed) {
      const run = this.ownRun(job);
      if (run !== undefined && this.remaining.has(run) && !this.failed.has(run)) {
        const reason = job.failedReason || 'failed';
        this.failed.set(run, reason);
        await store.recordFailure?.(run, reason);
      }
      await this.removeJob(job);
    }
    return completed.length + failed.length;
  }

  /**
   * The run of a job this coordinator (or an earlier one of the same experiment) put on the
   * queue: its data has the fleet secret's code for that run. Any other job is foreign: it
   * is counted and logged here, and removed by removeJob.
   */
  private ownRun(job: Job<RunJobData>): number | undefined {
    const opened = openJob(this.options.secret, this.options.experiment.id, job.id, job.data);
    if (opened.ok) return opened.value.run;
    this.foreign += 1;
    this.log(fleetMsg.foreignJobRemoved(String(job.id), opened.why));
    return undefined;
  }

  /**
   * A result's output if its code is right and it is a well-formed output of `run`; else
   * undefined, after counting and logging the rejection and putting the run back (or, after
   * `maxRejected` rejections, counting it as failed).
   */
  private async acceptedOutput(run: number, returned: unknown): Promise<RunOutput | undefined> {
    const { secret, experiment } = this.options;
    const opened = openResult(secret, experiment.id, run, returned);
    const problem = opened.ok ? checkRunOutput(opened.value, this.expected(run)) : opened.why;
    if (problem === undefined) return (opened as { value: RunOutput }).value;
    this.rejected += 1;
    const times = (this.rejections.get(run) ?? 0) + 1;
    this.rejections.set(run, times);
    const again = times < (this.options.maxRejected ?? 5);
    this.log(fleetMsg.resultRejected(run, opened.ok ? fleetMsg.resultMalformed(problem) : problem, again));
    if (!again) {
      const reason = fleetMsg.rejectedTooOften(times);
      this.failed.set(run, reason);
      await this.options.store.recordFailure?.(run, reason);
    }
    return undefined;
  }

  /** What run `run`'s output must match, from its own spec. */
  private expected(run: number): ExpectedRun {
    const spec: RunSpec = this.options.experiment.runSpec(run);
    const { config } = resolveScenario(spec.scenario);
    return {
      scenario: config.name,
      seed: spec.seed,
      replication: spec.replication,
      years: config.years,
      places: config.places.map((p) => p.name),
      classes: intakeClasses(config.intake).map((c) => c.name),
    };
  }

  /**
   * Removes a collected job. A run of this session whose job goes without a result recorded
   * (rejected, or a foreign job in its place) is put back on the queue.
   */
  private async removeJob(job: Job<RunJobData>): Promise<void> {
    await this.queue.remove(job.id!);
    const run = /^run-(\d+)$/.exec(job.id ?? '') ? Number(job.id!.slice(4)) : undefined;
    if (run === undefined || !this.outstanding.delete(run)) return;
    if (this.remaining.has(run) && !this.failed.has(run)) this.requeue.push(run);
  }

  /** Keeps the lock and the announcement, and puts back jobs Redis lost. */
  private async check(): Promise<void> {
    if (!(await this.lock.renew())) throw new Error(fleetMsg.lockLost);
    await this.announce();
    const counts = await this.queue.getJobCounts(...LIVE_STATES);
    const live = Object.values(counts).reduce((a, b) => a + b, 0);
    if (live < this.outstanding.size) {
      let lost = 0;
      for (const run of [...this.outstanding]) {
        if ((await this.queue.getJobState(jobIdOf(run))) !== 'unknown') continue;
        this.outstanding.delete(run);
        this.requeue.push(run);
        lost += 1;
      }
      if (lost > 0) this.log(fleetMsg.runsLost(lost));
    }
    this.workers = await this.queue.getWorkersCount().catch(() => 0);
    this.report();
  }

  private report(): void {
    this.options.onProgress?.({
      recorded: this.recorded,
      total: this.total,
      failed: this.failed.size,
      workers: this.workers,
      rejected: this.rejected,
      foreign: this.foreign,
    });
  }
}
