import type { RunOutput, RunSpec } from '../run-spec.js';
import type { ResultsStore, ResultsStoreOptions, RunRecord } from '../store/results-store.js';
import type { StoreTable } from '../store/tables.js';
import { designPoints } from './design.js';
import type { RunExecutor } from './executor.js';
import type { ExperimentPlan } from './plan.js';

/**
 * The run records of a plan, generated lazily from its design points, one point at a time
 * (for {@link ResultsStore.registerRuns}): the design is never held whole.
 */
export function* planRunRecords(plan: ExperimentPlan): Generator<RunRecord> {
  let point = 0;
  for (const { values } of designPoints(plan.experiment)) {
    for (let replication = 0; replication < plan.replications; replication++)
      yield {
        id: plan.runId(point, replication),
        point,
        replication,
        seed: plan.experiment.seed,
        parameters: values,
      };
    point += 1;
  }
}

/** Options of {@link runPending}. */
export interface RunPendingOptions {
  /** Called after each write with (runs done in all, runs in all, runs done by this call). */
  onProgress?: (done: number, total: number, doneNow: number) => void;
  /** Stop starting runs once aborted; runs in flight finish and are recorded. */
  signal?: AbortSignal;
  /** Write at most this long after a run finishes (default 1000 ms). */
  flushMs?: number;
  /** Write once this many results wait (default 64). */
  flushRuns?: number;
}

/** What a sweep did. */
export interface SweepSummary {
  total: number;
  /** Done before this call (resumed). */
  alreadyDone: number;
  /** Recorded by this call. */
  recorded: number;
  /** Failed in this call (with their errors in the store). */
  failed: number;
  /** True if stopped by the signal before the end. */
  stopped: boolean;
}

/**
 * Runs whatever runs of `ids` are not done yet, at most `2 x workers` in flight, and writes
 * results to the store in batches as they arrive (never all at once: memory stays bounded
 * however long the sweep). Results are recorded idempotently, so calling it again after an
 * interruption, or for ids another process already did, neither loses nor double-counts runs.
 * `specOf` builds a run's spec on demand.
 */
export async function runPending(
  ids: Iterable<number> | AsyncIterable<number>,
  specOf: (id: number) => Parameters<RunExecutor['run']>[0],
  store: ResultsStore,
  executor: RunExecutor,
  options: RunPendingOptions & { total: number; alreadyDone: number },
): Promise<SweepSummary> {
  const window = Math.max(1, executor.workers * 2);
  const flushMs = options.flushMs ?? 1000;
  const flushRuns = options.flushRuns ?? 64;
  let buffer: { id: number; output: RunOutput }[] = [];
  let failures: { id: number; message: string }[] = [];
  let lastFlush = Date.now();
  let recorded = 0;
  let failed = 0;
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown;
  // Outputs held in memory: waiting in the buffer or being written. The loop waits for the
  // store when they reach a batch, so a fast executor never piles results up.
  let held = 0;

  const flush = () => {
    const batch = buffer;
    const failedBatch = failures;
    buffer = [];
    failures = [];
    lastFlush = Date.now();
    writing = writing
      .then(async () => {
        if (writeError) return;
        recorded += await store.recordRuns(batch);
        for (const f of failedBatch) await store.recordFailure(f.id, f.message);
        failed += failedBatch.length;
        options.onProgress?.(options.alreadyDone + recorded, options.total, recorded);
      })
      .catch((error: unknown) => {
        writeError ??= error;
      })
      .finally(() => {
        held -= batch.length + failedBatch.length;
      });
  };

  const inFlight = new Set<Promise<void>>();
  for await (const id of ids) {
    if (options.signal?.aborted) break;
    while (inFlight.size >= window) await Promise.race(inFlight);
    if (held >= flushRuns) await writing;
    if (writeError) break;
    if (options.signal?.aborted) break;
    const task = executor
      .run(specOf(id))
      .then(
        (output) => {
          buffer.push({ id, output });
        },
        (error: unknown) => {
          failures.push({ id, message: error instanceof Error ? error.message : String(error) });
        },
      )
      .then(() => {
        held += 1;
        inFlight.delete(task);
        if (buffer.length + failures.length >= flushRuns || Date.now() - lastFlush >= flushMs) flush();
      });
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  flush();
  await writing;
  if (writeError) throw writeError;
  return {
    total: options.total,
    alreadyDone: options.alreadyDone,
    recorded,
    failed,
    stopped: options.signal?.aborted === true && options.alreadyDone + recorded < options.total,
  };
}

/**
 * Runs an experiment's sweep into its store: registers every run (once, streaming the design
 * into the store), then runs the pending ones, read back from the store with their parameters
 * a chunk at a time. Neither the design nor the list of runs is ever held whole, so the
 * sweep's memory does not grow with its size. Rerunning the same plan on the same store
 * continues where it stopped.
 * @example
 * const store = await ResultsStore.open(`${dir}/results.duckdb`, storeOptions(plan));
 * const summary = await runSweep(plan, store, inProcessExecutor());
 */
export async function runSweep(
  plan: ExperimentPlan,
  store: ResultsStore,
  executor: RunExecutor,
  options: RunPendingOptions = {},
): Promise<SweepSummary> {
  const { ids, specOf, total, alreadyDone } = await pendingSweep(plan, store);
  return runPending(ids, specOf, store, executor, { ...options, total, alreadyDone });
}

/** The runs of a sweep still to do, out of `total`, `alreadyDone` being done before. */
export interface PendingSweep {
  /** The ids of the runs still to do, read from the store a chunk at a time. */
  ids: AsyncIterable<number>;
  /**
   * The spec of one of those runs: from the parameters the store holds for it while its chunk
   * is being given out, else from the design (the same values).
   */
  specOf(id: number): RunSpec;
  total: number;
  alreadyDone: number;
}

/**
 * Registers every run of a plan in its store (once) and returns those still to do: the
 * set-up of every sweep, on this machine ({@link runSweep}) or on a fleet.
 * @example const { ids, specOf, alreadyDone } = await pendingSweep(plan, store);
 */
export async function pendingSweep(plan: ExperimentPlan, store: ResultsStore): Promise<PendingSweep> {
  // Registration is one transaction: a store with every run registered was registered whole.
  if ((await store.counts('sweep')).total < plan.runCount) await store.registerRuns(planRunRecords(plan));
  const { done } = await store.counts('sweep');
  // The parameters of the chunk of runs being given out, as the store holds them. Only one
  // chunk is kept: a caller that takes every id first (the fleet's coordinator) gets the
  // later runs' specs from the design instead (plan.runSpec, point by point).
  const parameters = new Map<number, readonly number[]>();
  async function* pendingIds() {
    for await (const runs of store.pendingRuns('sweep')) {
      parameters.clear();
      for (const run of runs) {
        parameters.set(run.id, run.parameters);
        yield run.id;
      }
    }
  }
  const specOf = (id: number): RunSpec => {
    const values = parameters.get(id);
    parameters.delete(id);
    if (!values) return plan.runSpec(id);
    return {
      scenario: plan.scenarioAt(values),
      seed: plan.experiment.seed,
      replication: plan.runKey(id).replication,
    };
  };
  return { ids: pendingIds(), specOf, total: plan.runCount, alreadyDone: done };
}

/** The store options of a plan: its fingerprint, parameter names and tables. */
export function storeOptions(plan: ExperimentPlan): ResultsStoreOptions {
  return {
    fingerprint: plan.fingerprint,
    parameterNames: plan.parameterNames,
    tables: plan.experiment.tables as StoreTable[],
  };
}
