// Runs a paired comparison with core's runEnsemble, its runs done on a few Web Workers: each
// time every scenario has finished one more replication, the figures and the charts' tables are
// rebuilt from the ensemble's summaries (paired differences against the first scenario), so the
// 90% intervals tighten as replications accumulate. A new request cancels the one in flight;
// runs already done are kept (the reference does not change when a lever does).
import {
  type EnsembleSummaries,
  type EnsembleTask,
  type ModelConfig,
  runEnsemble,
  type SummaryDocument,
  summaryDocument,
} from '@smart-settlement/core';
import { ontarioPlaces, resolveScenario } from '@smart-settlement/scenarios';
import { type ResultTables, resultTablesFromRows } from '@smart-settlement/viz';
import type { RunRequest, RunTables, RunTask, WorkerMessage } from './protocol.js';

/** The source of the engine's worker, inlined by the page's build (scripts/build-page.mjs). */
declare const __ENGINE_WORKER_SOURCE__: string;

/** Where a comparison stands. */
export interface RunProgress {
  /** Replications every scenario has finished (the first `done` replications). */
  done: number;
  total: number;
  /** Milliseconds since the request. */
  elapsed: number;
  finished: boolean;
  /** summary.json of the replications done, and the charts' tables (after the first replication). */
  results?: { summary: SummaryDocument; tables: ResultTables };
  error?: string;
}

/** Runs kept for reuse (about 0.1 MB each). */
const CACHE_RUNS = 400;

let workerUrl: string | undefined;
function startWorker(): Worker {
  // A page opened from file:// cannot load a worker script by URL; a Blob URL of inlined code works.
  workerUrl ??= URL.createObjectURL(new Blob([__ENGINE_WORKER_SOURCE__], { type: 'text/javascript' }));
  return new Worker(workerUrl);
}

/** A run waiting for, or running on, a worker. */
interface Pending {
  task: RunTask;
  /** Its key in the cache of runs. */
  key: string;
  resolve(tables: RunTables): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The run it is doing, if any. */
  job?: Pending;
}

/** Why the runs of a cancelled request stop (never shown: a cancelled request reports nothing). */
class Cancelled extends Error {}

/** Runs comparisons on a pool of Web Workers, one run per task, reporting after each replication. */
export class RunSession {
  private readonly slots: Slot[] = [];
  private readonly cache = new Map<string, RunTables>();
  private ticket = 0;
  private waiting: Pending[] = [];
  private current?: { ticket: number; total: number; done: number; started: number };

  constructor(
    private readonly onProgress: (progress: RunProgress) => void,
    workers = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)),
  ) {
    for (let i = 0; i < workers; i++) this.slots.push(this.newSlot());
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: startWorker() };
    slot.worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.received(slot, event.data);
    slot.worker.onerror = (event) => {
      event.preventDefault();
      if (!this.slots.includes(slot)) return;
      const job = slot.job;
      this.replace(slot);
      job?.reject(new Error(event.message || 'the engine stopped'));
    };
    return slot;
  }

  /** Starts a comparison, cancelling any in flight. The first scenario is the reference. */
  start(request: RunRequest): void {
    this.cancel();
    const ticket = this.ticket;
    const current = { ticket, total: request.replications, done: 0, started: performance.now() };
    this.current = current;
    const configs = request.scenarios.map((s) => resolveScenario(s).config);
    const runs: RunTables[] = [];
    runEnsemble<RunTables>(configs, {
      replications: request.replications,
      seed: request.seed,
      workers: { concurrency: 2 * this.slots.length, run: (task) => this.run(ticket, request, task) },
      sink: (run) => {
        runs.push(run);
      },
      onReplication: (done, summaries) => {
        if (this.current !== current) return;
        current.done = done;
        const finished = done === request.replications;
        if (finished) this.current = undefined;
        this.onProgress({
          done,
          total: request.replications,
          elapsed: performance.now() - current.started,
          finished,
          results: gather(request, configs, done, runs, summaries),
        });
      },
    }).catch((error: unknown) => {
      if (this.current === current) this.fail(error instanceof Error ? error.message : String(error));
    });
  }

  /** Stops the comparison in flight, if any: busy workers are replaced, results so far kept. */
  cancel(): void {
    this.ticket++;
    this.current = undefined;
    const waiting = this.waiting;
    this.waiting = [];
    for (const job of waiting) job.reject(new Cancelled());
    for (const slot of this.slots) {
      const job = slot.job;
      if (!job) continue;
      this.replace(slot);
      job.reject(new Cancelled());
    }
  }

  /** One run of a request: from the cache, or on the next free worker. */
  private run(ticket: number, request: RunRequest, task: EnsembleTask): Promise<RunTables> | RunTables {
    const scenario = request.scenarios[task.scenarioIndex];
    const key = `${JSON.stringify(scenario)}|${task.seed}|${task.replication}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (ticket !== this.ticket) return Promise.reject(new Cancelled());
    return new Promise((resolve, reject) => {
      this.waiting.push({
        task: { ticket, scenario, seed: task.seed, replication: task.replication },
        key,
        resolve,
        reject,
      });
      const free = this.slots.find((slot) => !slot.job);
      if (free) this.dispatch(free);
    });
  }

  /** A fresh worker in place of the slot's (terminated with whatever it was doing). */
  private replace(slot: Slot): void {
    slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.newSlot();
  }

  private dispatch(slot: Slot): void {
    const job = this.waiting.shift();
    slot.job = job;
    if (job) slot.worker.postMessage(job.task);
  }

  private received(slot: Slot, message: WorkerMessage): void {
    // A message a replaced (terminated) worker had already sent: its job was cancelled, and
    // the slot must not take the next waiting run, or that run would go to a dead worker and
    // the comparison would never finish.
    if (!this.slots.includes(slot)) return;
    const job = slot.job;
    slot.job = undefined;
    if (job && message.ticket === job.task.ticket) {
      if (message.type === 'error') job.reject(new Error(message.message));
      else {
        const { measures, retention, places } = message;
        const tables = { measures, retention, places };
        this.remember(job.key, tables);
        job.resolve(tables);
      }
    }
    this.dispatch(slot);
  }

  private remember(key: string, tables: RunTables): void {
    this.cache.delete(key);
    this.cache.set(key, tables);
    if (this.cache.size > CACHE_RUNS) this.cache.delete(this.cache.keys().next().value!);
  }

  private fail(message: string): void {
    const c = this.current;
    this.cancel();
    this.onProgress({
      done: c?.done ?? 0,
      total: c?.total ?? 0,
      elapsed: c ? performance.now() - c.started : 0,
      finished: true,
      error: message,
    });
  }
}

/**
 * summary.json and the charts' tables for the first `done` replications: the same document
 * `settle run` and `settle compare` write (core's summaryDocument of the ensemble's summaries),
 * and viz's tables of the runs' rows.
 */
export function gather(
  request: RunRequest,
  configs: ModelConfig[],
  done: number,
  runs: readonly RunTables[],
  summaries: EnsembleSummaries,
): { summary: SummaryDocument; tables: ResultTables } {
  const summary = summaryDocument({
    configs,
    seed: request.seed,
    replications: done,
    result: summaries,
    descriptions: request.scenarios.map((s) => s.description),
    provenance: ontarioPlaces().provenance,
  });
  const tables = resultTablesFromRows(
    summary,
    runs.flatMap((r) => r.retention),
    runs.flatMap((r) => r.places),
  );
  return { summary, tables };
}
